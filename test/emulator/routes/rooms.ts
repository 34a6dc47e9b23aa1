// GET/POST /rooms, GET/PUT/DELETE /rooms/{room_id}.
import { requireAdmin, requireGroup, roomOf, validateMembers } from '../access';
import { badRequest } from '../errors';
import type { LinkRecord, RoomRecord } from '../model';
import { iconPath, memberNotice, roomCreatedNotice, roomEditedNotice } from '../notation';
import type { Params } from '../params';
import { noContent, ok, type Ctx, type Route } from '../router';
import type { EmulatorState } from '../state';
import { roomSummaryView, roomView } from '../views';
import { ramlEnum } from '../spec';

export const LINK_CODE = /^[A-Za-z0-9_-]{1,50}$/;

/** A link code: given (validated, unique) or random. */
export function linkCode(state: EmulatorState, given: string | undefined, roomId?: number): string {
  if (given === undefined) return `${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
  if (!LINK_CODE.test(given)) throw badRequest("Parameter 'code' must match ^[A-Za-z0-9_-]+$ (1-50 characters)");
  for (const r of state.rooms.values()) {
    if (r.room_id !== roomId && r.link?.code === given) throw badRequest('The link code is already used');
  }
  return given;
}

function newLink(ctx: Ctx, p: Params): LinkRecord | null {
  if (!p.bool('link', false)) return null;
  return { code: linkCode(ctx.state, p.string('link_code')), need_acceptance: p.bool('link_need_acceptance', true), description: '' };
}

/** Leave: my tasks and my files in the room go with me (RAML). The last one out deletes the room. */
function leave(ctx: Ctx, room: RoomRecord): void {
  const { state } = ctx;
  const me = ctx.me.account_id;
  for (const [id, t] of state.tasks) if (t.room_id === room.room_id && t.account_id === me) state.tasks.delete(id);
  for (const [id, f] of state.files) if (f.room_id === room.room_id && f.account_id === me) state.files.delete(id);
  state.postMessage(room.room_id, me, memberNotice('chatroom_leaved', [me]));
  state.removeMember(room, me);
  if (room.members.size === 0) state.deleteRoom(room.room_id);
}

export const roomRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms',
    handler: (ctx) => {
      const me = ctx.me.account_id;
      const rooms = [...ctx.state.rooms.values()].filter((r) => r.members.has(me)).sort((a, b) => a.room_id - b.room_id);
      return ok(rooms.map((r) => roomSummaryView(ctx.state, r, me)));
    },
  },
  {
    method: 'POST',
    path: '/rooms',
    handler: (ctx) => {
      const p = ctx.params;
      const name = p.text('name', { required: true, min: 1, max: 255 }) ?? '';
      const preset = p.oneOf('icon_preset', ramlEnum('POST /rooms', 'icon_preset')) ?? 'group';
      const admins = p.ids('members_admin_ids', true);
      if (admins.length === 0) throw badRequest("Parameter 'members_admin_ids' is required");
      const members = validateMembers(ctx, { admin: admins, member: p.ids('members_member_ids'), readonly: p.ids('members_readonly_ids') });
      const me = ctx.me.account_id;
      if (!members.has(me)) members.set(me, 'admin'); // inferred: the creator always ends up in the room
      const link = newLink(ctx, p);
      const room = ctx.state.createRoom({ type: 'group', name, description: p.string('description') ?? '', icon_path: iconPath(preset), members });
      room.link = link;
      ctx.state.postMessage(room.room_id, me, roomCreatedNotice(name, [...members.keys()]));
      return ok({ room_id: room.room_id });
    },
  },
  { method: 'GET', path: '/rooms/{room_id}', handler: (ctx) => ok(roomView(ctx.state, roomOf(ctx), ctx.me.account_id)) },
  {
    method: 'PUT',
    path: '/rooms/{room_id}',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireGroup(room);
      requireAdmin(ctx, room, 'edit this room');
      const name = ctx.params.text('name', { min: 1, max: 255 });
      const description = ctx.params.string('description');
      const preset = ctx.params.oneOf('icon_preset', ramlEnum('PUT /rooms/{room_id}', 'icon_preset'));
      if (name !== undefined) room.name = name;
      if (description !== undefined) room.description = description;
      if (preset !== undefined) room.icon_path = iconPath(preset);
      if (name !== undefined || description !== undefined || preset !== undefined) {
        ctx.state.postMessage(room.room_id, ctx.me.account_id, roomEditedNotice({ name, description, icon: preset !== undefined }));
      }
      return ok({ room_id: room.room_id });
    },
  },
  {
    method: 'DELETE',
    path: '/rooms/{room_id}',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const action = ctx.params.oneOf('action_type', ramlEnum<'leave' | 'delete'>('DELETE /rooms/{room_id}', 'action_type'), { required: true });
      requireGroup(room);
      if (action === 'delete') {
        requireAdmin(ctx, room, 'delete this room');
        ctx.state.deleteRoom(room.room_id);
      } else {
        leave(ctx, room);
      }
      return noContent();
    },
  },
];
