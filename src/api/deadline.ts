// One AbortSignal per HTTP attempt that fires on the caller's signal or on the timeout, and
// remembers which of the two it was: node-fetch reports both as the same AbortError.

import { ChatworkApiError } from './errors';

export class Deadline {
  private readonly _controller = new AbortController();
  private _timer: NodeJS.Timeout | undefined;
  private _timedOut = false;
  private readonly _onCallerAbort = () => this._controller.abort();

  constructor(
    private readonly _callerSignal: AbortSignal | undefined,
    readonly timeoutMs: number,
  ) {
    if (_callerSignal?.aborted) {
      this._controller.abort(); // 'abort' has already fired and will not fire again
    }
    _callerSignal?.addEventListener('abort', this._onCallerAbort, { once: true });
    this._timer = setTimeout(() => {
      this._timedOut = true;
      this._controller.abort();
    }, timeoutMs);
  }

  get signal(): AbortSignal {
    return this._controller.signal;
  }

  /** Ends the timeout but keeps following the caller's signal (a download streams on). */
  stopTimer(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
  }

  dispose(): void {
    this.stopTimer();
    this._callerSignal?.removeEventListener('abort', this._onCallerAbort);
  }

  /** Turns whatever fetch threw into a ChatworkApiError; `what` names the request for the message. */
  toError(error: unknown, what: string): ChatworkApiError {
    if (this._timedOut) {
      return new ChatworkApiError(`Chatwork did not answer within ${formatSeconds(this.timeoutMs)} (${what}).`, {
        kind: 'timeout',
        cause: error,
      });
    }
    if (this._callerSignal?.aborted) {
      return abortedError(what, error);
    }
    // node-fetch's messages name the URL and the system error, never the request headers.
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    return new ChatworkApiError(`Could not reach Chatwork (${what}): ${reason}. Check the network connection and the API base URL.`, {
      kind: 'network',
      cause: error,
    });
  }
}

export function abortedError(what: string, cause?: unknown): ChatworkApiError {
  return new ChatworkApiError(`The Chatwork request was cancelled (${what}).`, { kind: 'aborted', cause });
}

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) {
    throw abortedError(what);
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
