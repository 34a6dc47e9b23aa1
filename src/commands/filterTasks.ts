import * as vscode from 'vscode';
import type { Member, TaskStatus } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { describeTaskView, type Person, type TaskView } from '../tree/filters';
import type { RoomsView } from '../tree/roomsView';
import { resolveRoom } from './targets';

interface ViewItem extends vscode.QuickPickItem {
  view?: TaskView;
}

/**
 * Filter Tasks… (on a room's Tasks node): open or done, and optionally by assignee and assigner.
 * Common views are one click; "Choose…" asks status, assignee and assigner in turn.
 */
export function registerFilterTasks(context: vscode.ExtensionContext, deps: Deps, rooms: RoomsView): void {
  const title = vscode.l10n.t('Chatwork: Filter Tasks');
  const run = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const current = rooms.provider.filters.taskView(room.room_id);
      const me = await deps.store.me();
      const self: Person = { accountId: me.account_id, name: me.name };
      const presets: ViewItem[] = [
        { label: vscode.l10n.t('Open tasks'), view: { status: 'open' } },
        { label: vscode.l10n.t('Done tasks'), view: { status: 'done' } },
        { label: vscode.l10n.t('My open tasks'), description: vscode.l10n.t('assigned to me'), view: { status: 'open', assignee: self } },
        { label: vscode.l10n.t('Open tasks I assigned'), description: vscode.l10n.t('assigned by me'), view: { status: 'open', assigner: self } },
        { label: vscode.l10n.t('Choose status and people…') },
      ];
      for (const item of presets) {
        if (item.view && describeTaskView(item.view) === describeTaskView(current)) item.description = vscode.l10n.t('current');
      }
      const choice = await deps.prompts.pick(presets, { title, placeHolder: vscode.l10n.t('Now showing: {0}', describeTaskView(current)) });
      if (!choice) return;
      const view = choice.view ?? (await askCustomView(deps, room.room_id, title));
      if (view) rooms.provider.setTaskView(room.room_id, view);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Filtering tasks'), error, () => run(arg));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.filterTasks', run));
}

async function askCustomView(deps: Deps, roomId: number, title: string): Promise<TaskView | undefined> {
  const statuses: { label: string; status: TaskStatus }[] = [
    { label: vscode.l10n.t({ message: 'Open', comment: 'task status: not done yet' }), status: 'open' },
    { label: vscode.l10n.t('Done'), status: 'done' },
  ];
  const status = await deps.prompts.pick(statuses, { title, placeHolder: vscode.l10n.t('Status') });
  if (!status) return undefined;
  const members = await deps.store.members(roomId);
  const assignee = await askPerson(deps, members, title, vscode.l10n.t('Assigned to'));
  if (assignee === undefined) return undefined;
  const assigner = await askPerson(deps, members, title, vscode.l10n.t('Assigned by'));
  if (assigner === undefined) return undefined;
  return { status: status.status, assignee: assignee ?? undefined, assigner: assigner ?? undefined };
}

/** A member, null for "anyone", undefined when cancelled. */
async function askPerson(deps: Deps, members: readonly Member[], title: string, placeHolder: string): Promise<Person | null | undefined> {
  const items = [
    { label: vscode.l10n.t('Anyone'), person: null },
    ...members.map((m) => ({ label: m.name, description: m.organization_name, person: { accountId: m.account_id, name: m.name } })),
  ];
  const picked = await deps.prompts.pick(items, { title, placeHolder });
  return picked === undefined ? undefined : picked.person;
}
