// Preflight of `npm test` and `npm run demo`: before any long step (type check, build, the 2-minute
// code-server install), check what they need from the machine and stop within seconds with one line
// per missing piece and the command that installs it. Plain Node (no build step, old syntax only), so
// it runs first and still speaks on an old Node.
//
//   node scripts/preflight.mjs test   Node, Chromium, compilers (only if code-server is not installed)
//   node scripts/preflight.mjs demo   Node, compilers (idem), the demo's ports (PORT, EMULATOR_PORT)
//
// PREFLIGHT_SKIP=1 skips it (e.g. a machine where Chromium lives somewhere unusual and CHROMIUM_PATH is
// set by other means).
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_NODE = [20, 19];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of the names found on PATH, or undefined. */
function onPath(...names) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    for (const name of names) {
      if (dir && isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return [];
  return [
    `Node ${MIN_NODE.join('.')} or newer is needed (this is ${process.versions.node}): ` +
      'install it with `nvm install 20` or from https://nodejs.org, then run `npm ci` again',
  ];
}

function checkChromium() {
  const configured = process.env.CHROMIUM_PATH;
  const expected = configured || '/usr/bin/chromium';
  if (isExecutable(expected)) return [];
  const found = onPath('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable');
  if (found && found !== expected) {
    return [`Chromium is not at ${expected} (the e2e and webview tests drive it): run with \`CHROMIUM_PATH=${found}\``];
  }
  const how = configured ? `CHROMIUM_PATH=${configured} is not an executable file` : `Chromium is not installed (${expected})`;
  return [`${how}; the e2e and webview tests drive it: \`sudo apt-get install -y chromium\``];
}

/** code-server is installed when the marker of the pinned version exists (test/codeServer/install.ts). */
function codeServerInstalled() {
  const source = readFileSync(join(projectRoot, 'test', 'codeServer', 'install.ts'), 'utf8');
  const version = /CODE_SERVER_VERSION = '([^']+)'/.exec(source);
  return Boolean(version) && existsSync(join(projectRoot, '.vscode-test', 'code-server', `.installed-${version[1]}`));
}

function checkCompilers() {
  if (codeServerInstalled()) return [];
  const tools = [
    { names: ['g++', 'c++'], label: 'a C++ compiler (g++)', pkg: 'g++' },
    { names: ['make'], label: 'make', pkg: 'make' },
    { names: ['python3'], label: 'python3', pkg: 'python3' },
  ];
  return tools
    .filter((tool) => !onPath(...tool.names))
    .map(
      (tool) =>
        `${tool.label} is missing; the first run compiles VS Code's native modules (spdlog, sqlite3, native-watchdog) ` +
        `for code-server: \`sudo apt-get install -y ${tool.pkg}\``,
    );
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function checkPorts() {
  const wanted = [{ name: 'PORT', port: Number(process.env.PORT || 8080), what: 'code-server' }];
  if (process.env.EMULATOR_PORT && Number(process.env.EMULATOR_PORT) !== 0) {
    wanted.push({ name: 'EMULATOR_PORT', port: Number(process.env.EMULATOR_PORT), what: 'the emulator' });
  }
  const problems = [];
  for (const { name, port, what } of wanted) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push(`${name}=${process.env[name]} is not a port number: use e.g. \`${name}=8081 npm run demo\``);
    } else if (!(await portIsFree(port))) {
      problems.push(`port ${port} (${what}) is in use: choose another with \`${name}=${port + 1} npm run demo\``);
    }
  }
  return problems;
}

async function main() {
  const mode = process.argv[2];
  if (mode !== 'test' && mode !== 'demo') {
    console.error('usage: node scripts/preflight.mjs test|demo');
    return 2;
  }
  if (process.env.PREFLIGHT_SKIP === '1') return 0;
  const problems = [...checkNode(), ...checkCompilers()];
  if (mode === 'test') problems.push(...checkChromium());
  if (mode === 'demo') problems.push(...(await checkPorts()));
  if (problems.length === 0) return 0;
  console.error(`Preflight: npm ${mode === 'test' ? 'test' : 'run demo'} cannot run on this machine yet.`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  return 1;
}

main().then((code) => process.exit(code));
