// Image previews (`[preview id=…]`) cost a GET files/{id}?create_download_url=1 each. A message can
// carry hundreds of tags and is rendered again on every edit and scroll, so every preview request
// of every panel goes through this one resolver: a cache per file (a missing preview is cached too),
// one request in flight per file, a cap per message and per minute, and a reserve of the rate-limit
// budget that previews never touch (polling and sending need it). No `vscode`.

import type { ChatworkClient } from '../api/chatworkClient';

export interface PreviewLimits {
  /** Distinct files one message may resolve; further tags show "preview unavailable". */
  readonly perMessage: number;
  /** Preview requests in any 60 seconds, all rooms together. */
  readonly perMinute: number;
  /** Requests of the 5-minute budget (x-ratelimit-remaining) previews leave to everything else. */
  readonly budgetReserve: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { perMessage: 8, perMinute: 20, budgetReserve: 60 };

type PreviewClient = Pick<ChatworkClient, 'getFile' | 'rateLimit'>;

export class PreviewResolver {
  /** roomId:fileId → URL, or null for "no preview" (not an image, refused URL; a failure until `until`). */
  private readonly _resolved = new Map<string, { url: string | null; until?: number }>();
  private readonly _inFlight = new Map<string, Promise<string | undefined>>();
  /** roomId:messageId → the files it has spent requests on. */
  private readonly _perMessage = new Map<string, Set<number>>();
  private _recent: number[] = [];

  constructor(
    private readonly _client: PreviewClient,
    /** Only URLs the webview's CSP allows become previews. */
    private readonly _isAllowedUrl: (url: string) => boolean,
    private readonly _limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS,
    private readonly _now: () => number = Date.now,
    private readonly _log: (message: string) => void = () => undefined,
  ) {}

  /**
   * The image URL of the file, or undefined for "no preview". The URL is kept for the session:
   * Chatwork's URL expires after 30 s, but the webview has the bytes by then and shows them again
   * from its own image cache when the message is rendered anew.
   */
  resolve(roomId: number, fileId: number, messageId?: string): Promise<string | undefined> {
    const key = `${roomId}:${fileId}`;
    const known = this._resolved.get(key);
    if (known && (known.until === undefined || known.until > this._now())) return Promise.resolve(known.url ?? undefined);
    const pending = this._inFlight.get(key);
    if (pending) return pending;
    if (!this._mayRequest(roomId, fileId, messageId)) return Promise.resolve(undefined);
    const request = this._fetch(roomId, fileId).then(({ url, failed }) => {
      // A failure (network, 429…) is remembered for a minute only, a definite answer for the session.
      this._resolved.set(key, failed ? { url: null, until: this._now() + 60_000 } : { url: url ?? null });
      return url;
    });
    const settled = request.finally(() => this._inFlight.delete(key));
    this._inFlight.set(key, settled);
    return settled;
  }

  /** Forgets everything (another account signed in). */
  clear(): void {
    this._resolved.clear();
    this._perMessage.clear();
    this._recent = [];
  }

  private _mayRequest(roomId: number, fileId: number, messageId: string | undefined): boolean {
    // A request that names no message shares one allowance per room with every other such request.
    const bucket = `${roomId}:${messageId ?? '?'}`;
    const files = this._perMessage.get(bucket) ?? new Set<number>();
    if (files.size >= this._limits.perMessage) return false;
    const now = this._now();
    this._recent = this._recent.filter((t) => now - t < 60_000);
    if (this._recent.length >= this._limits.perMinute) return false;
    const remaining = this._client.rateLimit?.remaining;
    if (remaining !== undefined && remaining <= this._limits.budgetReserve) return false;
    this._recent.push(now);
    files.add(fileId);
    this._perMessage.set(bucket, files);
    return true;
  }

  private async _fetch(roomId: number, fileId: number): Promise<{ url?: string; failed?: boolean }> {
    try {
      const url = (await this._client.getFile(roomId, fileId, { createDownloadUrl: true })).download_url;
      return url !== undefined && this._isAllowedUrl(url) ? { url } : {};
    } catch (error) {
      this._log(`Preview of file ${fileId} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { failed: true };
    }
  }
}
