// Finds a TODO / FIXME comment on a line of code, for the "Create Chatwork task from TODO" code
// action. Only words inside a comment count (after //, #, /*, a leading *, <!--, --, ; or %), so
// an identifier such as `todoList` or a string "TODO" elsewhere on the line is not offered. No `vscode`.

export interface TodoComment {
  readonly keyword: 'TODO' | 'FIXME';
  /** The comment's text from the keyword on, without the comment's closing marker: "TODO: retry". */
  readonly text: string;
  /** 0-based column of the keyword. */
  readonly column: number;
  /** What is to be done, without the comment marker, the keyword and its `:` or `(owner)`: "retry". */
  readonly task: string;
}

// A comment opener, anything, then the keyword as a whole word (upper case, as tools write it).
const TODO = /(?:\/\/|#|\/\*|^\s*\*|<!--|--|;|%)[^\n]*?\b(TODO|FIXME)\b/;

export function findTodo(line: string): TodoComment | undefined {
  const match = TODO.exec(line);
  if (!match) return undefined;
  const keyword = match[1] as 'TODO' | 'FIXME';
  const column = match.index + match[0].length - keyword.length;
  const text = line
    .slice(column)
    .replace(/\s*(?:\*\/|-->)\s*$/, '')
    .trim();
  // "TODO(taro): split this" → "split this"; a bare "TODO" keeps the keyword (a task needs a text).
  const task = text.slice(keyword.length).replace(/^\s*(?:\([^)]*\))?\s*[:：\-–—]?\s*/, '').trim() || keyword;
  return { keyword, text, column, task };
}
