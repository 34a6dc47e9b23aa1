// Which new messages deserve a toast. Pure logic (no vscode), so it is unit-tested on plain data.
import type { Message, RoomType } from '../api/types';
import { findText, mentionsAccount, mentionsAll, parse } from '../notation';
import { DELETED_BODY } from '../store/messageLog';

export type NotificationMode = 'mentionsAndDirect' | 'all' | 'off';

export type NotifyReason = 'mention' | 'toall' | 'keyword' | 'direct' | 'message';

export interface NotifyContext {
  myAccountId: number;
  roomType: RoomType;
  mode: NotificationMode;
  /** Words that count as a mention (case-insensitive), e.g. the user's nickname. */
  keywords: readonly string[];
  muted: boolean;
  /** The room's panel is visible and focused: the user is reading it already. */
  roomInView: boolean;
}

/** Why `message` should be announced, or undefined when it should not. */
export function notifyReason(message: Message, context: NotifyContext): NotifyReason | undefined {
  if (context.mode === 'off' || context.muted || context.roomInView) return undefined;
  if (message.account.account_id === context.myAccountId) return undefined;
  if (message.body === DELETED_BODY) return undefined;
  const nodes = parse(message.body);
  if (mentionsAccount(nodes, context.myAccountId)) return 'mention';
  if (mentionsAll(nodes)) return 'toall';
  if (context.keywords.some((k) => k.trim() !== '' && findText(nodes, k.trim()))) return 'keyword';
  if (context.roomType === 'direct') return 'direct';
  return context.mode === 'all' ? 'message' : undefined;
}

export interface Announcement {
  roomId: number;
  message: Message;
  reason: NotifyReason;
}

/**
 * Several messages arriving in one poll become one toast: the most important one is shown (mention
 * before toall before keyword before direct before the rest; newest first among equals) and the
 * others are counted.
 */
export function summarize(announcements: readonly Announcement[]): { lead: Announcement; others: number } | undefined {
  if (announcements.length === 0) return undefined;
  const rank: Record<NotifyReason, number> = { mention: 0, toall: 1, keyword: 2, direct: 3, message: 4 };
  const sorted = [...announcements].sort((a, b) => rank[a.reason] - rank[b.reason] || b.message.send_time - a.message.send_time);
  return { lead: sorted[0] as Announcement, others: announcements.length - 1 };
}
