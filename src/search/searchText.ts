// What of a message body is searched: its text without Chatwork tags, and flags for the has:/to:
// filters. A regular expression, not the notation parser: 100,000 bodies are indexed in a blink and
// the tags only need to go, not to be understood. No `vscode`.

/** Tags removed from the searched text (their contents, e.g. a quote's text, stay). */
const TAG = /\[\/?(?:to|rp|返信|qt|qtmeta|引用|info|title|code|download|preview|task|dtext|picon|piconname|hr|toall|deleted)(?:[:\s][^\]\n]{0,400})?\]/gi;
const FILE = /\[(?:download:|preview\s)/i;
const TASK = /\[task[\s\]]/i;

export const HAS_FILE = 1;
export const HAS_TASK = 2;
export const TO_ALL = 4;

export function searchableText(body: string): string {
  return body.includes('[') ? body.replace(TAG, ' ') : body;
}

export function bodyFlags(body: string): number {
  if (!body.includes('[')) return 0;
  let flags = 0;
  if (FILE.test(body)) flags |= HAS_FILE;
  if (TASK.test(body)) flags |= HAS_TASK;
  if (/\[toall\]/i.test(body)) flags |= TO_ALL;
  return flags;
}

const ADDRESSED = /\[(?:to:|(?:rp|返信) aid=)(\d{1,16})\b/gi;

/** Accounts a body is addressed to: `[To:id]` and replies `[rp aid=id …]` (empty when none). */
export function addressedAccounts(body: string): readonly number[] {
  if (!body.includes('[')) return NONE;
  const ids: number[] = [];
  for (const m of body.matchAll(ADDRESSED)) ids.push(Number(m[1]));
  return ids.length === 0 ? NONE : ids;
}

const NONE: readonly number[] = [];
