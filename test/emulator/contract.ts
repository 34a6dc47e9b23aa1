// The emulator's public types (re-exported by index.ts); other test code is written against them.
import type { Message } from '../../src/api/types';
import type { EmulatorState } from './state';

export interface EmulatorOptions {
  /** 0/undefined = a free port; always binds 127.0.0.1. */
  port?: number;
  /** Requests per window per token; default 300; 0 disables (and drops the x-ratelimit-* headers). */
  rateLimit?: number;
  /** Default 300 (5 minutes). */
  rateWindowSeconds?: number;
  /** POST messages + POST tasks per room per 10 s; default 10; 0 disables. */
  roomPostLimit?: number;
  /** Lifetime of download_url; default 30. */
  downloadUrlTtlSeconds?: number;
  /** Load the seeded accounts, rooms and messages; default true. */
  seed?: boolean;
  /** Empty lists (tasks, files, contacts, …) answer 204 like messages do (current OpenAPI); default true. */
  emptyListsAs204?: boolean;
  /** With more than 100 unfetched messages, a diff returns the newest 100 (default) or the oldest 100. */
  diffBacklog?: 'newest' | 'oldest';
}

/**
 * 'echoToken': a careless server that repeats the request's token back — in the error texts, in a
 * response header, and inside a URL in the body — answering with `status` (default 400).
 */
export type FaultKind = 'status' | 'reset' | 'malformed' | 'latency' | 'hang' | 'echoToken';

export interface Fault {
  /** Any method when absent. */
  method?: string;
  /**
   * Matched against the /v2-relative path without query ("/rooms/1/messages"): a RegExp, an exact
   * string, or a template with {placeholders} standing for digits ("/rooms/{room_id}/messages").
   */
  path: string | RegExp;
  kind: FaultKind;
  /**
   * For 'status' (default 500). The body is Chatwork's own `{"errors":[…]}` text for 401 ("Invalid
   * API Token") and 429, and "Emulated fault: HTTP <status> …" otherwise.
   */
  status?: number;
  /**
   * For a 'status' 429: also send the x-ratelimit-* headers, saying the window resets this many
   * seconds from now (as the real API does). Without it the 429 carries no headers.
   */
  resetSeconds?: number;
  /** For 'latency' (default 1000). */
  delayMs?: number;
  /** How many requests it hits; default Infinity. */
  times?: number;
}

export interface RequestLogEntry {
  method: string;
  /** /v2-relative path without query, e.g. "/rooms/10010/messages". */
  path: string;
  query: Record<string, string>;
  /** Final status; 0 while unanswered, or when the fault was 'reset' or 'hang'. */
  status: number;
  accountId?: number;
  /** Date.now() when the request arrived. */
  time: number;
  /** The route template, e.g. "/rooms/{room_id}/messages" (absent for unknown endpoints). */
  route?: string;
  /** Fields of an application/x-www-form-urlencoded body (or the text parts of a multipart one). */
  form?: Record<string, string>;
}

export interface SeedFile {
  roomId: number;
  /** Seeded account key or id; default "me". */
  account?: string | number;
  filename: string;
  /** The bytes, or a size: then the content is generated while it is served (huge files). */
  data: Buffer | { size: number };
  /** Default: by the name's extension. */
  contentType?: string;
}

export interface Emulator {
  /** "http://127.0.0.1:PORT/v2" */
  readonly url: string;
  /** "http://127.0.0.1:PORT" */
  readonly origin: string;
  /** The demo token of "me". */
  readonly token: string;
  /** Token per seeded account key: { me, alice, bob, chen, dana }. */
  readonly tokens: Record<string, string>;
  /** Live data model, inspectable and mutable by tests. */
  readonly state: EmulatorState;
  /** Every /v2 request, oldest first. */
  readonly requests: RequestLogEntry[];
  resetRequests(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Another user posts (counters move as for a real post; no rate limits). */
  postAs(accountKeyOrId: string | number, roomId: number, body: string): Message;
  /** Another user asks "me" (or `to`) to become a contact; returns the request_id. */
  requestContact(fromKeyOrId: string | number, message: string, to?: string | number): number;
  setRateLimit(limit: number, windowSeconds?: number): void;
  /** The next `times` (default 1) download URLs live `seconds` instead of the configured TTL (0: born expired). */
  setDownloadTtl(seconds: number, times?: number): void;
  /**
   * Adds a file to a room as if `account` (default "me") had uploaded it — with any name at all,
   * unlike the upload route, which keeps only the last path segment. Answers the new file_id.
   */
  seedFile(spec: SeedFile): number;
  close(): Promise<void>;
}
