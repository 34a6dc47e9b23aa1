// Dates and times as the panel shows them: day headers (Today / Yesterday / a date), message times
// (relative while recent, clock time after) and full absolute tooltips.
import { chatworkDayOf, formatCalendarDay } from '../common/deadline/chatworkDay';
import type { Strings } from './strings';

const DAY_MS = 86_400_000;

/** Local calendar day of a Unix time, as a sortable key. */
export function dayKey(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Formats one date and one relative time, so that ICU's data for `locale` is loaded ahead of use. */
export function warmUpTimeFormat(locale: string): void {
  try {
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(0);
    new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'minute');
  } catch {
    // Not a valid locale: TimeFormat falls back to English when it is used.
  }
}

export class TimeFormat {
  private readonly _full: Intl.DateTimeFormat;
  private readonly _date: Intl.DateTimeFormat;
  private readonly _dateTime: Intl.DateTimeFormat;
  private readonly _clock: Intl.DateTimeFormat;
  private readonly _relative: Intl.RelativeTimeFormat;
  private readonly _locale: string;

  constructor(
    locale: string,
    private readonly _strings: Strings,
  ) {
    const safeLocale = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
    this._locale = safeLocale;
    this._full = new Intl.DateTimeFormat(safeLocale, { dateStyle: 'full', timeStyle: 'medium' });
    this._date = new Intl.DateTimeFormat(safeLocale, { dateStyle: 'medium' });
    this._dateTime = new Intl.DateTimeFormat(safeLocale, { dateStyle: 'medium', timeStyle: 'short' });
    this._clock = new Intl.DateTimeFormat(safeLocale, { hour: '2-digit', minute: '2-digit' });
    this._relative = new Intl.RelativeTimeFormat(safeLocale, { numeric: 'auto' });
  }

  /** "Wednesday, 1 May 2024 at 09:30:12" */
  absolute(unixSeconds: number): string {
    return this._full.format(unixSeconds * 1000);
  }

  /** "Dec 1, 2026, 2:01 AM" */
  dateTime(unixSeconds: number): string {
    return this._dateTime.format(unixSeconds * 1000);
  }

  /** A date-only task deadline: the day Chatwork filed it under, whatever the local zone. */
  dueDay(unixSeconds: number): string {
    return formatCalendarDay(chatworkDayOf(unixSeconds), this._locale);
  }

  date(unixSeconds: number): string {
    return this._date.format(unixSeconds * 1000);
  }

  day(unixSeconds: number, nowMs = Date.now()): string {
    const key = dayKey(unixSeconds);
    if (key === dayKey(nowMs / 1000)) return this._strings.today;
    if (key === dayKey((nowMs - DAY_MS) / 1000)) return this._strings.yesterday;
    return this._date.format(unixSeconds * 1000);
  }

  /** Relative for the last 12 hours ("5 minutes ago"), then the clock time (the day header has the date). */
  short(unixSeconds: number, nowMs = Date.now()): string {
    const ageSeconds = Math.floor(nowMs / 1000) - unixSeconds;
    if (ageSeconds < 45) return this._strings.justNow;
    if (ageSeconds < 3600) return this._relative.format(-Math.round(ageSeconds / 60), 'minute');
    if (ageSeconds < 12 * 3600) return this._relative.format(-Math.floor(ageSeconds / 3600), 'hour');
    return this._clock.format(unixSeconds * 1000);
  }

  /** Whether short() still changes with time (the panel refreshes those labels every minute). */
  isRelative(unixSeconds: number, nowMs = Date.now()): boolean {
    return Math.floor(nowMs / 1000) - unixSeconds < 12 * 3600;
  }
}
