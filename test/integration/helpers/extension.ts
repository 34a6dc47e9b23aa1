// Access to the running extension and the emulator from inside the extension host.
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../../src/extension';
import { EmulatorControl } from '../../emulator/control';
import { ScriptedPrompts } from './scriptedPrompts';

export const EXTENSION_ID = 'chatwork-vscode.chatwork-vscode';

export function emulatorOrigin(): string {
  const origin = process.env.CHATWORK_EMULATOR_ORIGIN;
  if (!origin) throw new Error('CHATWORK_EMULATOR_ORIGIN is not set: run the suite through test/runInCodeServer.ts');
  return origin;
}

export function emulatorToken(): string {
  const token = process.env.CHATWORK_EMULATOR_TOKEN;
  if (!token) throw new Error('CHATWORK_EMULATOR_TOKEN is not set');
  return token;
}

export function emulator(): EmulatorControl {
  return new EmulatorControl(emulatorOrigin());
}

/** Points the extension at the emulator and activates it. */
export async function activateExtension(): Promise<ChatworkExtensionApi> {
  const base = `${emulatorOrigin()}/v2`;
  const config = vscode.workspace.getConfiguration('chatwork');
  if (config.get('apiBaseUrl') !== base) await config.update('apiBaseUrl', base, vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension<ChatworkExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.deps.tokens.ready; // activation does not wait for secret storage; the tests do
  // Nor for what is built right after it (the commands' handlers, My Tasks, Contacts, agent tools).
  await waitFor(() => api.afterActivationCpuMs !== undefined, 'the set-up right after activation');
  return api;
}

/** Installs fresh scripted prompts and returns them. */
export async function scriptPrompts(): Promise<ScriptedPrompts> {
  const api = await activateExtension();
  const prompts = new ScriptedPrompts();
  api.deps.prompts = prompts;
  return prompts;
}

/** Signs in with the emulator's demo token, through the real command. */
export async function signIn(): Promise<ChatworkExtensionApi> {
  const api = await activateExtension();
  if (api.deps.tokens.get() !== emulatorToken()) await api.deps.tokens.set(emulatorToken());
  return api;
}

/**
 * One poll cycle that starts now. pollNow() joins a cycle already running, which may have read
 * Chatwork before the test changed it (its effect would show only at the next timer poll).
 */
export async function pollFresh(api: ChatworkExtensionApi): Promise<void> {
  await api.deps.poller.whenIdle();
  await api.deps.poller.pollNow();
}

// 20 s: a condition involving a fresh webview can take several seconds on a loaded 2-core CI
// machine; a wait that is met returns at once.
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
