// A Prompts implementation for the integration tests: answers come from a queue the test fills,
// and every question and notification is recorded so the test can assert what the user saw.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import type { InputOptions, PickOptions, Prompts } from '../../../src/common/prompts';

type PickAnswer = string | ((item: vscode.QuickPickItem) => boolean) | undefined;

export type Answer =
  | { kind: 'input'; value: string | undefined }
  | { kind: 'pick'; choose: PickAnswer }
  | { kind: 'pickMany'; choose: string[] | undefined }
  | { kind: 'confirm'; action: string | undefined }
  | { kind: 'save'; uri: vscode.Uri | undefined }
  | { kind: 'open'; uri: vscode.Uri | undefined };

export interface Notification {
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

export class ScriptedPrompts implements Prompts {
  private readonly _answers: Answer[] = [];
  readonly notifications: Notification[] = [];
  readonly questions: string[] = [];
  /** Validation messages shown in input boxes (e.g. a rejected token). */
  readonly validationMessages: string[] = [];
  /** What input boxes described for the accepted values (e.g. the day a deadline resolves to). */
  readonly descriptions: string[] = [];
  /** Addresses given to openExternal (nothing is opened: no browser in the tests). */
  readonly opened: string[] = [];
  /** Items offered by the last pick / pickMany. */
  lastItems: readonly vscode.QuickPickItem[] = [];
  /** Action to click on the next notification matching the pattern. */
  private readonly _notificationActions: { pattern: RegExp; action: string }[] = [];

  answer(...answers: Answer[]): this {
    this._answers.push(...answers);
    return this;
  }

  clickOnNotification(pattern: RegExp, action: string): this {
    this._notificationActions.push({ pattern, action });
    return this;
  }

  assertAllAnswered(): void {
    assert.deepStrictEqual(this._answers, [], 'some scripted answers were not asked for');
  }

  private _next<K extends Answer['kind']>(kind: K, title: string): Extract<Answer, { kind: K }> {
    this.questions.push(title);
    const answer = this._answers.shift();
    if (!answer) throw new Error(`Unexpected prompt "${title}" (${kind}): no scripted answer left`);
    if (answer.kind !== kind) throw new Error(`Prompt "${title}" is a ${kind}, but the script answers ${answer.kind}`);
    return answer as Extract<Answer, { kind: K }>;
  }

  async input(options: InputOptions): Promise<string | undefined> {
    for (;;) {
      const { value } = this._next('input', options.title);
      if (value === undefined) return undefined;
      const error = options.validate?.(value) ?? (await options.validateOnAccept?.(value));
      if (!error) {
        const described = options.describe?.(value);
        if (described !== undefined) this.descriptions.push(described);
        return value;
      }
      this.validationMessages.push(error);
      // As in the real box: the user stays in it and may type again (the next scripted input).
      if (!this._answers.some((a) => a.kind === 'input')) return undefined;
    }
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    this.lastItems = items;
    const { choose } = this._next('pick', options.title);
    if (choose === undefined) return undefined;
    const found = items.find((item) => (typeof choose === 'string' ? item.label === choose : choose(item)));
    if (!found) throw new Error(`No item ${String(choose)} in pick "${options.title}": ${items.map((i) => i.label).join(', ')}`);
    return found;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T[] | undefined> {
    this.lastItems = items;
    const { choose } = this._next('pickMany', options.title);
    if (choose === undefined) return undefined;
    return choose.map((label) => {
      const found = items.find((item) => item.label === label);
      if (!found) throw new Error(`No item ${label} in pick "${options.title}": ${items.map((i) => i.label).join(', ')}`);
      return found;
    });
  }

  async confirm(message: string, _detail: string, ...actions: string[]): Promise<string | undefined> {
    const { action } = this._next('confirm', message);
    if (action !== undefined && !actions.includes(action)) throw new Error(`Confirmation "${message}" has no action ${action}`);
    return action;
  }

  async saveTo(_defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    return this._next('save', title).uri;
  }

  async openFile(title: string): Promise<vscode.Uri | undefined> {
    return this._next('open', title).uri;
  }

  async notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Promise<string | undefined> {
    this.notifications.push({ severity, message, actions });
    const index = this._notificationActions.findIndex((n) => n.pattern.test(message));
    if (index < 0) return undefined;
    const action = this._notificationActions.splice(index, 1)[0]?.action;
    return action !== undefined && actions.includes(action) ? action : undefined;
  }

  async openExternal(uri: vscode.Uri): Promise<boolean> {
    this.opened.push(uri.toString(true));
    return true;
  }
}
