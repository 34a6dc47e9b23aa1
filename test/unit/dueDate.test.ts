import * as assert from 'assert';
import { parseDueDate } from '../../src/common/dueDate';

// Local-time constructors throughout: the parser works in the machine's time zone, as the user does.
const NOW = new Date(2025, 3, 10, 12, 0, 0); // 2025-04-10 12:00 local
const unix = (d: Date): number => Math.floor(d.getTime() / 1000);

describe('parseDueDate', () => {
  it('empty or blank means no deadline', () => {
    assert.deepStrictEqual(parseDueDate('', NOW), { kind: 'none' });
    assert.deepStrictEqual(parseDueDate('   ', NOW), { kind: 'none' });
  });

  it('a date alone is due at the end of that local day (limit_type date)', () => {
    assert.deepStrictEqual(parseDueDate('2025-04-11', NOW), { kind: 'due', limit: unix(new Date(2025, 3, 11, 23, 59, 59)), limitType: 'date' });
  });

  it('a date and time is due then (limit_type time)', () => {
    assert.deepStrictEqual(parseDueDate('2025-04-11 09:30', NOW), { kind: 'due', limit: unix(new Date(2025, 3, 11, 9, 30, 0)), limitType: 'time' });
  });

  it('accepts slashes, single-digit parts, a T separator and surrounding spaces', () => {
    const expected = unix(new Date(2025, 4, 2, 23, 59, 59));
    assert.strictEqual((parseDueDate('2025/5/2', NOW) as { limit: number }).limit, expected);
    assert.strictEqual((parseDueDate(' 2025-05-02 ', NOW) as { limit: number }).limit, expected);
    assert.strictEqual((parseDueDate('2025-05-02T7:05', NOW) as { limit: number }).limit, unix(new Date(2025, 4, 2, 7, 5)));
  });

  it('today is still allowed until the day is over', () => {
    assert.strictEqual(parseDueDate('2025-04-10', NOW).kind, 'due');
  });

  it('refuses impossible dates and times', () => {
    for (const text of ['2025-02-30', '2025-13-01', '2025-00-10', '2025-04-31', '2025-04-11 24:00', '2025-04-11 12:60']) {
      const result = parseDueDate(text, NOW);
      assert.strictEqual(result.kind, 'invalid', text);
      assert.match((result as { message: string }).message, /not a real date or time/);
    }
  });

  it('knows leap years', () => {
    assert.strictEqual(parseDueDate('2028-02-29', NOW).kind, 'due');
    assert.strictEqual(parseDueDate('2027-02-29', NOW).kind, 'invalid');
  });

  it('refuses other formats with the expected one', () => {
    for (const text of ['tomorrow', '11/04/2025', '2025-04-11 9', '2025-04-11 09:30:00', '20250411', '2025-04-11pm']) {
      const result = parseDueDate(text, NOW);
      assert.strictEqual(result.kind, 'invalid', text);
      assert.match((result as { message: string }).message, /YYYY-MM-DD or YYYY-MM-DD HH:mm/);
    }
  });

  it('refuses deadlines already past', () => {
    assert.deepStrictEqual(parseDueDate('2025-04-09', NOW), { kind: 'invalid', message: 'That day is already over.' });
    assert.deepStrictEqual(parseDueDate('2025-04-10 11:59', NOW), { kind: 'invalid', message: 'That time has already passed.' });
    assert.strictEqual(parseDueDate('2025-04-10 12:01', NOW).kind, 'due');
  });
});
