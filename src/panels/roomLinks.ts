// Chatwork's web links to rooms and messages: https://www.chatwork.com/#!rid123 and #!rid123-456
// (also kcw.kddi.ne.jp, Chatwork's KDDI edition). No `vscode`: used by the command and the panel.

export interface RoomLink {
  readonly roomId: number;
  readonly messageId?: string;
}

const HOSTS = new Set(['www.chatwork.com', 'chatwork.com', 'kcw.kddi.ne.jp']);
const FRAGMENT = /^#!rid([0-9]{1,16})(?:-([0-9]{1,19}))?$/;

/** The room (and message) a link points to, or undefined when it is not a Chatwork room link. */
export function parseRoomLink(text: string): RoomLink | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!HOSTS.has(url.hostname)) return undefined;
  const match = FRAGMENT.exec(url.hash);
  if (!match) return undefined;
  const roomId = Number(match[1]);
  if (!Number.isSafeInteger(roomId) || roomId <= 0) return undefined;
  return match[2] === undefined ? { roomId } : { roomId, messageId: match[2] };
}

export function roomLinkUrl(roomId: number, messageId?: string): string {
  return `https://www.chatwork.com/#!rid${roomId}${messageId === undefined ? '' : `-${messageId}`}`;
}

/**
 * The one filter for links a webview asks the host to open outside VS Code: the exact text must be
 * an absolute http(s) URL — no leading or embedded whitespace or control characters, no other
 * scheme however it is cased or disguised (`JaVaScRiPt:`, ` command:`, `java\tscript:`, `file:`,
 * `vscode:`). Returns the URL to open, or undefined to refuse.
 */
export function externalWebUrl(text: string): string | undefined {
  if (!/^https?:\/\//i.test(text) || /[\u0000-\u0020\u007f-\u00a0\u2028\u2029]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : undefined;
}
