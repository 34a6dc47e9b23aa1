// The standard launcher on a machine that can download VS Code desktop: @vscode/test-electron runs
// the same integration suite that runInCodeServer.ts runs in code-server.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from './emulator';

async function main(): Promise<void> {
  const emulator = await startEmulator({ rateLimit: 0 });
  const projectRoot = path.resolve(__dirname, '..', '..');
  process.env.CHATWORK_EMULATOR_ORIGIN = emulator.origin;
  process.env.CHATWORK_EMULATOR_TOKEN = emulator.token;
  process.env.CHATWORK_TEST_API_BASE = emulator.url;
  try {
    await runTests({
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(__dirname, 'integration', 'index.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
