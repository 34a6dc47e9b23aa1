import * as vscode from 'vscode';
import type { MemberRoles, Role } from '../api/types';
import type { Deps } from '../deps';

/** Someone who can be put in a room: a contact, a current member, or me. */
export interface Candidate {
  readonly accountId: number;
  readonly name: string;
  readonly detail?: string;
}

/**
 * Asks for the admins, members and read-only members of a group chat, one multi-select each, with
 * `initial` roles pre-selected. Each later question offers only who is still unassigned. A group
 * chat needs an admin: an empty admin choice is refused and asked again. Undefined = cancelled.
 */
export async function askRoles(
  deps: Deps,
  title: string,
  candidates: readonly Candidate[],
  initial: ReadonlyMap<number, Role>,
): Promise<MemberRoles | undefined> {
  const ask = async (pool: readonly Candidate[], role: Role, placeHolder: string): Promise<number[] | undefined> => {
    if (pool.length === 0) return [];
    const items = pool.map((c) => ({ label: c.name, description: c.detail, picked: initial.get(c.accountId) === role, accountId: c.accountId }));
    const picked = await deps.prompts.pickMany(items, { title, placeHolder, matchOnDescription: true });
    return picked?.map((item) => item.accountId);
  };

  let admin: number[] | undefined;
  for (;;) {
    admin = await ask(candidates, 'admin', vscode.l10n.t('Admins (at least one) — they can edit the chat and its members'));
    if (admin === undefined) return undefined;
    if (admin.length > 0) break;
    void deps.prompts.notify('warning', vscode.l10n.t('A group chat needs at least one admin. Choose one or more admins.'));
  }
  const afterAdmins = candidates.filter((c) => !admin.includes(c.accountId));
  const member = await ask(afterAdmins, 'member', vscode.l10n.t('Members — they can read and post'));
  if (member === undefined) return undefined;
  const afterMembers = afterAdmins.filter((c) => !member.includes(c.accountId));
  const readonly = await ask(afterMembers, 'readonly', vscode.l10n.t('Read-only members — they can only read'));
  if (readonly === undefined) return undefined;
  return { admin, member, readonly };
}

/** Everyone who could be in the room, each once: me first, then members, then other contacts. */
export function mergeCandidates(...lists: readonly (readonly Candidate[])[]): Candidate[] {
  const seen = new Map<number, Candidate>();
  for (const list of lists) for (const c of list) if (!seen.has(c.accountId)) seen.set(c.accountId, c);
  return [...seen.values()];
}
