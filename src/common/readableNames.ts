// The one way account ids become words in plain text: every sink that renders notation as text for
// people (toasts, the tree's message previews and system messages) uses this resolver, so none of
// them shows a raw `To:1001` or `ID:1004`. Unknown accounts read as a neutral word.
import type { AccountNames } from '../store/accountNames';
import { l10n } from './l10n';

export type NameResolver = (accountId: number) => string;

export function readableNames(names: AccountNames): NameResolver {
  return (accountId) => names.get(accountId) ?? l10n.t('someone');
}

/** The account ids a body mentions, replies to or names (to learn the unknown ones first). */
export function unknownAccounts(names: AccountNames, render: (resolve: (id: number) => string | undefined) => unknown): number[] {
  const ids = new Set<number>();
  render((id) => {
    if (names.get(id) === undefined) ids.add(id);
    return undefined;
  });
  return [...ids];
}
