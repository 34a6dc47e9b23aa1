// Task deadlines typed by the user: "YYYY-MM-DD" (a whole day) or "YYYY-MM-DD HH:mm" (a time), in
// the local time zone, turned into the Unix time and limit_type Chatwork's POST tasks expects.
// Slashes are accepted too ("2025/04/01"), as Japanese users often write dates that way. No `vscode`.

import type { TaskLimitType } from '../api/types';
import { l10n } from './l10n';

export type DueDate =
  | { readonly kind: 'none' }
  | { readonly kind: 'due'; readonly limit: number; readonly limitType: Exclude<TaskLimitType, 'none'> }
  | { readonly kind: 'invalid'; readonly message: string };

const PATTERN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/;

/** The accepted formats, as the input box explains them. */
export function dueDateHint(): string {
  return l10n.t('YYYY-MM-DD or YYYY-MM-DD HH:mm');
}

/**
 * Parses a deadline. Empty means no deadline. A date alone is due at the end of that day (23:59:59
 * local, limit_type "date"); a date and time is due then (limit_type "time"). Impossible dates
 * (2025-02-30, 24:00) and deadlines already past are refused with a message for the input box.
 */
export function parseDueDate(text: string, now: Date = new Date()): DueDate {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  const match = PATTERN.exec(trimmed);
  if (!match) return { kind: 'invalid', message: l10n.t('Use {0}, or leave empty for no deadline.', dueDateHint()) };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hasTime = match[4] !== undefined;
  const [hour, minute] = hasTime ? [Number(match[4]), Number(match[5])] : [23, 59];
  const second = hasTime ? 0 : 59;
  const due = new Date(year, month - 1, day, hour, minute, second);
  // The Date constructor rolls over (Feb 30 → Mar 2); a rollover means the input was impossible.
  const exact =
    due.getFullYear() === year && due.getMonth() === month - 1 && due.getDate() === day && due.getHours() === hour && due.getMinutes() === minute;
  if (!exact || hour > 23 || minute > 59) return { kind: 'invalid', message: l10n.t('{0} is not a real date or time.', trimmed) };
  if (due.getTime() < now.getTime()) {
    return { kind: 'invalid', message: hasTime ? l10n.t('That time has already passed.') : l10n.t('That day is already over.') };
  }
  return { kind: 'due', limit: Math.floor(due.getTime() / 1000), limitType: hasTime ? 'time' : 'date' };
}
