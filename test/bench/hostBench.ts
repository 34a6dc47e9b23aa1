// The figures that need a real VS Code: activation (median of 5 fresh code-server windows), API
// economy per user action, and memory during a 100 MB download (see host/suite.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runSuiteInCodeServer } from '../codeServer/runSuite';
import { atMost, below, BenchRow, median, row } from './results';

const ACTIVATION_RUNS = 7;

async function runHostSuite(env: Record<string, string> = {}): Promise<Record<string, number>> {
  const out = path.join(os.tmpdir(), `cw-bench-${process.pid}-${Date.now()}.json`);
  const code = await runSuiteInCodeServer({
    testsPath: path.join(__dirname, 'host', 'suite.js'),
    env: { CHATWORK_BENCH_OUT: out, ...env },
    timeoutMs: 5 * 60_000,
    onLog: (type, line) => {
      if (type === 'error' && /Error|failed/i.test(line) && !/getaddrinfo|ENOTFOUND|github/i.test(line)) console.error(line);
    },
  });
  if (code !== 0 || !fs.existsSync(out)) throw new Error(`host benchmark suite failed (exit ${code})`);
  const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, number>;
  fs.rmSync(out, { force: true });
  return results;
}

export async function hostBench(): Promise<BenchRow[]> {
  const activations: number[] = [];
  const activationCpu: number[] = [];
  const afterActivationCpu: number[] = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) {
    const run = await runHostSuite({ CHATWORK_BENCH_ACTIVATION_ONLY: '1' });
    activations.push(run.activationMs ?? NaN);
    activationCpu.push(run.activationCpuMs ?? NaN);
    afterActivationCpu.push(run.afterActivationCpuMs ?? NaN);
  }
  const r = await runHostSuite();
  const n = (key: string) => (typeof r[key] === 'number' ? (r[key] as number) : NaN);
  const paths = (key: string) => ((r.requests as unknown as Record<string, string[]>)?.[key] ?? []).join(', ');
  return [
    row('host', `activation, median of ${ACTIVATION_RUNS}`, Math.round(median(activations) * 100) / 100, 'ms', below(15, 'ms'), `runs: ${activations.map((a) => a.toFixed(1)).join(', ')} ms`),
    // The same spans on the extension host thread's CPU clock: the workbench boots on the same two
    // cores at that moment, which is what makes the wall time vary several-fold between runs.
    row('host', `activation CPU time (extension host thread), median of ${ACTIVATION_RUNS}`, Math.round(median(activationCpu) * 100) / 100, 'ms', below(15, 'ms'), `runs: ${activationCpu.map((a) => a.toFixed(1)).join(', ')} ms`),
    // My Tasks, Contacts, the agent tools' objects and the TODO light bulb: built in a task of their
    // own once activate() returned (src/common/lazy.ts), so the editor's start-up does not wait for them.
    row('host', `set-up right after activation, CPU time, median of ${ACTIVATION_RUNS}`, Math.round(median(afterActivationCpu) * 100) / 100, 'ms', undefined, `runs: ${afterActivationCpu.map((a) => a.toFixed(1)).join(', ')} ms`),
    // With background polling (the default) the first poll after start-up already loaded the rooms: 0.
    row('api', 'requests to open the sidebar', n('sidebarOpen'), 'req', atMost(1, 'req'), paths('sidebarOpen')),
    row('api', "requests to expand a room's four nodes", n('expandRoom'), 'req', atMost(4, 'req'), paths('expandRoom')),
    row('api', 'requests to open a room panel', n('openPanel'), 'req', undefined, paths('openPanel')),
    row('api', 'requests to send a message', n('sendMessage'), 'req', undefined, paths('sendMessage')),
    row('download', '100 MB file: peak extension-host RSS over the start', Math.round(n('download100PeakRssDeltaMb') * 10) / 10, 'MB', undefined, `${(n('download100Bytes') / 1e6).toFixed(0)} MB in ${n('download100Ms')} ms`),
    row('download', 'then a 400 MB file: peak RSS over the same start', Math.round(n('download400PeakRssDeltaMb') * 10) / 10, 'MB', undefined, `${(n('download400Bytes') / 1e6).toFixed(0)} MB in ${n('download400Ms')} ms`),
    // Streamed means the peak does not follow the size: 4× the bytes, not 4× the memory.
    row('download', 'peak growth ratio 400 MB / 100 MB', Math.round((n('download400PeakRssDeltaMb') / n('download100PeakRssDeltaMb')) * 100) / 100, '×', below(2, '× (flat ≈ 1; buffered ≈ 4)')),
  ];
}
