import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { findTodo } from './todo';

/** What the code action passes to `chatwork.taskFromSelection`. */
export interface TodoTaskArg {
  readonly uri: vscode.Uri;
  /** 1-based. */
  readonly line: number;
  /** The task's text without the comment marker and keyword: "retry on 429" for `// TODO: retry on 429`. */
  readonly todo: string;
}

export function isTodoTaskArg(arg: unknown): arg is TodoTaskArg {
  if (typeof arg !== 'object' || arg === null) return false;
  const a = arg as Partial<TodoTaskArg>;
  return a.uri instanceof vscode.Uri && typeof a.line === 'number' && Number.isSafeInteger(a.line) && a.line > 0 && typeof a.todo === 'string';
}

const MAX_ACTIONS = 3;

/**
 * "Create Chatwork task from TODO" on lines with a TODO / FIXME comment (the lines of the cursor or
 * selection). Offered only while signed in, so people without a token see no Chatwork noise.
 */
export class TodoCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly _deps: Deps) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (this._deps.tokens.state !== 'set') return [];
    const actions: vscode.CodeAction[] = [];
    const last = Math.min(range.end.line, document.lineCount - 1);
    for (let line = range.start.line; line <= last && actions.length < MAX_ACTIONS; line++) {
      const todo = findTodo(document.lineAt(line).text);
      if (!todo) continue;
      const action = new vscode.CodeAction(vscode.l10n.t('Create Chatwork task from {0}', todo.keyword), vscode.CodeActionKind.QuickFix);
      const arg: TodoTaskArg = { uri: document.uri, line: line + 1, todo: todo.task };
      action.command = { command: 'chatwork.taskFromSelection', title: action.title, arguments: [arg] };
      actions.push(action);
    }
    return actions;
  }
}

export function registerTodoCodeActions(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new TodoCodeActions(deps), {
      providedCodeActionKinds: TodoCodeActions.providedCodeActionKinds,
    }),
  );
}
