// A bare HTTP client for the emulator's own tests: sends exactly what it is told (form body for
// POST/PUT/DELETE, query for GET unless asked otherwise) and returns status, headers and body.
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body; undefined when empty or not JSON. */
  json: unknown;
}

export interface RawOptions {
  token?: string | null;
  /** Send params in the query string even for POST/PUT/DELETE. */
  inQuery?: boolean;
  headers?: Record<string, string>;
  /** A ready body (multipart etc.); params then go to the query string. */
  body?: Uint8Array | FormData;
  signal?: AbortSignal;
}

export type ParamValue = string | number | boolean | (string | number)[];

export async function raw(
  base: string,
  method: string,
  path: string,
  params: Record<string, ParamValue> = {},
  options: RawOptions = {},
): Promise<RawResponse> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) form.set(k, Array.isArray(v) ? v.join(',') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  const inQuery = method === 'GET' || options.inQuery || options.body !== undefined;
  const query = inQuery && [...form].length ? `?${form}` : '';
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== null && options.token !== undefined) headers['X-ChatWorkToken'] = options.token;
  let body: RequestInit['body'] = options.body;
  if (!inQuery) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = form.toString();
  }
  const res = await fetch(`${base}${path}${query}`, { method, headers, body, signal: options.signal });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A client bound to one emulator base URL and token. */
export function client(base: string, token: string) {
  return (method: string, path: string, params?: Record<string, ParamValue>, options: RawOptions = {}): Promise<RawResponse> =>
    raw(base, method, path, params, { token, ...options });
}
