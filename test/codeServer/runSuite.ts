// Runs a mocha suite (a module exporting `run()`) inside the extension host of a real VS Code —
// code-server opened in Debian's Chromium — with this extension loaded in development mode, against
// a fresh emulator. Resolves to the suite's exit code (124 when it never reported one).
import { format } from 'util';
import { launchChromium } from './browser';
import { projectRoot } from './install';
import { startCodeServer } from './server';
import { EmulatorOptions, startEmulator } from '../emulator';

// Workbench chatter that is not about the suite (no network, no GitHub sign-in in a test profile).
const NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate)\]/,
  /No signed-in session/,
  /additional builtin extensions/,
  /getaddrinfo|ENOTFOUND|ERR_NAME_NOT_RESOLVED/,
];

export interface SuiteRun {
  /** Absolute path of the compiled suite module (its `run()` is called by VS Code). */
  testsPath: string;
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  timeoutMs?: number;
  /** Extension-host console lines; default: printed unless they are workbench noise. */
  onLog?: (type: string, line: string) => void;
  verbose?: boolean;
}

export async function runSuiteInCodeServer(run: SuiteRun): Promise<number> {
  const emulator = await startEmulator({ rateLimit: 0, ...run.emulator });
  const server = await startCodeServer({
    env: { CHATWORK_EMULATOR_ORIGIN: emulator.origin, CHATWORK_EMULATOR_TOKEN: emulator.token, ...run.env },
    settings: { 'chatwork.apiBaseUrl': emulator.url },
    log: run.verbose ? (line) => console.log(line) : undefined,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${projectRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${run.testsPath}`],
    ];
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...args);
      if (run.onLog) return run.onLog(type, line);
      if (NOISE.some((pattern) => pattern.test(line))) return;
      if (type === 'error') console.error(line);
      else console.log(line);
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeoutMs = run.timeoutMs ?? 10 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`The suite did not finish within ${timeoutMs} ms.`);
        resolve(124);
      }, timeoutMs);
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
