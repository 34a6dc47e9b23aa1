// `npm run demo`: the emulator with its seeded data plus a browser-reachable VS Code (code-server)
// running this extension against it, signed in with the emulator's demo token. With a real token in
// CHATWORK_API_TOKEN and no emulator wanted, run the extension from VS Code desktop (F5) instead.
import { execFileSync, spawn } from 'child_process';
import { projectRoot } from './codeServer/install';
import { startCodeServer } from './codeServer/server';
import { startEmulator } from './emulator';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0) });
  console.log(`CHATWORK_API_BASE=${emulator.url}`);
  console.log(`CHATWORK_API_TOKEN=${emulator.token}`);
  // A second signed-in account to try Add Account… / Switch Account… with (another organisation).
  console.log(`Second account for "Chatwork: Add Account…" (Chen Wei, Wei Tech Co.): ${emulator.tokens.chen ?? ''}`);

  if (hasVsCodeDesktop() && !process.env.DEMO_CODE_SERVER) {
    console.log('Opening VS Code desktop with the extension in development mode …');
    spawn('code', ['--extensionDevelopmentPath', projectRoot, '--new-window'], {
      stdio: 'inherit',
      env: { ...process.env, CHATWORK_API_TOKEN: emulator.token },
    });
    console.log(`Set "chatwork.apiBaseUrl" to ${emulator.url} in that window. Press Ctrl+C here to stop the emulator.`);
    return;
  }

  const server = await startCodeServer({
    port,
    env: { CHATWORK_API_TOKEN: emulator.token },
    settings: { 'chatwork.apiBaseUrl': emulator.url },
    // Installed as a user has it (the project folder linked into the fresh extensions dir, so the
    // fresh build runs) and without the smoke-test driver, which would suppress every toast.
    linkExtensions: [projectRoot],
    smokeTestDriver: false,
    log: (line) => (process.env.DEMO_VERBOSE ? console.log(line) : undefined),
  });
  const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}`;
  console.log('');
  console.log('Chatwork for VS Code is running against the emulator. Open in a browser:');
  console.log(`  ${url}`);
  // The extension is installed as a user has it, so it takes CHATWORK_API_TOKEN only after a yes.
  console.log('A notification asks whether to sign in with CHATWORK_API_TOKEN (Taro Yamada): click "Sign In".');
  console.log('Press Ctrl+C to stop.');

  const shutdown = async () => {
    await server.stop();
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

function hasVsCodeDesktop(): boolean {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
