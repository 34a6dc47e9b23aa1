// What a user sees: the extension installed (not the test driver's development mode, which
// suppresses toasts), the Explorer in front and the Chatwork view never opened. Another account
// mentions the user; a real notification toast appears in the workbench, read from its DOM.
import * as assert from 'assert';
import { openWorkbench, screenshot, Workbench } from './workbench';

const DESIGN_ROOM = 10011;

describe('e2e: a mention toast while the Chatwork view is closed', function () {
  let wb: Workbench;

  before(async function () {
    this.timeout(120_000);
    wb = await openWorkbench({ asInstalled: true, settings: { 'chatwork.pollIntervalSeconds': 10 } });
  });

  after(async () => {
    await wb?.close();
  });

  it('shows a readable toast with Open and Mark Read', async function () {
    this.timeout(120_000);
    const { page, emulator } = wb;
    await page.locator('.activitybar [aria-label^="Explorer"]').first().waitFor({ timeout: 30_000 });
    // Installed as a user has it, the extension takes CHATWORK_API_TOKEN only after the user confirms
    // the account it belongs to (a repository's dev container could set it): say yes.
    const signIn = page.locator('.notification-toast', { hasText: 'CHATWORK_API_TOKEN is set' });
    await signIn.first().waitFor({ timeout: 60_000 });
    assert.match((await signIn.first().innerText()).replace(/\s+/g, ' '), /“Taro Yamada”/);
    await signIn.first().getByRole('button', { name: 'Sign In' }).click();
    // Signed in and polling in the background: the first poll ran once the status bar has totals.
    await page.locator('.statusbar-item [aria-label^="Chatwork:"], .statusbar-item[aria-label^="Chatwork:"]').first().waitFor({ state: 'attached', timeout: 60_000 });
    emulator.postAs('alice', DESIGN_ROOM, '[To:1001]Taro さん could you look at the new header?');
    const toast = page.locator('.notification-toast', { hasText: 'mentioned you' });
    await toast.first().waitFor({ timeout: 60_000 });
    const text = (await toast.first().innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Alice Tanaka mentioned you in デザインレビュー: @Taro Yamada Taro さん could you look at the new header\?/);
    assert.doesNotMatch(text, /To:\d/);
    assert.match(text, /Open/);
    assert.match(text, /Mark Read/);
    assert.strictEqual(await page.locator('.pane-header', { hasText: 'Rooms' }).count(), 0, 'the Chatwork view was never opened');
    await screenshot(page, 'mention-toast');
  });
});
