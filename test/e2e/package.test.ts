// The packaged extension: `npm run package` builds a .vsix that contains only what users need, and
// that .vsix installs into a real VS Code (code-server) and activates there.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchChromium } from '../codeServer/browser';
import { projectRoot } from '../codeServer/install';
import { startCodeServer } from '../codeServer/server';
import { SEED_IDS, startEmulator } from '../emulator';
import { findNotification, screenshot } from './workbench';
import { listZipEntries } from './zip';

/**
 * The project is packaged in a copy of itself: `npm run package` starts with a clean production build,
 * and the working tree's dist/ stays what the other suites, running at the same time, load.
 */
const packaged = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-package-'));
const vsix = path.join(packaged, 'chatwork-vscode.vsix');
/** What the copy leaves out: installed and generated folders (node_modules is linked instead). */
const NOT_COPIED = new Set(['.git', 'node_modules', 'out', 'dist', '.vscode-test', 'test-results', 'reports', 'bench']);

function copyProject(to: string): void {
  fs.cpSync(projectRoot, to, {
    recursive: true,
    filter: (source) => {
      const top = path.relative(projectRoot, source).split(path.sep)[0] ?? '';
      return !NOT_COPIED.has(top) && !top.startsWith('.stryker-tmp') && !top.endsWith('.vsix');
    },
  });
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

/** What a user's installation may contain (inside the vsix's `extension/` folder). */
const ALLOWED = [
  /^dist\/extension\.js$/,
  /^dist\/webview\/[\w.-]+\.js$/,
  /^dist\/webview\/codicons\/codicon\.(css|ttf)$/,
  /^media\/[\w.-]+\.(css|svg|png)$/,
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt)?$/,
];

describe('e2e: packaging', function () {
  before(function () {
    this.timeout(180_000);
    copyProject(packaged);
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: packaged, stdio: 'pipe' });
  });

  after(() => fs.rmSync(packaged, { recursive: true, force: true }));

  it('contains only dist/, media/, the manifest, README, CHANGELOG and LICENSE', () => {
    const entries = listZipEntries(vsix);
    const files = entries.filter((e) => e.startsWith('extension/') && !e.endsWith('/')).map((e) => e.slice('extension/'.length));
    const unexpected = files.filter((f) => !ALLOWED.some((pattern) => pattern.test(f)));
    assert.deepStrictEqual(unexpected, [], `unexpected files in the vsix: ${unexpected.join(', ')}`);
    // vsce stores README and CHANGELOG in lower case and LICENSE as LICENSE.txt.
    const present = new Set(files.map((f) => f.toLowerCase()));
    for (const required of ['dist/extension.js', 'dist/webview/main.js', 'package.json', 'readme.md', 'changelog.md', 'license.txt', 'media/icon.png']) {
      assert.ok(present.has(required), `${required} missing from the vsix`);
    }
    assert.ok(!files.some((f) => f.endsWith('.map')), 'source maps in the vsix');
  });

  it('installs into code-server with --install-extension and activates', async () => {
    const emulator = await startEmulator({ rateLimit: 0 });
    const server = await startCodeServer({
      env: { CHATWORK_API_TOKEN: emulator.token },
      settings: { 'chatwork.apiBaseUrl': emulator.url },
      installExtensions: [vsix],
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
      await page.locator('.activitybar [aria-label^="Chatwork"]').first().click({ timeout: 60_000 });
      // An installed extension does not sign in with CHATWORK_API_TOKEN by itself: it names the
      // account (GET /me) and waits for the user's Sign In.
      const me = emulator.state.accounts.get(SEED_IDS.me)?.name ?? '';
      const offer = await findNotification(page, 'CHATWORK_API_TOKEN').catch(async (error: unknown) => {
        await screenshot(page, 'installed-vsix-no-offer');
        throw new Error(`${String(error)}; requests: ${emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`);
      });
      assert.ok(((await offer.textContent()) ?? '').includes(me), `the offer names the account ${me}`);
      assert.ok(!emulator.requests.some((r) => r.path === '/rooms'), 'nothing is listed before the user agreed');
      await offer.getByRole('button', { name: 'Sign In' }).click();
      await page.locator('.monaco-list-row', { hasText: 'Phoenix 開発チーム' }).first().waitFor({ timeout: 30_000 });
      assert.ok(emulator.requests.some((r) => r.path === '/rooms' && r.status === 200), 'the installed extension never listed the rooms');
      await screenshot(page, 'installed-vsix');
    } finally {
      await browser.close();
      await server.stop();
      await emulator.close();
    }
  });
});
