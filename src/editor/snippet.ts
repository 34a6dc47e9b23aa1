// Code from the editor as a Chatwork message or task body: the line range of a selection, the
// template with its placeholders, and the length check against Chatwork's body limit. No `vscode`,
// so the unit tests check the exact text that is posted.

import { MAX_BODY_LENGTH } from '../api/validate';

/** The built-in template (also the default of the `chatwork.snippetTemplate` setting). */
export const DEFAULT_SNIPPET_TEMPLATE = '${comment}\n[info][title]${path}:${lines} (${language})[/title][code]${code}[/code][/info]';

export const SNIPPET_PLACEHOLDERS = ['path', 'file', 'lines', 'startLine', 'endLine', 'language', 'code', 'comment'] as const;
export type SnippetPlaceholder = (typeof SNIPPET_PLACEHOLDERS)[number];

/** A position as VS Code gives it: 0-based line and character. */
export interface Position0 {
  readonly line: number;
  readonly character: number;
}

/** 1-based, inclusive. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

export interface Snippet extends LineRange {
  /** Workspace-relative, with forward slashes. */
  readonly path: string;
  /** VS Code's language id ("typescript", "python"…). */
  readonly language: string;
  readonly code: string;
  /** What the sender wrote about the code; may be empty. */
  readonly comment: string;
}

export type FormatResult =
  | { readonly kind: 'ok'; readonly body: string }
  | { readonly kind: 'tooLong'; readonly body: string; readonly length: number; readonly max: number };

/**
 * The lines a selection covers, 1-based. A selection that ends at the very start of a line (a
 * whole-line selection made with Shift+Down) does not include that line, as in VS Code itself.
 */
export function selectionLines(start: Position0, end: Position0): LineRange {
  let last = end.line;
  if (end.line > start.line && end.character === 0) last--;
  return { startLine: start.line + 1, endLine: last + 1 };
}

/** "L10" for one line, "L10-24" for several. */
export function formatLines(range: LineRange): string {
  return range.startLine === range.endLine ? `L${range.startLine}` : `L${range.startLine}-${range.endLine}`;
}

/** `src/a.ts:L10-24`: how the commands name a place in code (the code-ref finder reads it back). */
export function codeLocation(path: string, range: LineRange): string {
  return `${path}:${formatLines(range)}`;
}

/** Forward slashes, no leading "./": the same text on every OS. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** Line breaks as "\n" and no trailing line break (a whole-line selection ends with one). */
export function normalizeCode(code: string): string {
  return code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

const PLACEHOLDER = /\$\{(\w+)\}/g;

/**
 * Fills the template: `${path}`, `${file}` (the name alone), `${lines}` ("L10-24"),
 * `${startLine}`, `${endLine}`, `${language}`, `${code}`, `${comment}`. Unknown placeholders stay
 * as written. Blank lines at the very start and end are dropped, so an empty comment leaves no gap.
 * An empty template means the default.
 */
export function formatSnippet(snippet: Snippet, template = DEFAULT_SNIPPET_TEMPLATE, max = MAX_BODY_LENGTH): FormatResult {
  const path = normalizePath(snippet.path);
  const values: Record<SnippetPlaceholder, string> = {
    path,
    file: path.slice(path.lastIndexOf('/') + 1),
    lines: formatLines(snippet),
    startLine: String(snippet.startLine),
    endLine: String(snippet.endLine),
    language: snippet.language,
    code: normalizeCode(snippet.code),
    comment: snippet.comment.replace(/\r\n?/g, '\n').trim(),
  };
  const source = template.trim() === '' ? DEFAULT_SNIPPET_TEMPLATE : template;
  // One pass with a replacer: a `${…}` inside the code or the comment is never expanded again.
  const filled = source.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as SnippetPlaceholder] : whole));
  const body = filled.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
  return body.length > max ? { kind: 'tooLong', body, length: body.length, max } : { kind: 'ok', body };
}

/** The body of a task made from code: the text, then where it is (`src/a.ts:L10-24`). */
export function formatTaskBody(text: string, path: string, range: LineRange): string {
  const what = normalizeCode(text).trim();
  const where = codeLocation(normalizePath(path), range);
  return what === '' ? where : `${what}\n${where}`;
}
