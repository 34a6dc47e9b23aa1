// What the room panel's buttons do on the host: send, edit, delete, the mention picker, image
// previews, and the hand-offs to other commands. Each request answers with a reply message; a
// failure becomes a FailedMessage with a one-line reason (the webview shows it inline, never retries
// by itself).
import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { Message } from '../api/types';
import { notationLanguage } from '../common/l10n';
import { describeError } from '../common/showError';
import type { Deps } from '../deps';
import { parse, toOneLine } from '../notation';
import type { PreviewResolver } from '../store/previewResolver';
import type { DraftStore } from './drafts';
import { apiOrigin } from './panelHtml';
import type { DoneMessage, FailedMessage, MentionPickedMessage, PreviewResolvedMessage, SentMessage } from './protocol';
import { DELETED_BODY } from '../store/messageLog';

export class RoomActions {
  constructor(
    private readonly _deps: Deps,
    private readonly _roomId: number,
    private readonly _drafts: DraftStore,
    private readonly _previews: PreviewResolver,
  ) {}

  async send(body: string): Promise<SentMessage | FailedMessage> {
    let messageId: string;
    try {
      messageId = (await this._deps.client.postMessage(this._roomId, body)).message_id;
    } catch (error) {
      // The text is not lost whatever the webview does next: it is the room's draft again.
      await this._drafts.set(this._roomId, body);
      return this._failed('Sending the message', error);
    }
    await this._drafts.set(this._roomId, '');
    // Fetch it back through the diff so it shows exactly as Chatwork stored it (with any message
    // that arrived meanwhile); the panel gets it as a messagesAdded delta before this reply.
    await this._deps.store.pollMessages(this._roomId).catch((error: unknown) => this._deps.log.warn(`Refresh after send failed: ${String(error)}`));
    return { type: 'sent', messageId };
  }

  async edit(messageId: string, body: string): Promise<DoneMessage | FailedMessage> {
    try {
      await this._deps.client.updateMessage(this._roomId, messageId, body);
    } catch (error) {
      return this._failed('Editing the message', error);
    }
    await this._reload(messageId, body);
    return { type: 'done' };
  }

  async delete(messageId: string): Promise<DoneMessage | FailedMessage> {
    const known = await this._known(messageId);
    const preview = known ? toOneLine(parse(known.body), 120, { language: notationLanguage() }) : '';
    const deleteAction = vscode.l10n.t('Delete');
    const choice = await this._deps.prompts.confirm(vscode.l10n.t('Delete this message?'), preview, deleteAction);
    if (choice !== deleteAction) return { type: 'done', cancelled: true };
    try {
      await this._deps.client.deleteMessage(this._roomId, messageId);
    } catch (error) {
      return this._failed('Deleting the message', error);
    }
    await this._reload(messageId, DELETED_BODY);
    return { type: 'done' };
  }

  /** A QuickPick of the room's members (not me); answers `[To:id]Name` lines. */
  async pickMention(): Promise<MentionPickedMessage> {
    try {
      const [members, me] = await Promise.all([this._deps.store.members(this._roomId), this._deps.store.me()]);
      const items = members
        .filter((m) => m.account_id !== me.account_id)
        .map((m) => ({ label: m.name, description: m.organization_name || m.chatwork_id, accountId: m.account_id }));
      const picked = await this._deps.prompts.pickMany(items, { title: vscode.l10n.t('Mention (To)'), placeHolder: vscode.l10n.t('Choose members'), matchOnDescription: true });
      if (!picked || picked.length === 0) return { type: 'mentionPicked' };
      return { type: 'mentionPicked', text: picked.map((p) => `[To:${p.accountId}]${p.label}\n`).join('') };
    } catch (error) {
      this._deps.log.warn(`Mention picker failed: ${describeError(error)}`);
      return { type: 'mentionPicked' };
    }
  }

  /** A short-lived URL of an image file for `[preview id=…]`, through the shared PreviewResolver. */
  async resolvePreview(fileId: number, messageId?: string): Promise<PreviewResolvedMessage> {
    const url = await this._previews.resolve(this._roomId, fileId, messageId);
    return url === undefined ? { type: 'previewResolved' } : { type: 'previewResolved', url };
  }

  /** Hands a message over to another command (registered by the tree's engineer). */
  async run(command: string, args: object, what: string): Promise<void> {
    try {
      await vscode.commands.executeCommand(command, { roomId: this._roomId, ...args });
    } catch (error) {
      this._deps.log.error(`${what} failed`, error);
      void this._deps.prompts.notify('error', vscode.l10n.t('{0} failed: {1}', what, describeError(error)));
    }
  }

  private async _known(messageId: string): Promise<Message | undefined> {
    const messages = await this._deps.store.messages(this._roomId).catch(() => [] as readonly Message[]);
    return messages.find((m) => m.message_id === messageId);
  }

  /** Re-reads one message after an edit or deletion and records it in the store (→ update delta). */
  private async _reload(messageId: string, expectedBody: string): Promise<void> {
    try {
      this._deps.store.applyMessage(this._roomId, await this._deps.client.getMessage(this._roomId, messageId));
    } catch {
      const known = await this._known(messageId);
      if (known) this._deps.store.applyMessage(this._roomId, { ...known, body: expectedBody, update_time: Math.floor(Date.now() / 1000) });
    }
  }

  private _failed(what: string, error: unknown): FailedMessage {
    this._deps.log.error(`${what} failed`, error);
    if (error instanceof ChatworkApiError && error.kind === 'auth') void this._deps.tokens.markRejected();
    return { type: 'failed', error: describeError(error) };
  }
}

/** Only image URLs the panel's CSP allows: Chatwork's file host, or the API's own origin (the emulator). */
export function isAllowedPreviewUrl(url: string, apiBaseUrl: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && parsed.hostname === 'appdata.chatwork.com') return true;
    return parsed.origin === apiOrigin(apiBaseUrl);
  } catch {
    return false;
  }
}
