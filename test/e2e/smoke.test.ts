// End-to-end smoke: a user in a real VS Code (code-server in Chromium) opens the Chatwork sidebar,
// sees the emulator's rooms, expands one, opens its panel, writes a message and sends it.
import * as assert from 'assert';
import { openWorkbench, screenshot, webviewFrame, Workbench } from './workbench';

const ROOM_ID = 10010;
const ROOM_NAME = 'Phoenix 開発チーム';

describe('e2e: sidebar → panel → send', function () {
  let wb: Workbench;

  before(async function () {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the emulator rooms in the Chatwork view', async () => {
    const { page } = wb;
    await page.locator('.activitybar [aria-label^="Chatwork"]').first().click();
    const room = page.locator('.monaco-list-row', { hasText: ROOM_NAME });
    await room.first().waitFor({ timeout: 30_000 });
    for (const name of ['デザインレビュー', '全社お知らせ', 'マイチャット']) {
      await page.locator('.monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
    }
    await screenshot(page, 'sidebar');
  });

  it('expands a room into Messages, Tasks, Files and Members', async () => {
    const { page } = wb;
    const room = page.locator('.monaco-list-row', { hasText: ROOM_NAME }).first();
    await room.locator('.monaco-tl-twistie').click();
    for (const child of ['Messages', 'Tasks', 'Files', 'Members']) {
      await page.locator('.monaco-list-row[aria-level="2"]', { hasText: child }).first().waitFor({ timeout: 10_000 });
    }
    await screenshot(page, 'sidebar-expanded');
  });

  it('opens the room panel, sends a message, and shows it', async () => {
    const { page, emulator } = wb;
    await page.locator('.monaco-list-row', { hasText: ROOM_NAME }).first().locator('.label-name').click();
    const frame = webviewFrame(page);
    const composer = frame.locator('textarea.cw-input');
    await composer.waitFor({ timeout: 30_000 });
    await screenshot(page, 'panel');

    const text = `Hello from the e2e smoke test ${Date.now()} (bow)`;
    await composer.click();
    await composer.fill(text);
    await composer.press('Control+Enter');

    const deadline = Date.now() + 15_000;
    let posted = emulator.state.roomMessages(ROOM_ID).find((m) => m.body === text);
    while (!posted && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      posted = emulator.state.roomMessages(ROOM_ID).find((m) => m.body === text);
    }
    assert.ok(posted, 'the emulator did not receive the message');
    await frame.getByText(text.replace(' (bow)', ''), { exact: false }).first().waitFor({ timeout: 15_000 });
    assert.strictEqual(await composer.inputValue(), '', 'the composer was not cleared after sending');
    await screenshot(page, 'panel-sent');
  });
});
