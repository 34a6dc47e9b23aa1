// The control API under /_emulator/ — the Emulator methods over HTTP for tests in another
// process (the extension host). JSON in, JSON out; see EmulatorControl in control.ts.
import type { IncomingMessage, ServerResponse } from 'http';
import type { Emulator, Fault } from './contract';
import { readBody, sendErrors, sendJson } from './http';
import { snapshot } from './snapshot';

/** A Fault as JSON: the path is a string, a regex source when `regex` is true. */
export type FaultJson = Omit<Fault, 'path'> & { path: string; regex?: boolean; flags?: string };

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req, 1024 * 1024);
  if (!body.data.length) return {};
  const value: unknown = JSON.parse(body.data.toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

export function faultFromJson(json: Record<string, unknown>): Fault {
  const f = json as unknown as FaultJson;
  if (typeof f.path !== 'string' || typeof f.kind !== 'string') throw new Error('a fault needs "path" and "kind"');
  const { regex, flags, ...rest } = f;
  return { ...rest, path: regex ? new RegExp(f.path, flags) : f.path, times: f.times ?? undefined };
}

export async function serveControl(emulator: Emulator, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path.slice('/_emulator'.length)}`;
  try {
    switch (route) {
      case 'GET /state':
        req.resume();
        return sendJson(res, 200, snapshot(emulator.state));
      case 'GET /requests':
        req.resume();
        return sendJson(res, 200, emulator.requests);
      case 'POST /reset-requests':
        req.resume();
        emulator.resetRequests();
        return sendJson(res, 204, undefined);
      case 'POST /faults':
        emulator.injectFault(faultFromJson(await jsonBody(req)));
        return sendJson(res, 204, undefined);
      case 'DELETE /faults':
        req.resume();
        emulator.clearFaults();
        return sendJson(res, 204, undefined);
      case 'POST /post-as': {
        const b = await jsonBody(req);
        const account = typeof b.account === 'number' || typeof b.account === 'string' ? b.account : '';
        return sendJson(res, 200, emulator.postAs(account, Number(b.roomId), String(b.body ?? '')));
      }
      case 'POST /rename': {
        // A contact renaming themselves, or a room renamed by its admin (hostile names in tests).
        const b = await jsonBody(req);
        if (typeof b.name !== 'string' || b.name === '') throw new Error('a rename needs a "name"');
        if (b.roomId !== undefined) {
          const room = emulator.state.rooms.get(Number(b.roomId));
          if (!room) throw new Error(`unknown room ${String(b.roomId)}`);
          room.name = b.name;
        } else {
          const account = emulator.state.resolveAccount(typeof b.account === 'number' || typeof b.account === 'string' ? b.account : '');
          if (!account) throw new Error(`unknown account ${String(b.account)}`);
          account.name = b.name;
        }
        return sendJson(res, 204, undefined);
      }
      case 'POST /contact-requests': {
        const b = await jsonBody(req);
        const key = (v: unknown): string | number | undefined => (typeof v === 'number' || typeof v === 'string' ? v : undefined);
        return sendJson(res, 200, { request_id: emulator.requestContact(key(b.from) ?? '', String(b.message ?? ''), key(b.to)) });
      }
      case 'POST /rate-limit': {
        const b = await jsonBody(req);
        emulator.setRateLimit(Number(b.limit), b.windowSeconds === undefined ? undefined : Number(b.windowSeconds));
        return sendJson(res, 204, undefined);
      }
      case 'POST /download-ttl': {
        const b = await jsonBody(req);
        emulator.setDownloadTtl(Number(b.seconds), b.times === undefined ? undefined : Number(b.times));
        return sendJson(res, 204, undefined);
      }
      case 'POST /files': {
        const b = await jsonBody(req);
        if (typeof b.filename !== 'string' || (typeof b.base64 !== 'string' && typeof b.generatedSize !== 'number')) {
          throw new Error('a file needs "filename" and "base64" (or "generatedSize")');
        }
        const account = typeof b.account === 'number' || typeof b.account === 'string' ? b.account : undefined;
        const contentType = typeof b.contentType === 'string' ? b.contentType : undefined;
        const file_id = emulator.seedFile({ roomId: Number(b.roomId), account, filename: b.filename, data: typeof b.base64 === 'string' ? Buffer.from(b.base64, 'base64') : { size: Number(b.generatedSize) }, contentType });
        return sendJson(res, 200, { file_id });
      }
      default:
        req.resume();
        return sendErrors(res, 404, `Unknown control endpoint: ${route}`);
    }
  } catch (err) {
    sendErrors(res, 400, err instanceof Error ? err.message : String(err));
  }
}
