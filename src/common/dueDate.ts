// Task deadlines typed by the user (see deadline/naturalDeadline.ts for what is understood), turned
// into the Unix time and limit_type Chatwork's POST tasks expects, and described back before the
// user confirms. A date alone follows the one rule of deadline/chatworkDay.ts: it is sent as the end
// of that day in Japan, which is how Chatwork files it, so it lands on the picked day wherever
// VS Code runs. A date with a time is that moment in the local zone. No `vscode`.

import type { TaskLimitType } from '../api/types';
import { dateOnlyLimit, formatCalendarDay, isDayOver, type CalendarDay } from './deadline/chatworkDay';
import { parseNaturalDeadline } from './deadline/naturalDeadline';
import { displayLocale, l10n } from './l10n';

export type DueDate =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'due';
      readonly limit: number;
      readonly limitType: Exclude<TaskLimitType, 'none'>;
      /** The calendar day picked (for a time, the local day). */
      readonly day: CalendarDay;
    }
  | { readonly kind: 'invalid'; readonly message: string };

/** The accepted formats, as the input box explains them. */
export function dueDateHint(): string {
  return l10n.t('YYYY-MM-DD or YYYY-MM-DD HH:mm');
}

/** Examples of what may be typed, in the display language. */
export function dueDateExamples(): string {
  return l10n.t('e.g. today, tomorrow, fri, +3d, 12/24, 2026-12-24 15:00');
}

/**
 * Parses a deadline. Empty means no deadline. A day alone is due at the end of that day as Chatwork
 * files it (limit_type "date"); a day and time is due then, local time (limit_type "time").
 * Impossible dates (2025-02-30, 24:00) and deadlines already past are refused with a message.
 */
export function parseDueDate(text: string, now: Date = new Date(), language: string = displayLocale()): DueDate {
  const parsed = parseNaturalDeadline(text, now, language);
  switch (parsed.kind) {
    case 'none':
      return parsed;
    case 'unknown':
      return { kind: 'invalid', message: l10n.t('Use {0} ({1}), or leave empty for no deadline.', dueDateHint(), dueDateExamples()) };
    case 'impossible':
      return { kind: 'invalid', message: l10n.t('{0} is not a real date or time.', text.trim()) };
    case 'date':
      if (isDayOver(parsed.day, now)) return { kind: 'invalid', message: l10n.t('That day is already over.') };
      return { kind: 'due', limit: dateOnlyLimit(parsed.day), limitType: 'date', day: parsed.day };
    case 'time': {
      const { day, hour, minute } = parsed;
      const due = new Date(day.year, day.month - 1, day.day, hour, minute, 0);
      if (due.getTime() < now.getTime()) return { kind: 'invalid', message: l10n.t('That time has already passed.') };
      return { kind: 'due', limit: Math.floor(due.getTime() / 1000), limitType: 'time', day };
    }
  }
}

/** "Due Thu, Dec 24, 2026" / "Due Thu, Dec 24, 2026, 15:00": what a parsed deadline resolves to. */
export function describeDueDate(due: DueDate, locale: string = displayLocale()): string | undefined {
  if (due.kind !== 'due') return undefined;
  const day = formatCalendarDay(due.day, locale, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
  if (due.limitType === 'date') return l10n.t('Due {0} (the whole day)', day);
  const time = new Date(due.limit * 1000);
  const clock = `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
  return l10n.t('Due {0} at {1}', day, clock);
}
