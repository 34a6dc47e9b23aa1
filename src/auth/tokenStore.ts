import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';

const SECRET_KEY = 'chatwork.apiToken';

export type TokenState = 'none' | 'set' | 'rejected';

/**
 * The only owner of the API token. It lives in SecretStorage (never settings, globalState or logs);
 * changes from other windows arrive through `secrets.onDidChange`.
 */
export class TokenStore extends Disposable {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this._onDidChange.event;

  private _token: string | undefined;
  private _state: TokenState = 'none';

  constructor(private readonly _secrets: vscode.SecretStorage) {
    super();
    this._register(
      _secrets.onDidChange(async (e) => {
        if (e.key === SECRET_KEY) await this._reload();
      }),
    );
  }

  get state(): TokenState {
    return this._state;
  }

  private _ready: Promise<void> | undefined;

  /**
   * Reads the stored token once at start-up. Activation does not wait for it (secret storage is a
   * round trip to the window); everything that needs the token awaits `ready` instead.
   */
  initialize(importFromEnvironment?: string): Promise<void> {
    this._ready ??= this._reload().then(async () => {
      if (importFromEnvironment && this._token === undefined) await this.set(importFromEnvironment);
    });
    return this._ready;
  }

  /** Settles when the stored token has been read (immediately after that). */
  get ready(): Promise<void> {
    return this._ready ?? this.initialize();
  }

  /** The current token, or undefined when none is set. */
  get(): string | undefined {
    return this._token;
  }

  async set(token: string): Promise<void> {
    await this._secrets.store(SECRET_KEY, token);
    await this._reload();
  }

  async clear(): Promise<void> {
    await this._secrets.delete(SECRET_KEY);
    await this._reload();
  }

  /** Called when the API answers 401: the token exists but Chatwork refuses it. */
  async markRejected(): Promise<void> {
    if (this._token === undefined || this._state === 'rejected') return;
    await this._setState('rejected');
    this._onDidChange.fire();
  }

  private async _reload(): Promise<void> {
    const previous = this._token;
    const previousState = this._state;
    this._token = (await this._secrets.get(SECRET_KEY)) || undefined;
    await this._setState(this._token ? 'set' : 'none');
    // The same token stored again after a 401 (accepted once more, e.g. access restored) is a
    // change too: 'rejected' → 'set' must resume polling and reload the views.
    if (previous !== this._token || previousState !== this._state) this._onDidChange.fire();
  }

  private async _setState(state: TokenState): Promise<void> {
    this._state = state;
    await setContext(ContextKeys.tokenState, state);
  }
}
