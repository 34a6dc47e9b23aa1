// The HTTP front of the emulator: /v2 (faults → auth → rate limit → route → parameters →
// handler), /_download/<token> and /_emulator/* (delegated).
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { Fault, RequestLogEntry } from './contract';
import { ApiError, INVALID_ENDPOINT, INVALID_TOKEN, RATE_LIMITED } from './errors';
import { FaultTable } from './faults';
import { readBody, sendErrors, sendJson, sleep } from './http';
import { boundaryOf, parseMultipart } from './multipart';
import { Params, parseForm } from './params';
import { rateHeaders, type RateState } from './rateLimit';
import type { Router, RouteEnv } from './router';
import type { EmulatorState } from './state';

/** A multipart body may carry a 5 MB file plus its envelope. */
const MAX_BODY = 6 * 1024 * 1024;
const OVERRIDABLE = new Set(['GET', 'POST', 'PUT', 'DELETE']);

export interface ServerParts {
  state: EmulatorState;
  router: Router;
  env: Omit<RouteEnv, 'origin'>;
  rateLimit(token: string): RateState | undefined;
  serveDownload(req: IncomingMessage, res: ServerResponse, token: string): void;
  serveControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

export class EmulatorServer {
  readonly requests: RequestLogEntry[] = [];
  readonly faults = new FaultTable();
  private readonly _server: Server;
  private readonly _hanging = new Set<ServerResponse>();
  private _origin = '';

  constructor(private readonly _parts: ServerParts) {
    this._server = createServer((req, res) => {
      this._dispatch(req, res).catch((err: unknown) => {
        console.error('[chatwork emulator]', err);
        sendErrors(res, 500, `Emulator error: ${err instanceof Error ? err.message : String(err)}`);
      });
    });
  }

  get origin(): string {
    return this._origin;
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this._server.once('error', reject);
      this._server.listen(port, '127.0.0.1', () => {
        this._origin = `http://127.0.0.1:${(this._server.address() as AddressInfo).port}`;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    for (const res of this._hanging) res.destroy();
    this._hanging.clear();
    return new Promise((resolve) => {
      this._server.close(() => resolve());
      this._server.closeAllConnections();
    });
  }

  private async _dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname;
    if (path === '/v2' || path.startsWith('/v2/')) return this._api(req, res, url);
    if (path.startsWith('/_download/')) return this._parts.serveDownload(req, res, path.slice('/_download/'.length));
    if (path.startsWith('/_emulator/')) return this._parts.serveControl(req, res, path);
    req.resume();
    sendErrors(res, 404, INVALID_ENDPOINT);
  }

  private async _api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const query = parseForm(url.search);
    const override = query.method?.toUpperCase();
    const method = override && OVERRIDABLE.has(override) ? override : (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice('/v2'.length) || '/';
    const entry: RequestLogEntry = { method, path, query, status: 0, time: Date.now() };
    this.requests.push(entry);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      sendJson(res, status, body, headers);
    };

    // Whose token it is, known on arrival: a request held by a fault is in the log with its account.
    const token = tokenOf(req);
    const accountId = token === undefined ? undefined : this._parts.state.tokens.get(token);
    if (accountId !== undefined && this._parts.state.account(accountId)) entry.accountId = accountId;

    const fault = this.faults.take(method, path);
    if (fault && (await this._applyFault(fault, req, res, answer))) return;

    // Read again after a fault's delay: the token may have been revoked meanwhile.
    const me = token === undefined ? undefined : this._parts.state.account(this._parts.state.tokens.get(token) ?? -1);
    if (!token || !me) {
      req.resume();
      return answer(401, { errors: [INVALID_TOKEN] }); // no rate-limit headers on a 401
    }
    const rate = this._parts.rateLimit(token);
    const headers = rateHeaders(rate);
    if (rate && !rate.allowed) {
      req.resume();
      return answer(429, { errors: [RATE_LIMITED] }, headers);
    }
    const match = this._parts.router.match(method, path);
    if (!match) {
      req.resume();
      return answer(404, { errors: [INVALID_ENDPOINT] }, headers);
    }
    entry.route = match.route.path;
    try {
      const params = await readParams(req, query, entry);
      const env: RouteEnv = { ...this._parts.env, origin: this._origin };
      const result = match.route.handler({ state: this._parts.state, me, token, params, path: match.params, env });
      answer(result.status, result.body, headers);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      answer(err.status, { errors: [err.message] }, headers);
    }
  }

  /** Returns true when the fault answered (or will never answer) the request. */
  private async _applyFault(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    answer: (s: number, b: unknown, h?: Record<string, string>) => void,
  ): Promise<boolean> {
    switch (fault.kind) {
      case 'latency':
        await sleep(fault.delayMs ?? 1000);
        return false;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        req.resume();
        this._hanging.add(res);
        res.on('close', () => this._hanging.delete(res));
        return true;
      case 'malformed':
        req.resume();
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end('{"errors": ["truncated'); // invalid JSON on purpose
        return true;
      case 'echoToken': {
        req.resume();
        const echoed = tokenOf(req) ?? '';
        const url = `${this._origin}/v2${req.url ?? ''}${(req.url ?? '').includes('?') ? '&' : '?'}token=${encodeURIComponent(echoed)}`;
        answer(fault.status ?? 400, { errors: [`Token ${echoed} is not allowed here`, `See ${url}`] }, { 'X-Echo-Token': echoed, Link: `<${url}>; rel="help"` });
        return true;
      }
      case 'status': {
        req.resume();
        const status = fault.status ?? 500;
        // 401 and 429 say what api.chatwork.com says; a 429 may announce its reset like a real one.
        const text = status === 401 ? INVALID_TOKEN : status === 429 ? RATE_LIMITED : `Emulated fault: HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim();
        const reset = status === 429 && fault.resetSeconds !== undefined ? Math.ceil(Date.now() / 1000) + fault.resetSeconds : undefined;
        answer(status, { errors: [text] }, reset === undefined ? {} : rateHeaders({ allowed: false, limit: 300, remaining: 0, reset }));
        return true;
      }
    }
  }
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-chatworktoken'];
  const token = Array.isArray(header) ? header[0] : header;
  if (token) return token.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return bearer?.[1]?.trim();
}

/** Query and body merged (body wins); multipart parts kept aside for the upload route. */
async function readParams(req: IncomingMessage, query: Record<string, string>, entry: RequestLogEntry): Promise<Params> {
  const body = await readBody(req, MAX_BODY);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    if (body.truncated) throw new ApiError(400, 'The file is too large (5 MB at most)');
    const boundary = boundaryOf(req.headers['content-type'] ?? '');
    if (!boundary) throw new ApiError(400, 'Malformed multipart body');
    const parts = new Map(parseMultipart(body.data, boundary).map((p) => [p.name, p]));
    const fields = Object.fromEntries([...parts].filter(([, p]) => p.filename === undefined).map(([n, p]) => [n, p.data.toString('utf8')]));
    entry.form = fields;
    return new Params({ ...query, ...fields }, parts);
  }
  if (body.truncated) throw new ApiError(400, 'The request body is too large');
  // The API reads form bodies only; JSON bodies are ignored, as api.chatwork.com does.
  const form = body.data.length && !type.includes('json') ? parseForm(body.data.toString('utf8')) : {};
  if (body.data.length) entry.form = form;
  return new Params({ ...query, ...form });
}
