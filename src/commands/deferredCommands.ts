import * as vscode from 'vscode';
import { Lazy } from '../common/lazy';

/**
 * Registers the command ids now with stand-ins and the real handlers (`register`) later: right
 * after activation (the caller reads the returned Lazy then), or when one of them is run first,
 * whichever comes first. Activation then neither compiles nor runs the handlers' code, and a
 * command run early is never "not found": its stand-in registers the real ones and passes the call
 * on, arguments unchanged (commands run inside the extension host get the same objects).
 */
export function deferCommands(context: vscode.ExtensionContext, ids: readonly string[], register: () => void): Lazy<void> {
  let standIns: vscode.Disposable[] = [];
  const real = new Lazy(() => {
    // The ids must be free before the real handlers take them.
    for (const standIn of standIns) standIn.dispose();
    standIns = [];
    register();
  });
  standIns = ids.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      void real.value;
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  context.subscriptions.push({ dispose: () => standIns.forEach((standIn) => standIn.dispose()) });
  return real;
}
