// What the client does with every kind of answer, over real HTTP: a scripted server sends exactly
// the status, headers and body a case needs (shapes the emulator never produces), and the emulator
// covers the session signal and timeouts. Complements client.errors.test.ts.
import * as assert from 'assert';
import { getEventListeners } from 'events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { ChatworkApiError, ChatworkClient, type ChatworkClientOptions, type RateLimit } from '../../src/api';
import { SEED_IDS, startEmulator, type Emulator } from '../emulator';

const TOKEN = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0';

async function rejection(promise: Promise<unknown>): Promise<ChatworkApiError> {
  const error = await promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
  assert.ok(error instanceof ChatworkApiError, String(error));
  return error;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('ChatworkClient against a scripted server', () => {
  interface Seen {
    method?: string;
    url?: string;
    headers: IncomingHttpHeaders;
  }
  let server: Server;
  let seen: Seen[];
  let reply: (res: ServerResponse, index: number) => void;
  let base: string;
  let host: string;

  beforeEach(async () => {
    seen = [];
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers });
        reply(res, seen.length - 1);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    base = `http://${host}/v2`;
  });
  afterEach(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const clientWith = (options: Partial<ChatworkClientOptions> = {}) => new ChatworkClient({ baseUrl: base, token: () => TOKEN, ...options });
  const send = (status: number, body: string, headers: Record<string, string> = {}) => (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };
  const errors = (...texts: unknown[]) => JSON.stringify({ errors: texts });

  describe('successful answers', () => {
    it('a blank body is an empty list where a list is expected', async () => {
      reply = send(200, ' \r\n');
      assert.deepStrictEqual(await clientWith().getRooms(), []);
    });

    it('a blank body where data is expected is a server error that says so', async () => {
      reply = send(200, ' \n');
      const error = await rejection(clientWith().getMe());
      assert.deepStrictEqual([error.kind, error.status, error.message], ['server', 200, 'Chatwork sent an empty response where data was expected (200, GET /me).']);
    });

    it('an operation that answers nothing ignores whatever body comes', async () => {
      reply = send(200, '{"action_type": "leave"}');
      assert.strictEqual(await clientWith().leaveRoom(10), undefined);
      reply = send(200, 'not even JSON');
      assert.strictEqual(await clientWith().rejectIncomingRequest(5), undefined);
    });

    for (const [body, expected] of [['null', 'an object'], ['[]', 'an object'], ['42', 'an object'], ['"text"', 'an object']] as const) {
      it(`${body} where an object is expected → server error (expected ${expected})`, async () => {
        reply = send(200, body);
        const error = await rejection(clientWith().getMe());
        assert.deepStrictEqual([error.kind, error.status, error.message], ['server', 200, `Chatwork sent JSON of an unexpected shape (expected ${expected}) (200, GET /me).`]);
      });
    }

    it('an object where a list is expected → server error (expected a list)', async () => {
      reply = send(200, '{}');
      const error = await rejection(clientWith().getContacts());
      assert.strictEqual(error.message, 'Chatwork sent JSON of an unexpected shape (expected a list) (200, GET /contacts).');
    });

    it('a 300 is not success: an unexpected status, nothing followed', async () => {
      reply = send(300, '{"account_id": 1}');
      const error = await rejection(clientWith().getMe());
      assert.deepStrictEqual([error.kind, error.status, error.message], ['server', 300, 'Chatwork answered with an unexpected status (300, GET /me).']);
      assert.strictEqual(seen.length, 1);
    });

    it('a 299 with an object is success', async () => {
      reply = send(299, '{"account_id": 7}');
      assert.deepStrictEqual(await clientWith().getMe(), { account_id: 7 });
    });

    it('sends User-Agent chatwork-vscode unless told otherwise, to the API and to download hosts', async () => {
      reply = send(200, '{}');
      await clientWith().getMyStatus();
      reply = (res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('x');
      };
      await readAll((await clientWith().downloadFile(`http://${host}/file`)).stream);
      await readAll((await clientWith({ userAgent: 'mine/2' }).downloadFile(`http://${host}/file`)).stream);
      assert.deepStrictEqual(seen.map((s) => s.headers['user-agent']), ['chatwork-vscode', 'chatwork-vscode', 'mine/2']);
    });
  });

  describe('error answers', () => {
    const cases: [number, string, string, string][] = [
      [403, '{}', 'forbidden', 'Chatwork denied permission for this action (403, GET /me).'],
      [403, errors('Not yours'), 'forbidden', 'Chatwork denied permission: Not yours (403, GET /me).'],
      [404, 'null', 'notFound', 'Chatwork could not find it (404, GET /me).'],
      [404, errors('Room not found', 'Try another'), 'notFound', 'Chatwork could not find it: Room not found; Try another (404, GET /me).'],
      [400, errors(1, 'Bad value', null, { text: 'x' }), 'validation', 'Chatwork rejected the request: Bad value (400, GET /me).'],
      [418, '{"errors": "not a list"}', 'validation', 'Chatwork rejected the request (418, GET /me).'],
      [499, 'plain text', 'validation', 'Chatwork rejected the request (499, GET /me).'],
      [500, '', 'server', 'Chatwork had a server error (500, GET /me). Try again later.'],
      [502, errors('Bad gateway'), 'server', 'Chatwork had a server error: Bad gateway (502, GET /me). Try again later.'],
    ];
    for (const [status, body, kind, message] of cases) {
      it(`${status} ${body || '(no body)'} → ${kind}`, async () => {
        reply = send(status, body);
        const error = await rejection(clientWith().getMe());
        assert.deepStrictEqual([error.kind, error.status, error.message], [kind, status, message]);
        assert.deepStrictEqual(error.errors, JSON.parse(`[${message.match(/: (.*) \(\d{3}/)?.[1]?.split('; ').map((t) => JSON.stringify(t)).join(',') ?? ''}]`));
      });
    }

    it('errors keep the server texts and the cause of a broken connection', async () => {
      reply = (res) => res.socket?.destroy();
      const error = await rejection(clientWith().getMe());
      assert.strictEqual(error.kind, 'network');
      assert.ok(error.cause instanceof Error, 'the underlying error is kept as the cause');
      assert.match(error.message, /^Could not reach Chatwork \(GET \/me\): ECONNRESET\. Check the network connection and the API base URL\.$/);
    });
  });

  describe('429 and the rate-limit headers', () => {
    const RESET = 2_000_000_000; // seconds
    const limited = (...texts: string[]) => send(429, errors(...texts), { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(RESET) });

    it('says when the budget resets, from the headers and the clock', async () => {
      reply = limited('Rate limit exceeded.');
      const client = clientWith({ now: () => RESET * 1000 - 1200 });
      const error = await rejection(client.postMessage(10, 'hello'));
      assert.deepStrictEqual([error.kind, error.retryAfterMs, error.rateLimit], ['rateLimited', 1200, { limit: 300, remaining: 0, reset: RESET }]);
      assert.strictEqual(error.message, "Chatwork's request limit is used up; it resets in 2 s (429, POST /rooms/10/messages).");
      assert.deepStrictEqual(client.rateLimit, { limit: 300, remaining: 0, reset: RESET });
    });

    it('a reset already past means "now", never a negative wait', async () => {
      reply = limited('Rate limit exceeded.');
      const error = await rejection(clientWith({ now: () => RESET * 1000 + 5000 }).postMessage(10, 'hello'));
      assert.strictEqual(error.retryAfterMs, 0);
      assert.match(error.message, /resets in 0 s/);
    });

    it('the per-room post limit is recognised in any letter case and position', async () => {
      reply = limited('Something else.', 'RATE LIMIT FOR MESSAGE POSTING PER ROOM EXCEEDED.');
      const error = await rejection(clientWith({ now: () => RESET * 1000 - 100_000 }).postMessage(10, 'hello'));
      assert.deepStrictEqual([error.kind, error.retryAfterMs], ['rateLimited', 10_000]);
      assert.strictEqual(error.message, 'Too many messages or tasks posted to this room; wait about 10 seconds (429, POST /rooms/10/messages).');
    });

    it('a GET waits the grace of 500 ms after a past reset: retried when allowed to wait that long', async () => {
      reply = (res, i) => (i === 0 ? limited('Rate limit exceeded.')(res) : send(200, '{"account_id": 3}')(res));
      const client = clientWith({ now: () => RESET * 1000 + 5000, maxRateLimitWaitMs: 500 });
      assert.deepStrictEqual(await client.getMe(), { account_id: 3 });
      assert.strictEqual(seen.length, 2);
    });

    it('… and not retried when allowed to wait one millisecond less', async () => {
      reply = (res, i) => (i === 0 ? limited('Rate limit exceeded.')(res) : send(200, '{"account_id": 3}')(res));
      const client = clientWith({ now: () => RESET * 1000 + 5000, maxRateLimitWaitMs: 499 });
      await rejection(client.getMe());
      assert.strictEqual(seen.length, 1);
    });

    it('the default longest wait is a minute: a reset 5 minutes away fails at once', async () => {
      reply = limited('Rate limit exceeded.');
      const error = await rejection(clientWith({ now: () => RESET * 1000 - 300_000 }).getMe());
      assert.deepStrictEqual([error.kind, error.retryAfterMs], ['rateLimited', 300_000]);
      assert.strictEqual(seen.length, 1);
    });

    it('incomplete rate-limit headers are no reading at all', async () => {
      reply = send(200, '{}', { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '12' });
      const client = clientWith();
      await client.getMyStatus();
      assert.strictEqual(client.rateLimit, undefined);
      reply = send(200, '{}', { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': String(RESET) });
      await client.getMyStatus();
      assert.strictEqual(client.rateLimit, undefined);
      reply = send(200, '{}', { 'x-ratelimit-limit': '300', 'x-ratelimit-reset': String(RESET) });
      await client.getMyStatus();
      assert.strictEqual(client.rateLimit, undefined);
      reply = send(200, '{}', { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': 'many', 'x-ratelimit-reset': String(RESET) });
      await client.getMyStatus();
      assert.strictEqual(client.rateLimit, undefined);
    });

    it('the same listener added twice is called twice, and each registration ends on its own', async () => {
      reply = (res, i) => send(200, '{}', { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': String(300 - i), 'x-ratelimit-reset': String(RESET) })(res);
      const client = clientWith();
      const seenRemaining: number[] = [];
      const listener = (r: RateLimit) => seenRemaining.push(r.remaining);
      const first = client.onDidUpdateRateLimit(listener);
      client.onDidUpdateRateLimit(listener);
      await client.getMyStatus();
      first();
      await client.getMyStatus();
      assert.deepStrictEqual(seenRemaining, [300, 300, 299]);
    });
  });

  describe('a long-lived signal (a session, a panel) gathers no listeners', () => {
    const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

    it('after answers, failures and timeouts of API calls', async () => {
      const signal = new AbortController().signal;
      const client = clientWith();
      reply = send(200, '{}');
      await client.getMyStatus({ signal });
      reply = send(404, errors('Room not found'));
      await rejection(client.getRoom(5, { signal }));
      reply = () => undefined;
      await rejection(client.getMe({ signal, timeoutMs: 50 }));
      assert.strictEqual(listeners(signal), 0);
    });

    it('after a download that failed, was refused, or was read to the end', async () => {
      const signal = new AbortController().signal;
      const client = clientWith();
      await rejection(client.downloadFile('http://127.0.0.1:1/file', { signal }));
      reply = send(410, 'gone');
      await rejection(client.downloadFile(`http://${host}/file`, { signal }));
      assert.strictEqual(listeners(signal), 0);
      reply = send(200, 'data');
      const file = await client.downloadFile(`http://${host}/file`, { signal });
      assert.strictEqual(listeners(signal), 1, 'followed while the body streams');
      assert.strictEqual(await readAll(file.stream), 'data');
      // Let go on 'end' or, at the latest, on 'close' a few turns of the event loop later.
      await waitFor(() => listeners(signal) === 0, 50);
      assert.strictEqual(listeners(signal), 0);
    });
  });

  it('finished calls and downloads leave no timeout timer running (30 s each would hold the process open)', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const client = clientWith();
    reply = send(200, '{}');
    await client.getMyStatus(); // the server starts its own connection timer on the first one
    const before = timers();
    for (let i = 0; i < 3; i++) await client.getMyStatus();
    reply = send(404, errors('Room not found'));
    await rejection(client.getRoom(5));
    await rejection(client.downloadFile(`http://${host}/file`));
    await rejection(client.downloadFile('http://127.0.0.1:1/file'));
    reply = send(200, 'data');
    await readAll((await client.downloadFile(`http://${host}/file`)).stream);
    // Kept-alive sockets have timers of their own (the agent's and the server's): close them first.
    server.closeAllConnections();
    await waitFor(() => !process.getActiveResourcesInfo().includes('TCPSocketWrap'), 100);
    // Timers of earlier tests may end meanwhile, never start.
    assert.ok(timers() <= before, `${timers()} timers now, ${before} before`);
  });

  it('its errors are ChatworkApiErrors by name, with no server texts when there were none', async () => {
    const error = await rejection(clientWith().getRoom(0));
    assert.deepStrictEqual([error.name, error.errors], ['ChatworkApiError', []]);
    assert.match(String(error), /^ChatworkApiError: Invalid parameter 'room_id'/);
  });

  describe('timeouts', () => {
    const hang = () => undefined;

    it('reads a timeout function on every call', async () => {
      reply = hang;
      let timeoutMs = 100;
      const client = clientWith({ timeoutMs: () => timeoutMs });
      assert.match((await rejection(client.getMe())).message, /within 100 ms/);
      timeoutMs = 150;
      assert.match((await rejection(client.getMe())).message, /within 150 ms/);
    });

    it('a timeout of a second or more is said in seconds', async () => {
      reply = hang;
      const error = await rejection(clientWith().getMe({ timeoutMs: 1000 }));
      assert.deepStrictEqual([error.kind, error.status, error.message], ['timeout', 0, 'Chatwork did not answer within 1 s (GET /me).']);
    });

    for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      it(`a client timeout of ${timeoutMs} falls back to the default (30 s) instead of failing at once`, async () => {
        reply = (res) => setTimeout(() => send(200, '{"account_id": 1}')(res), 100);
        assert.deepStrictEqual(await clientWith({ timeoutMs }).getMe(), { account_id: 1 });
        assert.deepStrictEqual(await clientWith({ timeoutMs: () => timeoutMs }).getMe(), { account_id: 1 });
      });
    }
  });

  describe('the token', () => {
    it('a token store that fails says to set the token again, keeping the cause', async () => {
      const cause = new Error('keychain locked');
      const error = await rejection(clientWith({ token: () => Promise.reject(cause) }).getMe());
      assert.deepStrictEqual([error.kind, error.status, error.message], ['auth', 0, 'The Chatwork API token could not be read. Set the token again.']);
      assert.strictEqual(error.cause, cause);
      assert.strictEqual(seen.length, 0);
    });

    for (const token of ['ätoken', 'tokenä', 'tok\u0000en']) {
      it(`a token with a character a header cannot carry (${JSON.stringify(token)}) is refused before sending`, async () => {
        const error = await rejection(clientWith({ token: () => token }).getMe());
        assert.deepStrictEqual([error.kind, error.status, error.message], ['auth', 0, 'The Chatwork API token contains spaces or characters that cannot be sent. Set the token again.']);
        assert.strictEqual(seen.length, 0);
      });
    }
  });

  describe('downloadFile', () => {
    const cases: [number, string, string][] = [
      [401, 'forbidden', 'Download links last 30 seconds; request a new one.'],
      [403, 'forbidden', 'Download links last 30 seconds; request a new one.'],
      [404, 'notFound', 'Download links last 30 seconds; request a new one.'],
      [410, 'notFound', 'Download links last 30 seconds; request a new one.'],
      [429, 'rateLimited', 'Download links last 30 seconds; request a new one.'],
      [500, 'server', 'Try again later.'],
      [400, 'server', 'Try again later.'],
    ];
    for (const [status, kind, hint] of cases) {
      it(`${status} → ${kind}`, async () => {
        reply = send(status, 'nope');
        const error = await rejection(clientWith().downloadFile(`http://${host}/signed?x=1`));
        assert.deepStrictEqual([error.kind, error.status, error.message], [kind, status, `The file could not be downloaded (${status}, download from ${host}). ${hint}`]);
      });
    }

    it('without Content-Length or Content-Type, neither is made up', async () => {
      reply = (res) => {
        res.write('chunk one, ');
        res.end('chunk two');
      };
      const file = await clientWith().downloadFile(`http://${host}/file`);
      assert.deepStrictEqual([file.contentLength, file.contentType], [undefined, undefined]);
      assert.strictEqual(await readAll(file.stream), 'chunk one, chunk two');
    });

    it('an empty file has a length of 0', async () => {
      reply = (res) => {
        res.writeHead(200, { 'Content-Length': '0', 'Content-Type': 'text/plain' });
        res.end();
      };
      const file = await clientWith().downloadFile(`http://${host}/file`);
      assert.deepStrictEqual([file.contentLength, file.contentType], [0, 'text/plain']);
    });

    it("the client's timeout covers the wait for the headers", async () => {
      reply = () => undefined;
      const error = await rejection(clientWith({ timeoutMs: 100 }).downloadFile(`http://${host}/file`));
      assert.deepStrictEqual([error.kind, error.message], ['timeout', `Chatwork did not answer within 100 ms (download from ${host}).`]);
    });

    it('once the headers are in, the body may take longer than the timeout', async () => {
      let finish = () => {};
      reply = (res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.write('first ');
        finish = () => res.end('last');
      };
      const file = await clientWith().downloadFile(`http://${host}/file`, { timeoutMs: 1000 });
      // The rest of the body comes only after the timeout would have fired.
      setTimeout(() => finish(), 1200);
      assert.strictEqual(await readAll(file.stream), 'first last');
    });

    it('an aborted signal → aborted, and the download host hears nothing', async () => {
      reply = send(200, 'data');
      const error = await rejection(clientWith().downloadFile(`http://${host}/file`, { signal: AbortSignal.abort() }));
      assert.deepStrictEqual([error.kind, error.message], ['aborted', `The Chatwork request was cancelled (download from ${host}).`]);
      assert.strictEqual(seen.length, 0);
    });

    it('a refused connection → network, naming the host', async () => {
      const error = await rejection(clientWith().downloadFile('http://127.0.0.1:1/file'));
      assert.deepStrictEqual([error.kind, error.message], ['network', 'Could not reach Chatwork (download from 127.0.0.1:1): ECONNREFUSED. Check the network connection and the API base URL.']);
    });
  });
});

describe('ChatworkClient and the session signal', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
  });
  afterEach(() => emu.close());

  it('a session already ended sends nothing and does not even read the token', async () => {
    let tokenReads = 0;
    const client = new ChatworkClient({ baseUrl: emu.url, token: () => (tokenReads++, emu.token), sessionSignal: () => AbortSignal.abort() });
    const error = await rejection(client.getMe());
    assert.deepStrictEqual([error.kind, error.message], ['aborted', 'The Chatwork request was cancelled (GET /me).']);
    assert.strictEqual(tokenReads, 0);
    assert.deepStrictEqual(emu.requests, []);
  });

  it('the session ending cuts off a call that has its own signal too', async () => {
    const session = new AbortController();
    const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, sessionSignal: () => session.signal });
    emu.injectFault({ path: '/me', kind: 'hang' });
    const pending = rejection(client.getMe({ signal: new AbortController().signal }));
    await waitFor(() => emu.requests.length === 1);
    session.abort();
    assert.strictEqual((await pending).kind, 'aborted');
  });

  it("the caller's own signal still cancels while a session is running", async () => {
    const session = new AbortController();
    const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, sessionSignal: () => session.signal });
    emu.injectFault({ path: '/me', kind: 'hang' });
    const caller = new AbortController();
    const pending = rejection(client.getMe({ signal: caller.signal }));
    await waitFor(() => emu.requests.length === 1);
    caller.abort();
    assert.strictEqual((await pending).kind, 'aborted');
    assert.strictEqual(session.signal.aborted, false, "the caller's cancel does not end the session");
  });

  it('no session (signed out of nothing) works as before', async () => {
    const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, sessionSignal: () => undefined });
    assert.strictEqual((await client.getMe()).account_id, SEED_IDS.me);
  });
});

/** Polls a condition on the event loop (no fixed sleeps), at most `turns` times when given. */
async function waitFor(condition: () => boolean, turns = Infinity): Promise<void> {
  for (let i = 0; i < turns && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('ChatworkClient: spellings a user may configure or a server may send', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
  });
  afterEach(() => emu.close());

  it('a base URL with several trailing slashes still reaches /v2/me', async () => {
    const client = new ChatworkClient({ baseUrl: `${emu.url}///`, token: () => emu.token });
    assert.strictEqual((await client.getMe()).account_id, SEED_IDS.me);
    assert.strictEqual(emu.requests[0]?.path, '/me');
  });

  it('any 127.x.y.z with multi-digit parts counts as this machine (plain http allowed)', async () => {
    const client = new ChatworkClient({ baseUrl: 'http://127.100.200.255:1/v2', token: () => emu.token });
    await assert.rejects(client.getMe(), (e: ChatworkApiError) => e.kind === 'network');
  });

  it('a 429 without rate-limit headers says the limit is used up, without a made-up reset time', async () => {
    emu.injectFault({ path: '/me', kind: 'status', status: 429 });
    const error = await rejection(new ChatworkClient({ baseUrl: emu.url, token: () => emu.token }).getMe());
    assert.strictEqual(error.message, "Chatwork's request limit is used up (429, GET /me).");
  });
});
