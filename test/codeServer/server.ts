// Starts code-server (a real VS Code, served to a browser) on loopback with a fresh profile, and
// stops it again. Used by the integration launcher, the e2e suite, the demo and the benchmarks.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { ensureCodeServer } from './install';

export interface CodeServerOptions {
  /** Environment given to code-server; it reaches the extension host. */
  env?: Record<string, string>;
  /** Written to the profile's User/settings.json. */
  settings?: Record<string, unknown>;
  /** vsix files or extension folders installed before start (--install-extension). */
  installExtensions?: string[];
  /**
   * Extension folders linked into the fresh extensions dir (as a user has them installed; the
   * folder's own dist/ is what runs, so a rebuild needs no reinstall).
   */
  linkExtensions?: string[];
  /**
   * VS Code's smoke-test driver (default on: the integration runner needs it for
   * extensionTestsPath). It also suppresses every notification toast, so whatever should look like
   * a user's VS Code (the demo, toast tests) turns it off.
   */
  smokeTestDriver?: boolean;
  port?: number;
  log?: (line: string) => void;
}

export interface RunningCodeServer {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  readonly workspace: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not become healthy within ${timeoutMs} ms`);
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const log = options.log ?? (() => undefined);
  const install = ensureCodeServer(log);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-code-server-'));
  const workspace = path.join(home, 'workspace');
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  for (const dir of [workspace, userData, extensions, path.join(home, 'tmp')]) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        // A clean workbench: no AI chat side bar competing for space in screenshots and tests.
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...options.settings,
      },
      null,
      2,
    ),
  );

  const port = options.port ?? (await freePort());
  // code-server writes into HOME and leaves sockets in TMPDIR: keep both inside our temp folder.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    TMPDIR: path.join(home, 'tmp'),
    PATH: `${path.dirname(install.nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
    EXTENSIONS_GALLERY: '{}',
  };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  for (const ext of options.installExtensions ?? []) {
    await runToEnd(install.nodeBinary, [install.entry, ...common, '--install-extension', ext], env, log);
  }
  for (const folder of options.linkExtensions ?? []) linkExtension(folder, extensions);
  const child = spawn(
    install.nodeBinary,
    [
      install.entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
      workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.on('data', (d: Buffer) => log(`[code-server] ${d.toString().trimEnd()}`));
  child.stderr?.on('data', (d: Buffer) => log(`[code-server] ${d.toString().trimEnd()}`));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, home, workspace, stop };
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
    child.stderr?.on('data', (d: Buffer) => log(d.toString().trimEnd()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}`))));
  });
}

/** Links an extension folder into the extensions dir under the name VS Code gives installed ones. */
function linkExtension(folder: string, extensionsDir: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  fs.symlinkSync(folder, path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}
