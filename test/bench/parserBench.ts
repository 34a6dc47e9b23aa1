// Notation parser throughput on real-looking bodies (the emulator's seeded history plus generated
// chat) and on its worst cases, with a linearity check (doubling the input must not quadruple time).
import { performance } from 'perf_hooks';
import { parse, toPlainText } from '../../src/notation';
import { startEmulator } from '../emulator';
import { atLeast, below, BenchRow, row } from './results';

function timeIt(fn: () => void, minMs = 300): number {
  let runs = 0;
  const start = performance.now();
  do {
    fn();
    runs++;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / runs;
}

export async function parserBench(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ rateLimit: 0 });
  const seeded = [...emulator.state.messages.values()].flat().map((m) => m.body);
  await emulator.close();
  const chat = [
    'お疲れ様です。[To:1002]Alice さん 明日のレビューよろしくお願いします (bow)',
    '[rp aid=1003 to=10010-1234567890123456789]Bob さん\n了解です！ https://example.com/pull/42 を見てください',
    '[info][title]src/api/http.ts:L10-24[/title][code]const x = await fetch(url);\nif (!x.ok) throw new Error();[/code][/info]',
    '[qt][qtmeta aid=1002 time=1700000000]前回の議事録です[/qt]確認しました :)',
    'Deploy finished at 17:05. Logs: https://ci.example.com/runs/123456 (cracker)',
  ];
  const corpus: string[] = [];
  while (corpus.join('').length < 2_000_000) corpus.push(...seeded, ...chat);
  const bytes = Buffer.byteLength(corpus.join(''), 'utf8');
  const perPass = timeIt(() => {
    for (const body of corpus) parse(body);
  }, 1000);
  const throughput = bytes / 1e6 / (perPass / 1000);

  const plainPerPass = timeIt(() => {
    for (const body of corpus) toPlainText(parse(body));
  }, 1000);

  const oneMb = chat.join('\n').repeat(Math.ceil(1e6 / chat.join('\n').length)).slice(0, 1_000_000);
  const oneMbMs = timeIt(() => parse(oneMb));
  const deep = (n: number) => '[qt]'.repeat(n) + 'x' + '[/qt]'.repeat(n);
  const deep50k = timeIt(() => parse(deep(50_000)));
  const deep100k = timeIt(() => parse(deep(100_000)));
  const brackets = (n: number) => '[info][title][code'.repeat(n);
  const b1 = timeIt(() => parse(brackets(20_000)));
  const b2 = timeIt(() => parse(brackets(40_000)));

  return [
    row('parser', 'throughput, realistic corpus', throughput, 'MB/s', atLeast(20, 'MB/s'), `${(bytes / 1e6).toFixed(1)} MB of ${corpus.length} bodies`),
    row('parser', 'parse + plain text, realistic corpus', bytes / 1e6 / (plainPerPass / 1000), 'MB/s'),
    row('parser', '1 MB body', oneMbMs, 'ms'),
    row('parser', 'deep nesting 100k [qt]', deep100k, 'ms'),
    row('parser', 'nesting time ratio 100k / 50k', deep100k / deep50k, '×', below(3, '× (linear ≈ 2)')),
    row('parser', 'unterminated tags ratio 40k / 20k', b2 / b1, '×', below(3, '× (linear ≈ 2)')),
  ];
}
