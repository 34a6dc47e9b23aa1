// What the rooms view's badge counts (setting `chatwork.badge`). No `vscode`: the badge is a plain
// { value, tooltip } object that the view assigns.

import type { MyStatus, RoomSummary } from '../api/types';
import { l10n } from '../common/l10n';

export type BadgeMode = 'unread' | 'mentions' | 'none';

export interface Badge {
  readonly value: number;
  readonly tooltip: string;
}

/**
 * Counts from GET /my/status when known, else summed over the rooms list (the same numbers: the
 * status is the sum of the rooms' counters). No badge for 0, for 'none', or before anything loaded.
 */
export function badgeFor(mode: BadgeMode, status: MyStatus | undefined, rooms: readonly RoomSummary[] | undefined): Badge | undefined {
  if (mode === 'none') return undefined;
  const sum = (key: 'unread_num' | 'mention_num'): number | undefined =>
    status ? status[key] : rooms?.reduce((total, room) => total + room[key], 0);
  if (mode === 'mentions') {
    const value = sum('mention_num');
    return value ? { value, tooltip: value === 1 ? l10n.t('1 mention') : l10n.t('{0} mentions', value) } : undefined;
  }
  const value = sum('unread_num');
  return value ? { value, tooltip: value === 1 ? l10n.t('1 unread message') : l10n.t('{0} unread messages', value) } : undefined;
}
