// Display names of the accounts the extension has seen — message senders, room members, "me" —
// so plain text (toasts, tree previews, system messages) can say "Chen" instead of `ID:1004`
// without a request of its own. Names are per token: the store clears them with everything else.

export class AccountNames {
  private readonly _names = new Map<number, string>();

  get(accountId: number): string | undefined {
    return this._names.get(accountId);
  }

  remember(accountId: number, name: string): void {
    if (name.trim() !== '') this._names.set(accountId, name);
  }

  rememberAll(accounts: Iterable<{ account_id: number; name: string }>): void {
    for (const a of accounts) this.remember(a.account_id, a.name);
  }

  clear(): void {
    this._names.clear();
  }
}
