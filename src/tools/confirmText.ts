// The neutralising layer of one sink: a tool's confirmation in the chat view. Text from Chatwork
// (room names, message bodies someone else wrote, file names) and from the model loses invisible and
// direction-changing characters, is bounded, and reaches the Markdown only escaped — multi-line
// bodies included, which is why this is not src/common/markdownText.ts (one line, for documents).
// No `vscode`.

import { cleanText, clip } from './resultText';

/** One line: line breaks become ⏎ so a name cannot fake a second line of the confirmation. */
export function neutraliseLine(text: string, max = 120): string {
  return clip(cleanText(text).replace(/\r\n?|\n/g, ' ⏎ ').replace(/\s+/g, ' ').trim(), max);
}

/** A body preview: line breaks kept (the user sees the message's shape), bounded. */
export function neutraliseBlock(text: string, max = 1_500): string {
  return clip(cleanText(text).replace(/\r\n?/g, '\n').trim(), max);
}

/** What a confirmation shows: one action sentence, then labelled values (room, body, file…). */
export interface Confirmation {
  readonly title: string;
  /** The action, written by us (no Chatwork text). */
  readonly action: string;
  /** Label → value; values are Chatwork or model text and are neutralised and escaped. */
  readonly details: readonly (readonly [label: string, value: string, kind?: 'line' | 'block'])[];
}

/** The confirmation as plain text, exactly as the Markdown shows it (for logs and tests). */
export function confirmationPlainText(c: Confirmation): string {
  const lines = [c.action];
  for (const [label, value, kind] of c.details) {
    lines.push(kind === 'block' ? `${label}:\n${neutraliseBlock(value)}` : `${label}: ${neutraliseLine(value)}`);
  }
  return lines.join('\n');
}

/**
 * Text as Markdown that shows it literally: every Markdown character backslash-escaped, and `<`,
 * `>`, `&` as entities, so HTML in a body is shown (not dropped by the renderer) and nothing in it
 * becomes a link, heading or emphasis. Leading spaces stay visible.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));
}
