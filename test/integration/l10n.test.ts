// Localisation in a real VS Code: the test host runs in English, so the manifest comes from
// package.nls.json and vscode.l10n.t answers with the English source texts (the unit test
// l10n.test.ts checks the Japanese and Vietnamese files themselves).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { panelStrings } from '../../src/panels/panelStrings';
import { ENGLISH } from '../../src/webview/strings';
import { activateExtension, EXTENSION_ID } from './helpers/extension';

describe('localisation (English host)', () => {
  before(activateExtension);

  it('the manifest’s %keys% are resolved from package.nls.json', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      displayName: string;
      l10n: string;
      contributes: { commands: { command: string; title: string; category: string }[] };
    };
    assert.match(vscode.env.language, /^en\b/i);
    assert.strictEqual(manifest.l10n, './l10n');
    assert.strictEqual(manifest.displayName, 'Chatwork for VS Code');
    const setToken = manifest.contributes.commands.find((c) => c.command === 'chatwork.setToken');
    assert.deepStrictEqual({ title: setToken?.title, category: setToken?.category }, { title: 'Set API Token', category: 'Chatwork' });
  });

  it('vscode.l10n.t gives the English source text, with placeholders and comments', () => {
    assert.strictEqual(vscode.l10n.t('{0} min ago', 5), '5 min ago');
    assert.strictEqual(vscode.l10n.t({ message: 'Open', comment: 'task status: not done yet' }), 'Open');
  });

  it('the room panel gets the English table from the host', () => {
    assert.deepStrictEqual(panelStrings(), ENGLISH);
  });
});
