// /incoming_requests: contact requests to me. Approving creates the contact and its direct chat.
import { notFound } from '../errors';
import type { IncomingRequestRecord } from '../model';
import { list, noContent, ok, type Ctx, type Route } from '../router';
import { contactView, incomingRequestView } from '../views';
import { LIST_LIMIT } from './account';

function requestOf(ctx: Ctx): IncomingRequestRecord {
  const r = ctx.state.incomingRequests.get(Number(ctx.path.request_id));
  if (!r || r.to_account_id !== ctx.me.account_id) throw notFound('Incoming request');
  return r;
}

export const requestRoutes: Route[] = [
  {
    method: 'GET',
    path: '/incoming_requests',
    handler: (ctx) => {
      const items = [...ctx.state.incomingRequests.values()]
        .filter((r) => r.to_account_id === ctx.me.account_id)
        .sort((a, b) => a.request_id - b.request_id)
        .slice(0, LIST_LIMIT)
        .flatMap((r) => {
          const from = ctx.state.account(r.from_account_id);
          return from ? [incomingRequestView(r, from)] : [];
        });
      return list(ctx, items);
    },
  },
  {
    method: 'PUT',
    path: '/incoming_requests/{request_id}',
    handler: (ctx) => {
      const r = requestOf(ctx);
      const from = ctx.state.account(r.from_account_id);
      if (!from) throw notFound('Incoming request');
      const room = ctx.state.connect(ctx.me.account_id, from.account_id);
      ctx.state.incomingRequests.delete(r.request_id);
      return ok(contactView(from, room.room_id));
    },
  },
  {
    method: 'DELETE',
    path: '/incoming_requests/{request_id}',
    handler: (ctx) => {
      ctx.state.incomingRequests.delete(requestOf(ctx).request_id);
      return noContent();
    },
  },
];
