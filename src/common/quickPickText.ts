// The QuickPick sink: labels, descriptions and details render `$(name)` as icons and show line
// breaks and control characters literally. Text from Chatwork passes through here, once, before it
// becomes part of a QuickPick item. No `vscode`.

const ICON = /(\\)?\$\([a-z0-9-]+?(?:~[a-z0-9-]*?)?\)/gi;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of plain text that shows exactly as written (no icons, no breaks), at most `max` characters. */
export function quickPickText(text: string, max = 200): string {
  const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const cut = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return cut.replace(ICON, (match: string, escaped: string | undefined) => (escaped ? match : `\\${match}`));
}
