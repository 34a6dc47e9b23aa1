// GET/PUT /rooms/{room_id}/members. PUT is a full replacement: anyone not listed is removed.
import type { MemberRoles, Role } from '../../../src/api/types';
import { requireAdmin, requireGroup, roomOf, validateMembers } from '../access';
import { badRequest } from '../errors';
import { memberNotice } from '../notation';
import { ok, type Route } from '../router';
import { memberView } from '../views';

const ROLE_ORDER: Record<Role, number> = { admin: 0, member: 1, readonly: 2 };

export const memberRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rooms/{room_id}/members',
    handler: (ctx) => {
      const room = roomOf(ctx);
      const members = [...room.members]
        .sort(([a, ra], [b, rb]) => ROLE_ORDER[ra] - ROLE_ORDER[rb] || a - b)
        .flatMap(([id, role]) => {
          const account = ctx.state.account(id);
          return account ? [memberView(account, role)] : [];
        });
      return ok(members);
    },
  },
  {
    method: 'PUT',
    path: '/rooms/{room_id}/members',
    handler: (ctx) => {
      const room = roomOf(ctx);
      requireGroup(room);
      requireAdmin(ctx, room, 'change the members of this room');
      const p = ctx.params;
      const admins = p.ids('members_admin_ids', true);
      if (admins.length === 0) throw badRequest("Parameter 'members_admin_ids' is required");
      const next = validateMembers(ctx, { admin: admins, member: p.ids('members_member_ids'), readonly: p.ids('members_readonly_ids') });

      const added: number[] = [];
      const changed: number[] = [];
      const removed = [...room.members.keys()].filter((id) => !next.has(id));
      for (const [id, role] of next) {
        const before = room.members.get(id);
        if (before === undefined) added.push(id);
        else if (before !== role) changed.push(id);
      }
      const me = ctx.me.account_id;
      for (const id of removed) ctx.state.removeMember(room, id);
      for (const [id, role] of next) ctx.state.setMember(room, id, role);
      // Posted after the change: new members find the notice unread, removed ones never see it.
      const post = (body: string): void => void ctx.state.postMessage(room.room_id, me, body);
      if (added.length) post(memberNotice('chatroom_added', added));
      if (changed.length) post(memberNotice('chatroom_priv_changed', changed));
      if (removed.length) post(memberNotice('chatroom_deleted', removed));

      const roles: MemberRoles = { admin: [], member: [], readonly: [] };
      for (const [id, role] of next) roles[role].push(id);
      return ok(roles);
    },
  },
];
