// Executes one Chatwork API call: token header, form or multipart body, timeout and abort, rate-limit
// bookkeeping with a single retry of GETs after a 429, and the mapping of every outcome to either a
// parsed body or a ChatworkApiError.

import fetch, { type RequestInit } from 'node-fetch';
import { setTimeout as delay } from 'timers/promises';
import { Deadline, abortedError, throwIfAborted } from './deadline';
import { ChatworkApiError } from './errors';
import { encodeParams, type Params } from './form';
import type { MultipartBody } from './multipart';
import { RateLimitTracker, readRateLimit } from './rateLimit';
import { errorFromResponse, malformedResponse } from './responseErrors';
import type { RateLimit } from './types';
import { checkApiBaseUrl } from './validate';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The last argument of every client method. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call (ms). */
  timeoutMs?: number;
}

export interface HttpOptions {
  /** e.g. https://api.chatwork.com/v2; a function is read on every call, so setting changes apply at once. */
  baseUrl: string | (() => string);
  /** Read on every call, so a new token applies at once. */
  token: () => string | undefined | Promise<string | undefined>;
  /**
   * The signal of the token's session, read when a call starts (before the token): aborted when
   * the user switches to another account or signs out, it cancels every request still running
   * with the old token and stops any that had read it but not yet sent it.
   */
  sessionSignal?: () => AbortSignal | undefined;
  /** Per attempt (ms); a function is read on every call, so a setting change applies at once. */
  timeoutMs?: number | (() => number);
  /** The longest a GET waits for the rate-limit reset before its one retry; longer → 'rateLimited'. */
  maxRateLimitWaitMs?: number;
  userAgent?: string;
  /** Clock in ms, for computing waits from x-ratelimit-reset. */
  now?: () => number;
}

/** What a successful response must contain. */
export type Expect = 'object' | 'list' | 'nothing';

export interface ApiRequest {
  method: HttpMethod;
  /** Below the base URL, e.g. /rooms/123/messages. */
  path: string;
  query?: Params;
  form?: Params;
  multipart?: MultipartBody;
  expect: Expect;
}

interface RawResponse {
  status: number;
  text: string;
  rateLimit: RateLimit | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;
const DEFAULT_USER_AGENT = 'chatwork-vscode';
// x-ratelimit-reset has one-second resolution and clocks differ a little; retrying a moment late
// is cheaper than spending the only retry on a window that has not reset yet.
const RESET_GRACE_MS = 500;
// Visible ASCII only: node-fetch would otherwise reject the header with the value in its message.
const SENDABLE_TOKEN = /^[\x21-\x7e]+$/;

export class HttpTransport {
  readonly rateLimits = new RateLimitTracker();

  constructor(private readonly _options: HttpOptions) {}

  defaultTimeoutMs(): number {
    const configured = typeof this._options.timeoutMs === 'function' ? this._options.timeoutMs() : this._options.timeoutMs;
    return configured !== undefined && Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
  }

  userAgent(): string {
    return this._options.userAgent ?? DEFAULT_USER_AGENT;
  }

  async request<T>(request: ApiRequest, options: RequestOptions = {}): Promise<T> {
    const what = `${request.method} ${request.path}`;
    options = { ...options, signal: withSession(options.signal, this._options.sessionSignal?.()) };
    throwIfAborted(options.signal, what);
    const url = this._url(request);
    const token = await this._token();
    // The account may have changed while the token was read: then this call is not sent at all.
    throwIfAborted(options.signal, what);
    try {
      let response = await this._send(url, request, token, options, what);
      if (response.status === 429 && request.method === 'GET') {
        // Only GETs are retried: a POST may have been applied before the limit answered.
        const waitMs = this._waitForReset(response);
        if (waitMs !== undefined && waitMs <= (this._options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS)) {
          await this._sleep(waitMs, options.signal, what);
          response = await this._send(url, request, token, options, what);
        }
      }
      return this._interpret<T>(request, response, what);
    } catch (error) {
      throw redactToken(error, token);
    }
  }

  private async _send(url: string, request: ApiRequest, token: string, options: RequestOptions, what: string): Promise<RawResponse> {
    const deadline = new Deadline(options.signal, options.timeoutMs ?? this.defaultTimeoutMs());
    try {
      const response = await fetch(url, { ...this._init(request, token), signal: deadline.signal as RequestInit['signal'] });
      const rateLimit = readRateLimit(response.headers);
      if (rateLimit) {
        this.rateLimits.update(rateLimit);
      }
      // The body is read under the same deadline: a server can stall after the headers too.
      const text = await response.text();
      return { status: response.status, text, rateLimit };
    } catch (error) {
      throw deadline.toError(error, what);
    } finally {
      deadline.dispose();
    }
  }

  private _init(request: ApiRequest, token: string): RequestInit {
    const headers: Record<string, string> = {
      'X-ChatWorkToken': token,
      Accept: 'application/json',
      'User-Agent': this.userAgent(),
    };
    let body: string | Buffer | undefined;
    if (request.multipart) {
      headers['Content-Type'] = request.multipart.contentType;
      body = request.multipart.body;
    } else if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = encodeParams(request.form);
    }
    // 'manual': node-fetch would forward X-ChatWorkToken to whatever host a redirect names.
    return { method: request.method, headers, body, redirect: 'manual' };
  }

  private _interpret<T>(request: ApiRequest, response: RawResponse, what: string): T {
    const { status, text } = response;
    if (status < 200 || status >= 300) {
      throw errorFromResponse({ status, text, what, rateLimit: response.rateLimit, nowMs: this._now() });
    }
    // Chatwork answers an empty list with 204 and no body.
    if (text.trim() === '') {
      if (request.expect === 'list') {
        return [] as T;
      }
      if (request.expect === 'nothing') {
        return undefined as T;
      }
      throw malformedResponse(status, what, 'an empty response where data was expected');
    }
    if (request.expect === 'nothing') {
      return undefined as T;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw malformedResponse(status, what, 'a response that is not valid JSON');
    }
    const isList = Array.isArray(body);
    const isObject = typeof body === 'object' && body !== null && !isList;
    if (!(request.expect === 'list' ? isList : request.expect === 'object' && isObject)) {
      throw malformedResponse(status, what, `JSON of an unexpected shape (expected ${request.expect === 'list' ? 'a list' : 'an object'})`);
    }
    return body as T;
  }

  private _waitForReset({ rateLimit }: RawResponse): number | undefined {
    return rateLimit ? Math.max(0, rateLimit.reset * 1000 - this._now()) + RESET_GRACE_MS : undefined;
  }

  private async _sleep(ms: number, signal: AbortSignal | undefined, what: string): Promise<void> {
    try {
      await delay(ms, undefined, { signal });
    } catch (error) {
      throw abortedError(what, error);
    }
  }

  private _now(): number {
    return this._options.now?.() ?? Date.now();
  }

  private _url(request: ApiRequest): string {
    const configured = typeof this._options.baseUrl === 'function' ? this._options.baseUrl() : this._options.baseUrl;
    const base = checkApiBaseUrl(configured).href.replace(/\/+$/, '');
    const query = encodeParams(request.query);
    return `${base}${request.path}${query ? `?${query}` : ''}`;
  }

  /** The token, trimmed; a missing or unsendable token fails as 'auth' before anything is sent. */
  private async _token(): Promise<string> {
    let token: string | undefined;
    try {
      token = (await this._options.token())?.trim();
    } catch (error) {
      throw new ChatworkApiError('The Chatwork API token could not be read. Set the token again.', { kind: 'auth', cause: error });
    }
    if (!token) {
      throw new ChatworkApiError('No Chatwork API token is set. Set a token to connect.', { kind: 'auth' });
    }
    if (!SENDABLE_TOKEN.test(token)) {
      throw new ChatworkApiError('The Chatwork API token contains spaces or characters that cannot be sent. Set the token again.', { kind: 'auth' });
    }
    return token;
  }
}

/** The caller's signal and the session's, as one. */
function withSession(signal: AbortSignal | undefined, session: AbortSignal | undefined): AbortSignal | undefined {
  if (!session) return signal;
  return signal ? AbortSignal.any([signal, session]) : session;
}

/** Belt and braces: whatever a server or a library puts in an error, the token does not leave in it. */
function redactToken(error: unknown, token: string): unknown {
  if (error instanceof ChatworkApiError) {
    error.message = error.message.split(token).join('***');
    error.errors.forEach((text, i) => (error.errors[i] = text.split(token).join('***')));
  }
  return error;
}
