// /rooms/{room_id}/link: the invitation link of a group chat (admins manage it, members read it).
import { requireAdmin, requireGroup, roomOf } from '../access';
import { badRequest } from '../errors';
import type { RoomRecord } from '../model';
import { ok, type Ctx, type Route } from '../router';
import { linkView } from '../views';
import { linkCode } from './rooms';

function managedRoom(ctx: Ctx): RoomRecord {
  const room = roomOf(ctx);
  requireGroup(room);
  requireAdmin(ctx, room, 'manage the invitation link of this room');
  return room;
}

export const linkRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms/{room_id}/link',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireGroup(room);
      return ok(linkView(room));
    },
  },
  {
    method: 'POST',
    path: '/rooms/{room_id}/link',
    handler: (ctx) => {
      const room = managedRoom(ctx);
      if (room.link) throw badRequest('The invitation link already exists; use PUT to change it');
      room.link = {
        code: linkCode(ctx.state, ctx.params.string('code'), room.room_id),
        need_acceptance: ctx.params.bool('need_acceptance', true),
        description: ctx.params.string('description') ?? '',
      };
      return ok(linkView(room));
    },
  },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/link',
    handler: (ctx) => {
      const room = managedRoom(ctx);
      if (!room.link) throw badRequest('The room has no invitation link; use POST to create it');
      const code = ctx.params.string('code');
      if (code !== undefined) room.link.code = linkCode(ctx.state, code, room.room_id);
      room.link.need_acceptance = ctx.params.bool('need_acceptance', room.link.need_acceptance);
      room.link.description = ctx.params.string('description') ?? room.link.description;
      return ok(linkView(room));
    },
  },
  {
    method: 'DELETE',
    path: '/rooms/{room_id}/link',
    handler: (ctx) => {
      managedRoom(ctx).link = null;
      return ok({ public: false });
    },
  },
];
