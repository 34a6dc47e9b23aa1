// Chatwork API shapes → the panel's protocol shapes, and the panel's settings.
import * as vscode from 'vscode';
import type { Member, Message } from '../api/types';
import type { Identity } from '../store/identity';
import { notationLanguage } from '../common/l10n';
import type { MemberData, MessageData, PanelConfig, PersonData } from './protocol';

export function messageData(m: Message): MessageData {
  return {
    id: m.message_id,
    accountId: m.account.account_id,
    name: m.account.name,
    avatarUrl: m.account.avatar_image_url,
    body: m.body,
    sendTime: m.send_time,
    updateTime: m.update_time,
  };
}

export function memberData(m: Member): MemberData {
  return { accountId: m.account_id, name: m.name, avatarUrl: m.avatar_image_url, role: m.role };
}

export function meData(me: Identity): PersonData {
  return { accountId: me.account_id, name: me.name, avatarUrl: me.avatar_image_url };
}

export function panelConfig(): PanelConfig {
  const config = vscode.workspace.getConfiguration('chatwork');
  const locale = vscode.env.language || 'en';
  return {
    sendWithEnter: config.get<boolean>('sendWithEnter', false) === true,
    language: notationLanguage(locale),
    locale,
  };
}

/** Settings whose change is pushed to open panels. */
export function affectsPanelConfig(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('chatwork.sendWithEnter');
}
