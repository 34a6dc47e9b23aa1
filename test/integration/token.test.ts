import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, emulator, emulatorToken, scriptPrompts } from './helpers/extension';

describe('API token commands', () => {
  afterEach(async () => {
    const api = await activateExtension();
    await api.deps.tokens.clear();
  });

  it('refuses a token Chatwork rejects and keeps asking, then stores a valid one', async () => {
    const prompts = await scriptPrompts();
    const api = await activateExtension();
    await emulator().resetRequests();
    prompts.answer({ kind: 'input', value: 'not-a-real-token' }, { kind: 'input', value: emulatorToken() });

    await vscode.commands.executeCommand('chatwork.setToken');

    assert.deepStrictEqual(prompts.validationMessages, ['Chatwork rejected this token (401). Copy it again from Chatwork’s API settings.']);
    assert.strictEqual(api.deps.tokens.get(), emulatorToken());
    assert.strictEqual(api.deps.tokens.state, 'set');
    const meCalls = (await emulator().requests()).filter((r) => r.method === 'GET' && r.path === '/me');
    assert.deepStrictEqual(meCalls.map((r) => r.status), [401, 200]);
    assert.match(prompts.notifications.at(-1)?.message ?? '', /^Signed in to Chatwork as /);
  });

  it('cancelling leaves no token behind', async () => {
    const prompts = await scriptPrompts();
    const api = await activateExtension();
    prompts.answer({ kind: 'input', value: undefined });
    await vscode.commands.executeCommand('chatwork.setToken');
    assert.strictEqual(api.deps.tokens.get(), undefined);
    assert.strictEqual(api.deps.tokens.state, 'none');
  });

  it('Sign Out deletes the stored token', async () => {
    const prompts = await scriptPrompts();
    const api = await activateExtension();
    await api.deps.tokens.set(emulatorToken());
    await vscode.commands.executeCommand('chatwork.signOut');
    assert.strictEqual(api.deps.tokens.get(), undefined);
    assert.match(prompts.notifications.at(-1)?.message ?? '', /Signed out/);
  });

  it('keeps the token out of settings', async () => {
    const api = await activateExtension();
    await api.deps.tokens.set(emulatorToken());
    const settings = JSON.stringify(vscode.workspace.getConfiguration('chatwork'));
    assert.ok(!settings.includes(emulatorToken()), 'token found in settings');
  });
});
