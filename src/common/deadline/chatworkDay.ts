// The one rule for date-only task deadlines. Chatwork files a date-only deadline ("limit_type":
// "date") on Japan's calendar: the stored Unix time is the end of that day in JST (UTC+9, no DST),
// whatever zone the sender is in. So the extension sends the end of the picked day in JST, and
// reads the day of every date-only deadline back in JST — never in the local zone, which would move
// the day for anyone west of Japan (UTC−12 … UTC+8) and, near midnight, east of it. No `vscode`.

/** A calendar day with no zone attached: month 1–12. */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Japan Standard Time, in seconds east of UTC. Japan has no daylight saving time. */
export const CHATWORK_ZONE_OFFSET = 9 * 3600;
const DAY_SECONDS = 86_400;

/** The Unix time Chatwork stores for a date-only deadline on `day`: 23:59:59 JST of that day. */
export function dateOnlyLimit(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day) / 1000 + DAY_SECONDS - 1 - CHATWORK_ZONE_OFFSET;
}

/** The calendar day a date-only deadline is filed under (its day in JST). */
export function chatworkDayOf(unixSeconds: number): CalendarDay {
  const d = new Date((unixSeconds + CHATWORK_ZONE_OFFSET) * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Today in the local zone: the day a user means by "today". */
export function localDay(now: Date): CalendarDay {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** Days from `a` to `b` (negative when b is earlier), counted on the calendar, not in hours. */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / (DAY_SECONDS * 1000));
}

/** `day` moved by `days` calendar days. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** Whether year/month/day name a real day (no Feb 30). */
export function isRealDay(day: CalendarDay): boolean {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day));
  return d.getUTCFullYear() === day.year && d.getUTCMonth() === day.month - 1 && d.getUTCDate() === day.day && day.year >= 1970;
}

/** "2026-12-03". */
export function isoDay(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}

/**
 * The calendar day as a locale formats it ("Dec 3, 2026", "2026/12/03"), the same wherever the code
 * runs: the day is formatted as a UTC instant with timeZone UTC, so the local zone never shifts it.
 */
export function formatCalendarDay(day: CalendarDay, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const instant = Date.UTC(day.year, day.month - 1, day.day, 12);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(instant);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(instant);
  }
}

/** Whether a date-only deadline on `due` is over: only once the user's own calendar has passed that day. */
export function isDayOver(due: CalendarDay, now: Date): boolean {
  return daysBetween(localDay(now), due) < 0;
}
