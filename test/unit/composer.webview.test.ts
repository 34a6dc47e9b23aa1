// The composer's own behaviours in a real Chromium, through the webview harness: mentions as you
// type (the inline list at the caret, filtering in any script, keyboard, IME).
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

const MEMBERS = [
  { accountId: 1001, name: 'Me Myself', avatarUrl: '', role: 'admin' },
  { accountId: 1002, name: 'Alice Tanaka', avatarUrl: '', role: 'member' },
  { accountId: 1003, name: '鈴木 花子', avatarUrl: '', role: 'member' },
  { accountId: 1004, name: 'ヤマダ タロウ', avatarUrl: '', role: 'member' },
  { accountId: 1005, name: 'Nguyễn Văn An', avatarUrl: '', role: 'member' },
];

async function openComposer(page: Page, extra: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  await page.evaluate((e) => (globalThis as any).cw.deliverSnapshot(3, e), { members: MEMBERS, ...extra });
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
  await page.locator('.cw-input').focus();
}

const options = (page: Page): Promise<string[]> => page.locator('.cw-mention-name').allTextContents();
const active = (page: Page): Promise<string | null> => page.locator('.cw-mention-active .cw-mention-name').textContent();
const value = (page: Page): Promise<string> => page.locator('.cw-input').inputValue();

describe('composer: mentions as you type (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('“@” lists the members but me, To All first for an admin; ↓ and Enter insert [To:id]Name', async () => {
    await openComposer(page);
    await page.keyboard.type('Hello @');
    assert.deepStrictEqual(await options(page), ['To All', 'Alice Tanaka', '鈴木 花子', 'ヤマダ タロウ', 'Nguyễn Văn An']);
    assert.strictEqual(await page.locator('.cw-input').getAttribute('aria-expanded'), 'true');
    assert.strictEqual(await active(page), 'To All');
    await page.keyboard.press('ArrowDown');
    assert.strictEqual(await active(page), 'Alice Tanaka');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps around to the last
    assert.strictEqual(await active(page), 'Nguyễn Văn An');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.strictEqual(await value(page), 'Hello [To:1002]Alice Tanaka ');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0);
    assert.strictEqual((await page.evaluate(() => (globalThis as any).cw.posted())).filter((p: any) => p.body.type === 'send').length, 0, 'Enter did not send');
  });

  it('no To All for a plain member; filters by the start of any word, in any script', async () => {
    await openComposer(page, { members: MEMBERS.map((m) => ({ ...m, role: 'member' })) });
    await page.keyboard.type('@');
    assert.deepStrictEqual(await options(page), ['Alice Tanaka', '鈴木 花子', 'ヤマダ タロウ', 'Nguyễn Văn An']);
    const cases: [string, string[]][] = [
      ['tana', ['Alice Tanaka']],
      ['ALI', ['Alice Tanaka']],
      ['lice', []],
      ['花子', ['鈴木 花子']],
      ['鈴', ['鈴木 花子']],
      ['やまだ', ['ヤマダ タロウ']],
      ['たろう', ['ヤマダ タロウ']],
      ['van', ['Nguyễn Văn An']],
      ['văn', ['Nguyễn Văn An']],
      ['a', ['Alice Tanaka', 'Nguyễn Văn An']],
    ];
    for (const [query, expected] of cases) {
      await page.locator('.cw-input').fill('');
      await page.keyboard.type(`@${query}`);
      assert.deepStrictEqual(expected.length === 0 ? await page.locator('.cw-mention-option').count() : await options(page), expected.length === 0 ? 0 : expected, query);
    }
  });

  it('the list sits at the caret, not at the top of the window', async () => {
    await openComposer(page);
    await page.keyboard.type('line one\nline two and @');
    const list = await page.locator('.cw-mention-list').boundingBox();
    const input = await page.locator('.cw-input').boundingBox();
    assert.ok(list && input);
    // Above the caret's line (the composer is at the bottom), touching it, and to the right of the text.
    assert.ok(list.y + list.height <= input.y + input.height, `list bottom ${list.y + list.height} within the input ${input.y}…${input.y + input.height}`);
    assert.ok(list.y + list.height >= input.y, 'the list ends at the caret line, not far above');
    assert.ok(list.x > input.x + 40, `list left ${list.x} follows the caret (input at ${input.x})`);
  });

  it('Tab inserts too; “[To” triggers; Esc closes and the list stays closed for that mention', async () => {
    await openComposer(page);
    await page.keyboard.type('[To:ヤマ');
    assert.deepStrictEqual(await options(page), ['ヤマダ タロウ']);
    await page.keyboard.press('Tab');
    assert.strictEqual(await value(page), '[To:1004]ヤマダ タロウ\n');
    await page.keyboard.type('@al');
    assert.deepStrictEqual(await options(page), ['To All', 'Alice Tanaka']);
    await page.keyboard.press('Escape');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0);
    await page.keyboard.type('i');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0, 'closed for this mention');
    await page.keyboard.press('Enter'); // a plain newline again
    assert.strictEqual(await value(page), '[To:1004]ヤマダ タロウ\n@ali\n');
    await page.keyboard.type('@to');
    await page.keyboard.press('Enter');
    assert.strictEqual(await value(page), '[To:1004]ヤマダ タロウ\n@ali\n[toall]\n');
  });

  it('an e-mail address does not open the list; nothing is inserted when nobody matches', async () => {
    await openComposer(page);
    await page.keyboard.type('mail me at taro@');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0);
    await page.keyboard.type(' @zzz');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0);
    await page.keyboard.press('Enter');
    assert.strictEqual(await value(page), 'mail me at taro@ @zzz\n');
  });

  it('IME composition never opens or confirms the list; the committed text filters it afterwards', async () => {
    await openComposer(page);
    await page.keyboard.type('@');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 1);
    const input = page.locator('.cw-input');
    await input.dispatchEvent('compositionstart');
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0, 'composition closes the list');
    // The IME shows its reading in the textarea: input events arrive with isComposing.
    await page.evaluate(() => {
      const el = (globalThis as any).document.querySelector('.cw-input');
      el.value = '@すずき';
      el.dispatchEvent(new (globalThis as any).InputEvent('input', { bubbles: true, isComposing: true, data: 'すずき' }));
    });
    assert.strictEqual(await page.locator('.cw-mention-list').count(), 0);
    // The Enter that confirms the conversion goes to the IME, not to the list or the send.
    const prevented = await page.evaluate(() => {
      const el = (globalThis as any).document.querySelector('.cw-input');
      const e = new (globalThis as any).KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, isComposing: true });
      el.dispatchEvent(e);
      el.value = '@鈴木';
      return e.defaultPrevented;
    });
    assert.strictEqual(prevented, false);
    await input.dispatchEvent('compositionend');
    assert.deepStrictEqual(await options(page), ['鈴木 花子']);
    assert.strictEqual(await value(page), '@鈴木');
    await page.keyboard.press('Enter');
    assert.strictEqual(await value(page), '[To:1003]鈴木 花子\n');
  });

  it('a mention is sent as typed: @ + Enter, then Ctrl+Enter sends [To:id]Name', async () => {
    await openComposer(page);
    await page.keyboard.type('@ali');
    await page.keyboard.press('Enter');
    await page.keyboard.type('see the PR');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'send'));
    const send = (await page.evaluate(() => (globalThis as any).cw.posted())).find((p: any) => p.body.type === 'send');
    assert.strictEqual(send.body.body, '[To:1002]Alice Tanaka\nsee the PR');
  });
});
