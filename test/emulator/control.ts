// Drives an emulator in another process through its control API (/_emulator/*), e.g. from a
// suite running inside a VS Code extension host. Node's global fetch only.
import type { Message } from '../../src/api/types';
import type { Fault, RequestLogEntry } from './contract';
import type { StateSnapshot } from './snapshot';

export class EmulatorControl {
  constructor(private readonly _origin: string) {}

  state(): Promise<StateSnapshot> {
    return this._call('GET', '/state') as Promise<StateSnapshot>;
  }

  requests(): Promise<RequestLogEntry[]> {
    return this._call('GET', '/requests') as Promise<RequestLogEntry[]>;
  }

  async resetRequests(): Promise<void> {
    await this._call('POST', '/reset-requests');
  }

  async injectFault(fault: Fault): Promise<void> {
    const { path, ...rest } = fault;
    const json = path instanceof RegExp ? { ...rest, path: path.source, flags: path.flags, regex: true } : { ...rest, path };
    await this._call('POST', '/faults', json);
  }

  async clearFaults(): Promise<void> {
    await this._call('DELETE', '/faults');
  }

  postAs(account: string | number, roomId: number, body: string): Promise<Message> {
    return this._call('POST', '/post-as', { account, roomId, body }) as Promise<Message>;
  }

  async setRateLimit(limit: number, windowSeconds?: number): Promise<void> {
    await this._call('POST', '/rate-limit', { limit, windowSeconds });
  }

  /** The next `times` (default 1) download URLs live `seconds` (0: expired at birth). */
  async setDownloadTtl(seconds: number, times?: number): Promise<void> {
    await this._call('POST', '/download-ttl', { seconds, times });
  }

  /** Adds a file with any name (path parts, control characters…) and these bytes; answers its file_id. */
  async seedFile(spec: { roomId: number; account?: string | number; filename: string; data: Uint8Array; contentType?: string }): Promise<number> {
    const { data, ...rest } = spec;
    const result = (await this._call('POST', '/files', { ...rest, base64: Buffer.from(data).toString('base64') })) as { file_id: number };
    return result.file_id;
  }

  private async _call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this._origin}/_emulator${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }
}
