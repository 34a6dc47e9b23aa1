import * as vscode from 'vscode';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import type { RoomPanels } from '../panels/roomPanels';
import { parseDeepLink, type DeepLinkRefusal } from './parseDeepLink';

const REASONS: Record<DeepLinkRefusal, (detail?: string) => string> = {
  path: () => vscode.l10n.t('only …/open?room=… links are supported'),
  fragment: () => vscode.l10n.t('it has a “#” part'),
  unknownParameter: (name) => vscode.l10n.t('it has an unknown parameter “{0}”', name ?? ''),
  repeatedParameter: (name) => vscode.l10n.t('the parameter “{0}” appears twice', name ?? ''),
  missingRoom: () => vscode.l10n.t('it names no room'),
  badRoom: () => vscode.l10n.t('the room id is not a valid Chatwork id'),
  badMessage: () => vscode.l10n.t('the message id is not a valid Chatwork id'),
};

/**
 * Deep links into the editor: `vscode://chatwork-vscode.chatwork-vscode/open?room=…&message=…`
 * opens the room's panel (scrolled to the message). A malformed link is refused with its reason;
 * a room that is not one of the signed-in account's rooms is refused too. Nothing else is opened.
 */
export class ChatworkUriHandler implements vscode.UriHandler {
  constructor(
    private readonly _deps: Deps,
    private readonly _panels: RoomPanels,
  ) {}

  async handleUri(uri: vscode.Uri): Promise<void> {
    const deps = this._deps;
    const parsed = parseDeepLink(uri.path, uri.query, uri.fragment);
    if (!parsed.ok) {
      // The detail is hostile text from wherever the link was: logged, never echoed into a toast.
      deps.log.warn(`Refused a deep link (${parsed.reason}).`);
      void deps.prompts.notify('error', vscode.l10n.t('This Chatwork link cannot be opened: {0}.', REASONS[parsed.reason](parsed.reason === 'unknownParameter' || parsed.reason === 'repeatedParameter' ? safeName(parsed.detail) : undefined)));
      return;
    }
    try {
      await deps.tokens.ready;
      if (deps.tokens.state !== 'set') {
        const setToken = vscode.l10n.t('Set API Token');
        if ((await deps.prompts.notify('warning', vscode.l10n.t('Sign in to Chatwork to open this link.'), setToken)) === setToken) {
          await vscode.commands.executeCommand('chatwork.setToken');
        }
        return;
      }
      const rooms = deps.store.rooms ?? (await deps.store.refreshRooms(), deps.store.rooms ?? []);
      let room = rooms.find((r) => r.room_id === parsed.link.roomId);
      if (!room && deps.store.rooms === rooms) {
        await deps.store.refreshRooms();
        room = deps.store.room(parsed.link.roomId);
      }
      if (!room) {
        void deps.prompts.notify('error', vscode.l10n.t('Room {0} is not one of your Chatwork rooms.', parsed.link.roomId));
        return;
      }
      this._panels.show(room.room_id, parsed.link.messageId);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Opening the Chatwork link'), error, () => this.handleUri(uri));
    }
  }
}

/** A parameter name is shown only when it is short plain ASCII; otherwise it is just "?". */
function safeName(name: string | undefined): string {
  return name !== undefined && /^[A-Za-z0-9_-]{1,20}$/.test(name) ? name : '?';
}
