// Runs the integration suite (test/integration) inside the extension host of a real VS Code —
// code-server opened in Debian's Chromium — against a fresh emulator, and exits with the suite's code.
import * as path from 'path';
import { runSuiteInCodeServer } from './codeServer/runSuite';

runSuiteInCodeServer({
  testsPath: path.join(__dirname, 'integration', 'index.js'),
  timeoutMs: Number(process.env.CHATWORK_IT_TIMEOUT_MS ?? 10 * 60_000),
  verbose: Boolean(process.env.CHATWORK_IT_VERBOSE),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
