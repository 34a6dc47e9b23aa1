// The room header in a real Chromium, through the webview harness: name, member count and the
// description (rendered from notation, collapsible) from the host's messages; its buttons post the
// room actions; a hostile room name stays text.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

async function openPanel(page: Page, extra: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  await page.evaluate((e) => (globalThis as any).cw.deliverSnapshot(3, e), extra);
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
}

const deliver = (page: Page, body: unknown): Promise<void> => page.evaluate((b) => (globalThis as any).cw.deliver(b), body);

describe('room header (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('shows the name and member count from the snapshot, then the description from the details, collapsed', async () => {
    await openPanel(page);
    assert.strictEqual(await page.locator('.cw-header-name').textContent(), 'Project');
    const members = await page.evaluate(() => (globalThis as any).cw.people().length);
    assert.strictEqual(await page.locator('.cw-header-count').textContent(), `${members} members`);
    assert.strictEqual(await page.locator('.cw-header [data-action="toggleDescription"]').isVisible(), false, 'no description: no toggle');

    await deliver(page, { type: 'roomDetails', room: { name: 'Project X', type: 'group', description: '[info][title]Rules[/title]Be kind[/info] https://example.com' } });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-header-name')?.textContent === 'Project X');
    const toggle = page.locator('.cw-header [data-action="toggleDescription"]');
    assert.strictEqual(await page.locator('.cw-header-description').isVisible(), false, 'collapsed at first');
    await toggle.click();
    assert.strictEqual(await toggle.getAttribute('aria-expanded'), 'true');
    const description = page.locator('.cw-header-description');
    assert.ok(await description.isVisible());
    // Rendered by the message renderer: an info block with its title, and a link.
    assert.strictEqual(await description.locator('.cw-info-title').first().textContent(), 'Rules');
    assert.match((await description.textContent()) ?? '', /Be kind/);
    await description.locator('a.cw-link').click();
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'openLink' && p.body.url === 'https://example.com'));
    await toggle.click();
    assert.strictEqual(await description.isVisible(), false);

    await deliver(page, { type: 'membersChanged', members: [{ accountId: 1001, name: 'Me', avatarUrl: '', role: 'admin' }, { accountId: 1002, name: 'A', avatarUrl: '', role: 'member' }] });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-header-count')?.textContent === '2 members');
    await deliver(page, { type: 'roomRenamed', roomName: 'Renamed' });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-header-name')?.textContent === 'Renamed');
  });

  it('each action button posts its room action', async () => {
    await openPanel(page);
    for (const action of ['tasks', 'files', 'members', 'markRead', 'openInBrowser']) {
      await page.locator(`.cw-header-actions [data-action="${action}"]`).click();
      await page.waitForFunction((a) => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'roomAction' && p.body.action === a), action);
    }
    const posted = await page.evaluate(() => (globalThis as any).cw.posted().filter((p: any) => p.body.type === 'roomAction').map((p: any) => p.body.action));
    assert.deepStrictEqual(posted, ['tasks', 'files', 'members', 'markRead', 'openInBrowser']);
    assert.ok(await page.locator('.cw-header-actions [data-action="markRead"]').getAttribute('aria-label'));
  });

  it('a hostile room name and description stay text; an icon only shows as an image', async () => {
    const hostile = '<img src=x onerror="document.title=\'pwned\'"><b>Evil</b>';
    await openPanel(page);
    await deliver(page, { type: 'roomDetails', room: { name: hostile, type: 'direct', description: hostile, iconUrl: 'https://appdata.chatwork.com/icon/x.png' } });
    await page.waitForFunction((h) => (globalThis as any).document.querySelector('.cw-header-name')?.textContent === h, hostile);
    assert.strictEqual(await page.locator('.cw-header b, .cw-header-name img, .cw-header-description img').count(), 0);
    assert.strictEqual(await page.locator('.cw-header-icon .codicon-person').count(), 1, 'the room type codicon');
    assert.notStrictEqual(await page.title(), 'pwned');
  });
});
