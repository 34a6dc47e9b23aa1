// `npm test`: the preflight, then each step in turn, stopping at the first that fails, and a table of
// how long each took. The last line stays a mocha summary ("N passing (…)"): the three mocha suites'
// counts added up, with each suite's own count beside it.
//
// Steps: check (type check of the extension, webview and tests — emitting the tests' out/ — plus
// eslint), build (esbuild), unit (mocha, two suites at a time), integration (code-server), e2e
// (Chromium).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  { name: 'preflight', run: [[process.execPath, join(root, 'scripts', 'preflight.mjs'), 'test']] },
  {
    name: 'check',
    // What `npm run check` does, in less time: tsconfig.test.json has the extension's compiler options
    // and covers src/ as well as test/, so it replaces `tsc --noEmit -p .`, and it emits out/, so the
    // tests need no second compile. The three commands run side by side (quiet unless they find fault).
    parallel: true,
    run: [
      [bin('tsc'), '-p', 'tsconfig.test.json'],
      [bin('tsc'), '--noEmit', '-p', 'src/webview'],
      [bin('eslint'), 'src', 'test'],
    ],
  },
  { name: 'build', run: [[process.execPath, join(root, 'esbuild.js')]] },
  { name: 'unit', mocha: true, run: [[bin('mocha'), '--config', '.mocharc.unit.json', '--parallel', '--jobs', '2']] },
  { name: 'integration', mocha: true, run: [[process.execPath, join(root, 'out', 'test', 'runInCodeServer.js')]] },
  { name: 'e2e', mocha: true, run: [[bin('mocha'), '--config', '.mocharc.e2e.json']] },
];

// Mocha's own summary lines; the last "passing" line of a step is its result.
const SUMMARY = /^\s*(\d+) (passing|pending|failing)\b/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs one command with its output passed through, collecting mocha's summary lines. */
function run([command, ...args], counts) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['inherit', 'pipe', 'pipe'],
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    });
    const scan = (stream, out) => {
      let rest = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          const m = SUMMARY.exec(line.replace(ANSI, ''));
          if (m) counts[m[2]] = Number(m[1]);
        }
      });
    };
    scan(child.stdout, process.stdout);
    scan(child.stderr, process.stderr);
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

const results = [];
const started = Date.now();
let failed;
for (const step of steps) {
  const t0 = Date.now();
  const counts = {};
  let code = 0;
  if (step.parallel) {
    code = (await Promise.all(step.run.map((command) => run(command, counts)))).find((c) => c !== 0) ?? 0;
  } else {
    for (const command of step.run) {
      code = await run(command, counts);
      if (code !== 0) break;
    }
  }
  results.push({ ...step, ms: Date.now() - t0, counts, code });
  if (code !== 0) {
    failed = { step: step.name, code };
    break;
  }
}

const total = Date.now() - started;
console.log('');
console.log('  npm test — time per step');
for (const r of results) {
  const tests = r.mocha ? `${r.counts.passing ?? 0} passing${r.counts.failing ? `, ${r.counts.failing} failing` : ''}` : '';
  console.log(`    ${r.name.padEnd(12)} ${duration(r.ms).padStart(7)}  ${r.code === 0 ? 'ok    ' : 'FAILED'}  ${tests}`);
}
console.log(`    ${'total'.padEnd(12)} ${duration(total).padStart(7)}`);
console.log('');
const suites = results.filter((r) => r.mocha);
const sum = (key) => suites.reduce((n, r) => n + (r.counts[key] ?? 0), 0);
const perSuite = suites.map((r) => `${r.name} ${r.counts.passing ?? 0}`).join(', ');
if (failed) {
  console.log(`  ${sum('passing')} passing, ${sum('failing')} failing (${duration(total)}) — stopped at ${failed.step} (exit ${failed.code})`);
  process.exit(failed.code);
}
console.log(`  ${sum('passing')} passing (${duration(total)}) — ${perSuite}`);
