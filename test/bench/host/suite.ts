// Runs inside the real extension host (code-server), started by test/bench/hostBench.ts: measures
// what only a real VS Code can tell — activation time, requests per user action as counted by the
// emulator, and the extension host's memory while a 100 MB file downloads. Writes JSON to
// $CHATWORK_BENCH_OUT.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, emulator, emulatorToken, EXTENSION_ID, scriptPrompts, waitFor } from '../../integration/helpers/extension';

const PHOENIX = 10010;
const BIG_FILE = 7003;

/** The requests each measured action made, for the report. */
const seen: Record<string, string[]> = {};

async function countRequests(name: string, action: () => Promise<unknown>): Promise<number> {
  await emulator().resetRequests();
  await action();
  await new Promise((r) => setTimeout(r, 300)); // let follow-up requests (if any) land
  const requests = await emulator().requests();
  seen[name] = requests.map((r) => `${r.method} ${r.path}`);
  return requests.length;
}

export async function run(): Promise<void> {
  const results: Record<string, number> = {};
  // Activation as a user gets it: VS Code activates the extension by itself (onStartupFinished),
  // not the test calling activate() the moment the extension host is up.
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  await waitFor(() => extension?.isActive, 'VS Code to activate the extension (onStartupFinished)', 120_000);
  const api = await activateExtension();
  results.activationMs = api.activationMs;
  results.activationCpuMs = api.activationCpuMs;
  await waitFor(() => api.afterActivationCpuMs !== undefined, 'the set-up right after activation');
  results.afterActivationCpuMs = api.afterActivationCpuMs!;
  if (process.env.CHATWORK_BENCH_ACTIVATION_ONLY) return write(results);

  // Signed in as a user does it: Set API Token (GET /me checks it and identifies the account).
  const signInPrompts = await scriptPrompts();
  signInPrompts.answer({ kind: 'input', value: emulatorToken() });
  await vscode.commands.executeCommand('chatwork.setToken');
  api.deps.store.clear();
  results.sidebarOpen = await countRequests('sidebarOpen', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.chatwork');
    await waitFor(async () => (await api.tree.provider.getChildren()).some((n) => n.id === `room:${PHOENIX}`), 'rooms in the tree');
  });
  results.expandRoom = await countRequests('expandRoom', async () => {
    const room = (await api.tree.provider.getChildren()).find((n) => n.id === `room:${PHOENIX}`);
    if (!room) throw new Error('no room node');
    for (const category of await api.tree.provider.getChildren(room)) await api.tree.provider.getChildren(category);
  });
  results.openPanel = await countRequests('openPanel', async () => {
    await vscode.commands.executeCommand('chatwork.openRoom', { roomId: PHOENIX });
    await waitFor(() => api.panels.get(PHOENIX)?.lastRendered, 'the panel to render');
  });
  results.sendMessage = await countRequests('sendMessage', async () => {
    const panel = api.panels.get(PHOENIX);
    if (!panel) throw new Error('no panel');
    await panel.receive({ type: 'send', body: 'Benchmark message (bow)' });
  });

  // Memory while files of 100 MB and then 400 MB stream to disk, both against the RSS before the
  // first: streamed when the larger file does not raise the peak (RSS also holds garbage not yet
  // collected, so the two peaks are compared rather than one read on its own).
  const baseline = process.memoryUsage().rss;
  const big = await emulator().seedGeneratedFile({ roomId: PHOENIX, filename: 'bench-400mb.bin', size: 400 * 1024 * 1024 });
  await api.deps.poller.pollNow();
  for (const [key, fileId] of [['download100', BIG_FILE], ['download400', big]] as const) {
    const prompts = await scriptPrompts();
    const target = vscode.Uri.file(path.join(os.tmpdir(), `cw-bench-${key}-${Date.now()}.bin`));
    prompts.answer({ kind: 'save', uri: target });
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: PHOENIX, fileId });
    clearInterval(sampler);
    results[`${key}Ms`] = Date.now() - started;
    results[`${key}Bytes`] = fs.statSync(target.fsPath).size;
    results[`${key}PeakRssDeltaMb`] = (peak - baseline) / 1024 / 1024;
    fs.rmSync(target.fsPath, { force: true });
  }
  write(results);
}

function write(results: Record<string, number>): void {
  const out = process.env.CHATWORK_BENCH_OUT;
  if (!out) throw new Error('CHATWORK_BENCH_OUT is not set');
  fs.writeFileSync(out, JSON.stringify({ ...results, requests: seen }));
}
