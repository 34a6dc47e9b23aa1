// `npm test`: the preflight, then each step, stopping at the first that fails, and a table of how
// long each took. The last line stays a mocha summary ("N passing (…)"): the three mocha suites'
// counts added up, with each suite's own count beside it.
//
// Steps: check (type check of the extension, webview and tests — emitting the tests' out/ — plus
// eslint), build (esbuild), code-server (installed once into .vscode-test/), then two lanes side
// by side: integration (code-server) in one, unit (mocha, two suites at a time) and e2e (Chromium)
// in the other. The integration suite spends most of its time waiting for real poll intervals and
// rate-limit resets (about 45 s of CPU in 3 minutes), so the other lane runs in its idle time.
// Output of the lanes is held back and printed whole, one step at a time, as each step ends.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const preflight = { name: 'preflight', run: [[process.execPath, join(root, 'scripts', 'preflight.mjs'), 'test']] };
const check = {
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
};
const build = { name: 'build', run: [[process.execPath, join(root, 'esbuild.js')]] };
// Both lanes start code-servers: the (one-time) install happens before, not twice at once.
const codeServer = {
  name: 'code-server',
  run: [[process.execPath, '-e', "require('./out/test/codeServer/install.js').ensureCodeServer()"]],
};
const unit = { name: 'unit', mocha: true, run: [[bin('mocha'), '--config', '.mocharc.unit.json', '--parallel', '--jobs', '2']] };
const integration = { name: 'integration', mocha: true, run: [[process.execPath, join(root, 'out', 'test', 'runInCodeServer.js')]] };
const e2e = { name: 'e2e', mocha: true, run: [[bin('mocha'), '--config', '.mocharc.e2e.json']] };

const sequence = [preflight, check, build, codeServer];
const lanes = [[integration], [unit, e2e]];
/** The order of the table and of the summary. */
const order = [...sequence, unit, integration, e2e];

// Mocha's own summary lines; the last "passing" line of a step is its result.
const SUMMARY = /^\s*(\d+) (passing|pending|failing)\b/;
// What mocha prints after "N failing" (titles, messages, stacks) is kept, up to this many lines, and
// printed again just above the last line: CI shows only the tail of a long run, and a failure in a
// step that printed early (unit, beside a longer integration step) would otherwise be cut off.
const FAILURE_LINES = 120;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs one command, collecting mocha's summary lines; its output goes to `out` (a stream, or an
 * array of chunks held back while another step prints).
 */
function run([command, ...args], counts, out) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
    });
    const scan = (stream, target) => {
      let rest = '';
      stream.on('data', (chunk) => {
        if (Array.isArray(out)) out.push(chunk);
        else target.write(chunk);
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          const plain = line.replace(ANSI, '');
          const m = SUMMARY.exec(plain);
          if (m) counts[m[2]] = Number(m[1]);
          if (m?.[2] === 'failing') counts.failures = [];
          else if (counts.failures && counts.failures.length < FAILURE_LINES) counts.failures.push(plain);
        }
      });
    };
    scan(child.stdout, process.stdout);
    scan(child.stderr, process.stderr);
    child.on('error', (error) => {
      const text = `${command}: ${error.message}\n`;
      if (Array.isArray(out)) out.push(Buffer.from(text));
      else process.stderr.write(text);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs one step; `held` keeps its output back and prints it whole when the step ends. */
async function runStep(step, { held = false } = {}) {
  const t0 = Date.now();
  const counts = {};
  const out = held ? [] : undefined;
  if (held) console.log(`  ▸ ${step.name} started`);
  let code = 0;
  if (step.parallel) {
    code = (await Promise.all(step.run.map((command) => run(command, counts, out)))).find((c) => c !== 0) ?? 0;
  } else {
    for (const command of step.run) {
      code = await run(command, counts, out);
      if (code !== 0) break;
    }
  }
  const result = { ...step, ms: Date.now() - t0, counts, code };
  if (held) {
    console.log(`\n  ━━ ${step.name} (${duration(result.ms)}) ━━`);
    process.stdout.write(Buffer.concat(out));
  }
  return result;
}

function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

const results = [];
const started = Date.now();
let failed;
for (const step of sequence) {
  const result = await runStep(step);
  results.push(result);
  if (result.code !== 0) {
    failed = result;
    break;
  }
}
if (!failed) {
  // A lane stops at its own first failure; the other lane finishes (its result is worth having).
  const laneResults = await Promise.all(
    lanes.map(async (lane) => {
      const done = [];
      for (const step of lane) {
        const result = await runStep(step, { held: true });
        done.push(result);
        if (result.code !== 0) break;
      }
      return done;
    }),
  );
  results.push(...laneResults.flat());
  results.sort((a, b) => order.findIndex((s) => s.name === a.name) - order.findIndex((s) => s.name === b.name));
  failed = results.find((r) => r.code !== 0);
}

const total = Date.now() - started;
console.log('');
console.log('  npm test — time per step');
for (const r of results) {
  const tests = r.mocha ? `${r.counts.passing ?? 0} passing${r.counts.failing ? `, ${r.counts.failing} failing` : ''}` : '';
  console.log(`    ${r.name.padEnd(12)} ${duration(r.ms).padStart(7)}  ${r.code === 0 ? 'ok    ' : 'FAILED'}  ${tests}`);
}
console.log(`    ${'total'.padEnd(12)} ${duration(total).padStart(7)}`);
console.log(`    (integration ran beside unit → e2e; the total is less than the sum)`);
console.log('');
const suites = results.filter((r) => r.mocha);
const sum = (key) => suites.reduce((n, r) => n + (r.counts[key] ?? 0), 0);
const perSuite = suites.map((r) => `${r.name} ${r.counts.passing ?? 0}`).join(', ');
if (failed) {
  for (const r of suites.filter((s) => s.counts.failures?.length)) {
    console.log(`  ━━ ${r.name}: what failed (repeated from its output above) ━━`);
    console.log(r.counts.failures.join('\n').trim().replace(/^/gm, '  '));
    console.log('');
  }
  console.log(`  ${sum('passing')} passing, ${sum('failing')} failing (${duration(total)}) — ${failed.name} failed (exit ${failed.code})`);
  process.exit(failed.code);
}
console.log(`  ${sum('passing')} passing (${duration(total)}) — ${perSuite}`);
