// Hostile message bodies against the real parser (Node) and the real webview renderer and RoomApp
// (Chromium, on a page without a CSP, so anything that became markup would run): the corpus of
// test/fixtures/hostile and property-based fuzz with fast-check (fixed seeds: deterministic).
// Invariants: the parser never throws; the plain-text view and the rendered text keep every literal
// character in order; the DOM holds only the renderer's allow-listed elements, no on* attribute,
// no style, no href, images only from Chatwork's hosts, links only to http(s); no script runs.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium, where the harness
   and DOM globals are untyped (the test tsconfig has no DOM lib). */
import * as assert from 'assert';
import fc from 'fast-check';
import { parse, toOneLine, toPlainText, type NotationNode } from '../../src/notation';
import { HOSTILE_CORPUS, literalChars, NOTATION_FRAGMENTS, PAYLOAD_FRAGMENTS, subsequenceMiss, withoutWhitespace } from '../fixtures/hostile/corpus';
import { toSource } from '../fixtures/notation/tagSoup';
import { launchChromium, openHarnessPage, type Browser, type Page } from '../fixtures/webview/page';

type HarnessPage = Page & { dialogs: string[]; errors: string[]; consoleErrors: string[] };

interface Rendered {
  error?: string;
  disallowed: string[];
  events: string[];
  hrefs: string[];
  srcs: string[];
  styles: number;
  dataUrls: string[];
  actions: string[];
  text: string;
}

const CHATWORK_IMAGES = /^https:\/\/(appdata|assets)\.chatwork\.com\//;
const ACTIONS = new Set(['open-link', 'open-code-ref', 'copy-code', 'download', 'reveal', 'reply', 'quote', 'edit', 'delete', 'more']);

/** Member data is someone else's too: a name with markup, javascript: and data: avatars. */
const HOSTILE_PEOPLE = [
  { accountId: 1002, name: '<img src=x onerror=window.__pwned=1>', avatarUrl: 'javascript:window.__pwned=1' },
  { accountId: 1003, name: '\u202Eevil\u0000<script>window.__pwned=1</script>', avatarUrl: 'data:image/svg+xml,<svg onload=window.__pwned=1>' },
];

function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const show = (body: string) => JSON.stringify(body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body);

/** Node-side invariants of one body. */
function checkParser(body: string): NotationNode[] {
  const nodes = parse(body);
  assert.ok(Array.isArray(nodes));
  const plain = toPlainText(nodes);
  const miss = subsequenceMiss(literalChars(nodes), withoutWhitespace(plain));
  assert.strictEqual(miss, -1, `plain text lost a character (at literal ${miss}) for ${show(body)}`);
  assert.ok(toOneLine(nodes, 80).length <= 80);
  return nodes;
}

/** Checks of one rendered body (the DOM audit from the page). */
function checkRendered(body: string, nodes: readonly NotationNode[], r: Rendered): void {
  const where = `for ${show(body)}`;
  assert.strictEqual(r.error, undefined, `the renderer threw ${where}`);
  assert.deepStrictEqual(r.disallowed, [], `elements outside ALLOWED_TAGS ${where}`);
  assert.deepStrictEqual(r.events, [], `on* attributes ${where}`);
  assert.deepStrictEqual(r.hrefs, [], `href attributes ${where}`);
  for (const src of r.srcs) assert.match(src, CHATWORK_IMAGES, `image source ${where}`);
  for (const url of r.dataUrls) assert.ok(isWebUrl(url), `link to ${JSON.stringify(url)} ${where}`);
  for (const action of r.actions) assert.ok(ACTIONS.has(action), `unknown data-action ${action} ${where}`);
  assert.strictEqual(r.styles, 0, `style attributes ${where}`);
  const miss = subsequenceMiss(literalChars(nodes), withoutWhitespace(r.text));
  assert.strictEqual(miss, -1, `the rendered text lost a character (at literal ${miss}) ${where}`);
}

/** Bodies longer than this are kept out of layout once audited (a 1 MB body takes seconds to lay out and paint). */
const LAID_OUT_MAX = 64 * 1024;

/**
 * Renders bodies with the real renderer in one page.evaluate: each into #render-root, audited, then
 * kept in the document (so a handler that could fire later still has its element) until two frames
 * and a timer have passed. Strings go both ways as JSON, which keeps lone surrogates intact.
 */
async function renderBatch(page: HarnessPage, bodies: readonly string[], options: Record<string, unknown>): Promise<{ results: Rendered[]; pwned: unknown }> {
  // Each batch on its own (when fast-check shrinks a failing batch, earlier failures must not count).
  page.dialogs.length = 0;
  page.errors.length = 0;
  page.consoleErrors.length = 0;
  const json = await page.evaluate(
    async ([input, opts, laidOutMax]) => {
      const g = globalThis as any;
      delete g.__pwned;
      const list = JSON.parse(input) as string[];
      const kept = g.document.createElement('div');
      kept.hidden = list.some((body) => body.length > laidOutMax);
      g.document.body.append(kept);
      const results = [];
      for (const body of list) {
        let error: string | undefined;
        try {
          g.cw.render(body, opts);
        } catch (e: any) {
          error = String(e?.stack ?? e);
        }
        const root = g.document.getElementById('render-root');
        const a = g.cw.audit('#render-root');
        const elements = [...root.querySelectorAll('*')] as any[];
        results.push({
          error,
          disallowed: a.disallowed,
          events: a.eventAttributes,
          hrefs: a.hrefs,
          srcs: a.srcs,
          styles: a.styles,
          dataUrls: elements.filter((e) => e.hasAttribute('data-url')).map((e) => e.getAttribute('data-url')),
          actions: [...new Set(elements.filter((e) => e.hasAttribute('data-action')).map((e) => e.getAttribute('data-action')))],
          text: a.text,
        });
        kept.append(...root.childNodes);
      }
      await new Promise((r) => g.requestAnimationFrame(() => g.requestAnimationFrame(r)));
      await new Promise((r) => g.setTimeout(r, 10));
      kept.remove();
      return JSON.stringify({ results, pwned: g.__pwned ?? null });
    },
    [JSON.stringify(bodies), options, LAID_OUT_MAX] as const,
  );
  return JSON.parse(json);
}

function assertNothingRan(page: HarnessPage, pwned: unknown, what: string): void {
  assert.strictEqual(pwned, null, `a payload ran (${what})`);
  assert.deepStrictEqual(page.dialogs, [], `dialogs (${what})`);
  assert.deepStrictEqual(page.errors, [], `page errors (${what})`);
  assert.deepStrictEqual(page.consoleErrors, [], `console errors (${what})`);
}

async function openPage(browser: Browser): Promise<HarnessPage> {
  const page = (await openHarnessPage(browser)) as HarnessPage;
  page.consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
  });
  return page;
}

/** Batches of at most `count` bodies and about `chars` characters. */
function batches<T extends { body: string }>(items: readonly T[], count: number, chars: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= count || size + item.body.length > chars)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.body.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

// ── Arbitraries for the fuzz ────────────────────────────────────────────────────────────────────

/** Any UTF-16 code units, lone surrogates and controls included. */
const anyText = fc.string({ unit: 'binary', maxLength: 8 });
const tagChars = fc.string({ unit: fc.constantFrom('[', ']', '/', ':', '=', ' ', ',', '-', 'q', 't', 'T', 'o', 'i', 'n', 'f', '1', '0', '<', '>', '"', '\n'), maxLength: 12 });
const fragment = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 4, arbitrary: fc.constantFrom(...NOTATION_FRAGMENTS) },
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOAD_FRAGMENTS) },
  { weight: 2, arbitrary: tagChars },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 2 ** 62 }).map((n) => `[To:${n}][picon:${n}][preview id=${n} ht=${n}][rp aid=${n} to=${n}-${n}]`) },
);
const CONTAINERS: ReadonlyArray<readonly [string, string]> = [
  ['[qt]', '[/qt]'], ['[qt][qtmeta aid=1002 time=1]', '[/qt]'], ['[info]', '[/info]'], ['[info][title]', '[/title][/info]'], ['[title]', '[/title]'],
  ['[code]', '[/code]'], ['[task aid=1002 st=open lt=0]', '[/task]'], ['[download:1]', '[/download]'], ['[url]', '[/url]'], ['<b>', '</b>'],
];
/** Fragments, sometimes nested in (possibly unbalanced) containers. */
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fragment,
    fc.tuple(fc.constantFrom(...CONTAINERS), fc.array(tie('tree'), { maxLength: 4 }), fc.boolean()).map(([[open, close], inner, closed]) => open + inner.join('') + (closed ? close : '')),
  ),
}));
const hostileBody = fc.array(tree as fc.Arbitrary<string>, { maxLength: 12 }).map((parts) => parts.join(''));

describe('hostile bodies', function () {
  this.timeout(120_000);

  describe(`the corpus on Node (${HOSTILE_CORPUS.length} bodies)`, () => {
    it('has at least 500 bodies', () => assert.ok(HOSTILE_CORPUS.length >= 500, String(HOSTILE_CORPUS.length)));

    it('the parser never throws and the plain text keeps every literal character, in order', () => {
      for (const { body } of HOSTILE_CORPUS) checkParser(body);
    });
  });

  describe('property-based fuzz on Node', () => {
    it('parse / toPlainText / toOneLine: no throw, no lost characters, a stable tree', () => {
      fc.assert(
        fc.property(hostileBody, (body) => {
          const nodes = checkParser(body);
          assert.deepStrictEqual(parse(toSource(nodes)), nodes, `unstable tree for ${show(body)}`);
        }),
        { numRuns: 10_000, seed: 20240711 },
      );
    });
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let page: HarnessPage;

    before(async () => {
      browser = await launchChromium();
      page = await openPage(browser);
    });

    after(async () => {
      await browser?.close();
    });

    it('every corpus body through the real renderer: only allow-listed DOM, only web links, text kept, nothing runs', async () => {
      // Huge bodies in batches of their own (kept out of layout), the others 60 at a time.
      const items = HOSTILE_CORPUS.map((c, index) => ({ ...c, index }));
      const huge = items.filter((c) => c.body.length > LAID_OUT_MAX);
      for (const batch of [...batches(items.filter((c) => c.body.length <= LAID_OUT_MAX), 60, LAID_OUT_MAX * 8), ...batches(huge, 4, 4_000_000)]) {
        // Alternate the context: hostile member data, Japanese, emoticon images.
        const k = batch[0]!.index;
        const options = { people: k % 2 === 0 ? HOSTILE_PEOPLE : [], language: k % 3 === 0 ? 'ja' : 'en', emoticonImages: k % 5 === 0 };
        const { results, pwned } = await renderBatch(page, batch.map((c) => c.body), options);
        batch.forEach((c, i) => checkRendered(c.body, parse(c.body), results[i] as Rendered));
        assertNothingRan(page, pwned, `batch from #${k}`);
      }
    });

    it('property-based fuzz through the real renderer, 40 bodies per page call', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileBody, { minLength: 40, maxLength: 40 }), fc.boolean(), async (bodies, hostilePeople) => {
          const { results, pwned } = await renderBatch(page, bodies, { people: hostilePeople ? HOSTILE_PEOPLE : [], emoticonImages: true });
          bodies.forEach((body, i) => checkRendered(body, parse(body), results[i] as Rendered));
          assertNothingRan(page, pwned, 'fuzz batch');
        }),
        { numRuns: 40, seed: 715517 },
      );
    });

    it('the full RoomApp with a sample of the corpus: snapshot, deltas, edits, every link and chip clicked', async () => {
      const app = await openPage(browser);
      try {
        const sample = HOSTILE_CORPUS.filter((c, i) => i % 3 === 0 && c.body.length < 200_000);
        sample.push(...HOSTILE_CORPUS.filter((c) => c.body.length >= 1_000_000).slice(0, 2));
        const people = [{ accountId: 1001, name: 'Me Myself', avatarUrl: 'https://appdata.chatwork.com/avatar/me.png' }, ...HOSTILE_PEOPLE];
        const now = Math.floor(Date.now() / 1000);
        const messages = sample.map((c, i) => {
          const author = people[i % people.length]!;
          return { id: (1620000000000000000n + BigInt(i) * 1000003n).toString(), ...author, body: c.body, sendTime: now - (sample.length - i) * 600, updateTime: i % 7 === 0 ? now : 0 };
        });
        const snapshot = {
          type: 'snapshot', roomId: 10010, roomName: '<script>window.__pwned=1</script>', me: people[0], members: people.map((p) => ({ ...p, role: 'member' })),
          messages: messages.slice(0, -30), unreadCount: 25, draft: '<img src=x onerror=window.__pwned=1>', canPost: true,
          config: { sendWithEnter: false, language: 'ja', locale: 'ja' },
        };
        const tail = messages.slice(-30);
        const audit = await app.evaluate(
          async ([snapshotJson, tailJson, oldestId]) => {
            const g = globalThis as any;
            const frames = (n: number) => new Promise<void>((resolve) => {
              const step = (left: number) => (left === 0 ? resolve() : g.requestAnimationFrame(() => step(left - 1)));
              step(n);
            });
            const rendered = () => g.cw.posted().filter((p: any) => p.body.type === 'rendered').length;
            g.cw.startApp(undefined, 'ja');
            g.cw.deliver(JSON.parse(snapshotJson));
            while (rendered() < 1) await frames(1);
            await frames(30);
            const more = JSON.parse(tailJson) as any[];
            g.cw.deliver({ type: 'messagesAdded', messages: more });
            g.cw.deliver({ type: 'messagesUpdated', messages: more.slice(0, 10).map((m: any, i: number) => ({ ...m, body: more[(i + 10) % more.length].body, updateTime: m.sendTime + 1 })) });
            g.cw.deliver({ type: 'revealMessage', messageId: oldestId });
            await frames(30);
            for (const selector of ['open-link', 'download', 'reveal', 'open-code-ref', 'copy-code']) {
              for (const e of g.document.querySelectorAll(`[data-action="${selector}"]`)) e.click();
            }
            const more2 = g.document.querySelector('.cw-msg [data-action="more"]');
            more2?.click();
            await frames(5);
            return JSON.stringify({ audit: g.cw.audit('body'), posted: g.cw.posted(), pwned: g.__pwned ?? null, messages: g.document.querySelectorAll('.cw-msg').length });
          },
          [JSON.stringify(snapshot), JSON.stringify(tail), messages[0]!.id] as const,
        );
        const r = JSON.parse(audit) as { audit: Rendered & { eventAttributes: string[] }; posted: Array<{ body: Record<string, unknown> }>; pwned: unknown; messages: number };
        assert.strictEqual(r.messages, messages.length, 'every message mounted');
        assert.deepStrictEqual(r.audit.disallowed, [], 'elements outside ALLOWED_TAGS');
        assert.deepStrictEqual(r.audit.eventAttributes, [], 'on* attributes');
        assert.deepStrictEqual(r.audit.hrefs, [], 'href attributes');
        for (const src of r.audit.srcs) assert.match(src, CHATWORK_IMAGES, 'image source');
        assert.strictEqual(r.audit.styles, 0, 'style attributes (other than the menu)');
        const posted = r.posted.map((p) => p.body);
        const links = posted.filter((p) => p.type === 'openLink');
        assert.ok(links.length > 0, 'links were clicked');
        for (const p of links) assert.ok(isWebUrl(p.url as string), `openLink ${JSON.stringify(p.url)}`);
        for (const p of posted.filter((x) => x.type === 'downloadFile')) assert.ok(Number.isSafeInteger(p.fileId) && (p.fileId as number) > 0, `downloadFile ${p.fileId}`);
        for (const p of posted.filter((x) => x.type === 'openRoom')) {
          assert.ok(Number.isSafeInteger(p.roomId), `openRoom ${p.roomId}`);
          assert.match(p.messageId as string, /^\d{1,19}$/, `openRoom message ${p.messageId}`);
        }
        assertNothingRan(app, r.pwned, 'RoomApp');
      } finally {
        await app.close();
      }
    });
  });
});
