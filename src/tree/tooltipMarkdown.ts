import * as vscode from 'vscode';
import { markdownText } from '../common/markdownText';

/**
 * The one way the tree builds a tooltip (eslint allows `new vscode.MarkdownString` nowhere else in
 * the tree). Names, bodies and descriptions from Chatwork go in only as text, escaped by the same
 * `markdownText` as the Markdown documents — not by VS Code's appendText, which leaves `<` alone, so
 * that `<file:///etc/passwd>` in a name stays a clickable autolink (`file:` links open even in
 * untrusted Markdown). The string is never trusted (a `command:` link would not run) and renders no
 * HTML and no `$(icon)` syntax. Our own structure — bold, paragraphs, a rule — is added by name,
 * never as Markdown written at the call site.
 */
export class TooltipMarkdown {
  private readonly _md = new vscode.MarkdownString(undefined, false);
  private _empty = true;

  constructor() {
    this._md.isTrusted = false;
    this._md.supportHtml = false;
  }

  /** A paragraph of plain text; `strong` makes it bold (e.g. a name). */
  paragraph(text: string, strong = false): this {
    this._break('\n\n');
    this._md.appendMarkdown(strong ? `**${textLines(text)}**` : textLines(text));
    return this;
  }

  /** More text on the current line. */
  text(text: string): this {
    this._empty = false;
    this._md.appendMarkdown(textLines(text));
    return this;
  }

  /** A horizontal rule between two parts. */
  rule(): this {
    this._break('\n\n---\n\n');
    this._empty = true;
    return this;
  }

  build(): vscode.MarkdownString {
    return this._md;
  }

  private _break(separator: string): void {
    if (!this._empty) this._md.appendMarkdown(separator);
    this._empty = false;
  }
}

/**
 * Text as literal Markdown, its lines kept as lines (a hard break each; blank lines dropped). Leading
 * spaces become non-breaking, so an indented line of a message is not read as a code block.
 */
function textLines(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .filter((line) => line.trim() !== '')
    .map((line) => markdownText(line).replace(/^[ \t]+/, (spaces) => '&nbsp;'.repeat(spaces.length)))
    .join('\\\n');
}
