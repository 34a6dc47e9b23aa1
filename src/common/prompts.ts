import * as vscode from 'vscode';
import { neutraliseLinks } from './uiText';

export interface InputOptions {
  title: string;
  prompt?: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  /** Checked on every keystroke; return an error text to block accepting. */
  validate?: (value: string) => string | undefined;
  /** Shown as the prompt while typing (e.g. the date a deadline resolves to); undefined keeps `prompt`. */
  describe?: (value: string) => string | undefined;
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
        if (options.describe) box.prompt = options.describe(value) ?? options.prompt;
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

  /**
   * A multi-select QuickPick where Enter with nothing checked takes the highlighted item: typing
   * "Ali" and pressing Enter picks Alice, as anyone expects (showQuickPick would answer nothing).
   */
  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeHolder;
    quickPick.matchOnDescription = options.matchOnDescription ?? false;
    quickPick.canSelectMany = true;
    quickPick.ignoreFocusOut = true;
    quickPick.items = items;
    quickPick.selectedItems = items.filter((item) => item.picked === true);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (value: T[] | undefined) => {
        if (settled) return;
        settled = true;
        resolve(value);
        quickPick.dispose();
      };
      quickPick.onDidAccept(() => {
        const checked = [...quickPick.selectedItems];
        finish(checked.length > 0 ? checked : [...quickPick.activeItems]);
      });
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
    });
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

const n = neutraliseLinks;
const nOpt = (text: string | undefined): string | undefined => (text === undefined ? undefined : n(text));

/**
 * The neutralising layer every question and notification passes through: each text argument, item
 * label, description and detail loses its link syntax before the implementation (VS Code's UI, or
 * the tests' scripted prompts) sees it. Answers are mapped back to the caller's own items/actions.
 */
export class GuardedPrompts implements Prompts {
  constructor(readonly inner: Prompts) {}

  input(options: InputOptions): Promise<string | undefined> {
    return this.inner.input({ ...options, title: n(options.title), prompt: nOpt(options.prompt), placeHolder: nOpt(options.placeHolder) });
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    const shown = items.map(safeItem);
    const chosen = await this.inner.pick(shown, safePickOptions(options));
    return chosen === undefined ? undefined : items[shown.indexOf(chosen)];
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    const shown = items.map(safeItem);
    const chosen = await this.inner.pickMany(shown, safePickOptions(options));
    return chosen?.map((c) => items[shown.indexOf(c)]).filter((item): item is T => item !== undefined);
  }

  async confirm(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    const shown = actions.map(n);
    return actions[shown.indexOf((await this.inner.confirm(n(message), n(detail), ...shown)) ?? '\0')];
  }

  saveTo(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    return this.inner.saveTo(defaultUri, n(title));
  }

  openFile(title: string): Promise<vscode.Uri | undefined> {
    return this.inner.openFile(n(title));
  }

  async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    const shown = actions.map(n);
    return actions[shown.indexOf((await this.inner.notify(severity, n(message), ...shown)) ?? '\0')];
  }

  openExternal(uri: vscode.Uri): Promise<boolean> {
    return this.inner.openExternal(uri);
  }
}

/** A copy of the item with its visible texts neutralised; `pick` maps the answer back by position. */
function safeItem<T extends vscode.QuickPickItem>(item: T): T {
  return { ...item, label: n(item.label), description: nOpt(item.description), detail: nOpt(item.detail) };
}

function safePickOptions(options: PickOptions): PickOptions {
  return { ...options, title: n(options.title), placeHolder: nOpt(options.placeHolder) };
}

/**
 * Makes `target.prompts` a guarded slot: whatever implementation is assigned later (the integration
 * tests assign scripted prompts) is wrapped in GuardedPrompts, so no caller and no test reaches an
 * unguarded one.
 */
export function guardPromptsOf<T extends { prompts: Prompts }>(target: T): T {
  let guarded = new GuardedPrompts(target.prompts);
  Object.defineProperty(target, 'prompts', {
    enumerable: true,
    get: () => guarded,
    set: (inner: Prompts) => {
      guarded = inner instanceof GuardedPrompts ? inner : new GuardedPrompts(inner);
    },
  });
  return target;
}

/** vscode.window.withProgress with the title and every reported message neutralised. */
export function withProgress<R>(
  options: vscode.ProgressOptions,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken) => Thenable<R>,
): Thenable<R> {
  return vscode.window.withProgress({ ...options, title: nOpt(options.title) }, (progress, token) =>
    task({ report: (value) => progress.report({ ...value, message: nOpt(value.message) }) }, token),
  );
}

/** A status bar item whose tooltip setter neutralises (the tooltip may quote server text). */
/**
 * A QuickPick for live lists (e.g. search as you type): every item assigned to `items` passes the
 * same neutraliser as `pick`, so a caller that builds items from Chatwork text cannot forget it.
 */
export function createGuardedQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
  const quickPick = vscode.window.createQuickPick<T>();
  let accessor: PropertyDescriptor | undefined;
  for (let proto: object | null = quickPick; proto && !accessor; proto = Object.getPrototypeOf(proto) as object | null) {
    accessor = Object.getOwnPropertyDescriptor(proto, 'items');
  }
  const { get, set } = accessor ?? {};
  if (!get || !set) throw new Error('QuickPick.items is not an accessor');
  Object.defineProperty(quickPick, 'items', {
    configurable: true,
    get: () => get.call(quickPick) as readonly T[],
    set: (items: readonly T[]) => set.call(quickPick, items.map(safeItem)),
  });
  return quickPick;
}

/** A status bar text: our own codicon, then remote text whose `$(` can no longer draw icons. */
export function setStatusText(item: vscode.StatusBarItem, icon: string, text: string): void {
  item.text = `$(${icon}) ${n(text)}`;
}

export function setStatusTooltip(item: vscode.StatusBarItem, tooltip: string): void {
  item.tooltip = n(tooltip);
  item.accessibilityInformation = { label: n(tooltip) };
}
