// The extension's own links, `<scheme>://chatwork-vscode.chatwork-vscode/open?room=…&message=…`,
// parsed strictly: a link comes from anywhere (a PR description, a web page), so anything but the
// exact shape is refused with a reason, and nothing is opened. No `vscode`.

export interface DeepLink {
  readonly roomId: number;
  /** Chatwork message ids are strings of up to 19 digits (beyond JavaScript's safe integers). */
  readonly messageId?: string;
}

export type DeepLinkRefusal =
  | 'path'
  | 'fragment'
  | 'unknownParameter'
  | 'repeatedParameter'
  | 'missingRoom'
  | 'badRoom'
  | 'badMessage';

export type DeepLinkResult = { ok: true; link: DeepLink } | { ok: false; reason: DeepLinkRefusal; detail?: string };

const ROOM_ID = /^[1-9][0-9]{0,15}$/;
const MESSAGE_ID = /^[1-9][0-9]{0,18}$/;
const ALLOWED = new Set(['room', 'message']);

/** `path`, `query` and `fragment` as VS Code's Uri gives them (already percent-decoded once). */
export function parseDeepLink(path: string, query: string, fragment: string): DeepLinkResult {
  if (path !== '/open') return { ok: false, reason: 'path', detail: path };
  if (fragment !== '') return { ok: false, reason: 'fragment' };
  const values = new Map<string, string>();
  for (const pair of query === '' ? [] : query.split('&')) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    const value = at < 0 ? '' : pair.slice(at + 1);
    if (!ALLOWED.has(name)) return { ok: false, reason: 'unknownParameter', detail: name };
    if (values.has(name)) return { ok: false, reason: 'repeatedParameter', detail: name };
    values.set(name, value);
  }
  const room = values.get('room');
  if (room === undefined) return { ok: false, reason: 'missingRoom' };
  const roomId = Number(room);
  if (!ROOM_ID.test(room) || !Number.isSafeInteger(roomId)) return { ok: false, reason: 'badRoom', detail: room };
  const message = values.get('message');
  if (message === undefined) return { ok: true, link: { roomId } };
  if (!MESSAGE_ID.test(message)) return { ok: false, reason: 'badMessage', detail: message };
  return { ok: true, link: { roomId, messageId: message } };
}

/** The link that opens a room (or a message) in the editor; `scheme` is vscode.env.uriScheme. */
export function deepLinkUrl(scheme: string, extensionId: string, roomId: number, messageId?: string): string {
  return `${scheme}://${extensionId}/open?room=${roomId}${messageId === undefined ? '' : `&message=${messageId}`}`;
}
