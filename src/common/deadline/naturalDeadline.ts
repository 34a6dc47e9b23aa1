// Deadlines as people type them, in English, Japanese and Vietnamese: `today`, `tomorrow`, `fri`,
// `+3d`, `12/24`, `明日`, `金曜`, `3日後`, `ngày mai`, `thứ sáu`, `2026-12-24`, each optionally
// followed by a time (`tomorrow 15:00`, `明日 9:30`). Every language's words are understood whatever
// the display language; the language only decides how an ambiguous `a/b` is read (month/day in
// English and Japanese, day/month in Vietnamese). "Today" is the user's local day. No `vscode`.

import { addDays, daysBetween, isRealDay, localDay, weekdayOf, type CalendarDay } from './chatworkDay';
import { foldLatinMarks } from '../foldText';

export type NaturalDeadline =
  | { readonly kind: 'none' }
  | { readonly kind: 'date'; readonly day: CalendarDay }
  | { readonly kind: 'time'; readonly day: CalendarDay; readonly hour: number; readonly minute: number }
  /** Understood, but no such day or time (2025-02-30, 24:00). */
  | { readonly kind: 'impossible' }
  | { readonly kind: 'unknown' };

// Words, after folding (lower case, NFKC, Vietnamese diacritics removed: "ngày mai" → "ngay mai").
const DAY_WORDS: Readonly<Record<string, number>> = {
  today: 0, tod: 0, '今日': 0, 'きょう': 0, '本日': 0, 'hom nay': 0, 'hnay': 0,
  tomorrow: 1, tmr: 1, tmrw: 1, tom: 1, '明日': 1, 'あした': 1, 'あす': 1, 'ngay mai': 1, mai: 1,
  'day after tomorrow': 2, '明後日': 2, 'あさって': 2, 'ngay kia': 2, 'ngay mot': 2, mot: 2,
};

const WEEKDAYS: readonly (readonly string[])[] = [
  ['sun', 'sunday', '日曜', '日曜日', 'chu nhat', 'cn'],
  ['mon', 'monday', '月曜', '月曜日', 'thu hai', 'thu 2', 't2'],
  ['tue', 'tues', 'tuesday', '火曜', '火曜日', 'thu ba', 'thu 3', 't3'],
  ['wed', 'wednesday', '水曜', '水曜日', 'thu tu', 'thu 4', 't4'],
  ['thu', 'thur', 'thurs', 'thursday', '木曜', '木曜日', 'thu nam', 'thu 5', 't5'],
  ['fri', 'friday', '金曜', '金曜日', 'thu sau', 'thu 6', 't6'],
  ['sat', 'saturday', '土曜', '土曜日', 'thu bay', 'thu 7', 't7'],
];

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const JA_DATE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?$/;
const SHORT_DATE = /^(\d{1,2})[/.-](\d{1,2})$/;
const RELATIVE = [
  /^\+\s*(\d{1,3})\s*(d|w|days?|weeks?)?$/, // +3d, +2w, +3
  /^in\s+(\d{1,3})\s*(d|w|days?|weeks?)$/, // in 3 days
  /^(\d{1,3})\s*(日|週間)後$/, // 3日後, 2週間後
  /^(\d{1,3})\s*(ngay|tuan)\s*(?:nua|sau|toi)$/, // 3 ngày nữa, 2 tuần sau
];
const TIME = /^(.*?)[\st]*(\d{1,2})[:：](\d{2})$/;

/** Lower case, full-width → ASCII, Vietnamese marks dropped, spaces collapsed. */
export function foldDeadlineText(text: string): string {
  return foldLatinMarks(text).replace(/\s+/g, ' ').trim();
}

export function parseNaturalDeadline(text: string, now: Date, language = 'en'): NaturalDeadline {
  const folded = foldDeadlineText(text);
  if (folded === '') return { kind: 'none' };
  const timed = TIME.exec(folded);
  const dayText = timed ? (timed[1] ?? '').trim() : folded;
  const today = localDay(now);
  const day = dayText === '' && timed ? today : parseDay(dayText, today, language);
  if (day === undefined) return { kind: 'unknown' };
  if (day === 'impossible') return { kind: 'impossible' };
  if (!timed) return { kind: 'date', day };
  const hour = Number(timed[2]);
  const minute = Number(timed[3]);
  if (hour > 23 || minute > 59) return { kind: 'impossible' };
  return { kind: 'time', day, hour, minute };
}

function parseDay(text: string, today: CalendarDay, language: string): CalendarDay | 'impossible' | undefined {
  const word = DAY_WORDS[text];
  if (word !== undefined) return addDays(today, word);
  const weekday = WEEKDAYS.findIndex((names) => names.includes(text));
  if (weekday >= 0) return addDays(today, (weekday - weekdayOf(today) + 7) % 7); // the coming one, today included
  for (const pattern of RELATIVE) {
    const m = pattern.exec(text);
    if (m) return addDays(today, Number(m[1]) * (/^(w|week|weeks|週間|tuan)$/.test(m[2] ?? '') ? 7 : 1));
  }
  const iso = ISO.exec(text);
  if (iso) return real({ year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
  const ja = JA_DATE.exec(text);
  if (ja) return ja[1] ? real({ year: Number(ja[1]), month: Number(ja[2]), day: Number(ja[3]) }) : nextOccurrence(Number(ja[2]), Number(ja[3]), today);
  const short = SHORT_DATE.exec(text);
  if (short) return shortDate(Number(short[1]), Number(short[2]), today, language);
  return undefined;
}

function real(day: CalendarDay): CalendarDay | 'impossible' {
  return isRealDay(day) ? day : 'impossible';
}

/** `a/b` without a year: month/day, or day/month in Vietnamese; the reading that is a real day wins. */
function shortDate(a: number, b: number, today: CalendarDay, language: string): CalendarDay | 'impossible' {
  const dayFirst = language.toLowerCase().startsWith('vi');
  const readings = dayFirst ? [[b, a], [a, b]] : [[a, b], [b, a]];
  for (const [month, day] of readings) {
    const found = nextOccurrence(month as number, day as number, today);
    if (found !== 'impossible') return found;
  }
  return 'impossible';
}

/** The next month/day from today on (this year, or next year once it has passed). Feb 29 looks ahead to a leap year. */
function nextOccurrence(month: number, day: number, today: CalendarDay): CalendarDay | 'impossible' {
  for (let year = today.year; year <= today.year + 4; year++) {
    const candidate = { year, month, day };
    if (isRealDay(candidate) && daysBetween(today, candidate) >= 0) return candidate;
    if (month < 1 || month > 12 || day < 1 || day > 31) break;
  }
  return 'impossible';
}
