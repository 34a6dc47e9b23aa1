// Me, my status, my tasks, contacts: read-only.
import type { TaskStatus } from '../api/types';
import { contactEntry, taskEntry } from './entityText';
import { chatData, fields, quoted } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count } from './toolInput';

export class MeTool extends ChatworkTool<object> {
  readonly name = 'chatwork_me';
  readonly kind = 'read';
  protected async run(): Promise<string> {
    const me = await this.deps.client.getMe();
    return chatData('The signed-in Chatwork account:', [
      `- ${fields([['account', me.account_id], ['name', quoted(me.name)], ['chatwork id', me.chatwork_id], ['my chat room', me.room_id], ['organization', me.organization_name], ['department', me.department], ['title', me.title]])}`,
    ]);
  }
}

export class MyStatusTool extends ChatworkTool<object> {
  readonly name = 'chatwork_my_status';
  readonly kind = 'read';
  protected async run(): Promise<string> {
    const s = await this.deps.store.refreshStatus();
    return `Chatwork status: ${s.unread_num} unread messages in ${s.unread_room_num} rooms; ${s.mention_num} mentions in ${s.mention_room_num} rooms; ${s.mytask_num} open tasks for me in ${s.mytask_room_num} rooms.`;
  }
}

export class MyTasksTool extends ChatworkTool<{ status?: TaskStatus; limit?: number }> {
  readonly name = 'chatwork_my_tasks';
  readonly kind = 'read';
  protected async run(input: { status?: TaskStatus; limit?: number }): Promise<string> {
    const status = input.status ?? 'open';
    const tasks = await this.deps.client.getMyTasks({ status });
    const limit = count(input.limit, 50, 100);
    const shown = [...tasks].sort((a, b) => (a.limit_time || Infinity) - (b.limit_time || Infinity)).slice(0, limit);
    return chatData(`${tasks.length} ${status} tasks assigned to me (earliest due first):`, shown.map((t) => taskEntry(t)), tasks.length - shown.length);
  }
}

export class ContactsTool extends ChatworkTool<{ limit?: number }> {
  readonly name = 'chatwork_contacts';
  readonly kind = 'read';
  protected async run(input: { limit?: number }): Promise<string> {
    const contacts = await this.deps.client.getContacts();
    const shown = contacts.slice(0, count(input.limit, 100, 500));
    return chatData(`${contacts.length} contacts (a contact's direct chat is its room id):`, shown.map(contactEntry), contacts.length - shown.length);
  }
}

export function accountTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new MeTool(deps), new MyStatusTool(deps), new MyTasksTool(deps), new ContactsTool(deps)];
}
