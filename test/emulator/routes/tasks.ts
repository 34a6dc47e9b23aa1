// /rooms/{room_id}/tasks[/{task_id}[/status]].
import type { TaskLimitType, TaskStatus } from '../../../src/api/types';
import { requireWriter, roleIn, roomOf } from '../access';
import { badRequest, forbidden, notFound } from '../errors';
import type { TaskRecord } from '../model';
import { taskCard, taskNotice } from '../notation';
import { list, ok, type Ctx, type Route } from '../router';
import { taskView } from '../views';
import { LIST_LIMIT } from './account';
import { ramlEnum } from '../spec';

const JST = 9 * 3600;

/** Date deadlines are the end of that day in JST (as the official examples are: 23:59:59 JST). */
export function endOfJstDay(unix: number): number {
  return Math.floor((unix + JST) / 86400) * 86400 + 86399 - JST;
}

function taskOf(ctx: Ctx): TaskRecord {
  const room = roomOf(ctx);
  const task = ctx.state.tasks.get(Number(ctx.path.task_id));
  if (!task || task.room_id !== room.room_id) throw notFound('Task');
  return task;
}

/** limit + limit_type → stored deadline; limit_type defaults to 'time' with a limit (current docs), else 'none'. */
function deadline(ctx: Ctx): { limit_time: number; limit_type: TaskLimitType } {
  const limit = ctx.params.int('limit');
  const type = ctx.params.oneOf('limit_type', ramlEnum<TaskLimitType>('POST /rooms/{room_id}/tasks', 'limit_type')) ?? (limit === undefined ? 'none' : 'time');
  if (type === 'none') return { limit_time: 0, limit_type: 'none' };
  if (limit === undefined) throw badRequest("Parameter 'limit' is required when 'limit_type' is date or time");
  return { limit_time: type === 'date' ? endOfJstDay(limit) : limit, limit_type: type };
}

export const taskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms/{room_id}/tasks',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const assignee = ctx.params.int('account_id');
      const by = ctx.params.int('assigned_by_account_id');
      const status = ctx.params.oneOf('status', ramlEnum<TaskStatus>('GET /rooms/{room_id}/tasks', 'status')) ?? 'open'; // RAML default
      const tasks = [...ctx.state.tasks.values()]
        .filter((t) => t.room_id === room.room_id && t.status === status)
        .filter((t) => (assignee === undefined || t.account_id === assignee) && (by === undefined || t.assigned_by_account_id === by))
        .sort((a, b) => a.task_id - b.task_id)
        .slice(0, LIST_LIMIT);
      return list(ctx, tasks.map((t) => taskView(ctx.state, t)));
    },
  },
  {
    method: 'POST',
    path: '/rooms/{room_id}/tasks',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireWriter(ctx, room);
      const body = ctx.params.text('body', { required: true, max: 65535 }) ?? '';
      const toIds = ctx.params.ids('to_ids', true);
      const stranger = toIds.find((id) => !room.members.has(id));
      if (toIds.length === 0 || stranger !== undefined) throw badRequest(`Parameter 'to_ids' is invalid${stranger ? `: ${stranger} is not a member of the room` : ''}`);
      const { limit_time, limit_type } = deadline(ctx);
      ctx.env.checkRoomPost(room.room_id);
      const me = ctx.me.account_id;
      const notice = ctx.state.postMessage(room.room_id, me, taskNotice('task_added', taskCard(toIds, 'open', limit_time, limit_type, body)));
      const taskIds = toIds.map((assignee) => {
        const task_id = ctx.state.nextId('task');
        ctx.state.tasks.set(task_id, {
          task_id, room_id: room.room_id, account_id: assignee, assigned_by_account_id: me, message_id: notice.message_id,
          body, limit_time, limit_type, status: 'open',
        });
        return task_id;
      });
      return ok({ task_ids: taskIds });
    },
  },
  { method: 'GET', path: '/rooms/{room_id}/tasks/{task_id}', handler: (ctx) => ok(taskView(ctx.state, taskOf(ctx))) },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/tasks/{task_id}/status',
    handler: (ctx) => {
      const task = taskOf(ctx);
      const room = roomOf(ctx);
      const status = ctx.params.oneOf('body', ramlEnum<TaskStatus>('PUT /rooms/{room_id}/tasks/{task_id}/status', 'body'), { required: true }) ?? 'open';
      const me = ctx.me.account_id;
      if (task.account_id !== me && task.assigned_by_account_id !== me && roleIn(ctx, room) !== 'admin') {
        throw forbidden("You don't have permission to change the status of this task.");
      }
      if (task.status !== status) {
        task.status = status;
        const card = taskCard([task.account_id], status, task.limit_time, task.limit_type, task.body);
        ctx.state.postMessage(room.room_id, me, taskNotice(status === 'done' ? 'task_done' : 'task_reverted', card));
      }
      // RAML: task_id is an integer here; the current OpenAPI is said to document a string.
      return ok({ task_id: task.task_id });
    },
  },
];
