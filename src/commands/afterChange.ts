import type { Deps } from '../deps';

/**
 * After a change made here (a room created, members changed, a task added…): one poll cycle, so
 * the tree, badge and status bar show it. A cycle already running may have read the rooms before
 * the change; joining it would miss the change until the next interval, so it is let finish first.
 */
export async function refreshAfterChange(deps: Deps): Promise<void> {
  if (deps.poller.state === 'polling') await deps.poller.pollNow();
  await deps.poller.pollNow();
}
