// Room lookups with the API's permission rules.
import type { Role } from '../../src/api/types';
import { badRequest, forbidden, notFound } from './errors';
import type { RoomRecord } from './model';
import type { Ctx } from './router';

/** The room of {room_id} if the caller is a member; 404 otherwise (no hint that it exists). */
export function roomOf(ctx: Ctx): RoomRecord {
  const room = ctx.state.rooms.get(Number(ctx.path.room_id));
  if (!room || !room.members.has(ctx.me.account_id)) throw notFound('Room');
  return room;
}

export function roleIn(ctx: Ctx, room: RoomRecord): Role {
  return room.members.get(ctx.me.account_id) ?? 'readonly';
}

export function requireAdmin(ctx: Ctx, room: RoomRecord, action: string): void {
  if (roleIn(ctx, room) !== 'admin') throw forbidden(`You don't have permission to ${action}.`);
}

export function requireWriter(ctx: Ctx, room: RoomRecord): void {
  if (roleIn(ctx, room) === 'readonly') throw forbidden("You don't have permission to send/edit message.");
}

export function requireGroup(room: RoomRecord): void {
  if (room.type !== 'group') throw forbidden('This operation is only available for group chats.');
}

/** Every id must be a known account; the same id may not appear under two roles. */
export function validateMembers(ctx: Ctx, roles: Record<Role, number[]>): Map<number, Role> {
  const members = new Map<number, Role>();
  for (const role of ['admin', 'member', 'readonly'] as const) {
    for (const id of roles[role]) {
      if (!ctx.state.account(id)) throw badRequest(`Invalid account_id: ${id}`);
      if (members.has(id)) throw badRequest(`Account ${id} is listed under more than one role`);
      members.set(id, role);
    }
  }
  return members;
}
