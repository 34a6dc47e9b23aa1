// Issue 14: the operations that had no place in the editor — web links, contacts and requests,
// invitation links, deep links — driven end to end in the real extension host against the emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import { emulator, scriptPrompts, signIn } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const PHOENIX = 10010;

describe('places for every operation', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    api = await signIn();
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  describe('open in Chatwork', () => {
    it('Open in Browser opens the room’s web address; Copy Room Link copies it', async () => {
      await vscode.commands.executeCommand('chatwork.openRoomInBrowser', { roomId: PHOENIX });
      assert.deepStrictEqual(prompts.opened, [`https://www.chatwork.com/#!rid${PHOENIX}`]);
      await vscode.commands.executeCommand('chatwork.copyRoomLink', { roomId: PHOENIX });
      assert.strictEqual(await vscode.env.clipboard.readText(), `https://www.chatwork.com/#!rid${PHOENIX}`);
    });

    it('Open Message in Browser from the palette: pick the room, then the message', async () => {
      const message = (await emulator().state()).messages.filter((m) => m.room_id === PHOENIX && !m.deleted).at(-1);
      assert.ok(message);
      const room = api.deps.store.room(PHOENIX) ?? (await api.deps.client.getRoom(PHOENIX));
      prompts.answer({ kind: 'pick', choose: room.name }, { kind: 'pick', choose: (item) => (item as { message?: { message_id: string } }).message?.message_id === message.message_id });
      await vscode.commands.executeCommand('chatwork.openMessageInBrowser');
      assert.deepStrictEqual(prompts.opened, [`https://www.chatwork.com/#!rid${PHOENIX}-${message.message_id}`]);
    });

    it('a room that is not mine is refused with a clear error, nothing opened', async () => {
      await vscode.commands.executeCommand('chatwork.openRoomInBrowser', { roomId: 99999 });
      assert.deepStrictEqual(prompts.opened, []);
      assert.ok(prompts.notifications.some((n) => n.severity === 'error' && n.message.includes('99999')), JSON.stringify(prompts.notifications));
    });
  });
});
