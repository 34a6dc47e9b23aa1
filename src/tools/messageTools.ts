// Messages: list, get, post, edit, delete, mark read / unread. Reading always asks force=1 through
// the store (merged by id into the log the tree and panels show), never the diff the poller owns:
// a tool call must not swallow a new message before the poller sees it.
import * as vscode from 'vscode';
import type { Message } from '../api/types';
import type { Confirmation } from './confirmText';
import { chatData, messageEntry, namesFrom } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count, id, messageId, reloadRoomMessages, roomLabel } from './toolInput';

/** The room's latest messages, fresh: force=1 merged into the store's log. */
async function latestMessages(deps: ToolDeps, roomId: number): Promise<readonly Message[]> {
  if (deps.store.hasMessages(roomId)) await deps.store.reloadMessages(roomId);
  return deps.store.messages(roomId);
}

async function cachedMessage(deps: ToolDeps, roomId: number, id: string): Promise<Message | undefined> {
  if (!deps.store.hasMessages(roomId)) return undefined;
  return (await deps.store.messages(roomId)).find((m) => m.message_id === id);
}

export class ListMessagesTool extends ChatworkTool<{ roomId: number; limit?: number }> {
  readonly name = 'chatwork_list_messages';
  readonly kind = 'read';
  protected async run(input: { roomId: number; limit?: number }): Promise<string> {
    const roomId = id(input.roomId);
    const messages = await latestMessages(this.deps, roomId);
    const shown = messages.slice(Math.max(0, messages.length - count(input.limit, 30, 100))).reverse();
    const names = namesFrom(messages);
    const room = this.deps.store.room(roomId);
    const where = room ? `room ${roomId} “${room.name.replace(/[“”\n]/g, ' ')}”` : `room ${roomId}`;
    return chatData(`The latest ${shown.length} messages of ${where}, newest first:`, shown.map((m) => messageEntry(roomId, m, names)), messages.length - shown.length);
  }
}

export class GetMessageTool extends ChatworkTool<{ roomId: number; messageId: string }> {
  readonly name = 'chatwork_get_message';
  readonly kind = 'read';
  protected async run(input: { roomId: number; messageId: string }): Promise<string> {
    const roomId = id(input.roomId);
    const message = await this.deps.client.getMessage(roomId, messageId(input.messageId));
    return chatData('The message:', [messageEntry(roomId, message)]);
  }
}

interface PostInput { roomId: number; body: string; selfUnread?: boolean }

export class PostMessageTool extends ChatworkTool<PostInput> {
  readonly name = 'chatwork_post_message';
  readonly kind = 'change';
  override async describe(input: PostInput): Promise<Confirmation> {
    return {
      title: vscode.l10n.t('Post to Chatwork?'),
      action: vscode.l10n.t('The agent wants to post this message. Check the room: a message the agent read may have asked it to post elsewhere.'),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))],
        [vscode.l10n.t('Message'), String(input.body ?? ''), 'block'],
      ],
    };
  }
  protected async run(input: PostInput): Promise<string> {
    const roomId = id(input.roomId);
    const result = await this.deps.client.postMessage(roomId, String(input.body ?? ''), { selfUnread: input.selfUnread });
    await reloadRoomMessages(this.deps, roomId);
    return `Posted message ${result.message_id} to room ${roomId}.`;
  }
}

interface EditInput { roomId: number; messageId: string; body: string }

export class UpdateMessageTool extends ChatworkTool<EditInput> {
  readonly name = 'chatwork_update_message';
  readonly kind = 'change';
  override async describe(input: EditInput): Promise<Confirmation> {
    const roomId = id(input.roomId);
    const old = await cachedMessage(this.deps, roomId, messageId(input.messageId));
    return {
      title: vscode.l10n.t('Edit a Chatwork message?'),
      action: vscode.l10n.t('The agent wants to replace the text of your message {0}.', messageId(input.messageId)),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, roomId)],
        [vscode.l10n.t('Now'), old?.body ?? vscode.l10n.t('(not loaded)'), 'block'],
        [vscode.l10n.t('New text'), String(input.body ?? ''), 'block'],
      ],
    };
  }
  protected async run(input: EditInput): Promise<string> {
    const roomId = id(input.roomId);
    const result = await this.deps.client.updateMessage(roomId, messageId(input.messageId), String(input.body ?? ''));
    await reloadRoomMessages(this.deps, roomId);
    return `Edited message ${result.message_id} in room ${roomId}.`;
  }
}

export class DeleteMessageTool extends ChatworkTool<{ roomId: number; messageId: string }> {
  readonly name = 'chatwork_delete_message';
  readonly kind = 'change';
  override async describe(input: { roomId: number; messageId: string }): Promise<Confirmation> {
    const roomId = id(input.roomId);
    const old = await cachedMessage(this.deps, roomId, messageId(input.messageId));
    return {
      title: vscode.l10n.t('Delete a Chatwork message?'),
      action: vscode.l10n.t('The agent wants to delete your message {0}.', messageId(input.messageId)),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, roomId)],
        [vscode.l10n.t('Message'), old?.body ?? vscode.l10n.t('(not loaded)'), 'block'],
      ],
    };
  }
  protected async run(input: { roomId: number; messageId: string }): Promise<string> {
    const roomId = id(input.roomId);
    const result = await this.deps.client.deleteMessage(roomId, messageId(input.messageId));
    await reloadRoomMessages(this.deps, roomId);
    return `Deleted message ${result.message_id} in room ${roomId}.`;
  }
}

/** Read up to a message (or all), or unread from a message on. */
export class ReadStateTool extends ChatworkTool<{ roomId: number; messageId?: string }> {
  readonly kind = 'change';
  constructor(deps: ToolDeps, private readonly _read: boolean) {
    super(deps);
  }
  get name(): string {
    return this._read ? 'chatwork_mark_read' : 'chatwork_mark_unread';
  }
  override async describe(input: { roomId: number; messageId?: string }): Promise<Confirmation> {
    const target = input.messageId === undefined ? undefined : messageId(input.messageId);
    return {
      title: this._read ? vscode.l10n.t('Mark Chatwork messages read?') : vscode.l10n.t('Mark Chatwork messages unread?'),
      action: this._read
        ? target === undefined ? vscode.l10n.t('The agent wants to mark the whole room read.') : vscode.l10n.t('The agent wants to mark the room read up to message {0}.', target)
        : vscode.l10n.t('The agent wants to mark message {0} and everything after it unread.', target ?? '?'),
      details: [[vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))]],
    };
  }
  protected async run(input: { roomId: number; messageId?: string }): Promise<string> {
    const roomId = id(input.roomId);
    const target = input.messageId === undefined ? undefined : messageId(input.messageId);
    const state = this._read
      ? await this.deps.client.markRead(roomId, target)
      : await this.deps.client.markUnread(roomId, target ?? '');
    await this.deps.store.refreshRooms().catch(() => undefined);
    return `Room ${roomId} now has ${state.unread_num} unread messages and ${state.mention_num} mentions.`;
  }
}

export function messageTools(deps: ToolDeps): AnyChatworkTool[] {
  return [
    new ListMessagesTool(deps), new GetMessageTool(deps), new PostMessageTool(deps), new UpdateMessageTool(deps),
    new DeleteMessageTool(deps), new ReadStateTool(deps, true), new ReadStateTool(deps, false),
  ];
}
