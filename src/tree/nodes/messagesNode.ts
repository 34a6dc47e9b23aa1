import * as vscode from 'vscode';
import type { Me } from '../../api/types';
import { readableNames } from '../../common/readableNames';
import { unreadIds } from '../unread';
import type { TreeContext } from '../treeContext';
import { CategoryNode } from './categoryNode';
import { MessageNode } from './messageNode';
import type { RoomNode } from './roomNode';
import type { TreeNode } from './treeNode';

/**
 * The latest 100 messages (GET messages?force=1 once; then polling appends), newest first; the
 * room's unread ones (the newest `unread_num` from others) are marked.
 */
export class MessagesNode extends CategoryNode {
  constructor(parent: RoomNode, ctx: TreeContext) {
    super(parent, 'messages', vscode.l10n.t('Messages'), 'comment-discussion', ctx);
  }

  updateDescription(): void {
    const unread = this.parent.room.unread_num;
    this.description = unread > 0 ? vscode.l10n.t('{0} unread', unread) : undefined;
    this.contextValue = unread > 0 ? 'category messages unread' : 'category messages';
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const store = this.ctx.deps.store;
    // GET /me is made once per token (to know which messages are mine); a failure there only
    // hides the edit/delete actions, it does not fail the list.
    const [messages, me] = await Promise.all([store.messages(this.roomId), store.me().catch((): Me | undefined => undefined)]);
    const names = readableNames(store.names);
    const unread = unreadIds(messages, this.parent.room.unread_num, me?.account_id);
    return [...messages].reverse().map((message) => new MessageNode(this, message, me?.account_id, names, unread.has(message.message_id)));
  }

  protected emptyText(): string {
    return vscode.l10n.t('No messages');
  }
}
