// Text as search compares it: NFKC (full-width ＡＢＣ１２３ and half-width ｶﾀｶﾅ become ABC123 and
// カタカナ, composed and decomposed Vietnamese letters become one form), lower case, and katakana
// folded to hiragana (ひらがな finds カタカナ and back). Vietnamese tone marks are kept: "ma" and
// "mà" are different words. No `vscode`.

const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;
const KANA_OFFSET = 0x60;
const ASCII = /^[\u0000-\u007f]*$/;
const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/;

export function normalizeText(text: string): string {
  // Plain ASCII (most English text) only needs its case folded.
  if (ASCII.test(text)) return text.toLowerCase();
  const folded = text.normalize('NFKC').toLowerCase();
  let out = '';
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= KATAKANA_FIRST && c <= KATAKANA_LAST) {
      out += folded.slice(start, i) + String.fromCharCode(c - KANA_OFFSET);
      start = i + 1;
    }
  }
  return start === 0 ? folded : out + folded.slice(start);
}

/**
 * Where the normalised `needle` occurs in `text` (original characters), for highlighting: each
 * original character is normalised on its own, so offsets map back. Undefined when not found.
 */
export function findOriginalRange(text: string, needle: string): [number, number] | undefined {
  if (needle === '') return undefined;
  let normalized = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    let size = code > 0xffff ? 2 : 1;
    // A base letter with its combining marks (ｸﾞ, e + ́) normalises as one.
    while (i + size < text.length && COMBINING.test(text[i + size] as string)) size++;
    const piece = normalizeText(text.slice(i, i + size));
    normalized += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
    i += size;
  }
  origin.push(text.length);
  const at = normalized.indexOf(needle);
  if (at < 0) return undefined;
  const end = origin[at + needle.length] ?? text.length;
  return [origin[at] as number, end === origin[at] ? text.length : end];
}
