// scripts/preflight.mjs, run as `npm test` and `npm run demo` run it: a child Node process with the
// environment of a machine that lacks something.
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const script = path.resolve(__dirname, '..', '..', '..', 'scripts', 'preflight.mjs');

interface Outcome {
  code: number;
  stderr: string;
}

function preflight(mode: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const clean = { ...process.env, PREFLIGHT_SKIP: undefined, ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, [script, mode], { env: clean, timeout: 25_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stderr: String(stderr) });
    });
  });
}

function fakeChromium(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return file;
}

describe('preflight (scripts/preflight.mjs)', function () {
  // Each test starts one or two Node processes: on a loaded CI machine that alone took over 10 s.
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-preflight-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('no Chromium (CHROMIUM_PATH pointing nowhere, a PATH without one): says how to install it and exits 1', async () => {
    const missing = path.join(dir, 'no-such-chromium');
    const result = await preflight('test', { CHROMIUM_PATH: missing, PATH: dir });
    assert.strictEqual(result.code, 1);
    assert.match(result.stderr, /^Preflight: npm test cannot run on this machine yet\.$/m);
    const line = result.stderr.split('\n').find((l) => l.includes('CHROMIUM_PATH='));
    assert.strictEqual(
      line,
      `  ✗ CHROMIUM_PATH=${missing} is not an executable file; the e2e and webview tests drive it: \`sudo apt-get install -y chromium\``,
    );
  });

  it('a Chromium on PATH but not where the tests look: names the CHROMIUM_PATH to set', async () => {
    const found = fakeChromium(dir, 'chromium-browser');
    const result = await preflight('test', { CHROMIUM_PATH: path.join(dir, 'elsewhere'), PATH: `${dir}${path.delimiter}${process.env.PATH}` });
    assert.strictEqual(result.code, 1);
    assert.ok(result.stderr.includes(`run with \`CHROMIUM_PATH=${found}\``), result.stderr);
  });

  it('a Chromium where CHROMIUM_PATH says: nothing to report, exit 0', async () => {
    const result = await preflight('test', { CHROMIUM_PATH: fakeChromium(dir, 'chromium') });
    assert.deepStrictEqual(result, { code: 0, stderr: '' });
  });

  it('demo: a PORT already taken is named with the way out; a free one passes', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const taken = (server.address() as net.AddressInfo).port;
    try {
      const busy = await preflight('demo', { PORT: String(taken) });
      assert.strictEqual(busy.code, 1);
      assert.ok(busy.stderr.includes(`✗ port ${taken} (code-server) is in use: choose another with \`PORT=${taken + 1} npm run demo\``), busy.stderr);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const free = await preflight('demo', { PORT: String(taken) });
    assert.deepStrictEqual(free, { code: 0, stderr: '' });
  });

  it('demo: a PORT that is not a number is refused before anything starts', async () => {
    const result = await preflight('demo', { PORT: 'eighty' });
    assert.strictEqual(result.code, 1);
    assert.ok(result.stderr.includes('PORT=eighty is not a port number'), result.stderr);
  });
});
