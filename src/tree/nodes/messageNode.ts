import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { Message } from '../../api/types';
import type { NameResolver } from '../../common/readableNames';
import { localDateTime, messageLabel, plainText, relativeTime } from '../format';
import type { MessagesNode } from './messagesNode';
import { TreeNode } from './treeNode';
import { DELETED_BODY } from '../../store/messageLog';


/** One message: "Sender: one line of text", sent how long ago; a click opens the room there. */
export class MessageNode extends TreeNode {
  readonly roomId: number;
  readonly messageId: string;

  constructor(
    readonly parent: MessagesNode,
    readonly message: Message,
    myAccountId: number | undefined,
    names: NameResolver,
    unread = false,
  ) {
    super(messageLabel(message, names), vscode.TreeItemCollapsibleState.None);
    this.roomId = parent.roomId;
    this.messageId = message.message_id;
    this.id = `message:${this.roomId}:${message.message_id}`;
    const own = myAccountId !== undefined && message.account.account_id === myAccountId;
    const deleted = message.body === DELETED_BODY;
    const edited = message.update_time > 0 && !deleted;
    const time = relativeTime(message.send_time) + (edited ? ` · ${vscode.l10n.t('edited')}` : '');
    this.description = unread ? `${vscode.l10n.t('unread')} · ${time}` : time;
    this.iconPath = unread
      ? new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor('chatwork.unreadForeground'))
      : new vscode.ThemeIcon(deleted ? 'circle-slash' : own ? 'account' : 'comment');
    // "message own" is the only state that may be edited or deleted (see package.json menus).
    this.contextValue = ['message', own ? 'own' : '', deleted ? 'deleted' : ''].filter(Boolean).join(' ');
    this.tooltip = messageTooltip(message, edited, names);
    this.command = {
      command: 'chatwork.openRoom',
      title: vscode.l10n.t('Open Room'),
      arguments: [{ roomId: this.roomId, messageId: message.message_id }],
    };
  }
}

function messageTooltip(message: Message, edited: boolean, names: NameResolver): vscode.MarkdownString {
  return new TooltipMarkdown()
    .paragraph(message.account.name, true)
    .text(` · ${localDateTime(message.send_time)}${edited ? ` (${vscode.l10n.t('edited {0}', localDateTime(message.update_time))})` : ''}`)
    .paragraph(plainText(message.body, names).trim() || vscode.l10n.t('(empty)'))
    .build();
}
