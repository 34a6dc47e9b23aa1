import * as vscode from 'vscode';
import type { CreateTaskParams, RoomSummary } from '../api/types';
import { MAX_BODY_LENGTH } from '../api/validate';
import { describeDueDate, dueDateExamples, dueDateHint, parseDueDate } from '../common/dueDate';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK, toSingleLine } from '../common/singleLine';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { resolveRoom } from './targets';

const canPost = (room: RoomSummary): boolean => room.role !== 'readonly';

/**
 * Chatwork: Create Task — args optional `{ roomId, body?, assigneeIds? }` (a room or Tasks node works too): the
 * text, the assignees among the room's members (one task each, as Chatwork does), and an optional
 * deadline checked as it is typed. POST …/tasks, then the room's tasks are loaded again.
 */
export function registerCreateTask(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Create Task');
  const run = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title, filter: canPost, none: vscode.l10n.t('You can add tasks in no room.') });
      if (!room) return;
      if (!canPost(room)) {
        void deps.prompts.notify('warning', vscode.l10n.t('You are a read-only member of “{0}” and cannot add tasks there.', room.name));
        return;
      }
      const params = await askTask(deps, title, room.room_id, bodyOf(arg), assigneesOf(arg));
      if (!params) return;
      await submit(deps, room, params);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Creating the task'), error);
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.createTask', run));
}

/** `assigneeIds` of the argument (the members a message mentions): preselected in the picker. */
function assigneesOf(arg: unknown): readonly number[] {
  const ids = typeof arg === 'object' && arg !== null ? (arg as { assigneeIds?: unknown }).assigneeIds : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
}

function bodyOf(arg: unknown): string | undefined {
  const body = typeof arg === 'object' && arg !== null ? (arg as { body?: unknown }).body : undefined;
  return typeof body === 'string' ? body : undefined;
}

async function askTask(
  deps: Deps,
  title: string,
  roomId: number,
  initialBody: string | undefined,
  preselected: readonly number[],
): Promise<CreateTaskParams | undefined> {
  const body = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('What is to be done? (type {0} for a line break)', LINE_BREAK_MARK),
    value: initialBody === undefined ? undefined : toSingleLine(initialBody),
    validate: (value) =>
      value.trim() === '' ? vscode.l10n.t('Enter the task.') : value.length > MAX_BODY_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_BODY_LENGTH) : undefined,
  });
  if (body === undefined) return undefined;

  const [members, me] = await Promise.all([deps.store.members(roomId), deps.store.me()]);
  const items = [...members]
    .sort((a, b) => Number(b.account_id === me.account_id) - Number(a.account_id === me.account_id))
    .map((m) => ({
      label: m.name,
      description: m.account_id === me.account_id ? vscode.l10n.t('you') : m.organization_name,
      accountId: m.account_id,
      picked: preselected.includes(m.account_id),
    }));
  let assignees: number[] | undefined;
  for (;;) {
    assignees = (await deps.prompts.pickMany(items, { title, placeHolder: vscode.l10n.t('Assign to (one task per person)'), matchOnDescription: true }))?.map(
      (item) => item.accountId,
    );
    if (assignees === undefined) return undefined;
    if (assignees.length > 0) break;
    void deps.prompts.notify('warning', vscode.l10n.t('Choose at least one person to assign the task to.'));
  }

  const dueText = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('Deadline (optional): {0} ({1}). A date alone is the whole day, as Chatwork files it.', dueDateHint(), dueDateExamples()),
    placeHolder: vscode.l10n.t('No deadline'),
    validate: (value) => {
      const due = parseDueDate(value);
      return due.kind === 'invalid' ? due.message : undefined;
    },
    // The resolved day is shown before Enter, so "fri" or "12/24" cannot surprise.
    describe: (value) => describeDueDate(parseDueDate(value)),
  });
  if (dueText === undefined) return undefined;
  const due = parseDueDate(dueText);
  const params: CreateTaskParams = { body: fromSingleLine(body.trim()), to_ids: assignees };
  if (due.kind === 'due') {
    params.limit = due.limit;
    params.limit_type = due.limitType;
  }
  return params;
}

async function submit(deps: Deps, room: RoomSummary, params: CreateTaskParams): Promise<void> {
  try {
    const { task_ids } = await deps.client.createTask(room.room_id, params);
    deps.store.invalidate(room.room_id, 'tasks');
    await refreshAfterChange(deps);
    const text = task_ids.length === 1 ? vscode.l10n.t('Task added to “{0}”.', room.name) : vscode.l10n.t('{0} tasks added to “{1}”.', task_ids.length, room.name);
    void deps.prompts.notify('info', text);
  } catch (error) {
    // Retry sends the same task again without asking everything anew.
    await showError(deps, vscode.l10n.t('Creating the task'), error, () => submit(deps, room, params));
  }
}
