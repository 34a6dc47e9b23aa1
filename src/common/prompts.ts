import * as vscode from 'vscode';

export interface InputOptions {
  title: string;
  prompt?: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  /** Checked on every keystroke; return an error text to block accepting. */
  validate?: (value: string) => string | undefined;
  /** Checked when the user presses Enter (may call the API); an error text keeps the box open. */
  validateOnAccept?: (value: string) => Promise<string | undefined>;
}

export interface PickOptions {
  title: string;
  placeHolder?: string;
  matchOnDescription?: boolean;
}

/**
 * Every question the extension asks the user goes through this interface. The real implementation
 * is VS Code's UI; the integration tests install a scripted one that answers from a queue, so that
 * commands are driven end to end in a real extension host without faking VS Code itself.
 */
export interface Prompts {
  input(options: InputOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined>;
  /** A modal confirmation; resolves to the chosen action or undefined when cancelled. */
  confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  saveTo(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined>;
  openFile(title: string): Promise<vscode.Uri | undefined>;
  /** A non-modal notification with optional action buttons; resolves to the clicked action. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined>;
  /** Opens an http(s) address in the user's browser (VS Code may ask first). */
  openExternal(uri: vscode.Uri): Promise<boolean>;
}

export class VsCodePrompts implements Prompts {
  input(options: InputOptions): Promise<string | undefined> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.value = options.value ?? '';
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (value: string | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        box.dispose();
      };
      box.onDidChangeValue((value) => {
        box.validationMessage = options.validate?.(value);
      });
      box.onDidAccept(async () => {
        const value = box.value;
        const syncError = options.validate?.(value);
        if (syncError) {
          box.validationMessage = syncError;
          return;
        }
        if (options.validateOnAccept) {
          box.busy = true;
          box.enabled = false;
          const error = await options.validateOnAccept(value);
          box.busy = false;
          box.enabled = true;
          if (error) {
            box.validationMessage = error;
            return;
          }
        }
        finish(value);
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true });
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    return vscode.window.showQuickPick(items, { ...options, canPickMany: true, ignoreFocusOut: true });
  }

  async confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }

  async saveTo(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({ defaultUri, title });
  }

  async openFile(title: string): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, canSelectFiles: true });
    return picked?.[0];
  }

  async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    switch (severity) {
      case 'info':
        return vscode.window.showInformationMessage(message, ...actions);
      case 'warning':
        return vscode.window.showWarningMessage(message, ...actions);
      case 'error':
        return vscode.window.showErrorMessage(message, ...actions);
    }
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    return vscode.env.openExternal(uri);
  }
}
