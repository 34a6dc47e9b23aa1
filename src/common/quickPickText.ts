// QuickPick items show line breaks and control characters literally: text from Chatwork becomes one
// readable line here before it is part of an item. Link and icon syntax are neutralised later, for
// every item alike, by src/common/prompts.ts. No `vscode`.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of plain text (no breaks, no control characters), at most `max` characters. */
export function quickPickText(text: string, max = 200): string {
  const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
