// Deadlines as people type them: a table of inputs × languages × time zones. Each row is resolved in
// every zone from UTC−12 to UTC+14 (process.env.TZ is switched at run time; Node re-reads it), and a
// date-only deadline must land on the picked day both as Chatwork files it (the emulator's rule,
// after the API documents) and as the tree, My Tasks and details show it.
import * as assert from 'assert';
import { chatworkDayOf, isoDay } from '../../src/common/deadline/chatworkDay';
import { describeDueDate, parseDueDate } from '../../src/common/dueDate';
import { formatDue, isOverdue } from '../../src/tree/format';
import { endOfJstDay } from '../emulator/routes/tasks';

const ZONES = ['America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'Asia/Tokyo', 'Etc/GMT+12', 'Pacific/Kiritimati'];

/** Wednesday 2026-12-02 in the zone in force: morning, or late evening (JST is already the next day west of Japan). */
const morning = (): Date => new Date(2026, 11, 2, 9, 0, 0);
const lateEvening = (): Date => new Date(2026, 11, 2, 23, 30, 0);

type Row = readonly [language: string, input: string, expected: string];
// expected: "YYYY-MM-DD" for a whole day, "YYYY-MM-DD HH:mm" for a local time.
const ROWS: readonly Row[] = [
  ['en', 'today', '2026-12-02'],
  ['en', 'tomorrow', '2026-12-03'],
  ['en', 'Tomorrow 15:00', '2026-12-03 15:00'],
  ['en', 'fri', '2026-12-04'],
  ['en', 'Friday', '2026-12-04'],
  ['en', 'wed', '2026-12-02'],
  ['en', 'mon', '2026-12-07'],
  ['en', '+3d', '2026-12-05'],
  ['en', '+2w', '2026-12-16'],
  ['en', 'in 3 days', '2026-12-05'],
  ['en', '12/24', '2026-12-24'],
  ['en', '11/30', '2027-11-30'],
  ['en', '3/4', '2027-03-04'],
  ['en', '2026-12-24', '2026-12-24'],
  ['en', '2026/12/3', '2026-12-03'],
  ['en', '2026-12-24 09:30', '2026-12-24 09:30'],
  ['en', '2026-12-24T7:05', '2026-12-24 07:05'],
  ['en', '23:59', '2026-12-02 23:59'],
  ['ja', '今日', '2026-12-02'],
  ['ja', '明日', '2026-12-03'],
  ['ja', 'あした', '2026-12-03'],
  ['ja', '明後日', '2026-12-04'],
  ['ja', '金曜', '2026-12-04'],
  ['ja', '金曜日', '2026-12-04'],
  ['ja', '3日後', '2026-12-05'],
  ['ja', '３日後', '2026-12-05'],
  ['ja', '2週間後', '2026-12-16'],
  ['ja', '12月24日', '2026-12-24'],
  ['ja', '2027年1月5日', '2027-01-05'],
  ['ja', '１２/２４', '2026-12-24'],
  ['ja', '明日 9:30', '2026-12-03 09:30'],
  ['ja', '3/4', '2027-03-04'],
  ['vi', 'hôm nay', '2026-12-02'],
  ['vi', 'ngày mai', '2026-12-03'],
  ['vi', 'ngay mai', '2026-12-03'],
  ['vi', 'Ngày mai 08:15', '2026-12-03 08:15'],
  ['vi', 'thứ sáu', '2026-12-04'],
  ['vi', 'thứ 6', '2026-12-04'],
  ['vi', 'chủ nhật', '2026-12-06'],
  ['vi', '3 ngày nữa', '2026-12-05'],
  ['vi', '24/12', '2026-12-24'],
  ['vi', '3/4', '2027-04-03'],
  ['vi', '12/24', '2026-12-24'],
];

function resolved(limit: number, limitType: string): string {
  if (limitType === 'date') return isoDay(chatworkDayOf(limit));
  const d = new Date(limit * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('parseDueDate: inputs × languages × time zones', () => {
  const savedTz = process.env.TZ;
  after(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  for (const zone of ZONES) {
    describe(`TZ=${zone}`, () => {
      before(() => {
        process.env.TZ = zone;
      });

      for (const [language, input, expected] of ROWS) {
        it(`${language}: “${input}” → ${expected}`, () => {
          for (const now of [morning(), lateEvening()]) {
            // Rows before 23:30 on today are past in the late evening.
            if (expected.startsWith('2026-12-02 ') && expected < '2026-12-02 23:30') continue;
            const due = parseDueDate(input, now, language);
            assert.strictEqual(due.kind, 'due', `${input} at ${now.toString()}: ${JSON.stringify(due)}`);
            if (due.kind !== 'due') return;
            assert.strictEqual(due.limitType, expected.includes(':') ? 'time' : 'date');
            assert.strictEqual(resolved(due.limit, due.limitType), expected);
            if (due.limitType === 'date') {
              // Chatwork (the emulator, after the API documents) files it on that day, unchanged…
              assert.strictEqual(endOfJstDay(due.limit), due.limit);
              // …and every view shows that day, not the local day of the instant.
              assert.strictEqual(formatDue(endOfJstDay(due.limit), 'date'), expected);
              assert.strictEqual(isOverdue(due.limit, 'date', now.getTime()), false);
            }
            assert.ok(describeDueDate(due, language)?.startsWith('Due '));
          }
        });
      }

      it('a date-only deadline filed by Chatwork shows as its day, and is overdue only after that local day', () => {
        const filed = endOfJstDay(Date.UTC(2026, 11, 3, 12) / 1000); // Chatwork's record of "2026-12-03"
        assert.strictEqual(formatDue(filed, 'date'), '2026-12-03');
        assert.strictEqual(isOverdue(filed, 'date', new Date(2026, 11, 3, 22, 0).getTime()), false);
        assert.strictEqual(isOverdue(filed, 'date', new Date(2026, 11, 4, 0, 1).getTime()), true);
      });

      it('the resolved day is described in the language before confirming', () => {
        const due = parseDueDate('fri', morning(), 'en');
        assert.strictEqual(describeDueDate(due, 'en'), 'Due Fri, Dec 4, 2026 (the whole day)');
        assert.strictEqual(describeDueDate(parseDueDate('金曜 15:00', morning(), 'ja'), 'ja'), 'Due 2026年12月4日(金) at 15:00');
      });
    });
  }
});

describe('parseDueDate: refusals', () => {
  const NOW = new Date(2025, 3, 10, 12, 0, 0); // 2025-04-10 12:00 local

  it('empty or blank means no deadline', () => {
    assert.deepStrictEqual(parseDueDate('', NOW), { kind: 'none' });
    assert.deepStrictEqual(parseDueDate('   ', NOW), { kind: 'none' });
  });

  it('today is still allowed until the day is over', () => {
    assert.strictEqual(parseDueDate('2025-04-10', NOW).kind, 'due');
    assert.strictEqual(parseDueDate('today', NOW).kind, 'due');
  });

  it('refuses impossible dates and times', () => {
    for (const text of ['2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-04-11 24:00', '2025-04-11 12:60', '13/32', '2月30日']) {
      const result = parseDueDate(text, NOW);
      assert.strictEqual(result.kind, 'invalid', text);
      assert.match((result as { message: string }).message, /not a real date or time/, text);
    }
  });

  it('knows leap years', () => {
    assert.strictEqual(parseDueDate('2028-02-29', NOW).kind, 'due');
    assert.strictEqual(parseDueDate('2027-02-29', NOW).kind, 'invalid');
  });

  it('refuses what it does not understand with the formats and examples', () => {
    for (const text of ['someday', '11/04/2025', '2025-04-11 9', '2025-04-11 09:30:00', '20250411', '2025-04-11pm', 'thu 9']) {
      const result = parseDueDate(text, NOW);
      assert.strictEqual(result.kind, 'invalid', text);
      assert.match((result as { message: string }).message, /YYYY-MM-DD or YYYY-MM-DD HH:mm \(e\.g\. today, tomorrow/, text);
    }
  });

  it('refuses deadlines already past', () => {
    assert.deepStrictEqual(parseDueDate('2025-04-09', NOW), { kind: 'invalid', message: 'That day is already over.' });
    assert.deepStrictEqual(parseDueDate('2025-04-10 11:59', NOW), { kind: 'invalid', message: 'That time has already passed.' });
    assert.strictEqual(parseDueDate('2025-04-10 12:01', NOW).kind, 'due');
  });
});
