// Shapes of the Chatwork API v2 as it returns them (from the RAML's JSON Schemas, see
// ../shared/spec/chatwork-api-ja.raml). Ids are numbers except `message_id`, which is a string of up
// to 19 digits and must never go through Number(). Times are Unix seconds.

export type RoomType = 'my' | 'direct' | 'group';
export type Role = 'admin' | 'member' | 'readonly';
export type TaskStatus = 'open' | 'done';
export type TaskLimitType = 'none' | 'date' | 'time';

export const ICON_PRESETS = [
  'group', 'check', 'document', 'meeting', 'event', 'project', 'business', 'study', 'security',
  'star', 'idea', 'heart', 'magcup', 'beer', 'music', 'sports', 'travel',
] as const;
export type IconPreset = (typeof ICON_PRESETS)[number];

/** The short account object inside messages, tasks and files. */
export interface AccountMini {
  account_id: number;
  name: string;
  avatar_image_url: string;
}

export interface Me {
  account_id: number;
  room_id: number;
  name: string;
  chatwork_id: string;
  organization_id: number;
  organization_name: string;
  department: string;
  title: string;
  url: string;
  introduction: string;
  mail: string;
  tel_organization: string;
  tel_extension: string;
  tel_mobile: string;
  skype: string;
  facebook: string;
  twitter: string;
  avatar_image_url: string;
  login_mail: string;
}

export interface MyStatus {
  unread_room_num: number;
  mention_room_num: number;
  mytask_room_num: number;
  unread_num: number;
  mention_num: number;
  mytask_num: number;
}

export interface Contact {
  account_id: number;
  room_id: number;
  name: string;
  chatwork_id: string;
  organization_id: number;
  organization_name: string;
  department: string;
  avatar_image_url: string;
}

/** An item of GET /rooms: no description. */
export interface RoomSummary {
  room_id: number;
  name: string;
  type: RoomType;
  role: Role;
  sticky: boolean;
  unread_num: number;
  mention_num: number;
  mytask_num: number;
  message_num: number;
  file_num: number;
  task_num: number;
  icon_path: string;
  last_update_time: number;
}

/** GET /rooms/{room_id}. */
export interface Room extends RoomSummary {
  description: string;
}

export interface Member {
  account_id: number;
  role: Role;
  name: string;
  chatwork_id: string;
  organization_id: number;
  organization_name: string;
  department: string;
  avatar_image_url: string;
}

export interface MemberRoles {
  admin: number[];
  member: number[];
  readonly: number[];
}

export interface Message {
  message_id: string;
  account: AccountMini;
  body: string;
  send_time: number;
  /** 0 when the message was never edited. */
  update_time: number;
}

export interface ReadState {
  unread_num: number;
  mention_num: number;
}

export interface Task {
  task_id: number;
  /** The assignee. */
  account: AccountMini;
  assigned_by_account: AccountMini;
  message_id: string;
  body: string;
  /** 0 when there is no deadline. */
  limit_time: number;
  status: TaskStatus;
  limit_type: TaskLimitType;
}

/** An item of GET /my/tasks: a task of mine, with its room instead of the assignee. */
export interface MyTask {
  task_id: number;
  room: { room_id: number; name: string; icon_path: string };
  assigned_by_account: AccountMini;
  message_id: string;
  body: string;
  limit_time: number;
  status: TaskStatus;
  limit_type: TaskLimitType;
}

export interface ChatworkFile {
  file_id: number;
  account: AccountMini;
  message_id: string;
  filename: string;
  /** Bytes. */
  filesize: number;
  upload_time: number;
  /** Only with create_download_url=1; valid for 30 seconds. */
  download_url?: string;
}

export interface RoomLink {
  public: boolean;
  url?: string;
  need_acceptance?: boolean;
  description?: string;
}

export interface IncomingRequest {
  request_id: number;
  account_id: number;
  message: string;
  name: string;
  chatwork_id: string;
  organization_id: number;
  organization_name: string;
  department: string;
  avatar_image_url: string;
}

/** PUT /incoming_requests/{id}: the new contact, with the direct chat's room_id. */
export type AcceptedRequest = Contact;

/** Rate-limit headers of the last response (x-ratelimit-*); reset is Unix seconds. */
export interface RateLimit {
  limit: number;
  remaining: number;
  reset: number;
}

// Request parameters

export interface CreateRoomParams {
  name: string;
  description?: string;
  icon_preset?: IconPreset;
  members_admin_ids: number[];
  members_member_ids?: number[];
  members_readonly_ids?: number[];
  link?: boolean;
  link_code?: string;
  link_need_acceptance?: boolean;
}

export interface UpdateRoomParams {
  name?: string;
  description?: string;
  icon_preset?: IconPreset;
}

export interface UpdateMembersParams {
  members_admin_ids: number[];
  members_member_ids?: number[];
  members_readonly_ids?: number[];
}

export interface CreateTaskParams {
  body: string;
  to_ids: number[];
  /** Unix seconds. */
  limit?: number;
  limit_type?: TaskLimitType;
}

export interface TaskFilter {
  account_id?: number;
  assigned_by_account_id?: number;
  status?: TaskStatus;
}

export interface MyTaskFilter {
  assigned_by_account_id?: number;
  status?: TaskStatus;
}

export interface RoomLinkParams {
  code?: string;
  need_acceptance?: boolean;
  description?: string;
}

export interface UploadFileParams {
  /** The file name shown in Chatwork (no folders). */
  filename: string;
  data: Uint8Array;
  contentType?: string;
  message?: string;
}

export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'done'];
export const TASK_LIMIT_TYPES: readonly TaskLimitType[] = ['none', 'date', 'time'];

/** DELETE /rooms/{room_id}: leave the group chat, or delete it for everyone (admins only). */
export type DeleteRoomAction = 'leave' | 'delete';
export const DELETE_ROOM_ACTIONS: readonly DeleteRoomAction[] = ['leave', 'delete'];

// Results of write operations

/** POST /rooms, PUT /rooms/{room_id}. */
export interface RoomIdResult {
  room_id: number;
}

/** POST, PUT and DELETE of messages. */
export interface MessageIdResult {
  message_id: string;
}

/** POST /rooms/{room_id}/tasks: one task per assignee. */
export interface TaskIdsResult {
  task_ids: number[];
}

/** PUT /rooms/{room_id}/tasks/{task_id}/status (the client turns a string task_id into a number). */
export interface TaskIdResult {
  task_id: number;
}

/** POST /rooms/{room_id}/files. */
export interface FileIdResult {
  file_id: number;
}
