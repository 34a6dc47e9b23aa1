import { createHash } from 'crypto';
import type * as vscode from 'vscode';
import type { Identity, IdentityCache } from '../store/identity';
import { accountScopedKey } from './accounts';
import type { TokenStore } from './tokenStore';

const KEY = 'chatwork.identity';

interface Stored {
  fingerprint: string;
  identity: Identity;
}

/**
 * The account behind the current token, kept in globalState so that a reload does not cost a
 * GET /me, one per account. It is tied to a one-way fingerprint of the token (a new token means a new lookup); the
 * token itself is never stored here.
 */
export class StoredIdentity implements IdentityCache {
  constructor(
    private readonly _state: vscode.Memento,
    private readonly _tokens: TokenStore,
  ) {}

  get(): Identity | undefined {
    const token = this._tokens.get();
    const stored = this._state.get<Stored>(accountScopedKey(this._tokens.activeAccountId, KEY));
    return token && stored?.fingerprint === fingerprint(token) ? stored.identity : undefined;
  }

  set(identity: Identity): void {
    const token = this._tokens.get();
    if (token) void this._state.update(accountScopedKey(this._tokens.activeAccountId, KEY), { fingerprint: fingerprint(token), identity } satisfies Stored);
  }
}

function fingerprint(token: string): string {
  return createHash('sha256').update(`chatwork-identity\0${token}`).digest('hex').slice(0, 16);
}
