// Short texts for tree labels and descriptions: relative times, sizes, deadlines, message lines.
// No `vscode`, so the unit tests can check them directly (in English; the extension installs VS
// Code's translations and display language at activation, see src/common/l10n.ts).

import type { Message, TaskLimitType } from '../api/types';
import { chatworkDayOf, isDayOver, isoDay } from '../common/deadline/chatworkDay';
import { l10n, notationLanguage } from '../common/l10n';
import { parse, toOneLine, toPlainText } from '../notation';

/** Long enough to recognise a message, short enough for a sidebar. */
export const LABEL_LENGTH = 80;

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 d ago", then the date. */
export function relativeTime(unixSeconds: number, nowMs: number = Date.now()): string {
  const seconds = Math.max(0, Math.floor(nowMs / 1000) - unixSeconds);
  if (seconds < 60) return l10n.t('just now');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return l10n.t('{0} h ago', hours);
  const days = Math.floor(hours / 24);
  if (days === 1) return l10n.t('yesterday');
  if (days < 7) return l10n.t('{0} d ago', days);
  return localDate(unixSeconds);
}

/** "2025-04-01" in the local time zone. */
export function localDate(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2025-04-01 18:30" in the local time zone. */
export function localDateTime(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${localDate(unixSeconds)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "512 B", "1.5 KB", "12 MB": one decimal below 10 units, whole numbers above. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * A task's deadline as shown: undefined without one; day and local time for "time"; for "date" the
 * calendar day Chatwork filed it under (its day in Japan, see chatworkDay.ts), not the local day.
 */
export function formatDue(limitTime: number, limitType: TaskLimitType): string | undefined {
  if (limitTime <= 0 || limitType === 'none') return undefined;
  return limitType === 'time' ? localDateTime(limitTime) : isoDay(chatworkDayOf(limitTime));
}

/** Past a time deadline; past a date deadline once the user's own calendar has left that day. */
export function isOverdue(limitTime: number, limitType: TaskLimitType, nowMs: number = Date.now()): boolean {
  if (limitTime <= 0 || limitType === 'none') return false;
  return limitType === 'date' ? isDayOver(chatworkDayOf(limitTime), new Date(nowMs)) : limitTime * 1000 < nowMs;
}

/** A notation body as one line of plain text (mentions, emoticons, system texts made readable). */
export function oneLine(body: string, accountName?: (id: number) => string | undefined, maxLength = LABEL_LENGTH): string {
  return toOneLine(parse(body), maxLength, { accountName, language: notationLanguage() });
}

/** A notation body as multi-line plain text (tooltips, details documents). */
export function plainText(body: string, accountName?: (id: number) => string | undefined): string {
  return toPlainText(parse(body), { accountName, language: notationLanguage() });
}

/** The tree label of a message: who, then what. */
export function messageLabel(message: Message, accountName?: (id: number) => string | undefined): string {
  const text = oneLine(message.body, accountName) || l10n.t('(empty)');
  return `${message.account.name}: ${text}`;
}

/** Chatwork's web link to a message (the web app's own format). */
export function messageLink(roomId: number, messageId: string): string {
  return `https://www.chatwork.com/#!rid${roomId}-${messageId}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
