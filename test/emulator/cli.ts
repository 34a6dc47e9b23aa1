// `node out/test/emulator/cli.js [--port N] [--rate-limit N]`: serves the seeded emulator until
// killed. The first two lines of output are exactly CHATWORK_API_BASE=… and CHATWORK_API_TOKEN=….
import { startEmulator } from './emulator';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} needs a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: flag('port') ?? 0, rateLimit: flag('rate-limit') });
  console.log(`CHATWORK_API_BASE=${emulator.url}`);
  console.log(`CHATWORK_API_TOKEN=${emulator.token}`);
  console.log(`Control API: ${emulator.origin}/_emulator/state · other tokens: ${JSON.stringify(emulator.tokens)}`);
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
