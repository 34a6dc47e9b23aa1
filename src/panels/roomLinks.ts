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
