// End-to-end: in a real VS Code (code-server in Chromium), a user opens a room, types `@Ali` in the
// composer, picks Alice from the inline list with Enter, writes the message and sends it; the
// emulator receives `[To:id]Alice Tanaka`.
import * as assert from 'assert';
import { openWorkbench, screenshot, webviewFrame, Workbench } from './workbench';

const ROOM_ID = 10010;
const ROOM_NAME = 'Phoenix 開発チーム';
const ALICE = 1002;

describe('e2e: mention a member by typing @', function () {
  let wb: Workbench;

  before(async function () {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  it('types @Ali, picks Alice with Enter, and sends [To:1002]Alice Tanaka', async () => {
    const { page, emulator } = wb;
    await page.locator('.activitybar [aria-label^="Chatwork"]').first().click();
    const room = page.locator('.monaco-list-row', { hasText: ROOM_NAME }).first();
    await room.waitFor({ timeout: 30_000 });
    await room.locator('.label-name').click();
    const frame = webviewFrame(page);
    const composer = frame.locator('textarea.cw-input');
    await composer.waitFor({ timeout: 30_000 });
    await composer.click();
    await page.keyboard.type('@Ali');
    const option = frame.locator('.cw-mention-option.cw-mention-active');
    await option.waitFor({ timeout: 10_000 });
    assert.match((await option.textContent()) ?? '', /Alice Tanaka/);
    await screenshot(page, 'panel-mention-list');
    await page.keyboard.press('Enter');
    const text = `please review ${Date.now()}`;
    await page.keyboard.type(text);
    assert.strictEqual(await composer.inputValue(), `[To:${ALICE}]Alice Tanaka\n${text}`);
    await page.keyboard.press('Control+Enter');

    const deadline = Date.now() + 15_000;
    const find = () => emulator.state.roomMessages(ROOM_ID).find((m) => m.body.endsWith(text));
    while (!find() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(find()?.body, `[To:${ALICE}]Alice Tanaka\n${text}`);
    await frame.getByText(text).first().waitFor({ timeout: 15_000 });
    assert.strictEqual(await frame.locator('.cw-msg', { hasText: text }).locator('.cw-chip-to[title="Alice Tanaka"]').count(), 1);
    assert.strictEqual(await composer.inputValue(), '');
  });
});
