// Request parameters: the query string and the form body merged for every method (body wins),
// read through typed accessors that answer 400 the way the API does.
import { badRequest } from './errors';
import type { MultipartPart } from './multipart';

export class Params {
  constructor(
    readonly values: Record<string, string>,
    /** Parts of a multipart body (POST /rooms/{id}/files), by field name. */
    readonly parts: Map<string, MultipartPart> = new Map(),
  ) {}

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  string(name: string): string | undefined {
    return this.values[name];
  }

  required(name: string): string {
    const v = this.values[name];
    if (v === undefined || v === '') throw badRequest(`Parameter '${name}' is required`);
    return v;
  }

  /** A string whose length (in characters) must stay within bounds when present. */
  text(name: string, opts: { required?: boolean; min?: number; max?: number } = {}): string | undefined {
    const v = opts.required ? this.required(name) : this.values[name];
    if (v === undefined) return undefined;
    const len = [...v].length;
    if (len < (opts.min ?? 0) || len > (opts.max ?? Infinity)) {
      throw badRequest(`Parameter '${name}' must be between ${opts.min ?? 0} and ${opts.max} characters`);
    }
    return v;
  }

  int(name: string, required = false): number | undefined {
    const v = required ? this.required(name) : this.values[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw badRequest(`Parameter '${name}' must be an integer`);
    return Number(v);
  }

  /** 1/0 or true/false. */
  bool(name: string, fallback: boolean): boolean {
    const v = this.values[name];
    if (v === undefined || v === '') return fallback;
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    throw badRequest(`Parameter '${name}' must be 0 or 1`);
  }

  /** A comma-joined list of integer ids ("123,542,1001"). */
  ids(name: string, required = false): number[] {
    const v = required ? this.required(name) : this.values[name];
    if (v === undefined || v.trim() === '') return [];
    const parts = v.split(',').map((s) => s.trim());
    if (parts.some((p) => !/^\d+$/.test(p))) throw badRequest(`Parameter '${name}' must be a comma-separated list of integers`);
    return [...new Set(parts.map(Number))];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], opts: { required?: boolean } = {}): T | undefined {
    const v = opts.required ? this.required(name) : this.values[name];
    if (v === undefined || v === '') return undefined;
    if (!(allowed as readonly string[]).includes(v)) throw badRequest(`Parameter '${name}' must be one of: ${allowed.join(', ')}`);
    return v as T;
  }

  /** A 19-digit message id (kept as a string). */
  messageId(name: string, required = false): string | undefined {
    const v = required ? this.required(name) : this.values[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) throw badRequest(`Parameter '${name}' must be a message id`);
    return v;
  }
}

/** Decodes an application/x-www-form-urlencoded string or a query string. */
export function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}
