// Issue 14: the operations that had no place in the editor — web links, contacts and requests,
// invitation links, deep links — driven end to end in the real extension host against the emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ContactNode, RequestNode, RequestsNode } from '../../src/contacts/contactNodes';
import type { ChatworkExtensionApi } from '../../src/extension';
import { emulator, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const PHOENIX = 10010;
const DANA = 1005;
const EIKO = 1006;

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

  describe('contacts and requests', () => {
    // The extension runs from its bundle: its classes are not this file's, so nodes are told apart by contextValue.
    const isContact = (n: unknown): n is ContactNode => (n as ContactNode).contextValue === 'contact';
    const isRequests = (n: unknown): n is RequestsNode => (n as RequestsNode).contextValue === 'contactRequests';

    async function rootNodes(): Promise<unknown[]> {
      return api.contacts.provider.getChildren();
    }

    async function requestNodes(): Promise<RequestNode[]> {
      const group = (await rootNodes()).find(isRequests);
      return group ? ((await group.getChildren()) as RequestNode[]) : [];
    }

    beforeEach(() => api.contacts.provider.refresh());

    it('the view lists the contacts and the seeded request from Dana, with the count and a badge', async () => {
      const nodes = await rootNodes();
      const group = nodes.find(isRequests);
      assert.ok(group, 'a Contact requests node');
      const requests = await requestNodes();
      assert.ok(requests.some((r) => r.request.account_id === DANA), 'Dana’s seeded request');
      assert.strictEqual(group.description, String(requests.length));
      assert.strictEqual(api.contacts.view.badge?.value, requests.length);
      const names = nodes.filter(isContact).map((n) => String(n.label));
      assert.ok(names.includes('Alice Tanaka') && names.includes('Chen Wei'), names.join(', '));
    });

    it('Open Direct Chat opens the contact’s direct room', async () => {
      const alice = (await rootNodes()).find((n): n is ContactNode => isContact(n) && n.label === 'Alice Tanaka');
      assert.ok(alice);
      await vscode.commands.executeCommand('chatwork.openDirectChat', { roomId: alice.roomId, accountId: alice.accountId });
      assert.ok(api.panels.get(alice.roomId), 'the direct chat’s panel is open');
      api.panels.get(alice.roomId)?.dispose();
    });

    it('Mention in…: contact, room, text → a message with [To:] in that room', async () => {
      const room = api.deps.store.room(PHOENIX) ?? (await api.deps.client.getRoom(PHOENIX));
      prompts.answer({ kind: 'pick', choose: 'Alice Tanaka' }, { kind: 'pick', choose: room.name }, { kind: 'input', value: 'please review' });
      await vscode.commands.executeCommand('chatwork.mentionContact');
      const last = (await emulator().state()).messages.filter((m) => m.room_id === PHOENIX).at(-1);
      assert.strictEqual(last?.body, '[To:1002]Alice Tanaka\nplease review');
    });

    it('Decline asks first: cancelled keeps the request; confirmed deletes it and the view forgets it', async () => {
      const requestId = await emulator().requestContact('eiko', 'Hello from Eiko');
      prompts.answer({ kind: 'confirm', action: undefined });
      await vscode.commands.executeCommand('chatwork.declineContactRequest', { requestId });
      assert.ok((await emulator().state()).incomingRequests.some((r) => r.request_id === requestId), 'still pending after cancel');
      prompts.answer({ kind: 'confirm', action: 'Decline' });
      await vscode.commands.executeCommand('chatwork.declineContactRequest', { requestId });
      assert.ok(!(await emulator().state()).incomingRequests.some((r) => r.request_id === requestId), 'deleted');
      const left = await requestNodes();
      assert.ok(left.length > 0 && !left.some((r) => r.requestId === requestId), 'the view shows the other requests only');
    });

    it('Accept makes a contact with a direct chat; an unknown request is refused with a clear error', async () => {
      const requestId = await emulator().requestContact('eiko', 'Hello again');
      prompts.answer({ kind: 'pick', choose: (item) => (item as { request?: { request_id: number } }).request?.request_id === requestId });
      await vscode.commands.executeCommand('chatwork.acceptContactRequest');
      const eiko = await waitFor(async () => (await rootNodes()).find((n): n is ContactNode => isContact(n) && n.accountId === EIKO), 'Eiko as a contact');
      assert.ok(eiko.roomId > 0);
      assert.ok(prompts.notifications.some((n) => n.message.includes('木村 英子')), JSON.stringify(prompts.notifications));
      await vscode.commands.executeCommand('chatwork.acceptContactRequest', { requestId });
      assert.ok(prompts.notifications.some((n) => n.severity === 'error' && n.message.includes(String(requestId))));
    });
  });

  describe('invite links', () => {
    const linkOf = async (): Promise<unknown> => (await emulator().state()).rooms.find((r) => r.room_id === PHOENIX)?.link;

    it('Copy Invite Link copies the seeded link of Phoenix', async () => {
      const link = await api.deps.client.getRoomLink(PHOENIX);
      assert.ok(link.public && link.url);
      await vscode.commands.executeCommand('chatwork.copyInviteLink', { roomId: PHOENIX });
      assert.strictEqual(await vscode.env.clipboard.readText(), link.url);
    });

    it('Invite Link…: change the approval, change the code (an invalid one refused before any request), delete (confirmed), create again', async () => {
      await emulator().resetRequests();
      // Approval: the seeded link needs it; switch it off.
      prompts.answer({ kind: 'pick', choose: 'Let Anyone with the Link Join' });
      await vscode.commands.executeCommand('chatwork.inviteLink', { roomId: PHOENIX });
      assert.strictEqual((await api.deps.client.getRoomLink(PHOENIX)).need_acceptance, false);

      // Code: "bad code!" is refused in the box, then a valid one is sent with PUT.
      prompts.answer({ kind: 'pick', choose: 'Change Code…' }, { kind: 'input', value: 'bad code!' }, { kind: 'input', value: 'phoenix-2026' });
      await vscode.commands.executeCommand('chatwork.inviteLink', { roomId: PHOENIX });
      assert.ok(prompts.validationMessages.some((m) => m.includes('A–Z')), JSON.stringify(prompts.validationMessages));
      assert.ok((await api.deps.client.getRoomLink(PHOENIX)).url?.endsWith('/phoenix-2026'));
      const puts = (await emulator().requests()).filter((r) => r.method === 'PUT' && r.route === '/rooms/{room_id}/link');
      assert.deepStrictEqual(puts.map((r) => r.form), [{ need_acceptance: '0' }, { code: 'phoenix-2026' }]);

      // Delete: cancelled keeps it; confirmed removes it.
      prompts.answer({ kind: 'pick', choose: 'Delete Invite Link…' }, { kind: 'confirm', action: undefined });
      await vscode.commands.executeCommand('chatwork.inviteLink', { roomId: PHOENIX });
      assert.ok(await linkOf(), 'kept after cancel');
      prompts.answer({ kind: 'pick', choose: 'Delete Invite Link…' }, { kind: 'confirm', action: 'Delete Link' });
      await vscode.commands.executeCommand('chatwork.inviteLink', { roomId: PHOENIX });
      assert.strictEqual((await api.deps.client.getRoomLink(PHOENIX)).public, false);

      // Create with a code and approval; restores a link like the seeded one for later tests.
      prompts.answer({ kind: 'pick', choose: 'Create Invite Link…' }, { kind: 'input', value: 'phoenix-dev' }, { kind: 'pick', choose: 'Admins approve who joins' });
      await vscode.commands.executeCommand('chatwork.inviteLink', { roomId: PHOENIX });
      const created = await api.deps.client.getRoomLink(PHOENIX);
      assert.ok(created.public && created.url?.endsWith('/phoenix-dev') && created.need_acceptance, JSON.stringify(created));
    });

    it('a code Chatwork would refuse never reaches it, even from code', async () => {
      await emulator().resetRequests();
      await assert.rejects(api.deps.client.updateRoomLink(PHOENIX, { code: 'x'.repeat(51) }), /code/);
      assert.deepStrictEqual((await emulator().requests()).filter((r) => r.route === '/rooms/{room_id}/link'), []);
    });
  });

  describe('deep links', () => {
    const link = (text: string): vscode.Uri => vscode.Uri.parse(`vscode://chatwork-vscode.chatwork-vscode${text}`);

    afterEach(() => api.panels.get(PHOENIX)?.dispose());

    it('…/open?room=…&message=… opens the room’s panel at the message', async () => {
      const message = (await emulator().state()).messages.filter((m) => m.room_id === PHOENIX && !m.deleted).at(-1);
      assert.ok(message);
      await api.uriHandler.handleUri(link(`/open?room=${PHOENIX}&message=${message.message_id}`));
      assert.ok(api.panels.get(PHOENIX), 'the Phoenix panel is open');
      assert.deepStrictEqual(prompts.notifications, []);
    });

    for (const [what, text] of [
      ['a non-numeric room', '/open?room=abc'],
      ['a huge room id', '/open?room=99999999999999999999'],
      ['an extra parameter', `/open?room=${PHOENIX}&token=secret`],
      ['a non-numeric message', `/open?room=${PHOENIX}&message=1%3B2`],
      ['another path', `/settings?room=${PHOENIX}`],
    ] as const) {
      it(`refuses ${what} with a clear error and opens nothing`, async () => {
        const before = api.panels.openRooms.length;
        await api.uriHandler.handleUri(link(text));
        assert.strictEqual(api.panels.openRooms.length, before);
        assert.strictEqual(prompts.notifications.length, 1);
        assert.match(prompts.notifications[0]?.message ?? '', /cannot be opened/);
        assert.ok(!prompts.notifications[0]?.message.includes('secret'), 'hostile text is not echoed');
      });
    }

    it('refuses a room that is not one of mine', async () => {
      await api.uriHandler.handleUri(link('/open?room=424242'));
      assert.strictEqual(api.panels.get(424242), undefined);
      assert.ok(prompts.notifications.some((n) => n.severity === 'error' && n.message.includes('424242')));
    });
  });
});
