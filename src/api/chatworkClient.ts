// The typed Chatwork API v2 client: one method per operation (all 32), each checking its parameters
// before anything is sent and failing only with ChatworkApiError. No VS Code dependency.

import { downloadFile, type DownloadedFile } from './download';
import type { Params } from './form';
import { HttpTransport, type ApiRequest, type HttpOptions, type RequestOptions } from './http';
import { buildMultipart } from './multipart';
import type { RateLimitListener } from './rateLimit';
import {
  DELETE_ROOM_ACTIONS, ICON_PRESETS, TASK_LIMIT_TYPES, TASK_STATUSES,
  type AcceptedRequest, type ChatworkFile, type Contact, type CreateRoomParams, type CreateTaskParams,
  type DeleteRoomAction, type FileIdResult, type IncomingRequest, type Me, type Member, type MemberRoles,
  type Message, type MessageIdResult, type MyStatus, type MyTask, type MyTaskFilter, type RateLimit,
  type ReadState, type Room, type RoomIdResult, type RoomLink, type RoomLinkParams, type RoomSummary, type Task,
  type TaskFilter, type TaskIdResult, type TaskIdsResult, type TaskStatus, type UpdateMembersParams,
  type UpdateRoomParams, type UploadFileParams,
} from './types';
import * as v from './validate';

export type ChatworkClientOptions = HttpOptions;
export type { RequestOptions };

export interface GetMessagesOptions extends RequestOptions {
  /** true: the latest 100 whatever was fetched before; otherwise only messages not fetched yet. */
  force?: boolean;
}

export interface PostMessageOptions extends RequestOptions {
  /** Leave the new message unread for me. */
  selfUnread?: boolean;
}

export interface GetFilesOptions extends RequestOptions {
  /** Only files uploaded by this account. */
  accountId?: number;
}

export interface GetFileOptions extends RequestOptions {
  /** Add a `download_url` valid for 30 seconds. */
  createDownloadUrl?: boolean;
}

export class ChatworkClient {
  private readonly _http: HttpTransport;

  constructor(options: ChatworkClientOptions) {
    this._http = new HttpTransport(options);
  }

  /** The x-ratelimit-* headers of the last response that had them. */
  get rateLimit(): RateLimit | undefined {
    return this._http.rateLimits.current;
  }

  /** Called with each new rate-limit reading; returns a function that unsubscribes. */
  onDidUpdateRateLimit(listener: RateLimitListener): () => void {
    return this._http.rateLimits.onDidUpdate(listener);
  }

  // Me and contacts

  getMe(options?: RequestOptions): Promise<Me> {
    return this._call({ method: 'GET', path: '/me', expect: 'object' }, options);
  }

  getMyStatus(options?: RequestOptions): Promise<MyStatus> {
    return this._call({ method: 'GET', path: '/my/status', expect: 'object' }, options);
  }

  async getMyTasks(filter: MyTaskFilter = {}, options?: RequestOptions): Promise<MyTask[]> {
    v.checkOptionalId('assigned_by_account_id', filter.assigned_by_account_id);
    v.checkOptionalOneOf('status', filter.status, TASK_STATUSES);
    return this._call({ method: 'GET', path: '/my/tasks', query: { ...filter }, expect: 'list' }, options);
  }

  getContacts(options?: RequestOptions): Promise<Contact[]> {
    return this._call({ method: 'GET', path: '/contacts', expect: 'list' }, options);
  }

  // Rooms

  getRooms(options?: RequestOptions): Promise<RoomSummary[]> {
    return this._call({ method: 'GET', path: '/rooms', expect: 'list' }, options);
  }

  async createRoom(params: CreateRoomParams, options?: RequestOptions): Promise<RoomIdResult> {
    v.checkText('name', params.name, { min: 1, max: v.MAX_ROOM_NAME_LENGTH });
    v.checkIdList('members_admin_ids', params.members_admin_ids, { min: 1 });
    v.checkOptionalIdList('members_member_ids', params.members_member_ids);
    v.checkOptionalIdList('members_readonly_ids', params.members_readonly_ids);
    v.checkOptionalOneOf('icon_preset', params.icon_preset, ICON_PRESETS);
    v.checkOptionalBoolean('link', params.link);
    v.checkOptionalLinkCode('link_code', params.link_code);
    v.checkOptionalBoolean('link_need_acceptance', params.link_need_acceptance);
    return this._call({ method: 'POST', path: '/rooms', form: { ...params }, expect: 'object' }, options);
  }

  async getRoom(roomId: number, options?: RequestOptions): Promise<Room> {
    return this._call({ method: 'GET', path: roomPath(roomId), expect: 'object' }, options);
  }

  async updateRoom(roomId: number, params: UpdateRoomParams, options?: RequestOptions): Promise<RoomIdResult> {
    const path = roomPath(roomId);
    v.checkOptionalText('name', params.name, { min: 1, max: v.MAX_ROOM_NAME_LENGTH });
    v.checkOptionalOneOf('icon_preset', params.icon_preset, ICON_PRESETS);
    return this._call({ method: 'PUT', path, form: { ...params }, expect: 'object' }, options);
  }

  /** 'leave' drops my tasks and files there; 'delete' (admins) removes the room for everyone, irreversibly. */
  async deleteRoom(roomId: number, actionType: DeleteRoomAction, options?: RequestOptions): Promise<void> {
    const path = roomPath(roomId);
    v.checkOneOf('action_type', actionType, DELETE_ROOM_ACTIONS);
    return this._call({ method: 'DELETE', path, form: { action_type: actionType }, expect: 'nothing' }, options);
  }

  leaveRoom(roomId: number, options?: RequestOptions): Promise<void> {
    return this.deleteRoom(roomId, 'leave', options);
  }

  async getMembers(roomId: number, options?: RequestOptions): Promise<Member[]> {
    return this._call({ method: 'GET', path: `${roomPath(roomId)}/members`, expect: 'list' }, options);
  }

  /** Replaces the whole member list: anyone not listed is removed from the room. */
  async updateMembers(roomId: number, params: UpdateMembersParams, options?: RequestOptions): Promise<MemberRoles> {
    const path = `${roomPath(roomId)}/members`;
    v.checkIdList('members_admin_ids', params.members_admin_ids, { min: 1 });
    v.checkOptionalIdList('members_member_ids', params.members_member_ids);
    v.checkOptionalIdList('members_readonly_ids', params.members_readonly_ids);
    return this._call({ method: 'PUT', path, form: { ...params }, expect: 'object' }, options);
  }

  // Messages

  /** Without force: only messages this token has not fetched yet (oldest first, ≤ 100; [] when none). */
  async getMessages(roomId: number, options: GetMessagesOptions = {}): Promise<Message[]> {
    const path = `${roomPath(roomId)}/messages`;
    v.checkOptionalBoolean('force', options.force);
    return this._call({ method: 'GET', path, query: { force: options.force || undefined }, expect: 'list' }, options);
  }

  async postMessage(roomId: number, body: string, options: PostMessageOptions = {}): Promise<MessageIdResult> {
    const path = `${roomPath(roomId)}/messages`;
    v.checkText('body', body, { min: 1, max: v.MAX_BODY_LENGTH });
    v.checkOptionalBoolean('self_unread', options.selfUnread);
    return this._call({ method: 'POST', path, form: { body, self_unread: options.selfUnread }, expect: 'object' }, options);
  }

  /** Marks the room read up to and including messageId, or entirely. Chatwork answers 400 if already read. */
  async markRead(roomId: number, messageId?: string, options?: RequestOptions): Promise<ReadState> {
    const path = `${roomPath(roomId)}/messages/read`;
    if (messageId !== undefined) {
      v.checkMessageId('message_id', messageId);
    }
    return this._call({ method: 'PUT', path, form: { message_id: messageId }, expect: 'object' }, options);
  }

  /** Marks messageId and everything after it unread. */
  async markUnread(roomId: number, messageId: string, options?: RequestOptions): Promise<ReadState> {
    const path = `${roomPath(roomId)}/messages/unread`;
    v.checkMessageId('message_id', messageId);
    return this._call({ method: 'PUT', path, form: { message_id: messageId }, expect: 'object' }, options);
  }

  async getMessage(roomId: number, messageId: string, options?: RequestOptions): Promise<Message> {
    return this._call({ method: 'GET', path: messagePath(roomId, messageId), expect: 'object' }, options);
  }

  /** Only my own messages can be edited. */
  async updateMessage(roomId: number, messageId: string, body: string, options?: RequestOptions): Promise<MessageIdResult> {
    const path = messagePath(roomId, messageId);
    v.checkText('body', body, { min: 1, max: v.MAX_BODY_LENGTH });
    return this._call({ method: 'PUT', path, form: { body }, expect: 'object' }, options);
  }

  /** Only my own messages can be deleted; the message then reads back as `[deleted]`. */
  async deleteMessage(roomId: number, messageId: string, options?: RequestOptions): Promise<MessageIdResult> {
    return this._call({ method: 'DELETE', path: messagePath(roomId, messageId), expect: 'object' }, options);
  }

  // Tasks

  async getTasks(roomId: number, filter: TaskFilter = {}, options?: RequestOptions): Promise<Task[]> {
    const path = `${roomPath(roomId)}/tasks`;
    v.checkOptionalId('account_id', filter.account_id);
    v.checkOptionalId('assigned_by_account_id', filter.assigned_by_account_id);
    v.checkOptionalOneOf('status', filter.status, TASK_STATUSES);
    return this._call({ method: 'GET', path, query: { ...filter }, expect: 'list' }, options);
  }

  /** Creates one task per assignee in to_ids. */
  async createTask(roomId: number, params: CreateTaskParams, options?: RequestOptions): Promise<TaskIdsResult> {
    const path = `${roomPath(roomId)}/tasks`;
    v.checkText('body', params.body, { min: 1, max: v.MAX_BODY_LENGTH });
    v.checkIdList('to_ids', params.to_ids, { min: 1 });
    v.checkOptionalUnixTime('limit', params.limit);
    v.checkOptionalOneOf('limit_type', params.limit_type, TASK_LIMIT_TYPES);
    return this._call({ method: 'POST', path, form: { ...params }, expect: 'object' }, options);
  }

  async getTask(roomId: number, taskId: number, options?: RequestOptions): Promise<Task> {
    return this._call({ method: 'GET', path: taskPath(roomId, taskId), expect: 'object' }, options);
  }

  async updateTaskStatus(roomId: number, taskId: number, status: TaskStatus, options?: RequestOptions): Promise<TaskIdResult> {
    const path = `${taskPath(roomId, taskId)}/status`;
    v.checkOneOf('body', status, TASK_STATUSES);
    const result = await this._call<{ task_id: number | string }>({ method: 'PUT', path, form: { body: status }, expect: 'object' }, options);
    // The RAML says integer, the current OpenAPI says string; callers get one type.
    return { task_id: Number(result.task_id) };
  }

  // Files

  async getFiles(roomId: number, options: GetFilesOptions = {}): Promise<ChatworkFile[]> {
    const path = `${roomPath(roomId)}/files`;
    v.checkOptionalId('account_id', options.accountId);
    return this._call({ method: 'GET', path, query: { account_id: options.accountId }, expect: 'list' }, options);
  }

  /** Sends multipart/form-data; files above 5 MB are refused before any byte is sent. */
  async uploadFile(roomId: number, params: UploadFileParams, options?: RequestOptions): Promise<FileIdResult> {
    const path = `${roomPath(roomId)}/files`;
    v.checkUpload(params.filename, params.data, params.contentType);
    // The message is posted with the file, so a message body's limit applies.
    v.checkOptionalText('message', params.message, { min: 0, max: v.MAX_BODY_LENGTH });
    const file = { name: 'file', filename: params.filename, contentType: params.contentType ?? 'application/octet-stream', data: params.data };
    const multipart = buildMultipart({ message: params.message }, [file]);
    return this._call({ method: 'POST', path, multipart, expect: 'object' }, options);
  }

  async getFile(roomId: number, fileId: number, options: GetFileOptions = {}): Promise<ChatworkFile> {
    const path = `${roomPath(roomId)}/files/${v.checkId('file_id', fileId)}`;
    v.checkOptionalBoolean('create_download_url', options.createDownloadUrl);
    const query = { create_download_url: options.createDownloadUrl || undefined };
    return this._call({ method: 'GET', path, query, expect: 'object' }, options);
  }

  /** Streams a `download_url` from getFile; the API token is not sent to it (the URL is pre-signed). */
  downloadFile(url: string, options: RequestOptions = {}): Promise<DownloadedFile> {
    return downloadFile(url, this._http.userAgent(), this._http.defaultTimeoutMs(), options);
  }

  // Invitation links (group chats only)

  async getRoomLink(roomId: number, options?: RequestOptions): Promise<RoomLink> {
    return this._call({ method: 'GET', path: `${roomPath(roomId)}/link`, expect: 'object' }, options);
  }

  /** Fails if the room already has a link; use updateRoomLink then. */
  async createRoomLink(roomId: number, params: RoomLinkParams = {}, options?: RequestOptions): Promise<RoomLink> {
    return this._call({ method: 'POST', path: `${roomPath(roomId)}/link`, form: checkLinkParams(params), expect: 'object' }, options);
  }

  async updateRoomLink(roomId: number, params: RoomLinkParams, options?: RequestOptions): Promise<RoomLink> {
    return this._call({ method: 'PUT', path: `${roomPath(roomId)}/link`, form: checkLinkParams(params), expect: 'object' }, options);
  }

  /** Answers `{public: false}`. */
  async deleteRoomLink(roomId: number, options?: RequestOptions): Promise<RoomLink> {
    return this._call({ method: 'DELETE', path: `${roomPath(roomId)}/link`, expect: 'object' }, options);
  }

  // Contact requests

  getIncomingRequests(options?: RequestOptions): Promise<IncomingRequest[]> {
    return this._call({ method: 'GET', path: '/incoming_requests', expect: 'list' }, options);
  }

  /** Answers the new contact, with the direct chat's room_id. */
  async acceptIncomingRequest(requestId: number, options?: RequestOptions): Promise<AcceptedRequest> {
    const path = `/incoming_requests/${v.checkId('request_id', requestId)}`;
    return this._call({ method: 'PUT', path, expect: 'object' }, options);
  }

  async rejectIncomingRequest(requestId: number, options?: RequestOptions): Promise<void> {
    const path = `/incoming_requests/${v.checkId('request_id', requestId)}`;
    return this._call({ method: 'DELETE', path, expect: 'nothing' }, options);
  }

  private _call<T>(request: ApiRequest, options: RequestOptions = {}): Promise<T> {
    // Pass on only the transport options, not the method-specific flags that share the object.
    return this._http.request<T>(request, { signal: options.signal, timeoutMs: options.timeoutMs });
  }
}

// Ids are checked while building paths, so a bad id never reaches the URL.

function roomPath(roomId: number): string {
  return `/rooms/${v.checkId('room_id', roomId)}`;
}

function messagePath(roomId: number, messageId: string): string {
  return `${roomPath(roomId)}/messages/${v.checkMessageId('message_id', messageId)}`;
}

function taskPath(roomId: number, taskId: number): string {
  return `${roomPath(roomId)}/tasks/${v.checkId('task_id', taskId)}`;
}

function checkLinkParams(params: RoomLinkParams): Params {
  v.checkOptionalLinkCode('code', params.code);
  v.checkOptionalBoolean('need_acceptance', params.need_acceptance);
  return { ...params };
}
