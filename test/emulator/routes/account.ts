// GET /me, /my/status, /my/tasks, /contacts.
import type { TaskStatus } from '../../../src/api/types';
import { myStatus } from '../counters';
import { list, ok, type Route } from '../router';
import { contactView, meView, myTaskView } from '../views';
import { ramlEnum } from '../spec';

/** Lists of the API stop at 100 items ("pagination planned", never shipped). */
export const LIST_LIMIT = 100;

export const accountRoutes: Route[] = [
  { method: 'GET', path: '/me', handler: (ctx) => ok(meView(ctx.state, ctx.me)) },
  { method: 'GET', path: '/my/status', handler: (ctx) => ok(myStatus(ctx.state, ctx.me.account_id)) },
  {
    method: 'GET',
    path: '/my/tasks',
    handler: (ctx) => {
      const by = ctx.params.int('assigned_by_account_id');
      const status = ctx.params.oneOf('status', ramlEnum<TaskStatus>('GET /my/tasks', 'status')) ?? 'open'; // RAML default
      const me = ctx.me.account_id;
      const tasks = [...ctx.state.tasks.values()]
        .filter((t) => t.account_id === me && t.status === status && (by === undefined || t.assigned_by_account_id === by))
        .filter((t) => ctx.state.rooms.get(t.room_id)?.members.has(me))
        .sort((a, b) => a.task_id - b.task_id)
        .slice(0, LIST_LIMIT);
      return list(ctx, tasks.map((t) => myTaskView(ctx.state, t, me)));
    },
  },
  {
    method: 'GET',
    path: '/contacts',
    handler: (ctx) => {
      const contacts = [...(ctx.state.contacts.get(ctx.me.account_id) ?? new Map<number, number>())]
        .sort(([a], [b]) => a - b)
        .flatMap(([id, roomId]) => {
          const a = ctx.state.account(id);
          return a ? [contactView(a, roomId)] : [];
        });
      return list(ctx, contacts);
    },
  },
];
