// Streams a file from the pre-signed `download_url` of GET /rooms/{id}/files/{id}?create_download_url=1.
// The URL is its own credential (valid 30 s), so the API token is never sent with it.

import fetch, { type RequestInit, type Response } from 'node-fetch';
import { Deadline } from './deadline';
import { ChatworkApiError, type ChatworkApiErrorKind } from './errors';
import type { RequestOptions } from './http';
import { checkHttpUrl } from './validate';

export interface DownloadedFile {
  /** The body; pipe it to disk. It errors with an AbortError if the caller's signal fires mid-way. */
  stream: NodeJS.ReadableStream;
  /** From Content-Length, when the server sent it. */
  contentLength: number | undefined;
  contentType: string | undefined;
  response: Response;
}

/** The timeout covers the wait for the response headers; the body then streams as long as it needs. */
export async function downloadFile(url: string, userAgent: string, timeoutMs: number, options: RequestOptions): Promise<DownloadedFile> {
  const target = checkHttpUrl('url', url);
  const what = `download from ${target.host}`;
  // An already aborted signal needs no check of its own: the Deadline starts aborted, so fetch sends nothing.
  const deadline = new Deadline(options.signal, options.timeoutMs ?? timeoutMs);
  let response: Response;
  try {
    response = await fetch(target.href, { headers: { 'User-Agent': userAgent }, signal: deadline.signal as RequestInit['signal'] });
  } catch (error) {
    deadline.dispose();
    throw deadline.toError(error, what);
  }
  deadline.stopTimer();

  if (!response.ok) {
    deadline.dispose();
    response.body.resume(); // Let the socket go back to the pool.
    throw downloadError(response.status, what);
  }
  // Keep following the caller's signal until the body is finished, then let go of it.
  const release = () => deadline.dispose();
  response.body.once('end', release).once('error', release).once('close', release);

  const length = Number(response.headers.get('content-length') ?? NaN);
  return {
    stream: response.body,
    contentLength: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
    contentType: response.headers.get('content-type') ?? undefined,
    response,
  };
}

function downloadError(status: number, what: string): ChatworkApiError {
  let kind: ChatworkApiErrorKind = 'server';
  if (status === 401 || status === 403) {
    kind = 'forbidden';
  } else if (status === 404 || status === 410) {
    kind = 'notFound';
  } else if (status === 429) {
    kind = 'rateLimited';
  }
  const hint = kind === 'server' ? 'Try again later.' : 'Download links last 30 seconds; request a new one.';
  return new ChatworkApiError(`The file could not be downloaded (${status}, ${what}). ${hint}`, { kind, status });
}
