import type * as vscode from 'vscode';
import type { Me } from '../api/types';

/** A signed-in Chatwork account as the pickers show it (from GET /me; never the token). */
export interface AccountInfo {
  readonly accountId: number;
  readonly name: string;
  readonly organizationName: string;
}

export function accountInfoOf(me: Pick<Me, 'account_id' | 'name' | 'organization_name'>): AccountInfo {
  return { accountId: me.account_id, name: me.name, organizationName: me.organization_name };
}

/** Who is signed in now: what per-account state (drafts, muted rooms, recent rooms…) is keyed by. */
export interface AccountScope {
  /** undefined while signed out, or while a token from before accounts existed is not identified yet. */
  readonly activeAccountId: number | undefined;
}

/**
 * The key of a piece of per-account state. Without an account id (a token stored before accounts
 * existed and not identified yet) it is the old unscoped key, which is where that data still lives
 * until `AccountRegistry.adoptUnscopedState` moves it.
 */
export function accountScopedKey(accountId: number | undefined, name: string): string {
  return accountId === undefined ? name : `${name}@account:${accountId}`;
}

const ACCOUNTS_KEY = 'chatwork.accounts';
const ACTIVE_KEY = 'chatwork.activeAccount';
/** workspaceState only: a workspace setting could be committed to a repository and redirect a token. */
const BOUND_KEY = 'chatwork.boundAccount';
/** The unscoped keys of per-account state from before accounts existed. */
const UNSCOPED_STATE = ['chatwork.mutedRooms', 'chatwork.recentRooms'];
const UNSCOPED_PREFIXES = ['chatwork.draft.'];

/**
 * The list of signed-in accounts (id, name, organisation) and which one is active: in globalState,
 * shared by every window; an optional per-workspace binding in workspaceState. Tokens are not
 * here: they are in SecretStorage, owned by TokenStore.
 */
export class AccountRegistry {
  constructor(
    private readonly _global: vscode.Memento,
    private readonly _workspace?: vscode.Memento,
  ) {}

  list(): AccountInfo[] {
    const value = this._global.get<unknown>(ACCOUNTS_KEY);
    return Array.isArray(value) ? value.filter(isAccountInfo) : [];
  }

  get(accountId: number): AccountInfo | undefined {
    return this.list().find((a) => a.accountId === accountId);
  }

  async upsert(info: AccountInfo): Promise<void> {
    const { accountId, name, organizationName } = info;
    const others = this.list().filter((a) => a.accountId !== accountId);
    await this._global.update(ACCOUNTS_KEY, [...others, { accountId, name, organizationName }]);
  }

  async remove(accountId: number): Promise<void> {
    await this._global.update(ACCOUNTS_KEY, this.list().filter((a) => a.accountId !== accountId));
    if (this._global.get(ACTIVE_KEY) === accountId) await this._global.update(ACTIVE_KEY, undefined);
    if (this.boundAccountId === accountId) await this._workspace?.update(BOUND_KEY, undefined);
  }

  /** The account to start with: this workspace's, else the last one chosen, else the first. */
  startAccountId(): number | undefined {
    const known = new Set(this.list().map((a) => a.accountId));
    const candidates = [this.boundAccountId, this._global.get<unknown>(ACTIVE_KEY), this.list()[0]?.accountId];
    return candidates.find((id): id is number => typeof id === 'number' && known.has(id));
  }

  async rememberActive(accountId: number | undefined): Promise<void> {
    await this._global.update(ACTIVE_KEY, accountId);
    // A bound workspace follows an explicit switch made in it.
    if (accountId !== undefined && this.boundAccountId !== undefined) await this._workspace?.update(BOUND_KEY, accountId);
  }

  get boundAccountId(): number | undefined {
    const value = this._workspace?.get<unknown>(BOUND_KEY);
    return typeof value === 'number' ? value : undefined;
  }

  /** Binds this workspace to an account (or unbinds it with undefined). */
  async bind(accountId: number | undefined): Promise<void> {
    await this._workspace?.update(BOUND_KEY, accountId);
  }

  /**
   * The first account identified behind a token from before accounts existed takes over the
   * unscoped state (drafts, muted and recent rooms) it was using.
   */
  async adoptUnscopedState(accountId: number): Promise<void> {
    const names = [
      ...UNSCOPED_STATE,
      ...this._global.keys().filter((key) => UNSCOPED_PREFIXES.some((prefix) => key.startsWith(prefix)) && !key.includes('@account:')),
    ];
    for (const name of names) {
      const value = this._global.get<unknown>(name);
      if (value === undefined) continue;
      const scoped = accountScopedKey(accountId, name);
      if (this._global.get(scoped) === undefined) await this._global.update(scoped, value);
      await this._global.update(name, undefined);
    }
  }
}

function isAccountInfo(value: unknown): value is AccountInfo {
  const v = value as Partial<AccountInfo> | null;
  return typeof v === 'object' && v !== null && typeof v.accountId === 'number' && typeof v.name === 'string' && typeof v.organizationName === 'string';
}
