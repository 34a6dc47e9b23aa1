import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../common/contextKeys';
import { Disposable } from '../common/disposable';
import type { AccountInfo, AccountRegistry, AccountScope } from './accounts';

/** Where a token was kept before accounts existed (read, identified and moved; see _migrateLegacy). */
const LEGACY_KEY = 'chatwork.apiToken';
/** One secret per account. */
const accountKey = (accountId: number): string => `chatwork.apiToken.${accountId}`;
const keyFor = (accountId: number | undefined): string => (accountId === undefined ? LEGACY_KEY : accountKey(accountId));

export type TokenState = 'none' | 'set' | 'rejected';

/** Who a token belongs to (GET /me with that token); rejects when it cannot be told. */
export type IdentifyToken = (token: string) => Promise<AccountInfo>;

/**
 * The only owner of API tokens: one SecretStorage entry per account (never settings, globalState or
 * logs), the active account, and the session signal that cuts off the old token's requests the
 * moment another account becomes active. Changes from other windows arrive through
 * `secrets.onDidChange`. Which accounts exist (names, organisations) is in the AccountRegistry.
 */
export class TokenStore extends Disposable implements AccountScope {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** The token or its state changed (another account, signed in or out, rejected). */
  readonly onDidChange = this._onDidChange.event;
  private readonly _onDidChangeAccount = this._register(new vscode.EventEmitter<AccountInfo | undefined>());
  /**
   * Another account became active (or none). Fired before `onDidChange`, in the same tick as the
   * switch: per-account state (caches, drafts, archive…) keys by `activeAccountId` from then on.
   */
  readonly onDidChangeAccount = this._onDidChangeAccount.event;

  private _token: string | undefined;
  private _state: TokenState = 'none';
  private _activeId: number | undefined;
  private _session = new AbortController();

  constructor(
    private readonly _secrets: vscode.SecretStorage,
    private readonly _accounts: AccountRegistry,
    private readonly _identify?: IdentifyToken,
  ) {
    super();
    this._register(
      _secrets.onDidChange(async (e) => {
        // Another window moved the old single token to its account: follow it there.
        if (e.key === LEGACY_KEY && this._activeId === undefined) this._activeId = this._accounts.startAccountId();
        if (e.key === keyFor(this._activeId) || e.key === LEGACY_KEY) await this._reload();
      }),
    );
    this._register({ dispose: () => this._session.abort() });
  }

  get state(): TokenState {
    return this._state;
  }

  /** The active account's id (undefined when signed out, or for a token not identified yet). */
  get activeAccountId(): number | undefined {
    return this._activeId;
  }

  get activeAccount(): AccountInfo | undefined {
    return this._activeId === undefined ? undefined : this._accounts.get(this._activeId);
  }

  /** Every signed-in account (name and organisation from GET /me). */
  accounts(): AccountInfo[] {
    return this._accounts.list();
  }

  get registry(): AccountRegistry {
    return this._accounts;
  }

  /** Aborted when the current token stops being current (the client cancels its requests by it). */
  get signal(): AbortSignal {
    return this._session.signal;
  }

  private _ready: Promise<void> | undefined;

  /**
   * Reads the stored token once at start-up. Activation does not wait for it (secret storage is a
   * round trip to the window); everything that needs the token awaits `ready` instead. A token in
   * the environment is imported only when none is stored.
   */
  initialize(importFromEnvironment?: string): Promise<void> {
    this._ready ??= (async () => {
      this._activeId = this._accounts.startAccountId();
      await this._reload();
      if (importFromEnvironment && this._token === undefined) await this.set(importFromEnvironment);
    })();
    // Not part of `ready`: identifying a token from before accounts existed costs a request. A
    // failure (secret storage refusing) leaves the old key in place: it is tried again next start.
    void this._ready.then(() => this._migrateLegacy()).catch(() => undefined);
    return this._ready;
  }

  /** Settles when the stored token has been read (immediately after that). */
  get ready(): Promise<void> {
    return this._ready ?? this.initialize();
  }

  /** The active account's token, or undefined when none is set. */
  get(): string | undefined {
    return this._token;
  }

  /**
   * Stores a token and makes it active: under its account when GET /me tells whose it is (adding
   * or replacing that account), else — Chatwork unreachable — under the unscoped key as before.
   */
  async set(token: string): Promise<void> {
    const info = await this._identify?.(token).catch(() => undefined);
    if (info) return this.add(token, info);
    await this._secrets.store(LEGACY_KEY, token);
    await this._switch(undefined);
  }

  /** Adds (or re-keys) an account whose GET /me was just answered and switches to it. */
  async add(token: string, info: AccountInfo): Promise<void> {
    await this._secrets.store(accountKey(info.accountId), token);
    await this._accounts.upsert(info);
    // An unidentified token in use is replaced, as Set API Token always did.
    if (this._activeId === undefined) await this._secrets.delete(LEGACY_KEY);
    await this._switch(info.accountId);
  }

  /** Makes another signed-in account active. */
  async switchTo(accountId: number): Promise<void> {
    if (!this._accounts.get(accountId)) throw new Error(`Account ${accountId} is not signed in.`);
    await this._switch(accountId);
  }

  /** Signs out of the active account (its token is deleted); the next signed-in account takes over. */
  async clear(): Promise<void> {
    const id = this._activeId;
    await this._secrets.delete(keyFor(id));
    if (id !== undefined) await this._accounts.remove(id);
    await this._switch(this._accounts.startAccountId());
  }

  /** Called when the API answers 401: the token exists but Chatwork refuses it. */
  async markRejected(): Promise<void> {
    if (this._token === undefined || this._state === 'rejected') return;
    this._state = 'rejected';
    await this._publishContext();
    this._onDidChange.fire();
  }

  private async _switch(accountId: number | undefined): Promise<void> {
    const token = (await this._secrets.get(keyFor(accountId))) || undefined;
    this._apply(accountId, token);
    if (accountId !== undefined) await this._accounts.rememberActive(accountId);
    await this._publishContext();
  }

  private async _reload(): Promise<void> {
    const accountId = this._activeId;
    const token = (await this._secrets.get(keyFor(accountId))) || undefined;
    if (accountId !== this._activeId) return; // switched meanwhile: that switch read its own token
    this._apply(accountId, token);
    await this._publishContext();
  }

  /**
   * The one place the active token changes, synchronously: the old session is aborted before
   * anyone can read the new token, so no request leaves with a token the user switched away from.
   */
  private _apply(accountId: number | undefined, token: string | undefined): void {
    const accountChanged = accountId !== this._activeId;
    const tokenChanged = token !== this._token;
    const state: TokenState = token ? 'set' : 'none';
    // The same token stored again after a 401 (accepted once more, e.g. access restored) is a
    // change too: 'rejected' → 'set' must resume polling and reload the views.
    const stateChanged = state !== this._state;
    if (this._token !== undefined && (accountChanged || tokenChanged)) {
      this._session.abort();
      this._session = new AbortController();
    }
    this._activeId = accountId;
    this._token = token;
    this._state = state;
    if (accountChanged) this._onDidChangeAccount.fire(this.activeAccount);
    if (accountChanged || tokenChanged || stateChanged) this._onDidChange.fire();
  }

  private async _publishContext(): Promise<void> {
    await setContext(ContextKeys.tokenState, this._state);
    await setContext(ContextKeys.accountCount, this._accounts.list().length);
  }

  /**
   * A token stored before accounts existed is identified (GET /me) and moved under its account,
   * which also takes over the unscoped drafts, muted and recent rooms. Offline: tried next start.
   */
  private async _migrateLegacy(): Promise<void> {
    const token = this._token;
    if (this._activeId !== undefined || token === undefined || !this._identify) return;
    const info = await this._identify(token).catch(() => undefined);
    if (!info || this._token !== token || this._activeId !== undefined) return;
    await this._secrets.store(accountKey(info.accountId), token);
    await this._accounts.upsert(info);
    await this._accounts.adoptUnscopedState(info.accountId);
    await this._secrets.delete(LEGACY_KEY);
    await this._switch(info.accountId);
  }
}
