// Task cards that act, in Chromium through the webview harness: the card shows the task's live
// state from the host, and its assignee gets Mark done / Reopen, which asks the host and follows
// the states the host sends back.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

const ME = 1001;
const ALICE = 1002;

async function openWithCards(page: Page): Promise<string[]> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  const ids = (await page.evaluate(
    () =>
      (globalThis as any).cw.deliverSnapshot(3, {
        generate: {
          body: (i: number) =>
            i === 0
              ? '[info][title][dtext:task_added][/title][task aid=1001 st=open lt=0]Write the notes[/task][/info]'
              : i === 1
                ? '[qt][qtmeta aid=1002 time=1700000000][task aid=1001 st=open lt=0]quoted card[/task][/qt]'
                : '[task aid=1002 st=open lt=0]Alice’s task[/task]',
        },
      }),
  )) as string[];
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
  return ids;
}

const tasks = (ids: string[], mine: 'open' | 'done') => [
  { taskId: 11, messageId: ids[0], accountId: ME, assignedById: ALICE, status: mine },
  { taskId: 12, messageId: ids[2], accountId: ALICE, assignedById: ALICE, status: 'open' },
];

describe('task cards that act (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('my task’s card gets Mark done; the request goes out; the new state turns it into Reopen', async () => {
    const ids = await openWithCards(page);
    assert.strictEqual(await page.locator('.cw-task-action').count(), 0, 'no action before the host says whose tasks they are');
    await page.evaluate((t) => (globalThis as any).cw.deliver({ type: 'tasksChanged', tasks: t }), tasks(ids, 'open'));
    const mine = page.locator(`.cw-msg[data-id="${ids[0]}"] .cw-task`);
    await mine.locator('.cw-task-action').waitFor();
    assert.strictEqual(await mine.locator('.cw-task-action').textContent(), 'Mark done');
    // Neither the quoted card nor Alice's own task (assigned by Alice) can be changed by me.
    assert.strictEqual(await page.locator('.cw-task-action').count(), 1);

    await mine.locator('.cw-task-action').click();
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'setTaskStatus'));
    const request = (await page.evaluate(() => (globalThis as any).cw.posted())).find((p: any) => p.body.type === 'setTaskStatus');
    assert.deepStrictEqual(request.body, { type: 'setTaskStatus', taskIds: [11], status: 'done' });
    assert.strictEqual(await mine.locator('.cw-task-action').isDisabled(), true, 'no second request while the first runs');
    await page.evaluate((t) => (globalThis as any).cw.deliver({ type: 'tasksChanged', tasks: t }), tasks(ids, 'done'));
    await page.evaluate((id) => (globalThis as any).cw.deliver({ type: 'done' }, id), request.id);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-task-action')?.textContent === 'Reopen');
    assert.strictEqual(await mine.getAttribute('class'), 'cw-task cw-task-done');
    assert.strictEqual(await mine.locator('.cw-task-status').textContent(), 'Task · Done');
  });

  it('a refused change keeps the card as it was and says why', async () => {
    const ids = await openWithCards(page);
    await page.evaluate((t) => (globalThis as any).cw.deliver({ type: 'tasksChanged', tasks: t }), tasks(ids, 'open'));
    await page.locator('.cw-task-action').click();
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'setTaskStatus'));
    const request = (await page.evaluate(() => (globalThis as any).cw.posted())).find((p: any) => p.body.type === 'setTaskStatus');
    await page.evaluate((id) => (globalThis as any).cw.deliver({ type: 'failed', error: 'You don’t have permission' }, id), request.id);
    await page.waitForFunction(() => /permission/.test((globalThis as any).document.querySelector('.cw-notice')?.textContent ?? ''));
    assert.strictEqual(await page.locator('.cw-task-action').textContent(), 'Mark done');
    assert.strictEqual(await page.locator('.cw-task-action').isDisabled(), false);
  });

  it('Create task from a message sends the members it mentions as assignees', async () => {
    await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
    await page.evaluate(() => (globalThis as any).cw.deliverSnapshot(1, { generate: { body: () => '[To:1002]Alice Tanaka\n[To:1003]鈴木 花子\nplease [qt][qtmeta aid=1001][To:1001]x[/qt]' } }));
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
    await page.locator('.cw-msg').hover();
    await page.locator('.cw-msg [data-action="more"]').click();
    await page.locator('.cw-menu-item', { hasText: 'Create task from message' }).click();
    const posted = (await page.evaluate(() => (globalThis as any).cw.posted())).find((p: any) => p.body.type === 'createTask');
    assert.deepStrictEqual(posted.body.assigneeIds, [1002, 1003]);
  });
});
