// Where a mention is being typed. A mention starts at `@` (at the start of the text or after a
// space or bracket, so an e-mail address does not open the list) or at `[To` / `[To:`, and runs to
// the caret on the same line. Which members it means is in mentionMatch.ts (loaded with the list,
// after the first paint); this part runs on every keystroke.

export interface MentionTrigger {
  /** Index of `@` or `[`: the text from here to the caret is replaced. */
  readonly start: number;
  /** What was typed after the trigger. */
  readonly query: string;
}

export interface MentionCandidate {
  /** 0 for To All. */
  readonly accountId: number;
  readonly name: string;
}

const MAX_QUERY = 40;
const TRIGGER = /(?:^|[\s([{「（])(@|＠|\[to:?)([^\n@＠[\]]*)$/i;

/** The mention typed just before the caret, if any. */
export function mentionAt(text: string, caret: number): MentionTrigger | undefined {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 8), caret);
  const match = TRIGGER.exec(before);
  if (!match) return undefined;
  const query = match[2] ?? '';
  if (query.length > MAX_QUERY || /^\s/.test(query) || /\s\s/.test(query)) return undefined;
  const start = caret - query.length - (match[1] ?? '').length;
  return { start, query };
}
