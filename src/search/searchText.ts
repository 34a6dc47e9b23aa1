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
  return body.replace(TAG, ' ');
}

export function bodyFlags(body: string): number {
  let flags = 0;
  if (FILE.test(body)) flags |= HAS_FILE;
  if (TASK.test(body)) flags |= HAS_TASK;
  if (/\[toall\]/i.test(body)) flags |= TO_ALL;
  return flags;
}

/** `[To:id]` or a reply to id. */
export function addressesAccount(body: string, accountId: number): boolean {
  return body.includes(`[To:${accountId}]`) || body.includes(`[to:${accountId}]`) || new RegExp(`\\[(?:rp|返信) aid=${accountId}\\b`).test(body);
}
