// The one escape for text from Chatwork placed into a Markdown document (Show Task, Show Message).
// No `vscode`, so unit tests feed it hostile names. Those documents are never trusted, but an
// unescaped name could still add an image that loads from the sender's host when previewed, a link,
// raw HTML, or a heading of its own.

/** Every ASCII punctuation character CommonMark may read as syntax. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&"':=@$%^?;,/]/g;

/**
 * `text` as one line of literal Markdown text: line breaks folded into spaces, every punctuation
 * character backslash-escaped (CommonMark allows escaping any of them), so no image, link, autolink,
 * HTML tag, entity, emphasis, heading or list can come of it.
 */
export function markdownText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(MARKDOWN_SYNTAX, (c) => `\\${c}`);
}

/** A fenced block that no backtick run in the text can close early. */
export function fenced(text: string, language = 'text'): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
