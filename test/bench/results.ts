// One row of the benchmark table: a figure, its unit, the target and whether it is met.
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 15 ms". */
  target?: string;
  met?: boolean;
  note?: string;
}

export function row(group: string, name: string, value: number, unit: string, target?: { text: string; ok: (v: number) => boolean }, note?: string): BenchRow {
  return { group, name, value, unit, target: target?.text, met: target ? target.ok(value) : undefined, note };
}

export const below = (limit: number, unit: string) => ({ text: `< ${limit} ${unit}`, ok: (v: number) => v < limit });
export const atMost = (limit: number, unit: string) => ({ text: `≤ ${limit} ${unit}`, ok: (v: number) => v <= limit });
export const atLeast = (limit: number, unit: string) => ({ text: `≥ ${limit} ${unit}`, ok: (v: number) => v >= limit });
export const exactly = (expected: number, unit: string) => ({ text: `= ${expected} ${unit}`, ok: (v: number) => v === expected });

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function printTable(rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => [
    r.group,
    r.name,
    `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const header = ['area', 'figure', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] as number)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  for (const r of rows.filter((r) => r.note)) console.log(`  note (${r.name}): ${r.note}`);
}
