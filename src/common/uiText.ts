// The one neutralising layer for text shown in VS Code's own UI (notifications, modal dialogs,
// progress titles, QuickPick items, status bar tooltips). No `vscode`, so unit tests run it.
//
// VS Code renders `[label](https:|command:|file:…)` in notification texts as a link, and a `command:`
// link runs a command with arguments chosen by whoever wrote the text. Chatwork bodies, names, room,
// file and task titles, and even a server's error text reach these sinks, so every string passed to
// them is neutralised here — the callers cannot forget, because src/common/prompts.ts applies it to
// every argument and eslint forbids calling the VS Code functions anywhere else.

/** `](` is what makes `[label](target)` a link; a space between keeps the text readable and inert. */
const MARKDOWN_LINK = /\]\s*\(/g;
/** `<scheme:…>` autolinks (Markdown renderers linkify them). */
const AUTOLINK = /<(?=[a-z][a-z0-9+.-]*:)/gi;
/** `$(icon)` renders as a codicon in QuickPick labels and status bar texts. */
const CODICON = /\$\(/g;

/** The text with every link syntax VS Code's UI understands made plain. */
export function neutraliseLinks(text: string): string {
  return text.replace(MARKDOWN_LINK, '] (').replace(AUTOLINK, '< ').replace(CODICON, '$ (');
}

/** True when `text` still carries a `[label](target)` or `<scheme:…>` link (tests and asserts). */
export function hasLinkSyntax(text: string): boolean {
  return /\]\(|<[a-z][a-z0-9+.-]*:/i.test(text);
}
