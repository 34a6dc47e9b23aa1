import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers/extension';

// Commands VS Code itself creates for our views (focus, reset location, …), not ours to register.
const VIEW_COMMAND = /\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/;

describe('contributed commands', () => {
  before(activateExtension);

  it('registers exactly the commands package.json contributes', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('chatwork.') && !VIEW_COMMAND.test(id))
      .sort();
    assert.deepStrictEqual(registered, contributed);
  });

  it('runs in a real VS Code extension host', () => {
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });
});
