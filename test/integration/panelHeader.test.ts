// The room header's data and buttons in the real extension host: after the snapshot the panel gets
// the room's type, description and (only from an origin its CSP allows) picture; each header button
// runs the room's command for this room.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { RoomPanel } from '../../src/panels/roomPanel';
import { emulator, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

/** Phoenix 開発チーム: a group with a description. */
const PHOENIX = 10010;

describe('room panel: header', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  before(async () => {
    api = await signIn();
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  after(async () => {
    for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sends the room details the header shows; Open in Browser opens this room', async () => {
    const room = (await emulator().state()).rooms.find((r) => r.room_id === PHOENIX);
    assert.ok(room);
    await vscode.commands.executeCommand('chatwork.openRoom', PHOENIX);
    const panel = api.panels.get(PHOENIX) as RoomPanel;
    const details = await waitFor(() => {
      const posted = [...panel.posted].reverse().find((m) => m.type === 'roomDetails');
      return posted?.type === 'roomDetails' ? posted.room : undefined;
    }, 'the room details sent to the panel');
    assert.strictEqual(details.name, room.name);
    assert.strictEqual(details.type, 'group');
    assert.strictEqual(details.description, room.description);
    if (details.iconUrl !== undefined) {
      assert.strictEqual(details.iconUrl, room.icon_path);
      const origin = new URL(details.iconUrl).origin;
      const configuredApi = new URL(vscode.workspace.getConfiguration('chatwork').get<string>('apiBaseUrl') ?? 'https://api.chatwork.com/v2').origin;
      assert.ok(['https://appdata.chatwork.com', 'https://assets.chatwork.com', configuredApi].includes(origin), `icon from an allowed origin: ${origin}`);
    }

    await panel.receive({ type: 'roomAction', action: 'openInBrowser' });
    await waitFor(() => prompts.opened.find((u) => u.includes(`rid${PHOENIX}`)), 'the room opened in the browser');
  });
});
