import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { deferCommands } from '../../src/commands/deferredCommands';
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

  it('a command run before its handler is registered reaches it once, with the same arguments and result', async () => {
    const subscriptions: vscode.Disposable[] = [];
    const context = { subscriptions } as unknown as vscode.ExtensionContext;
    let registrations = 0;
    const seen: unknown[] = [];
    const handlers = deferCommands(context, ['chatwork.test.deferredA', 'chatwork.test.deferredB'], () => {
      registrations++;
      subscriptions.push(
        vscode.commands.registerCommand('chatwork.test.deferredA', (node: unknown, n: number) => {
          seen.push(node);
          return n * 2;
        }),
        vscode.commands.registerCommand('chatwork.test.deferredB', () => 'b'),
      );
    });
    try {
      assert.strictEqual(registrations, 0, 'nothing registered before a call or the read');
      const node = { id: 'room:1' };
      assert.strictEqual(await vscode.commands.executeCommand('chatwork.test.deferredA', node, 21), 42);
      assert.strictEqual(seen[0], node, 'the handler gets the very object (a tree node), not a copy');
      assert.strictEqual(await vscode.commands.executeCommand('chatwork.test.deferredB'), 'b');
      void handlers.value; // what activation does right after it returned: nothing more to do now
      assert.strictEqual(registrations, 1);
    } finally {
      for (const d of subscriptions) d.dispose();
    }
    const left = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('chatwork.test.deferred'));
    assert.deepStrictEqual(left, [], 'the stand-ins went with the context');
  });

  it('runs in a real VS Code extension host, one at least as new as engines.vscode asks', () => {
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
    // The API reports the version of the VS Code installed at appRoot: a real host, not a stand-in.
    const host = JSON.parse(fs.readFileSync(path.join(vscode.env.appRoot, 'package.json'), 'utf8')) as { version: string };
    assert.strictEqual(vscode.version, host.version);
    // That host satisfies the manifest's minimum, so the tests exercise an API the manifest promises.
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { engines: { vscode: string } };
    const minimum = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(manifest.engines.vscode);
    assert.ok(minimum, `engines.vscode ${manifest.engines.vscode} is a caret range`);
    const [major, minor] = vscode.version.split('.').map(Number) as [number, number];
    assert.strictEqual(major, Number(minimum[1]), `VS Code ${vscode.version} has the major version of ${manifest.engines.vscode}`);
    assert.ok(minor >= Number(minimum[2]), `VS Code ${vscode.version} satisfies ${manifest.engines.vscode}`);
  });
});
