// The room panel's webview (src/webview/app.ts and friends) in a real Chromium, driven through the
// protocol exactly as the host drives it: ready → snapshot → deltas, requests and replies.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium, where the harness
   and DOM globals are untyped (the test tsconfig has no DOM lib). */
import * as assert from 'assert';
import { openHarnessPage, type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

interface Posted {
  id: number;
  inReplyTo?: number;
  body: { type: string; [key: string]: unknown };
}

const cw = (page: Page) => ({
  start: (state?: unknown) => page.evaluate((s) => (globalThis as any).cw.startApp(s), state),
  snapshot: (n: number, extra: Record<string, unknown> = {}) =>
    page.evaluate(([count, e]) => (globalThis as any).cw.deliverSnapshot(count, e), [n, extra] as const) as Promise<string[]>,
  deliver: (body: unknown, inReplyTo?: number) => page.evaluate(([b, r]) => (globalThis as any).cw.deliver(b, r ?? undefined), [body, inReplyTo ?? null] as const),
  posted: () => page.evaluate(() => (globalThis as any).cw.posted()) as Promise<Posted[]>,
  state: () => page.evaluate(() => (globalThis as any).cw.state()) as Promise<{ roomId: number; draft?: string; scrollFromBottom?: number; scrollAnchor?: { messageId: string; offset: number } }>,
  messages: (n: number, opts: Record<string, unknown>) => page.evaluate(([c, o]) => (globalThis as any).cw.makeMessages(c, o), [n, opts] as const),
  visibleIds: () => page.evaluate(() => (globalThis as any).cw.visibleIds()) as Promise<string[]>,
  keydown: (init: Record<string, unknown>, ime = false) => page.evaluate(([i, m]) => (globalThis as any).cw.keydown(i, m), [init, ime] as const) as Promise<boolean>,
  scroll: () =>
    page.evaluate(() => {
      const s = (globalThis as any).cw.scroller();
      return { top: s.scrollTop as number, height: s.scrollHeight as number, client: s.clientHeight as number };
    }),
  scrollTo: (top: number) => page.evaluate((t) => ((globalThis as any).cw.scroller().scrollTop = t), top),
});

async function waitPosted(page: Page, type: string, count = 1): Promise<Posted[]> {
  await page.waitForFunction(([t, c]) => (globalThis as any).cw.posted().filter((p: Posted) => p.body.type === t).length >= c, [type, count] as const, { timeout: 20_000 });
  return (await cw(page).posted()).filter((p) => p.body.type === type);
}

/** Waits until the page has painted `count` more frames: layout, ResizeObserver and scroll work done. */
function frames(page: Page, count = 2): Promise<void> {
  return page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await new Promise((r) => (globalThis as any).requestAnimationFrame(r));
  }, count);
}

/** Waits until the view's bottom edge is within `slack` px of the end of the list. */
function atBottom(page: Page, slack = 30): Promise<unknown> {
  return page.waitForFunction((px) => {
    const s = (globalThis as any).cw.scroller();
    return s.scrollHeight - s.scrollTop - s.clientHeight < px;
  }, slack);
}

/** Where a message's top lies below the list's top edge, in whole px. */
function offsetOf(page: Page, messageId: string): Promise<number> {
  return page.evaluate((id) => {
    const g = globalThis as any;
    const element = g.document.querySelector(`.cw-msg[data-id="${id}"]`);
    return Math.round(element.getBoundingClientRect().top - g.cw.scroller().getBoundingClientRect().top);
  }, messageId);
}

async function rendered(page: Page, count = 1): Promise<Posted['body']> {
  const all = await waitPosted(page, 'rendered', count);
  return (all[all.length - 1] as Posted).body;
}

describe('room panel webview (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  describe('handshake and rendering', () => {
    it('says ready, renders the snapshot grouped by day and sender, and echoes the counts', async () => {
      const c = cw(page);
      await c.start();
      const ready = await waitPosted(page, 'ready');
      assert.strictEqual(ready.length, 1);
      await c.snapshot(12);
      const report = await rendered(page);
      assert.deepStrictEqual({ messageCount: report.messageCount, mountedCount: report.mountedCount }, { messageCount: 12, mountedCount: 12 });
      // Senders come in runs of three: 12 messages → 4 runs (within one or two days).
      assert.strictEqual(await page.locator('.cw-run').count(), (await page.locator('.cw-day').count()) === 1 ? 4 : 5);
      assert.strictEqual(await page.locator('.cw-msg').count(), 12);
      // Only the first message of a run shows the name.
      const visibleNames = await page.locator('.cw-msg-name:visible').count();
      assert.strictEqual(visibleNames, await page.locator('.cw-run').count());
      assert.strictEqual(await page.locator('.cw-day-label').first().textContent(), 'Today');
      const time = page.locator('.cw-msg-header time').last();
      assert.match((await time.getAttribute('title')) ?? '', /\d{4}/, 'absolute time in the tooltip');
      assert.match((await time.textContent()) ?? '', /ago|just now/);
    });

    it('shows the texts the host translated (here Japanese) from the first paint, and times in VS Code’s locale', async () => {
      await page.evaluate(() => (globalThis as any).cw.startApp(undefined, 'ja'));
      assert.strictEqual(await page.locator('.cw-status').textContent(), 'メッセージを読み込み中…');
      await cw(page).snapshot(5, { language: 'ja', locale: 'ja' });
      await rendered(page);
      assert.strictEqual(await page.locator('.cw-day-label').first().textContent(), '今日');
      assert.match((await page.locator('.cw-msg-header time').last().textContent()) ?? '', /^(たった今|\d+ ?分前)$/);
      assert.strictEqual(await page.locator('.cw-send-label').textContent(), '送信');
      assert.match((await page.locator('.cw-input').getAttribute('placeholder')) ?? '', /^メッセージを入力 — /);
      // A shell without texts (or with broken ones) falls back to English.
      await page.evaluate(() => (globalThis as any).cw.startApp(undefined, { send: 42, cancel: 'キャンセル' }));
      await cw(page).snapshot(2);
      await rendered(page, 2);
      assert.strictEqual(await page.locator('.cw-send-label').textContent(), 'Send');
    });

    it('own messages have Edit and Delete; others only Reply, Quote and More; read-only has no composer', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(9);
      await rendered(page);
      const own = page.locator('.cw-msg.cw-own').first();
      const other = page.locator('.cw-msg:not(.cw-own)').first();
      assert.deepStrictEqual(await own.locator('.cw-msg-actions button').evaluateAll((b) => b.map((x: any) => x.dataset.action)), ['reply', 'quote', 'edit', 'delete', 'more']);
      assert.deepStrictEqual(await other.locator('.cw-msg-actions button').evaluateAll((b) => b.map((x: any) => x.dataset.action)), ['reply', 'quote', 'more']);
      assert.strictEqual(await page.locator('.cw-composer').count(), 1);
      await c.snapshot(3, { canPost: false });
      await rendered(page, 2);
      assert.strictEqual(await page.locator('.cw-composer').count(), 0);
      assert.strictEqual(await page.locator('.cw-readonly').count(), 1);
    });

    it('scrolls to the first unread message with a divider', async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(120, { unreadCount: 10 });
      await rendered(page);
      await page.waitForFunction((id) => (globalThis as any).cw.visibleIds().includes(id), ids[110]);
      const divider = page.locator('.cw-unread-divider');
      assert.strictEqual(await divider.count(), 1);
      const firstUnread = ids[110] as string;
      const next = await divider.evaluate((d: any) => d.nextElementSibling?.firstElementChild?.dataset.id);
      assert.strictEqual(next, firstUnread);
      const visible = await c.visibleIds();
      assert.ok(visible.includes(firstUnread), `first unread visible (${visible.join(',')})`);
      assert.ok(!visible.includes(ids[119] as string) || visible.length >= 10, 'not simply at the bottom');
    });

    it('without unread messages opens at the bottom and reports the newest as viewed when focused', async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(80);
      await rendered(page);
      await page.bringToFront();
      await page.evaluate(() => (globalThis as any).dispatchEvent(new Event('focus')));
      const s = await c.scroll();
      assert.ok(s.height - s.top - s.client < 30, 'at the bottom');
      const viewed = await waitPosted(page, 'viewed');
      assert.strictEqual(viewed[viewed.length - 1]?.body.messageId, ids[79]);
    });

    it('reveals a message by id (room link) even if it was not mounted yet', async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(600, { revealMessageId: undefined });
      const report = await rendered(page);
      assert.ok((report.mountedCount as number) <= 200, `${report.mountedCount} mounted`);
      // The newest screenful is painted at once, the rest of the first 200 follows in the background.
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 200);
      // The highlight lasts 1.6 s: record it when it is set, so a slow machine cannot miss it.
      await page.evaluate(() => {
        const g = globalThis as any;
        g.flashed = [];
        new g.MutationObserver((records: any[]) => {
          for (const r of records) if (r.target.classList.contains('cw-flash')) g.flashed.push(r.target.dataset.id);
        }).observe(g.document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
      });
      await c.deliver({ type: 'revealMessage', messageId: ids[5] });
      await page.waitForFunction((id) => (globalThis as any).cw.visibleIds().includes(id), ids[5]);
      await page.waitForFunction(() => (globalThis as any).flashed.length > 0);
      assert.deepStrictEqual(await page.evaluate(() => [...new Set((globalThis as any).flashed)]), [ids[5]]);
    });
  });

  describe('live deltas', () => {
    it('appends new messages without re-rendering existing nodes and stays at the bottom', async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(30);
      await rendered(page);
      await page.evaluate((id) => ((globalThis as any).marker = (globalThis as any).document.querySelector(`.cw-msg[data-id="${id}"]`)), ids[10]);
      const added = await c.messages(2, { startId: 1620000000100000000n.toString(), firstTime: Math.floor(Date.now() / 1000) });
      await c.deliver({ type: 'messagesAdded', messages: added });
      const report = await rendered(page, 2);
      assert.strictEqual(report.messageCount, 32);
      const sameNode = await page.evaluate((id) => (globalThis as any).marker === (globalThis as any).document.querySelector(`.cw-msg[data-id="${id}"]`), ids[10]);
      assert.ok(sameNode, 'existing message nodes are kept');
      await frames(page);
      const s = await c.scroll();
      assert.ok(s.height - s.top - s.client < 30, 'still at the bottom');
      assert.strictEqual(await page.locator('.cw-pill').isVisible(), false);
    });

    it('ignores a message it already has (deltas are idempotent)', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(5);
      await rendered(page);
      const again = await c.messages(1, {});
      await c.deliver({ type: 'messagesAdded', messages: again });
      const report = await rendered(page, 2);
      assert.strictEqual(report.messageCount, 5);
      assert.strictEqual(await page.locator('.cw-msg').count(), 5);
    });

    it('keeps the scroll position when the user scrolled up and shows "New messages ↓"', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(100);
      await rendered(page);
      // All 100 mounted (the newest screenful first, the rest in the background), then scroll up.
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 100);
      await c.scrollTo(400);
      // The panel has taken in the user's scroll when it remembers the position (saved for a reload).
      await page.waitForFunction(() => (globalThis as any).cw.state().scrollFromBottom > 30);
      const before = await c.visibleIds();
      const added = await c.messages(3, { startId: 1620000000200000000n.toString(), firstTime: Math.floor(Date.now() / 1000) });
      await c.deliver({ type: 'messagesAdded', messages: added.map((m: any) => ({ ...m, accountId: 1002 })) });
      await rendered(page, 2);
      const pill = page.locator('.cw-pill');
      await pill.waitFor({ state: 'visible' });
      await frames(page); // anything that would move the view (a resize re-pinning it) has run
      assert.deepStrictEqual(await c.visibleIds(), before, 'the view did not move');
      assert.ok(await pill.isVisible());
      assert.match((await pill.textContent()) ?? '', /New messages/);
      assert.strictEqual(await pill.getAttribute('data-count'), '3');
      await pill.click();
      await atBottom(page); // the pill scrolls to the bottom
      await pill.waitFor({ state: 'hidden' });
    });

    it('updates edited and deleted messages in place', async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(6);
      await rendered(page);
      const [m] = await c.messages(1, {});
      await c.deliver({ type: 'messagesUpdated', messages: [{ ...m, body: 'edited body', updateTime: Math.floor(Date.now() / 1000) }] });
      await rendered(page, 2);
      const first = page.locator(`.cw-msg[data-id="${ids[0]}"]`);
      assert.match((await first.locator('.cw-msg-body').textContent()) ?? '', /^edited body/);
      assert.strictEqual(await first.locator('.cw-edited').textContent(), 'edited');
      await c.deliver({ type: 'messagesUpdated', messages: [{ ...m, body: '[deleted]', updateTime: Math.floor(Date.now() / 1000) }] });
      await rendered(page, 3);
      assert.strictEqual(await first.locator('.cw-deleted').textContent(), 'Deleted message');
      assert.strictEqual(await first.locator('.cw-msg-actions').count(), 0);
      assert.strictEqual(await page.locator('.cw-msg').count(), 6);
    });
  });

  describe('composer', () => {
    async function ready(page: HarnessPage, extra: Record<string, unknown> = {}, state?: unknown) {
      const c = cw(page);
      await c.start(state);
      await c.snapshot(4, extra);
      await rendered(page);
      return c;
    }

    it('Ctrl+Enter sends once; the reply clears the input and the draft', async () => {
      const c = await ready(page);
      await page.locator('.cw-input').fill('こんにちは\n二行目');
      await page.locator('.cw-input').press('Control+Enter');
      await page.locator('.cw-input').press('Control+Enter'); // while sending: ignored
      const [send] = await waitPosted(page, 'send');
      assert.strictEqual(send?.body.body, 'こんにちは\n二行目');
      assert.strictEqual(await page.locator('.cw-input').getAttribute('readonly'), '');
      await c.deliver({ type: 'sent', messageId: '1620000000300000000' }, send?.id);
      await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-input').value === '');
      assert.strictEqual((await waitPosted(page, 'send')).length, 1);
      assert.strictEqual((await c.state()).draft, '');
    });

    it('Enter makes a newline unless chatwork.sendWithEnter; Shift+Enter never sends', async () => {
      await ready(page);
      const input = page.locator('.cw-input');
      await input.fill('a');
      await input.press('Enter');
      assert.strictEqual(await input.inputValue(), 'a\n');
      assert.strictEqual((await cw(page).posted()).filter((p) => p.body.type === 'send').length, 0);
      await cw(page).deliver({ type: 'configChanged', config: { sendWithEnter: true, language: 'en', locale: 'en-US' } });
      await page.waitForFunction(() => /Enter to send/.test((globalThis as any).document.querySelector('.cw-input').placeholder));
      await input.press('Shift+Enter');
      assert.strictEqual(await input.inputValue(), 'a\n\n');
      await input.press('Enter');
      const [send] = await waitPosted(page, 'send');
      assert.strictEqual(send?.body.body, 'a\n\n');
    });

    it('an Enter that confirms IME composition never sends', async () => {
      const c = await ready(page, { sendWithEnter: true });
      await page.locator('.cw-input').fill('にほんご');
      assert.strictEqual(await c.keydown({ key: 'Enter', isComposing: true }), false);
      assert.strictEqual(await c.keydown({ key: 'Enter', ctrlKey: true, isComposing: true }), false);
      assert.strictEqual(await c.keydown({ key: 'Enter' }, true), false, 'keyCode 229');
      await page.locator('.cw-input').dispatchEvent('compositionstart');
      assert.strictEqual(await c.keydown({ key: 'Enter', ctrlKey: true }), false, 'between compositionstart and compositionend');
      await page.locator('.cw-input').dispatchEvent('compositionend');
      await page.waitForTimeout(100);
      assert.strictEqual((await c.posted()).filter((p) => p.body.type === 'send').length, 0);
      assert.strictEqual(await c.keydown({ key: 'Enter' }), true, 'a plain Enter after composition sends');
      await waitPosted(page, 'send');
    });

    it('a failed send keeps the text, shows the server error with Retry, and never resends by itself', async () => {
      const c = await ready(page);
      await page.locator('.cw-input').fill('important');
      await page.locator('.cw-send').click();
      const [send] = await waitPosted(page, 'send');
      await c.deliver({ type: 'failed', error: 'Chatwork is having trouble (500). Chatwork says: Internal error' }, send?.id);
      const error = page.locator('.cw-send-error');
      await error.waitFor({ state: 'visible' });
      assert.match((await error.textContent()) ?? '', /Not sent: Chatwork is having trouble \(500\)\. Chatwork says: Internal error/);
      assert.strictEqual(await page.locator('.cw-input').inputValue(), 'important');
      assert.strictEqual((await c.state()).draft, 'important');
      await page.waitForTimeout(500);
      assert.strictEqual((await c.posted()).filter((p) => p.body.type === 'send').length, 1, 'no automatic retry');
      await error.locator('[data-action="retry"]').click();
      const sends = await waitPosted(page, 'send', 2);
      assert.strictEqual(sends[1]?.body.body, 'important');
      await c.deliver({ type: 'sent', messageId: '1' }, sends[1]?.id);
      await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-input').value === '');
      assert.strictEqual(await error.isVisible(), false);
    });

    it('keeps the draft in the webview state and tells the host (debounced)', async () => {
      const c = await ready(page);
      await page.locator('.cw-input').fill('draft text');
      assert.strictEqual((await c.state()).draft, 'draft text');
      const drafts = await waitPosted(page, 'draftChanged');
      assert.strictEqual(drafts[drafts.length - 1]?.body.text, 'draft text');
    });

    it('restores the draft: webview state first, otherwise the host draft', async () => {
      await ready(page, { draft: 'from host' });
      assert.strictEqual(await page.locator('.cw-input').inputValue(), 'from host');
      const browser = page.context().browser();
      assert.ok(browser, 'the suite’s Chromium');
      const other = await openHarnessPage(browser);
      try {
        await ready(other, { draft: 'stale host draft' }, { roomId: 10010, draft: 'from webview state' });
        assert.strictEqual(await other.locator('.cw-input').inputValue(), 'from webview state');
        const drafts = await waitPosted(other, 'draftChanged');
        assert.strictEqual(drafts[0]?.body.text, 'from webview state', 'the host is brought up to date');
      } finally {
        await other.close();
      }
    });

    it('Reply and Quote insert notation; To asks the host and inserts the mention', async () => {
      const c = await ready(page);
      const other = page.locator('.cw-msg:not(.cw-own)').first();
      const id = await other.getAttribute('data-id');
      await other.hover();
      await other.locator('[data-action="reply"]').click();
      assert.strictEqual(await page.locator('.cw-input').inputValue(), `[rp aid=1002 to=10010-${id}]Alice Tanaka\n`);
      await other.hover();
      await other.locator('[data-action="quote"]').click();
      assert.match(await page.locator('.cw-input').inputValue(), new RegExp(`\\[qt\\]\\[qtmeta aid=1002 time=\\d+\\]Message 0 \\(coffee\\) https://example.com/0\\[/qt\\]\\n$`));
      await page.locator('.cw-composer [data-action="mention"]').click();
      const [pick] = await waitPosted(page, 'pickMention');
      await c.deliver({ type: 'mentionPicked', text: '[To:1003]鈴木 花子\n' }, pick?.id);
      await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-input').value.endsWith('[To:1003]鈴木 花子\n'));
    });

    it('code and info buttons wrap the selection', async () => {
      await ready(page);
      const input = page.locator('.cw-input');
      await input.fill('x = 1');
      await input.evaluate((t: any) => t.setSelectionRange(0, 5));
      await page.locator('.cw-composer [data-action="code"]').click();
      assert.strictEqual(await input.inputValue(), '[code]\nx = 1\n[/code]');
      await input.fill('');
      await page.locator('.cw-composer [data-action="info"]').click();
      assert.strictEqual(await input.inputValue(), '[info][title]Title[/title][/info]');
    });
  });

  describe('message actions', () => {
    it('edits my message inline and saves with Ctrl+Enter', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(9);
      await rendered(page);
      const own = page.locator('.cw-msg.cw-own').first();
      const id = await own.getAttribute('data-id');
      await own.hover();
      await own.locator('[data-action="edit"]').click();
      const editor = own.locator('.cw-edit-input');
      assert.match(await editor.inputValue(), /^Message 6/);
      await editor.fill('fixed typo');
      await editor.press('Control+Enter');
      const [edit] = await waitPosted(page, 'edit');
      assert.deepStrictEqual({ messageId: edit?.body.messageId, body: edit?.body.body }, { messageId: id, body: 'fixed typo' });
      await c.deliver({ type: 'failed', error: 'You can only edit your own messages.' }, edit?.id);
      await own.locator('.cw-inline-error').waitFor({ state: 'visible' });
      assert.strictEqual(await editor.inputValue(), 'fixed typo', 'the edit is kept after a failure');
      await own.locator('.cw-edit-footer .cw-button:not(.cw-button-secondary)').click();
      const edits = await waitPosted(page, 'edit', 2);
      const current = (await c.messages(9, {}))[6];
      await c.deliver({ type: 'messagesUpdated', messages: [{ ...current, body: 'fixed typo', updateTime: 1 }] });
      await c.deliver({ type: 'done' }, edits[1]?.id);
      await page.waitForFunction((mid) => (globalThis as any).document.querySelector(`.cw-msg[data-id="${mid}"] .cw-msg-body`)?.textContent.startsWith('fixed typo'), id);
      assert.strictEqual(await page.locator('.cw-edit').count(), 0);
    });

    it('Delete, More ▸ mark unread / create task / copy link, links and downloads go to the host', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(3);
      await c.deliver({ type: 'messagesAdded', messages: [{ id: '1620000000900000000', accountId: 1001, name: 'Me Myself', avatarUrl: '', body: 'see https://example.com/x [download:77]a.zip (1 KB)[/download]', sendTime: Math.floor(Date.now() / 1000), updateTime: 0 }] });
      await rendered(page, 2);
      const own = page.locator('.cw-msg[data-id="1620000000900000000"]');
      await own.hover();
      await own.locator('[data-action="delete"]').click();
      assert.strictEqual((await waitPosted(page, 'delete'))[0]?.body.messageId, '1620000000900000000');
      await own.hover();
      await own.locator('[data-action="more"]').click();
      await page.locator('.cw-menu-item', { hasText: 'Mark unread from here' }).click();
      assert.strictEqual((await waitPosted(page, 'markUnread'))[0]?.body.messageId, '1620000000900000000');
      await own.hover();
      await own.locator('[data-action="more"]').click();
      await page.locator('.cw-menu-item', { hasText: 'Create task from message' }).click();
      assert.strictEqual((await waitPosted(page, 'createTask'))[0]?.body.body, 'see https://example.com/x a.zip (1 KB)');
      await own.hover();
      await own.locator('[data-action="more"]').click();
      await page.locator('.cw-menu-item', { hasText: 'Copy link' }).click();
      assert.strictEqual((await waitPosted(page, 'copyText'))[0]?.body.text, 'https://www.chatwork.com/#!rid10010-1620000000900000000');
      await own.locator('a.cw-link').click();
      assert.strictEqual((await waitPosted(page, 'openLink'))[0]?.body.url, 'https://example.com/x');
      await own.locator('.cw-download').click();
      assert.strictEqual((await waitPosted(page, 'downloadFile'))[0]?.body.fileId, 77);
    });
  });

  describe('archive markers', () => {
    const text = (selector: string) =>
      page.evaluate((sel) => [...(globalThis as any).document.querySelectorAll(sel)].filter((e: any) => !e.hidden).map((e: any) => e.textContent as string), selector);

    it("says where the archive begins once the oldest message is shown, and where messages were not received", async () => {
      const c = cw(page);
      await c.start();
      const ids = await c.snapshot(30, { history: { complete: false, gaps: [] } });
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 30);
      assert.deepStrictEqual(await text('.cw-history-start'), ["Older messages are not available from Chatwork's API."]);
      assert.deepStrictEqual(await text('.cw-history-gap'), []);
      await c.deliver({ type: 'historyChanged', history: { complete: false, gaps: [{ afterId: ids[9], beforeId: ids[10] }] } });
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-history-gap').length === 1);
      const [gap] = await text('.cw-history-gap');
      assert.match(gap ?? '', /^Some messages between .+ and .+ were not received\.$/);
      // The marker sits right before the first message after the gap.
      const next = await page.evaluate(() => (globalThis as any).document.querySelector('.cw-history-gap').nextElementSibling.querySelector('.cw-msg')?.dataset.id);
      assert.strictEqual(next, ids[10]);
    });

    it('shows no beginning marker when the archive holds the whole room, nor without an archive', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(10, { history: { complete: true, gaps: [] } });
      await rendered(page);
      assert.deepStrictEqual(await text('.cw-history-start'), []);
      await c.snapshot(10);
      await rendered(page, 2);
      assert.deepStrictEqual(await text('.cw-history-start'), []);
    });
  });

  describe('large rooms', () => {
    // How fast is measured by `npm run bench -- render`; this test holds what makes it fast: only the
    // newest part is mounted, and each polled message mounts itself and nothing else.
    it('opens 10,000 messages mounting only the newest, and each appended message mounts only itself', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(10_000);
      const report = await rendered(page);
      assert.strictEqual(report.messageCount, 10_000);
      assert.ok((report.mountedCount as number) >= 20 && (report.mountedCount as number) <= 200, `${report.mountedCount} mounted before the first paint`);
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 200);

      // 100 single-message deltas, as polling would deliver them.
      await page.evaluate(async () => {
        const harness = (globalThis as any).cw;
        const now = Math.floor(Date.now() / 1000);
        for (let i = 0; i < 100; i++) {
          const [m] = harness.makeMessages(1, { startId: (1630000000000000000n + BigInt(i)).toString(), firstTime: now });
          harness.deliver({ type: 'messagesAdded', messages: [m] });
          await new Promise((r) => setTimeout(r, 0));
        }
      });
      const last = await rendered(page, 101);
      assert.strictEqual(last.messageCount, 10_100);
      assert.strictEqual(last.mountedCount, 300);
    });

    it('paints the newest part of a long snapshot first, then asks for the older messages and holds them all', async () => {
      const c = cw(page);
      await c.start();
      const all = (await c.messages(1_000, {})) as Array<{ id: string; body: string }>;
      const head = all.slice(-200);
      await c.deliver({
        type: 'snapshot', roomId: 10010, roomName: 'Project', me: (await page.evaluate(() => (globalThis as any).cw.people()))[0],
        members: [], messages: head, olderCount: 800, unreadCount: 0, draft: '', canPost: true,
        config: { sendWithEnter: false, language: 'en', locale: 'en-US' }, history: { complete: false, gaps: [] },
      });
      const first = await rendered(page);
      assert.strictEqual(first.messageCount, 200);
      const [request] = await waitPosted(page, 'olderMessages');
      const order = (await c.posted()).map((p) => p.body.type);
      assert.ok(order.indexOf('rendered') < order.indexOf('olderMessages'), `asked after the first paint: ${order.join(', ')}`);
      assert.deepStrictEqual(request!.body, { type: 'olderMessages', beforeId: head[0]!.id });
      // Until they arrive, the top says older messages are coming, not that the archive begins.
      assert.strictEqual(await page.locator('.cw-older').isVisible(), true);
      assert.strictEqual(await page.locator('.cw-history-start').isVisible(), false);

      await c.deliver({ type: 'olderMessages', messages: all.slice(0, 800) }, request!.id);
      const full = await rendered(page, 2);
      assert.strictEqual(full.messageCount, 1_000);
      // A link to the oldest message mounts everything down to it and shows it.
      await c.deliver({ type: 'revealMessage', messageId: all[0]!.id });
      await page.waitForFunction((id) => (globalThis as any).cw.visibleIds().includes(id), all[0]!.id);
      await frames(page);
      assert.strictEqual(await page.locator('.cw-history-start').isVisible(), true);
      assert.strictEqual(await page.locator('.cw-msg').count(), 1_000);
      assert.deepStrictEqual(await page.locator('.cw-msg').evaluateAll((els) => els.map((e: any) => e.dataset.id)), all.map((m) => m.id), 'each once, oldest first');
    });

    it('a reloaded panel scrolled further up than the newest part reaches comes back there when the older messages arrive', async () => {
      const c = cw(page);
      const all = (await c.messages(1_000, {})) as Array<{ id: string }>;
      const anchor = { messageId: all[300]!.id, offset: 40 };
      await c.start({ roomId: 10010, draft: '', scrollFromBottom: 30_000, scrollAnchor: anchor });
      await c.deliver({
        type: 'snapshot', roomId: 10010, roomName: 'Project', me: (await page.evaluate(() => (globalThis as any).cw.people()))[0],
        members: [], messages: all.slice(-200), olderCount: 800, unreadCount: 0, draft: '', canPost: true,
        config: { sendWithEnter: false, language: 'en', locale: 'en-US' },
      });
      const [request] = await waitPosted(page, 'olderMessages');
      const early = await c.scroll();
      assert.ok(early.height - early.top - early.client < 30_000, 'the newest 200 do not reach that far');
      await c.deliver({ type: 'olderMessages', messages: all.slice(0, 800) }, request!.id);
      await rendered(page, 2);
      // The runs around it take their real heights a frame or two later: it stays where it was.
      for (let i = 0; i < 5; i++) {
        await frames(page);
        assert.strictEqual(await offsetOf(page, anchor.messageId), anchor.offset, `frame ${2 * i + 2}`);
      }
    });

    it('a reload comes back to the message that was at the top, however the snapshot arrives', async () => {
      const c = cw(page);
      const all = (await c.messages(1_000, {})) as Array<{ id: string }>;
      const me = (await page.evaluate(() => (globalThis as any).cw.people()))[0];
      const snapshot = (messages: unknown[], olderCount: number) => ({
        type: 'snapshot', roomId: 10010, roomName: 'Project', me, members: [], messages, olderCount,
        unreadCount: 0, draft: '', canPost: true, config: { sendWithEnter: false, language: 'en', locale: 'en-US' },
      });
      await c.start({ roomId: 10010, draft: '' });
      await c.deliver(snapshot(all, 0));
      await rendered(page);
      // The user scrolls up through a few chunks and stops somewhere.
      const list = (await page.locator('.cw-list').boundingBox())!;
      await page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
      for (let i = 0; i < 200 && (await page.locator('.cw-msg').count()) < 1_000; i++) {
        await page.mouse.wheel(0, -4_000);
        await frames(page);
      }
      assert.strictEqual(await page.locator('.cw-msg').count(), 1_000, 'scrolling up mounted them all');
      // The wheel scrolls smoothly: let its animation end before jumping, or it moves the view on.
      await page.evaluate(async () => {
        const g = globalThis as any;
        let last = NaN;
        for (let i = 0, still = 0; i < 600 && still < 5; i++) {
          await new Promise((r) => g.requestAnimationFrame(r));
          const top = g.cw.scroller().scrollTop;
          still = top === last ? still + 1 : 0;
          last = top;
        }
      });
      await c.scrollTo(12_345);
      // Once the scrolling settled, the saved state names a message on screen and where it is. Runs
      // near the new view take their real height in the frames after the jump (and the state is
      // saved again): settled means 5 frames in a row agree, not one.
      const settled = await page.evaluate(async () => {
        const g = globalThis as any;
        const frame = () => new Promise((r) => g.requestAnimationFrame(r));
        const agrees = (): boolean => {
          const anchor = g.cw.state().scrollAnchor;
          const element = anchor && g.document.querySelector(`.cw-msg[data-id="${anchor.messageId}"]`);
          return Boolean(element) && Math.abs(element.getBoundingClientRect().top - g.cw.scroller().getBoundingClientRect().top - anchor.offset) <= 1;
        };
        let i = 0;
        for (let still = 0; i < 600 && still < 5; i++) {
          await frame();
          still = agrees() ? still + 1 : 0;
        }
        const a = g.cw.state().scrollAnchor;
        const el = a && g.document.querySelector(`.cw-msg[data-id="${a.messageId}"]`);
        const debug = JSON.stringify({ i, a, el: el && el.getBoundingClientRect(), list: g.cw.scroller().getBoundingClientRect(), top: g.cw.scroller().scrollTop });
        return { anchor: g.cw.state().scrollAnchor, visible: g.cw.visibleIds() as string[], debug };
      });
      const anchor = settled.anchor as { messageId: string; offset: number };
      assert.ok(settled.visible.includes(anchor.messageId), `the saved message is on screen ${settled.debug}`);
      assert.ok(all.findIndex((m) => m.id === anchor.messageId) < 800, 'and older than the newest part of a snapshot');
      const saved = await c.state();

      // The window reloads: a new page gets the saved state and the snapshot in two parts.
      const reloaded = await openHarnessPage(page.context().browser()!);
      try {
        const r = cw(reloaded);
        await r.start(saved);
        await r.deliver(snapshot(all.slice(-200), 800));
        const [request] = await waitPosted(reloaded, 'olderMessages');
        await r.deliver({ type: 'olderMessages', messages: all.slice(0, 800) }, request!.id);
        await rendered(reloaded, 2);
        await frames(reloaded, 6);
        assert.strictEqual(await offsetOf(reloaded, anchor.messageId), anchor.offset);
        assert.deepStrictEqual(reloaded.errors, []);
      } finally {
        await reloaded.close();
      }
    });

    it('mounts older messages in chunks while scrolling up, keeping the view still', async () => {
      const c = cw(page);
      await c.start();
      await c.snapshot(10_000);
      await rendered(page);
      await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 200);
      for (let round = 0; round < 5; round++) {
        const result = await page.evaluate(async () => {
          const g = globalThis as any;
          const scroller = g.cw.scroller();
          const frame = () => new Promise((r) => g.requestAnimationFrame(() => r(undefined)));
          const mountedBefore = g.document.querySelectorAll('.cw-msg').length;
          scroller.scrollTop = 10; // near the top: the scroll handler mounts the next chunk above
          const listTop = scroller.getBoundingClientRect().top;
          const anchor = [...g.document.querySelectorAll('.cw-msg')].find((e: any) => e.getBoundingClientRect().bottom > listTop + 40);
          const before = anchor.getBoundingClientRect().top;
          // One slice is mounted at once, the rest of the chunk in the following idle periods.
          const mounted = () => g.document.querySelectorAll('.cw-msg').length;
          for (let i = 0; i < 300 && mounted() < mountedBefore + 200; i++) await frame();
          await frame();
          await frame();
          return { mountedBefore, mountedAfter: g.document.querySelectorAll('.cw-msg').length, moved: anchor.getBoundingClientRect().top - before };
        });
        assert.strictEqual(result.mountedAfter, result.mountedBefore + 200, `round ${round}: one chunk mounted`);
        assert.ok(Math.abs(result.moved) < 2, `round ${round}: the message on screen moved by ${result.moved}px`);
      }
      assert.strictEqual(await page.locator('.cw-msg').count(), 1200);
    });
  });
});
