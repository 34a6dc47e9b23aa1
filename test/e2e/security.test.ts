// End-to-end, issue 11: a mention whose body, sender name and room name each carry a `command:`
// link reaches VS Code's notification toast — read from the workbench's DOM — as text, without a
// link (VS Code renders `[label](command:…)` in a notification as a clickable <a>).
import * as assert from 'assert';
import { findNotification, openWorkbench, screenshot, Workbench } from './workbench';

const ME = 1001;
const ALICE = 1002;
const DESIGN_ROOM = 10011;

describe('e2e: hostile names in a notification', function () {
  let wb: Workbench;

  before(async function () {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  async function refresh(): Promise<void> {
    const { page } = wb;
    await page.keyboard.press('F1');
    await page.keyboard.type('Chatwork: Refresh');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Chatwork: Refresh' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  }

  it('the toast shows the text and contains no link', async () => {
    const { page, emulator } = wb;
    await page.locator('.activitybar [aria-label^="Chatwork"]').first().click();
    await page.locator('.monaco-list-row', { hasText: 'デザインレビュー' }).first().waitFor({ timeout: 30_000 });
    await refresh(); // the baseline: what is there now is not news

    const alice = emulator.state.accounts.get(ALICE);
    const room = emulator.state.rooms.get(DESIGN_ROOM);
    assert.ok(alice && room);
    alice.name = 'Alice [run](command:workbench.action.quit)';
    room.name = 'Design [open](command:workbench.action.openSettings)';
    emulator.postAs(ALICE, DESIGN_ROOM, `[To:${ME}]Taro click [here](command:workbench.action.terminal.new)`);
    await refresh();

    await screenshot(page, 'hostile-after-refresh');
    const toast = await findNotification(page, 'mentioned you');
    await screenshot(page, 'hostile-toast');
    const message = toast.locator('.notification-list-item-message');
    const text = (await message.textContent()) ?? '';
    assert.match(text, /Alice \[run\] \(command:workbench\.action\.quit\) mentioned you in Design \[open\] \(command:/, text);
    assert.match(text, /click \[here\] \(command:workbench\.action\.terminal\.new\)/, text);
    assert.strictEqual(await message.locator('a').count(), 0, `a link in: ${text}`);
    assert.strictEqual(await toast.locator('a[href^="command:"], a[data-href^="command:"]').count(), 0);
  });
});
