import * as vscode from 'vscode';
import { DEFAULT_SNIPPET_TEMPLATE, normalizePath, selectionLines, type LineRange } from './snippet';

/** What the editor commands send: the code, where it is, and its language. */
export interface SelectedCode extends LineRange {
  readonly uri: vscode.Uri;
  /** Workspace-relative with forward slashes (the workspace folder's name first in a multi-root workspace). */
  readonly path: string;
  readonly language: string;
  readonly code: string;
}

/**
 * The active editor's selection, or its whole current line when nothing is selected. A command
 * run from an editor's context menu gets the document's URI: that editor's selection is used.
 */
export function selectedCode(arg?: unknown): SelectedCode | undefined {
  const wanted = arg instanceof vscode.Uri ? arg.toString() : undefined;
  const editor =
    (wanted !== undefined ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === wanted) : undefined) ??
    vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const { document, selection } = editor;
  const range = selection.isEmpty ? document.lineAt(selection.active.line).range : selection;
  const lines = selectionLines(range.start, range.end);
  return { uri: document.uri, path: workspacePath(document.uri), language: document.languageId, code: document.getText(range), ...lines };
}

/** The given line of a document (1-based), as a SelectedCode of one line. */
export function lineOf(document: vscode.TextDocument, line: number): SelectedCode {
  const range = document.lineAt(line - 1).range;
  return { uri: document.uri, path: workspacePath(document.uri), language: document.languageId, code: document.getText(range), startLine: line, endLine: line };
}

/** How a file is named in a message: relative to its workspace folder, else its file name. */
export function workspacePath(uri: vscode.Uri): string {
  if (uri.scheme === 'untitled') return uri.path;
  const relative = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  // asRelativePath answers the full path for files outside the workspace: send the name only
  // rather than someone's home directory layout.
  const inWorkspace = vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  return normalizePath(inWorkspace ? relative : uri.path.slice(uri.path.lastIndexOf('/') + 1));
}

/** The `chatwork.snippetTemplate` setting, read fresh; empty means the built-in template. */
export function snippetTemplate(): string {
  const value = vscode.workspace.getConfiguration('chatwork').get<string>('snippetTemplate');
  return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_SNIPPET_TEMPLATE;
}
