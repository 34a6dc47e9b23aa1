// Records → the JSON shapes of the RAML (src/api/types.ts), as seen by one account.
import type {
  AccountMini, ChatworkFile, Contact, IncomingRequest, Me, Member, Message, MyTask, Room, RoomLink, RoomSummary, Task,
} from '../../src/api/types';
import { roomCounters } from './counters';
import type { AccountRecord, FileRecord, IncomingRequestRecord, MessageRecord, RoomRecord, TaskRecord } from './model';
import { linkUrl } from './notation';
import type { EmulatorState } from './state';

const UNKNOWN: AccountMini = { account_id: 0, name: '', avatar_image_url: '' };

export function accountMini(state: EmulatorState, accountId: number): AccountMini {
  const a = state.account(accountId);
  return a ? { account_id: a.account_id, name: a.name, avatar_image_url: a.avatar_image_url } : { ...UNKNOWN, account_id: accountId };
}

export function meView(state: EmulatorState, a: AccountRecord): Me {
  const myRoom = [...state.rooms.values()].find((r) => r.type === 'my' && r.members.has(a.account_id));
  const { account_id, name, chatwork_id, organization_id, organization_name, department, title, url, introduction, mail } = a;
  return {
    account_id, room_id: myRoom?.room_id ?? 0, name, chatwork_id, organization_id, organization_name, department, title, url,
    introduction, mail, tel_organization: a.tel_organization, tel_extension: a.tel_extension, tel_mobile: a.tel_mobile,
    skype: a.skype, facebook: a.facebook, twitter: a.twitter, avatar_image_url: a.avatar_image_url, login_mail: a.login_mail,
  };
}

function profile(a: AccountRecord): Omit<Contact, 'account_id' | 'room_id'> {
  const { name, chatwork_id, organization_id, organization_name, department, avatar_image_url } = a;
  return { name, chatwork_id, organization_id, organization_name, department, avatar_image_url };
}

export function contactView(a: AccountRecord, roomId: number): Contact {
  return { account_id: a.account_id, room_id: roomId, ...profile(a) };
}

export function memberView(a: AccountRecord, role: Member['role']): Member {
  return { account_id: a.account_id, role, ...profile(a) };
}

export function incomingRequestView(r: IncomingRequestRecord, from: AccountRecord): IncomingRequest {
  return { request_id: r.request_id, account_id: from.account_id, message: r.message, ...profile(from) };
}

/** Name and icon as the viewer sees them: a direct room shows the other person. */
export function roomFace(state: EmulatorState, room: RoomRecord, viewerId: number): { name: string; icon_path: string } {
  if (room.type !== 'direct') return { name: room.name, icon_path: room.icon_path };
  const otherId = [...room.members.keys()].find((id) => id !== viewerId);
  const other = otherId === undefined ? undefined : state.account(otherId);
  return { name: other?.name ?? room.name, icon_path: other?.avatar_image_url ?? room.icon_path };
}

export function roomSummaryView(state: EmulatorState, room: RoomRecord, viewerId: number): RoomSummary {
  const c = roomCounters(state, room, viewerId);
  const face = roomFace(state, room, viewerId);
  return {
    room_id: room.room_id, name: face.name, type: room.type, role: room.members.get(viewerId) ?? 'readonly',
    sticky: room.sticky.has(viewerId), unread_num: c.unread_num, mention_num: c.mention_num, mytask_num: c.mytask_num,
    message_num: c.message_num, file_num: c.file_num, task_num: c.task_num, icon_path: face.icon_path,
    last_update_time: room.last_update_time,
  };
}

export function roomView(state: EmulatorState, room: RoomRecord, viewerId: number): Room {
  return { ...roomSummaryView(state, room, viewerId), description: room.description };
}

export function messageView(state: EmulatorState, m: MessageRecord): Message {
  return {
    message_id: m.message_id,
    account: accountMini(state, m.account_id),
    body: m.deleted ? '[deleted]' : m.body,
    send_time: m.send_time,
    update_time: m.update_time,
  };
}

export function taskView(state: EmulatorState, t: TaskRecord): Task {
  return {
    task_id: t.task_id, account: accountMini(state, t.account_id), assigned_by_account: accountMini(state, t.assigned_by_account_id),
    message_id: t.message_id, body: t.body, limit_time: t.limit_time, status: t.status, limit_type: t.limit_type,
  };
}

export function myTaskView(state: EmulatorState, t: TaskRecord, viewerId: number): MyTask {
  const room = state.rooms.get(t.room_id);
  const face = room ? roomFace(state, room, viewerId) : { name: '', icon_path: '' };
  return {
    task_id: t.task_id, room: { room_id: t.room_id, name: face.name, icon_path: face.icon_path },
    assigned_by_account: accountMini(state, t.assigned_by_account_id), message_id: t.message_id, body: t.body,
    limit_time: t.limit_time, status: t.status, limit_type: t.limit_type,
  };
}

export function fileView(state: EmulatorState, f: FileRecord): ChatworkFile {
  return {
    file_id: f.file_id, account: accountMini(state, f.account_id), message_id: f.message_id, filename: f.filename,
    filesize: f.filesize, upload_time: f.upload_time,
  };
}

export function linkView(room: RoomRecord): RoomLink {
  if (!room.link) return { public: false };
  return { public: true, url: linkUrl(room.link.code), need_acceptance: room.link.need_acceptance, description: room.link.description };
}
