// Low-level HTTP helpers: JSON answers the way api.chatwork.com writes them, and body reading.
import type { IncomingMessage, ServerResponse } from 'http';

/** Like the real server, non-ASCII characters go out as \uXXXX escapes (clients need a real JSON parser). */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = toJson(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export const sendErrors = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void =>
  sendJson(res, status, { errors: [message] }, headers);

export interface Body {
  data: Buffer;
  /** More than `limit` bytes arrived; `data` holds only the first `limit`. */
  truncated: boolean;
}

/** Reads the whole request body, keeping at most `limit` bytes (the rest is drained). */
export function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    req.on('data', (chunk: Buffer) => {
      if (size + chunk.length > limit) {
        truncated = true;
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve({ data: Buffer.concat(chunks), truncated }));
    req.on('error', reject);
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
