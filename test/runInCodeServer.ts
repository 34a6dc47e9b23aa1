// Runs the integration suite (test/integration) inside the extension host of a real VS Code —
// code-server opened in Debian's Chromium — against a fresh emulator, and exits with the suite's code.
import * as path from 'path';
import { format } from 'util';
import { launchChromium } from './codeServer/browser';
import { projectRoot } from './codeServer/install';
import { startCodeServer } from './codeServer/server';
import { startEmulator } from './emulator';

// Workbench chatter that is not about the suite (no network, no GitHub sign-in in a test profile).
const NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\]/,
  /No signed-in session/,
  /additional builtin extensions/,
  /getaddrinfo|ENOTFOUND|ERR_NAME_NOT_RESOLVED/,
];

const RUN_TIMEOUT_MS = Number(process.env.CHATWORK_IT_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const emulator = await startEmulator({ rateLimit: 0 });
  const server = await startCodeServer({
    env: { CHATWORK_EMULATOR_ORIGIN: emulator.origin, CHATWORK_EMULATOR_TOKEN: emulator.token },
    settings: { 'chatwork.apiBaseUrl': emulator.url },
    log: process.env.CHATWORK_IT_VERBOSE ? (line) => console.log(line) : undefined,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${projectRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${path.join(projectRoot, 'out', 'test', 'integration', 'index.js')}`],
    ];
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // Extension-host console lines (mocha's reporter output among them) arrive here.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...args);
      if (NOISE.some((pattern) => pattern.test(line))) return;
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`Integration suite did not finish within ${RUN_TIMEOUT_MS} ms.`);
        resolve(124);
      }, RUN_TIMEOUT_MS);
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    await emulator.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
