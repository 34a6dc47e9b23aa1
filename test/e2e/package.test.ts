// The packaged extension: `npm run package` builds a .vsix that contains only what users need, and
// that .vsix installs into a real VS Code (code-server) and activates there.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { launchChromium } from '../codeServer/browser';
import { projectRoot } from '../codeServer/install';
import { startCodeServer } from '../codeServer/server';
import { SEED_IDS, startEmulator } from '../emulator';
import { findNotification, screenshot } from './workbench';
import { listZipEntries } from './zip';

const vsix = path.join(projectRoot, 'chatwork-vscode.vsix');

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
    fs.rmSync(vsix, { force: true });
    execFileSync('npm', ['run', 'package', '--silent'], { cwd: projectRoot, stdio: 'pipe' });
  });

  after(() => {
    // The tests' own build must not leave a production bundle behind for the dev launchers.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'pipe' });
  });

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
