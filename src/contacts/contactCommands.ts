import * as vscode from 'vscode';
import type { Contact, IncomingRequest } from '../api/types';
import type { Lazy } from '../common/lazy';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { pickRoomToPost, RecentRooms } from '../editor/recentRooms';
import { oneLine } from '../tree/format';
import type { ContactsProvider } from './contactsProvider';
import type { ContactsView } from './contactsView';

/** A positive integer field of a command argument (tree node or plain object). */
function idField(arg: unknown, key: 'accountId' | 'requestId' | 'roomId'): number | undefined {
  const value = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/**
 * The contact commands: Open Direct Chat and Mention in… on contacts, Accept and Decline (confirmed)
 * on contact requests, Refresh on the view. From the palette each asks which contact or request.
 */
export function registerContactCommands(context: vscode.ExtensionContext, deps: Deps, view: Lazy<ContactsView>): void {
  const provider = (): ContactsProvider => view.value.provider;
  const recent = new RecentRooms(context.globalState, deps.tokens);

  const pickContact = async (arg: unknown, title: string): Promise<Contact | undefined> => {
    const { contacts } = await provider().data();
    const accountId = idField(arg, 'accountId');
    if (accountId !== undefined) return contacts.find((c) => c.account_id === accountId);
    if (contacts.length === 0) {
      void deps.prompts.notify('info', vscode.l10n.t('You have no Chatwork contacts yet.'));
      return undefined;
    }
    const items = contacts.map((contact) => ({ label: oneLine(contact.name), description: contact.organization_name, contact }));
    return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a contact'), matchOnDescription: true }))?.contact;
  };

  const pickRequest = async (arg: unknown, title: string): Promise<IncomingRequest | undefined> => {
    const { requests } = await provider().data();
    const requestId = idField(arg, 'requestId');
    if (requestId !== undefined) {
      const found = requests.find((r) => r.request_id === requestId);
      if (!found) void deps.prompts.notify('error', vscode.l10n.t('Contact request {0} is no longer pending.', requestId));
      return found;
    }
    if (requests.length === 0) {
      void deps.prompts.notify('info', vscode.l10n.t('No contact requests are pending.'));
      return undefined;
    }
    const items = requests.map((request) => ({ label: oneLine(request.name), description: oneLine(request.message), request }));
    return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a contact request'), matchOnDescription: true }))?.request;
  };

  const openDirectChat = async (arg?: unknown): Promise<void> => {
    try {
      const roomId = idField(arg, 'roomId') ?? (await pickContact(arg, vscode.l10n.t('Chatwork: Open Direct Chat')))?.room_id;
      if (roomId !== undefined) await vscode.commands.executeCommand('chatwork.openRoom', { roomId });
    } catch (error) {
      await showError(deps, vscode.l10n.t('Opening the direct chat'), error, () => openDirectChat(arg));
    }
  };

  const mention = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Mention in…');
    try {
      const contact = await pickContact(arg, title);
      if (!contact) return;
      const room = await pickRoomToPost(deps, recent, undefined, title);
      if (!room) return;
      const text = await deps.prompts.input({
        title,
        prompt: vscode.l10n.t('Message to {0} in “{1}”', oneLine(contact.name), room.name),
        validate: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a message.') : undefined),
      });
      if (text === undefined) return;
      // Chatwork's own mention notation; the name after the tag is what the web app inserts.
      await deps.client.postMessage(room.room_id, `[To:${contact.account_id}]${contact.name}\n${text}`);
      await recent.remember(room.room_id);
      void deps.store.refreshRooms().catch(() => undefined);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Sent to “{0}”.', room.name), 3000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Mentioning the contact'), error);
    }
  };

  const accept = async (arg?: unknown): Promise<void> => {
    try {
      const request = await pickRequest(arg, vscode.l10n.t('Chatwork: Accept Contact Request'));
      if (!request) return;
      const contact = await deps.client.acceptIncomingRequest(request.request_id);
      provider().refresh();
      void deps.store.refreshRooms().catch(() => undefined);
      const open = vscode.l10n.t('Open Direct Chat');
      const choice = await deps.prompts.notify('info', vscode.l10n.t('{0} is now one of your contacts.', oneLine(contact.name)), open);
      if (choice === open) await vscode.commands.executeCommand('chatwork.openRoom', { roomId: contact.room_id });
    } catch (error) {
      provider().refresh();
      await showError(deps, vscode.l10n.t('Accepting the contact request'), error);
    }
  };

  const decline = async (arg?: unknown): Promise<void> => {
    try {
      const request = await pickRequest(arg, vscode.l10n.t('Chatwork: Decline Contact Request'));
      if (!request) return;
      const action = vscode.l10n.t('Decline');
      const confirmed = await deps.prompts.confirm(
        vscode.l10n.t('Decline the contact request from {0}?', oneLine(request.name)),
        vscode.l10n.t('The request is removed; {0} is not told and can ask again.', oneLine(request.name)),
        action,
      );
      if (confirmed !== action) return;
      await deps.client.rejectIncomingRequest(request.request_id);
      provider().refresh();
      vscode.window.setStatusBarMessage(vscode.l10n.t('Contact request declined.'), 3000);
    } catch (error) {
      provider().refresh();
      await showError(deps, vscode.l10n.t('Declining the contact request'), error);
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.contacts.refresh', () => provider().refresh()),
    vscode.commands.registerCommand('chatwork.openDirectChat', openDirectChat),
    vscode.commands.registerCommand('chatwork.mentionContact', mention),
    vscode.commands.registerCommand('chatwork.acceptContactRequest', accept),
    vscode.commands.registerCommand('chatwork.declineContactRequest', decline),
  );
}
