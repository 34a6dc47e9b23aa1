// Assembles state, routes, limits, downloads and the HTTP server into an Emulator.
import type { Message } from '../../src/api/types';
import type { Emulator, EmulatorOptions, Fault, RequestLogEntry, SeedFile } from './contract';
import { serveControl } from './controlApi';
import { Downloads } from './downloads';
import { mimeOf } from './mime';
import { bigFileByte } from './seedHistory';
import { fileNotice } from './notation';
import { RoomPostLimiter, TokenRateLimiter } from './rateLimit';
import { Router } from './router';
import { accountRoutes } from './routes/account';
import { fileRoutes } from './routes/files';
import { linkRoutes } from './routes/link';
import { memberRoutes } from './routes/members';
import { messageRoutes } from './routes/messages';
import { requestRoutes } from './routes/requests';
import { roomRoutes } from './routes/rooms';
import { taskRoutes } from './routes/tasks';
import { FIRST_IDS, seed } from './seed';
import { EmulatorServer } from './server';
import { EmulatorState } from './state';
import { messageView } from './views';

export function createRouter(): Router {
  return new Router().add([
    ...accountRoutes, ...roomRoutes, ...memberRoutes, ...messageRoutes, ...taskRoutes, ...fileRoutes, ...linkRoutes, ...requestRoutes,
  ]);
}

class RunningEmulator implements Emulator {
  readonly tokens: Record<string, string>;
  private readonly _server: EmulatorServer;
  private readonly _limiter: TokenRateLimiter;
  private readonly _downloads: Downloads;

  constructor(
    readonly state: EmulatorState,
    options: EmulatorOptions,
  ) {
    this.tokens = options.seed === false ? {} : seed(state);
    this._limiter = new TokenRateLimiter(options.rateLimit ?? 300, options.rateWindowSeconds ?? 300);
    const roomPosts = new RoomPostLimiter(options.roomPostLimit ?? 10);
    const downloads = (this._downloads = new Downloads(state, () => this.origin, options.downloadUrlTtlSeconds ?? 30));
    this._server = new EmulatorServer({
      state,
      router: createRouter(),
      env: {
        emptyListsAs204: options.emptyListsAs204 ?? true,
        diffBacklog: options.diffBacklog ?? 'newest',
        checkRoomPost: (roomId) => roomPosts.check(roomId),
        createDownloadUrl: (fileId) => downloads.create(fileId),
      },
      rateLimit: (token) => this._limiter.hit(token),
      serveDownload: (req, res, token) => downloads.serve(req, res, token),
      serveControl: (req, res, path) => serveControl(this, req, res, path),
    });
  }

  listen(port: number): Promise<void> {
    return this._server.listen(port);
  }

  get origin(): string {
    return this._server.origin;
  }

  get url(): string {
    return `${this.origin}/v2`;
  }

  get token(): string {
    return this.tokens.me ?? '';
  }

  get requests(): RequestLogEntry[] {
    return this._server.requests;
  }

  resetRequests(): void {
    this._server.requests.length = 0;
  }

  injectFault(fault: Fault): void {
    this._server.faults.add(fault);
  }

  clearFaults(): void {
    this._server.faults.clear();
  }

  postAs(accountKeyOrId: string | number, roomId: number, body: string): Message {
    const account = this.state.resolveAccount(accountKeyOrId);
    if (!account) throw new Error(`postAs: unknown account ${accountKeyOrId}`);
    const room = this.state.rooms.get(roomId);
    if (!room?.members.has(account.account_id)) throw new Error(`postAs: ${account.name} is not in room ${roomId}`);
    if (!body) throw new Error('postAs: empty body');
    return messageView(this.state, this.state.postMessage(roomId, account.account_id, body));
  }

  requestContact(fromKeyOrId: string | number, message: string, to: string | number = 'me'): number {
    const from = this.state.resolveAccount(fromKeyOrId);
    const target = this.state.resolveAccount(to);
    if (!from || !target) throw new Error(`requestContact: unknown account ${String(from ? to : fromKeyOrId)}`);
    const request_id = this.state.nextId('request');
    this.state.incomingRequests.set(request_id, { request_id, from_account_id: from.account_id, to_account_id: target.account_id, message });
    return request_id;
  }

  setRateLimit(limit: number, windowSeconds?: number): void {
    this._limiter.configure(limit, windowSeconds);
  }

  setDownloadTtl(seconds: number, times?: number): void {
    this._downloads.overrideTtl(seconds, times);
  }

  seedFile(spec: SeedFile): number {
    const account = this.state.resolveAccount(spec.account ?? 'me');
    if (!account) throw new Error(`seedFile: unknown account ${String(spec.account)}`);
    const room = this.state.rooms.get(spec.roomId);
    if (!room?.members.has(account.account_id)) throw new Error(`seedFile: ${account.name} is not in room ${spec.roomId}`);
    const contentType = spec.contentType ?? mimeOf(spec.filename);
    const size = Buffer.isBuffer(spec.data) ? spec.data.length : spec.data.size;
    const content = Buffer.isBuffer(spec.data) ? Buffer.from(spec.data) : { size, byteAt: bigFileByte };
    const file_id = this.state.nextId('file');
    const notice = this.state.postMessage(
      room.room_id, account.account_id, fileNotice(file_id, spec.filename, size, contentType.startsWith('image/')),
    );
    this.state.files.set(file_id, {
      file_id, room_id: room.room_id, account_id: account.account_id, message_id: notice.message_id, filename: spec.filename,
      filesize: size, upload_time: notice.send_time, content_type: contentType, content,
    });
    return file_id;
  }

  close(): Promise<void> {
    this.clearFaults();
    return this._server.close();
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new RunningEmulator(new EmulatorState(FIRST_IDS), options);
  await emulator.listen(options.port ?? 0);
  return emulator;
}
