// The search box's language: words and "quoted phrases" that must all occur, and filters —
// from:<name|id|me> in:<room name|id> before:<YYYY-MM-DD> after:<YYYY-MM-DD> has:file has:task
// to:me. A filter value with spaces is quoted (from:"Taro Yamada"). No `vscode`.
import { normalizeText } from './normalize';

export interface ParsedQuery {
  /** Normalised words and phrases; every one must occur. */
  readonly terms: readonly string[];
  /** Normalised name (or 'me'), or an account id. */
  readonly from?: string | number;
  /** Normalised room name part, or a room id. */
  readonly in?: string | number;
  /** Unix seconds: send_time < before, send_time >= after. */
  readonly before?: number;
  readonly after?: number;
  readonly hasFile?: boolean;
  readonly hasTask?: boolean;
  readonly toMe?: boolean;
  /** Filters that could not be read (shown to the user). */
  readonly problems: readonly string[];
}

const TOKEN = /(?:(\w+):)?(?:"([^"]*)"?|(\S+))/gu;

export function parseQuery(input: string): ParsedQuery {
  const terms: string[] = [];
  const problems: string[] = [];
  const q: { -readonly [K in keyof ParsedQuery]?: ParsedQuery[K] } = {};
  for (const match of input.matchAll(TOKEN)) {
    const [whole, key, quoted, bare] = match;
    const value = quoted ?? bare ?? '';
    switch (key?.toLowerCase()) {
      case 'from':
        q.from = idOr(value);
        break;
      case 'in':
        q.in = idOr(value);
        break;
      case 'before':
      case 'after': {
        const time = parseDate(value);
        if (time === undefined) problems.push(whole);
        else if (key.toLowerCase() === 'before') q.before = time;
        else q.after = time;
        break;
      }
      case 'has':
        if (/^files?$/i.test(value)) q.hasFile = true;
        else if (/^tasks?$/i.test(value)) q.hasTask = true;
        else problems.push(whole);
        break;
      case 'to':
        if (value.toLowerCase() === 'me') q.toMe = true;
        else problems.push(whole);
        break;
      default: {
        // Not a filter (e.g. "http://…" or "12:30"): the whole token is text.
        const text = normalizeText(key === undefined ? value : whole).trim();
        if (text !== '') terms.push(text);
      }
    }
  }
  return { ...q, terms, problems } as ParsedQuery;
}

function idOr(value: string): string | number {
  return /^[0-9]{1,16}$/.test(value) ? Number(value) : normalizeText(value).trim();
}

/** YYYY-MM-DD (or / .) at local midnight, in Unix seconds. */
function parseDate(value: string): number | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) || date.getMonth() !== Number(m[2]) - 1 ? undefined : Math.floor(date.getTime() / 1000);
}
