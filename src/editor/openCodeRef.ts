import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { describeError } from '../common/showError';
import { MAX_LINE, parseCodeRef } from '../notation/codeRefs';
import { findCodeRefFiles } from './codeRefFiles';

/** What `chatwork.openCodeRef` opens; the room panel sends the same fields (`openCodeRef`). */
export interface CodeRefTarget {
  readonly path: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly column?: number;
  /** Open beside the active editor group (from a room panel, which stays visible). */
  readonly beside?: boolean;
}

// The characters the code-ref finder accepts in a path, and a sane length.
const PATH = /^(?:[A-Za-z]:)?[A-Za-z0-9_.@+~$\-/\\]{1,1024}$/;
const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= MAX_LINE;

/** A command argument (from anywhere) checked field by field: an object, or text such as `src/a.ts:10`. */
export function codeRefTargetOf(arg: unknown): CodeRefTarget | undefined {
  if (typeof arg === 'string') {
    const ref = parseCodeRef(arg);
    return ref && { path: ref.path, startLine: ref.startLine, endLine: ref.endLine, ...(ref.column === undefined ? {} : { column: ref.column }) };
  }
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.path !== 'string' || !PATH.test(a.path) || !isLine(a.startLine)) return undefined;
  const endLine = a.endLine === undefined ? a.startLine : a.endLine;
  if (!isLine(endLine)) return undefined;
  return {
    path: a.path,
    startLine: Math.min(a.startLine, endLine),
    endLine: Math.max(a.startLine, endLine),
    ...(isLine(a.column) ? { column: a.column } : {}),
    ...(a.beside === true ? { beside: true } : {}),
  };
}

/**
 * Chatwork: Open Code Reference — opens `path:line` (or `path:Lx-y`) from a message in the local
 * workspace with those lines selected. Args: `{ path, startLine, endLine?, column?, beside? }` or
 * the reference as text; from the palette it asks for the text.
 */
export function registerOpenCodeRef(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Open Code Reference');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.openCodeRef', async (arg?: unknown) => {
      let target = codeRefTargetOf(arg);
      if (!target && arg !== undefined) {
        deps.log.warn('Open Code Reference: ignored a malformed argument.');
        return undefined;
      }
      if (!target) {
        const text = await deps.prompts.input({
          title,
          prompt: vscode.l10n.t('A place in code: path:line or path:Lstart-end'),
          placeHolder: 'src/extension.ts:L10-24',
          validate: (value) => (parseCodeRef(value) ? undefined : vscode.l10n.t('Write it as path:10, path:L10-24 or path#L10-L24.')),
        });
        target = text === undefined ? undefined : codeRefTargetOf(text);
        if (!target) return undefined;
      }
      return openCodeRef(deps, target);
    }),
  );
}

/** Finds the file in the workspace (asking when several match) and selects the lines. */
export async function openCodeRef(deps: Deps, target: CodeRefTarget): Promise<vscode.TextEditor | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void deps.prompts.notify('warning', vscode.l10n.t('Open the folder that “{0}” belongs to, then try again.', target.path));
    return undefined;
  }
  const { files, refusedOutside } = await findCodeRefFiles(target.path);
  let uri = files[0];
  if (files.length > 1) {
    const items = files.map((file) => ({ label: vscode.workspace.asRelativePath(file, true), file }));
    uri = (await deps.prompts.pick(items, { title: vscode.l10n.t('Several files match “{0}”', target.path), placeHolder: vscode.l10n.t('Choose the file to open') }))?.file;
    if (!uri) return undefined;
  }
  if (!uri) {
    // A reference that resolves outside the workspace (`..`, a symlink) opens nothing, and says why.
    const message = refusedOutside
      ? vscode.l10n.t('“{0}” leads outside this workspace; it was not opened.', target.path)
      : vscode.l10n.t('“{0}” is not in this workspace.', target.path);
    void deps.prompts.notify('warning', message);
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    // A reference can name any file, an image or an archive among them: VS Code opens only text.
    void deps.prompts.notify('warning', vscode.l10n.t('“{0}” could not be opened as text: {1}', target.path, describeError(error)));
    return undefined;
  }
  const last = document.lineCount;
  if (target.startLine > last) {
    void deps.prompts.notify('warning', vscode.l10n.t('“{0}” has only {1} lines; line {2} is not there any more.', target.path, last, target.startLine));
  }
  const selection = selectionOf(document, target);
  const editor = await vscode.window.showTextDocument(document, {
    selection,
    preview: true,
    viewColumn: target.beside ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Whole lines start–end (clamped to the document), or the cursor at line:column. */
function selectionOf(document: vscode.TextDocument, target: CodeRefTarget): vscode.Selection {
  const clamp = (line: number): number => Math.min(Math.max(line, 1), document.lineCount) - 1;
  const start = clamp(target.startLine);
  const end = clamp(target.endLine);
  if (target.column !== undefined && start === end) {
    const character = Math.min(target.column - 1, document.lineAt(start).text.length);
    return new vscode.Selection(start, character, start, character);
  }
  return new vscode.Selection(start, 0, end, document.lineAt(end).text.length);
}
