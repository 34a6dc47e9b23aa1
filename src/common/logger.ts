import * as vscode from 'vscode';

/**
 * The extension's log (Output ▸ Chatwork). Every line passes through `redact`, so a token can never
 * reach the log even if a caller formats one into a message by mistake.
 */
export class Logger implements vscode.Disposable {
  private _created: vscode.LogOutputChannel | undefined;
  private readonly _secrets = new Set<string>();

  constructor(private readonly _name = 'Chatwork') {}

  /** Made with the first line: creating a log channel costs the activation a few milliseconds. */
  private get _channel(): vscode.LogOutputChannel {
    this._created ??= vscode.window.createOutputChannel(this._name, { log: true });
    return this._created;
  }

  /** Registers a value that must never be printed (the API token). */
  addSecret(secret: string | undefined): void {
    if (secret) this._secrets.add(secret);
  }

  removeSecret(secret: string | undefined): void {
    if (secret) this._secrets.delete(secret);
  }

  info(message: string): void {
    this._channel.info(this.redact(message));
  }

  warn(message: string): void {
    this._channel.warn(this.redact(message));
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `: ${error.message}` : error === undefined ? '' : `: ${String(error)}`;
    this._channel.error(this.redact(message + detail));
  }

  trace(message: string): void {
    this._channel.trace(this.redact(message));
  }

  show(): void {
    this._channel.show(true);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this._secrets) {
      result = result.split(secret).join('***');
    }
    return result;
  }

  dispose(): void {
    this._created?.dispose();
  }
}
