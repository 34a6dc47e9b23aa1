// Route table of /v2: templates like "/rooms/{room_id}/messages" compiled to regexes. Path
// parameters are digits only, so "/rooms/abc" is an unknown endpoint, as on the real API.
import type { AccountRecord } from './model';
import type { Params } from './params';
import type { EmulatorState } from './state';

/** What a handler needs besides the request. */
export interface RouteEnv {
  readonly origin: string;
  /** Answer 204 instead of [] for empty lists (messages always do). */
  readonly emptyListsAs204: boolean;
  /** Which unfetched messages a diff returns when more than 100 wait (see routes/messages.ts). */
  readonly diffBacklog: 'newest' | 'oldest';
  /** Throws 429 when the room's message+task posting bucket is full. */
  checkRoomPost(roomId: number): void;
  /** Registers a download URL for a file; returns the URL. */
  createDownloadUrl(fileId: number): string;
}

export interface Ctx {
  readonly state: EmulatorState;
  readonly me: AccountRecord;
  readonly token: string;
  readonly params: Params;
  readonly path: Readonly<Record<string, string>>;
  readonly env: RouteEnv;
}

export interface Result {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: Ctx) => Result;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** RAML-style template; also the key of the response schema in test/fixtures/raml-schemas.json. */
  path: string;
  handler: Handler;
}

export const ok = (body: unknown): Result => ({ status: 200, body });
export const noContent = (): Result => ({ status: 204 });
export const list = (ctx: Ctx, items: unknown[]): Result =>
  items.length === 0 && ctx.env.emptyListsAs204 ? noContent() : ok(items);

interface Compiled extends Route {
  regex: RegExp;
  keys: string[];
}

export class Router {
  private readonly _routes: Compiled[] = [];

  add(routes: Route[]): this {
    for (const r of routes) {
      const keys: string[] = [];
      const source = r.path.replace(/\{(\w+)\}/g, (_, key: string) => {
        keys.push(key);
        return '(\\d+)';
      });
      this._routes.push({ ...r, regex: new RegExp(`^${source}$`), keys });
    }
    return this;
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const r of this._routes) {
      if (r.method !== method) continue;
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = m[i + 1] ?? ''));
      return { route: r, params };
    }
    return undefined;
  }
}
