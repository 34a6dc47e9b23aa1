// The vscode-free parts of the room panel: the request/reply helper both sides use, the check of
// everything the webview sends, and Chatwork room links.
import * as assert from 'assert';
import { MessageHandler, isEnvelope, type Envelope } from '../../src/panels/protocol';
import { parseRoomLink, roomLinkUrl } from '../../src/panels/roomLinks';
import { snapshotHeadStart } from '../../src/panels/snapshotHead';
import { checkWebviewMessage } from '../../src/panels/webviewInput';

describe('room panel protocol', () => {
  it('MessageHandler: requests resolve with the reply matched by inReplyTo; events get no reply', async () => {
    type Msg = { type: string; n?: number };
    const toHost: Envelope<Msg>[] = [];
    const toWebview: Envelope<Msg>[] = [];
    const host = new MessageHandler<Msg, Msg>(
      (e) => toWebview.push(e),
      (m) => (m.type === 'double' ? { type: 'doubled', n: (m.n ?? 0) * 2 } : undefined),
    );
    const webview = new MessageHandler<Msg, Msg>((e) => toHost.push(e), () => undefined);

    const first = webview.sendRequest<Msg>({ type: 'double', n: 2 });
    const second = webview.sendRequest<Msg>({ type: 'double', n: 5 });
    webview.sendEvent({ type: 'ready' });
    assert.strictEqual(toHost.length, 3);
    // Answer out of order: each reply finds its request.
    await host.handleMessage(toHost[1] as Envelope<Msg>);
    await host.handleMessage(toHost[0] as Envelope<Msg>);
    await host.handleMessage(toHost[2] as Envelope<Msg>);
    assert.strictEqual(toWebview.length, 2, 'the event got no reply');
    for (const reply of toWebview) await webview.handleMessage(reply);
    assert.deepStrictEqual(await first, { type: 'doubled', n: 4 });
    assert.deepStrictEqual(await second, { type: 'doubled', n: 10 });
  });

  it('MessageHandler: rejectAll fails pending requests', async () => {
    const handler = new MessageHandler<{ type: string }, { type: string }>(() => undefined, () => undefined);
    const pending = handler.sendRequest({ type: 'send' });
    handler.rejectAll('panel closed');
    await assert.rejects(pending, /panel closed/);
  });

  it('isEnvelope accepts only { id: number, body: { type: string } }', () => {
    assert.strictEqual(isEnvelope({ id: 1, body: { type: 'ready' } }), true);
    for (const bad of [null, 'x', { id: '1', body: { type: 'ready' } }, { id: 1 }, { id: 1, body: { type: 3 } }]) {
      assert.strictEqual(isEnvelope(bad), false, JSON.stringify(bad));
    }
  });

  describe('checkWebviewMessage', () => {
    it('passes well-formed messages through, field by field', () => {
      assert.deepStrictEqual(checkWebviewMessage({ type: 'send', body: 'hi', extra: 'dropped' }), { type: 'send', body: 'hi' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'viewed', messageId: '1620000000001000003' }), { type: 'viewed', messageId: '1620000000001000003' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'openRoom', roomId: 10013, messageId: '5' }), { type: 'openRoom', roomId: 10013, messageId: '5' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'downloadFile', fileId: 77 }), { type: 'downloadFile', fileId: 77 });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'rendered', messageCount: 3, mountedCount: 3, newestId: '9' }), {
        type: 'rendered', messageCount: 3, mountedCount: 3, newestId: '9',
      });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'draftChanged', text: '' }), { type: 'draftChanged', text: '' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'olderMessages', beforeId: '1620000000001000003' }), { type: 'olderMessages', beforeId: '1620000000001000003' });
    });

    it('uploads: a picked file, a URI, or bytes of at most 5 MB (+1, so the host can say "too large") with a name', () => {
      const data = new Uint8Array([1, 2, 3]);
      assert.deepStrictEqual(checkWebviewMessage({ type: 'upload', source: { kind: 'pick', extra: 1 }, message: 'hi' }), { type: 'upload', source: { kind: 'pick' }, message: 'hi' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'upload', source: { kind: 'uri', uri: 'vscode-remote://ssh-remote%2Bbox/a.txt' }, message: '' }), {
        type: 'upload', source: { kind: 'uri', uri: 'vscode-remote://ssh-remote%2Bbox/a.txt' }, message: '',
      });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'upload', source: { kind: 'data', name: 'a.png', data }, message: '' }), { type: 'upload', source: { kind: 'data', name: 'a.png', data }, message: '' });
      assert.deepStrictEqual(checkWebviewMessage({ type: 'cancelUpload' }), { type: 'cancelUpload' });
      const refused = [
        { type: 'upload', source: { kind: 'data', name: 'big.bin', data: new Uint8Array(5 * 1024 * 1024 + 2) }, message: '' },
        { type: 'upload', source: { kind: 'data', name: ' ', data }, message: '' },
        { type: 'upload', source: { kind: 'data', name: 'a.png', data: [1, 2, 3] }, message: '' },
        { type: 'upload', source: { kind: 'uri', uri: '' }, message: '' },
        { type: 'upload', source: { kind: 'disk', path: '/etc/passwd' }, message: '' },
        { type: 'upload', source: { kind: 'pick' } },
      ];
      refused.forEach((message, i) => assert.strictEqual(checkWebviewMessage(message), undefined, `refused case ${i}`));
    });

    it('drops malformed ones', () => {
      const bad = [
        undefined, null, 42, { type: 'nope' },
        { type: 'send', body: '' }, { type: 'send', body: '   ' }, { type: 'send', body: 'x'.repeat(65_536) }, { type: 'send' },
        { type: 'edit', messageId: '1e3', body: 'x' }, { type: 'edit', messageId: 1, body: 'x' },
        { type: 'viewed', messageId: '12345678901234567890' }, { type: 'delete', messageId: '-1' },
        { type: 'downloadFile', fileId: -1 }, { type: 'downloadFile', fileId: 1.5 }, { type: 'resolvePreview', fileId: '7' },
        { type: 'openRoom', roomId: 0 }, { type: 'openRoom', roomId: 1, messageId: 'x' },
        { type: 'openLink', url: 5 }, { type: 'copyText' }, { type: 'rendered', messageCount: -1, mountedCount: 0 },
        { type: 'olderMessages' }, { type: 'olderMessages', beforeId: 5 }, { type: 'olderMessages', beforeId: '1e3' },
      ];
      for (const message of bad) assert.strictEqual(checkWebviewMessage(message), undefined, JSON.stringify(message));
    });
  });

  describe('snapshotHeadStart (how much of a long history the snapshot carries)', () => {
    it('carries everything up to 200 messages', () => {
      assert.strictEqual(snapshotHeadStart(0, 0), 0);
      assert.strictEqual(snapshotHeadStart(200, 0), 0);
      assert.strictEqual(snapshotHeadStart(200, 150, 3), 0);
    });

    it('carries the newest 200 of a long archive, more to reach every unread message or the one to reveal', () => {
      assert.strictEqual(snapshotHeadStart(10_000, 0), 9_800);
      assert.strictEqual(snapshotHeadStart(10_000, 500), 10_000 - 520, '500 unread, with 20 above them');
      assert.strictEqual(snapshotHeadStart(10_000, 0, 4_000), 3_980, 'a message to reveal, with 20 above it');
      assert.strictEqual(snapshotHeadStart(10_000, 0, 9_900), 9_800, 'already within the newest 200');
      assert.strictEqual(snapshotHeadStart(10_000, 0, 5), 0);
    });
  });

  describe('room links', () => {
    it('reads #!rid links with and without a message', () => {
      assert.deepStrictEqual(parseRoomLink('https://www.chatwork.com/#!rid10013'), { roomId: 10013 });
      assert.deepStrictEqual(parseRoomLink(' https://www.chatwork.com/#!rid10013-1620000000001000003 '), { roomId: 10013, messageId: '1620000000001000003' });
      assert.deepStrictEqual(parseRoomLink('https://kcw.kddi.ne.jp/#!rid5'), { roomId: 5 });
      assert.strictEqual(roomLinkUrl(10013, '1620000000001000003'), 'https://www.chatwork.com/#!rid10013-1620000000001000003');
    });

    it('refuses anything else', () => {
      for (const text of ['https://evil.example/#!rid1', 'javascript:alert(1)//https://www.chatwork.com/#!rid1', 'https://www.chatwork.com/#!ridx', 'https://www.chatwork.com/#!rid0', 'https://www.chatwork.com/', 'not a url']) {
        assert.strictEqual(parseRoomLink(text), undefined, text);
      }
    });
  });
});
