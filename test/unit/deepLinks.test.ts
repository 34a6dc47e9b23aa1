// Deep links come from anywhere: only the exact shape /open?room=<id>[&message=<id>] is accepted.
import * as assert from 'assert';
import { deepLinkUrl, parseDeepLink } from '../../src/deepLinks/parseDeepLink';

const reasonOf = (path: string, query: string, fragment = ''): string | undefined => {
  const result = parseDeepLink(path, query, fragment);
  return result.ok ? undefined : result.reason;
};

describe('parseDeepLink', () => {
  it('accepts a room, and a room with a message (19-digit ids stay strings)', () => {
    assert.deepStrictEqual(parseDeepLink('/open', 'room=10010', ''), { ok: true, link: { roomId: 10010 } });
    assert.deepStrictEqual(parseDeepLink('/open', 'message=1234567890123456789&room=10010', ''), {
      ok: true,
      link: { roomId: 10010, messageId: '1234567890123456789' },
    });
  });

  it('refuses non-numeric, signed, fractional, zero-padded and huge ids', () => {
    for (const room of ['abc', '-1', '1.5', '0', '010', '1e5', ' 1', '9007199254740993', '12345678901234567', '']) {
      assert.strictEqual(reasonOf('/open', `room=${room}`), 'badRoom', room);
    }
    for (const message of ['x', '12345678901234567890', '0', '-3', '1;2']) {
      assert.strictEqual(reasonOf('/open', `room=1&message=${message}`), 'badMessage', message);
    }
  });

  it('refuses extra, repeated or missing parameters, other paths and fragments', () => {
    assert.strictEqual(reasonOf('/open', 'room=1&token=abc'), 'unknownParameter');
    assert.strictEqual(reasonOf('/open', 'room=1&'), 'unknownParameter');
    assert.strictEqual(reasonOf('/open', 'room=1&room=2'), 'repeatedParameter');
    assert.strictEqual(reasonOf('/open', 'message=5'), 'missingRoom');
    assert.strictEqual(reasonOf('/open', ''), 'missingRoom');
    assert.strictEqual(reasonOf('/open/', 'room=1'), 'path');
    assert.strictEqual(reasonOf('/settings', 'room=1'), 'path');
    assert.strictEqual(reasonOf('/open', 'room=1', 'x'), 'fragment');
  });

  it('builds the link it parses', () => {
    const url = new URL(deepLinkUrl('vscode', 'chatwork-vscode.chatwork-vscode', 10010, '42'));
    assert.strictEqual(url.host, 'chatwork-vscode.chatwork-vscode');
    assert.deepStrictEqual(parseDeepLink(url.pathname, url.search.slice(1), ''), { ok: true, link: { roomId: 10010, messageId: '42' } });
  });
});
