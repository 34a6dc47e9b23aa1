// /rooms/{room_id}/messages[/read|/unread|/{message_id}] — the diff cursor of §6 and read state.
import { requireWriter, roomOf } from '../access';
import { readState } from '../counters';
import { ApiError, badRequest, forbidden, notFound, NO_SEND_PERMISSION } from '../errors';
import type { MessageRecord } from '../model';
import { noContent, ok, type Ctx, type Route } from '../router';
import { messageView } from '../views';
import { LIST_LIMIT } from './account';

const BODY_LIMITS = { required: true, min: 1, max: 65535 };

/**
 * GET messages: force=1 → the newest 100; otherwise only what this token has not fetched yet
 * (204 when nothing). With more than 100 unfetched, the newest 100 come back and the older ones
 * are skipped unless env.diffBacklog is 'oldest' (then the oldest 100, the rest next time).
 */
function fetchMessages(ctx: Ctx): MessageRecord[] {
  const room = roomOf(ctx);
  const all = ctx.state.roomMessages(room.room_id);
  const key = `${ctx.token}/${room.room_id}`;
  const cursor = ctx.state.diffCursors.get(key) ?? 0;
  let batch: MessageRecord[];
  if (ctx.params.bool('force', false)) {
    batch = all.slice(-LIST_LIMIT);
  } else {
    const fresh = all.filter((m) => m.seq > cursor);
    batch = ctx.env.diffBacklog === 'oldest' ? fresh.slice(0, LIST_LIMIT) : fresh.slice(-LIST_LIMIT);
  }
  const last = batch[batch.length - 1];
  if (last) ctx.state.diffCursors.set(key, Math.max(cursor, last.seq));
  return batch;
}

function messageOf(ctx: Ctx): MessageRecord {
  const room = roomOf(ctx);
  const m = ctx.state.findMessage(room.room_id, ctx.path.message_id ?? '');
  if (!m) throw notFound('Message');
  return m;
}

/** The message named by the message_id parameter (400 when it is not in the room). */
function messageParam(ctx: Ctx, roomId: number, required: boolean): MessageRecord | undefined {
  const id = ctx.params.messageId('message_id', required);
  if (id === undefined) return undefined;
  const m = ctx.state.findMessage(roomId, id);
  if (!m) throw badRequest("Parameter 'message_id' is invalid");
  return m;
}

function ownEditable(ctx: Ctx, m: MessageRecord, deniedMessage: string): void {
  requireWriter(ctx, roomOf(ctx));
  if (m.account_id !== ctx.me.account_id) throw forbidden(deniedMessage);
  if (m.deleted) throw badRequest('The message has been deleted');
}

export const messageRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms/{room_id}/messages',
    handler: (ctx) => {
      const batch = fetchMessages(ctx);
      return batch.length ? ok(batch.map((m) => messageView(ctx.state, m))) : noContent();
    },
  },
  {
    method: 'POST',
    path: '/rooms/{room_id}/messages',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireWriter(ctx, room);
      const body = ctx.params.text('body', BODY_LIMITS) ?? '';
      const selfUnread = ctx.params.bool('self_unread', false);
      ctx.env.checkRoomPost(room.room_id);
      const m = ctx.state.postMessage(room.room_id, ctx.me.account_id, body, { selfUnread });
      return ok({ message_id: m.message_id });
    },
  },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/messages/read',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const me = ctx.me.account_id;
      const target = messageParam(ctx, room.room_id, false);
      const pointer = ctx.state.readPointer(room.room_id, me);
      if (target ? target.seq <= pointer : readState(ctx.state, room.room_id, me).unread_num === 0) {
        throw new ApiError(400, 'The message is already read');
      }
      ctx.state.setReadPointer(room.room_id, me, target ? target.seq : ctx.state.lastSeq);
      return ok(readState(ctx.state, room.room_id, me));
    },
  },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/messages/unread',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const me = ctx.me.account_id;
      const target = messageParam(ctx, room.room_id, true);
      if (target) ctx.state.setReadPointer(room.room_id, me, Math.min(ctx.state.readPointer(room.room_id, me), target.seq - 1));
      return ok(readState(ctx.state, room.room_id, me));
    },
  },
  { method: 'GET', path: '/rooms/{room_id}/messages/{message_id}', handler: (ctx) => ok(messageView(ctx.state, messageOf(ctx))) },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/messages/{message_id}',
    handler: (ctx) => {
      const m = messageOf(ctx);
      ownEditable(ctx, m, NO_SEND_PERMISSION);
      m.body = ctx.params.text('body', BODY_LIMITS) ?? m.body;
      m.update_time = ctx.state.now();
      ctx.state.touch(roomOf(ctx));
      return ok({ message_id: m.message_id });
    },
  },
  {
    method: 'DELETE',
    path: '/rooms/{room_id}/messages/{message_id}',
    handler: (ctx) => {
      const m = messageOf(ctx);
      ownEditable(ctx, m, "You don't have permission to delete this message.");
      m.deleted = true; // the record keeps its body; the API shows "[deleted]"
      m.update_time = ctx.state.now();
      ctx.state.touch(roomOf(ctx));
      return ok({ message_id: m.message_id });
    },
  },
];
