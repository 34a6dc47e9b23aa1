// Attachments from the composer in a real Chromium, through the webview harness: a pasted image, a
// dropped File and a dropped URI list each become one `upload` request with the composer's text;
// a File over 5 MB is refused before it is read; a failed upload keeps text and file for Retry.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

async function openComposer(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  await page.evaluate(() => (globalThis as any).cw.deliverSnapshot(3, {}));
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
  // Attachments come with the panel's later chunk, after the first paint: the attach button says they are ready.
  await page.locator('[data-action="attach"]').waitFor();
  await page.locator('.cw-input').fill('Here is the file');
}

const uploads = (page: Page): Promise<any[]> => page.evaluate(() => (globalThis as any).cw.posted().filter((p: any) => p.body.type === 'upload'));
const waitForUploads = (page: Page, n: number): Promise<unknown> =>
  page.waitForFunction((count) => (globalThis as any).cw.posted().filter((p: any) => p.body.type === 'upload').length >= count, n);

describe('composer: attachments (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('a pasted image is uploaded as a PNG named by the time, with the composer text; success empties the composer', async () => {
    await openComposer(page);
    await page.evaluate(() => {
      const g = globalThis as any;
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([new Uint8Array([137, 80, 78, 71])], 'image.png', { type: 'image/png' }));
      g.document.querySelector('.cw-input').dispatchEvent(new g.ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    });
    await waitForUploads(page, 1);
    const [request] = await uploads(page);
    assert.strictEqual(request.body.message, 'Here is the file');
    assert.strictEqual(request.body.source.kind, 'data');
    assert.match(request.body.source.name, /^image-\d{8}-\d{4}\.png$/);
    assert.deepStrictEqual(request.body.source.data, { bytes: [137, 80, 78, 71] });
    assert.strictEqual(await page.locator('.cw-input').inputValue(), 'Here is the file', 'pasting an image adds no text');
    await page.evaluate((id) => (globalThis as any).cw.deliver({ type: 'uploaded', fileId: 7 }, id), request.id);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-input').value === '');
  });

  it('a dropped File and a dropped Explorer URI list (vscode-remote:) each make one upload request', async () => {
    await openComposer(page);
    await page.evaluate(() => {
      const g = globalThis as any;
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File(['hello'], 'notes.txt', { type: 'text/plain' }));
      g.document.querySelector('.cw-composer').dispatchEvent(new g.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await waitForUploads(page, 1);
    const [file] = await uploads(page);
    assert.deepStrictEqual(file.body.source, { kind: 'data', name: 'notes.txt', data: { bytes: [...Buffer.from('hello')] } });
    assert.strictEqual(file.body.message, 'Here is the file');
    await page.evaluate((id) => (globalThis as any).cw.deliver({ type: 'done', cancelled: true }, id), file.id);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-upload-status').hidden);

    await page.evaluate(() => {
      const g = globalThis as any;
      const transfer = new g.DataTransfer();
      transfer.setData('text/uri-list', '# from the Explorer\r\nvscode-remote://ssh-remote%2Bbox/home/me/report.pdf\r\n');
      g.document.querySelector('.cw-input').dispatchEvent(new g.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await waitForUploads(page, 2);
    const second = (await uploads(page))[1];
    assert.deepStrictEqual(second.body.source, { kind: 'uri', uri: 'vscode-remote://ssh-remote%2Bbox/home/me/report.pdf' });
    assert.strictEqual(second.body.message, 'Here is the file', 'a cancelled upload keeps the text');
  });

  it('a File over 5 MB is refused before it is read: no request, the panel says why', async () => {
    await openComposer(page);
    const read = await page.evaluate(() => {
      const g = globalThis as any;
      const file = new g.File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.bin');
      let reads = 0;
      for (const m of ['arrayBuffer', 'text', 'stream', 'slice'] as const) {
        const original = (file as any)[m].bind(file);
        (file as any)[m] = (...args: unknown[]) => (reads++, original(...args));
      }
      const transfer = { types: ['Files'], files: [file], getData: () => '' };
      const drop = new g.DragEvent('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: transfer });
      g.document.querySelector('.cw-input').dispatchEvent(drop);
      return new Promise<number>((resolve) => setTimeout(() => resolve(reads), 0));
    });
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('.cw-upload-status').hidden);
    assert.strictEqual(read, 0, 'the file was not read');
    assert.match((await page.locator('.cw-upload-status').textContent()) ?? '', /big\.bin.*5 MB/);
    assert.deepStrictEqual(await uploads(page), []);
  });

  it('the attach button asks the host; a failed upload shows the reason and Retry sends the same file and text again', async () => {
    await openComposer(page);
    await page.locator('[data-action="attach"]').click();
    await waitForUploads(page, 1);
    const [first] = await uploads(page);
    assert.deepStrictEqual(first.body.source, { kind: 'pick' });
    await page.evaluate(() => (globalThis as any).cw.deliver({ type: 'uploadProgress', name: 'a.txt', size: 2048 }));
    await page.waitForFunction(() => /a\.txt \(2\.0 KB\)/.test((globalThis as any).document.querySelector('.cw-upload-status').textContent ?? ''));
    assert.ok(await page.locator('[data-action="cancel-upload"]').isVisible());
    await page.evaluate((id) => (globalThis as any).cw.deliver({ type: 'uploadFailed', error: 'Chatwork answered 500', retryUri: 'file:///tmp/a.txt' }, id), first.id);
    await page.waitForFunction(() => /Chatwork answered 500/.test((globalThis as any).document.querySelector('.cw-upload-status').textContent ?? ''));
    assert.strictEqual(await page.locator('.cw-input').inputValue(), 'Here is the file');
    await page.locator('[data-action="retry-upload"]').click();
    await waitForUploads(page, 2);
    const second = (await uploads(page))[1];
    assert.deepStrictEqual(second.body, { type: 'upload', source: { kind: 'uri', uri: 'file:///tmp/a.txt' }, message: 'Here is the file' });
  });
});
