// The e2e harness: the emulator, code-server with this extension loaded in development mode and
// signed in with the emulator's demo token, and a Chromium page on the workbench.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { launchChromium } from '../codeServer/browser';
import { projectRoot } from '../codeServer/install';
import { RunningCodeServer, startCodeServer } from '../codeServer/server';
import { Emulator, startEmulator } from '../emulator';

export const screenshotDir = path.join(projectRoot, 'test-results', 'screenshots');

export interface Workbench {
  emulator: Emulator;
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /**
   * Load the extension as a user has it (installed; no smoke-test driver, so toasts show) instead
   * of in development mode through the test driver's payload.
   */
  asInstalled?: boolean;
  settings?: Record<string, unknown>;
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const emulator = await startEmulator({ rateLimit: 0 });
  const server = await startCodeServer({
    env: { CHATWORK_API_TOKEN: emulator.token },
    settings: { 'chatwork.apiBaseUrl': emulator.url, 'workbench.colorTheme': 'Default Dark Modern', ...options.settings },
    ...(options.asInstalled ? { linkExtensions: [projectRoot], smokeTestDriver: false } : {}),
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${projectRoot}`]]);
  const query = options.asInstalled ? '' : `&payload=${encodeURIComponent(payload)}`;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}${query}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    emulator,
    server,
    browser,
    page,
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.stop();
      await emulator.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The content frame of the webview panel whose tab shows `title`. */
export function webviewFrame(page: Page): FrameLocator {
  // Webviews are two nested iframes: the host frame, then the content ('active-frame').
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** A notification (toast or, when VS Code shows no toast, the notification center) containing `text`. */
export async function findNotification(page: Page, text: string, timeout = 30_000): Promise<Locator> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
    if (await toast.isVisible()) return toast;
    const centre = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
    if (await centre.isVisible()) return centre;
    if (!(await page.locator('.notifications-center.visible').isVisible())) {
      await page.keyboard.press('F1');
      await page.keyboard.type('Notifications: Show Notifications');
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`No notification with "${text}"`);
}
