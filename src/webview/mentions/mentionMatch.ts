// Which members a typed mention means. Names match in any script: by the start of the whole name
// or of any of its words (with or without Vietnamese marks), and — for queries in kanji or kana,
// which do not separate words with spaces — anywhere in the name. Katakana and hiragana, full and
// half width, are folded.
import { foldLatinMarks } from '../../common/foldText';
import type { MentionCandidate } from './mentionQuery';

/** NFKC, lower case, Latin marks dropped, katakana → hiragana: "ｽｽﾞｷ" = "スズキ" = "すずき", "Văn" = "van". */
export function foldName(text: string): string {
  return foldLatinMarks(text).replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** How well `name` matches `query`: 0 name start, 1 a word's start, 2 inside (CJK only); undefined = no match. */
export function matchRank(name: string, query: string): number | undefined {
  const q = foldName(query.trim());
  if (q === '') return 0;
  const n = foldName(name);
  if (n.startsWith(q)) return 0;
  const words = n.split(/[\s\u3000・·.,_\-()（）]+/).filter(Boolean);
  if (words.some((w) => w.startsWith(q))) return 1;
  if (CJK.test(q) && n.includes(q)) return 2;
  // "alice ta" → each typed word starts a word of the name, in order.
  const parts = q.split(/\s+/);
  if (parts.length > 1) {
    let from = 0;
    for (const part of parts) {
      const index = words.findIndex((w, i) => i >= from && w.startsWith(part));
      if (index < 0) return undefined;
      from = index + 1;
    }
    return 1;
  }
  return undefined;
}

/** The candidates matching `query`, best first; To All stays first whenever it matches. */
export function filterMentions(candidates: readonly MentionCandidate[], query: string, limit = 8): MentionCandidate[] {
  return candidates
    .map((c, index) => ({ c, index, rank: matchRank(c.name, query) }))
    .filter((x): x is { c: MentionCandidate; index: number; rank: number } => x.rank !== undefined)
    .sort((a, b) => Number(b.c.accountId === 0) - Number(a.c.accountId === 0) || a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((x) => x.c);
}
