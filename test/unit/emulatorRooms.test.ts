// The emulator's domain rules: rooms, members, tasks, links, contact requests and the system
// messages they leave behind.
import * as assert from 'assert';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';
import { client } from '../emulator/rawClient';

const R = SEED_ROOMS;
const { me, alice, bob, chen, dana } = SEED_IDS;

describe('emulator rooms, tasks and contacts', () => {
  let emu: Emulator;
  let api: ReturnType<typeof client>;
  let asAlice: ReturnType<typeof client>;
  beforeEach(async () => {
    emu = await startEmulator({ roomPostLimit: 0 });
    api = client(emu.url, emu.token);
    asAlice = client(emu.url, emu.tokens.alice ?? '');
  });
  afterEach(() => emu.close());

  const lastBody = (roomId: number): string | undefined => emu.state.roomMessages(roomId).at(-1)?.body;
  const createRoom = async (params: Record<string, string | number> = {}): Promise<number> => {
    const res = await api('POST', '/rooms', { name: 'Launch', members_admin_ids: alice, members_member_ids: `${bob},${chen}`, ...params });
    assert.strictEqual(res.status, 200, res.text);
    return (res.json as { room_id: number }).room_id;
  };

  it('seeds the documented rooms with my roles', async () => {
    const rooms = (await api('GET', '/rooms')).json as { room_id: number; type: string; role: string; sticky: boolean; name: string }[];
    const byId = new Map(rooms.map((r) => [r.room_id, r]));
    assert.deepStrictEqual([byId.get(R.myChat)?.type, byId.get(R.directAlice)?.name], ['my', 'Alice Tanaka']);
    assert.deepStrictEqual([byId.get(R.phoenix)?.role, byId.get(R.phoenix)?.sticky], ['admin', true]);
    assert.deepStrictEqual([byId.get(R.design)?.role, byId.get(R.news)?.role, byId.get(R.random)?.role], ['member', 'readonly', 'member']);
    assert.strictEqual(((await api('GET', '/me')).json as { room_id: number }).room_id, R.myChat);
  });

  it('creates a group room with the caller as admin, a preset icon, a link and a system message', async () => {
    const id = await createRoom({ icon_preset: 'meeting', description: 'desc', link: 1, link_code: 'launch-2024', link_need_acceptance: 0 });
    const room = (await api('GET', `/rooms/${id}`)).json as { role: string; icon_path: string; description: string; type: string; unread_num: number };
    assert.deepStrictEqual([room.type, room.role, room.icon_path, room.description, room.unread_num], ['group', 'admin', 'https://appdata.chatwork.com/icon/ico_meeting.png', 'desc', 0]);
    assert.deepStrictEqual((await api('GET', `/rooms/${id}/link`)).json, { public: true, url: 'https://www.chatwork.com/g/launch-2024', need_acceptance: false, description: '' });
    assert.match(lastBody(id) ?? '', /^\[info\]\[title\]\[dtext:chatroom_groupchat_created\]\[\/title\]\[dtext:chatroom_chatname_is\]Launch\[dtext:chatroom_set\]/);
    assert.strictEqual(((await asAlice('GET', `/rooms/${id}`)).json as { unread_num: number }).unread_num, 1, 'new members see the notice unread');
    assert.strictEqual((await api('POST', '/rooms', { name: 'x' })).status, 400);
    assert.strictEqual((await api('POST', '/rooms', { name: 'x', members_admin_ids: 999999 })).status, 400);
    assert.strictEqual((await api('POST', '/rooms', { name: 'x', members_admin_ids: me, icon_preset: 'rocket' })).status, 400);
    assert.strictEqual((await api('POST', '/rooms', { name: 'y', members_admin_ids: me, link: 1, link_code: 'launch-2024' })).status, 400);
  });

  it('updates group rooms only, as admin only', async () => {
    assert.deepStrictEqual((await api('PUT', `/rooms/${R.phoenix}`, { name: 'Phoenix 2', icon_preset: 'star' })).json, { room_id: R.phoenix });
    const room = (await api('GET', `/rooms/${R.phoenix}`)).json as { name: string; icon_path: string };
    assert.deepStrictEqual([room.name, room.icon_path], ['Phoenix 2', 'https://appdata.chatwork.com/icon/ico_star.png']);
    assert.match(lastBody(R.phoenix) ?? '', /\[dtext:chatroom_chat_edited\].*\[dtext:chatroom_chatname_is\]Phoenix 2\[dtext:chatroom_set\]/s);
    assert.strictEqual((await api('PUT', `/rooms/${R.design}`, { name: 'mine' })).status, 403, 'member, not admin');
    assert.strictEqual((await api('PUT', `/rooms/${R.directAlice}`, { name: 'dm' })).status, 403, 'direct chat');
    assert.strictEqual((await api('DELETE', `/rooms/${R.myChat}`, { action_type: 'leave' })).status, 403, 'my chat');
    assert.strictEqual((await api('DELETE', `/rooms/${R.design}`, { action_type: 'delete' })).status, 403, 'delete needs admin');
  });

  it('leaving removes my tasks and files there; deleting removes everything', async () => {
    const id = await createRoom({ members_admin_ids: `${me},${alice}`, members_member_ids: bob });
    await api('POST', `/rooms/${id}/tasks`, { body: 'mine', to_ids: me });
    await api('POST', `/rooms/${id}/tasks`, { body: 'bobs', to_ids: bob });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    await api('POST', `/rooms/${id}/files`, undefined, { body: form });
    assert.strictEqual((await api('DELETE', `/rooms/${id}`, { action_type: 'leave' })).status, 204);
    const tasks = [...emu.state.tasks.values()].filter((t) => t.room_id === id);
    assert.deepStrictEqual(tasks.map((t) => t.body), ['bobs']);
    assert.strictEqual([...emu.state.files.values()].filter((f) => f.room_id === id).length, 0);
    assert.strictEqual((await api('GET', `/rooms/${id}`)).status, 404);
    assert.match(lastBody(id) ?? '', /\[piconname:1001\]\[dtext:chatroom_leaved\]/);
    assert.strictEqual((await asAlice('DELETE', `/rooms/${id}`, { action_type: 'delete' })).status, 204);
    assert.strictEqual(emu.state.rooms.has(id), false);
    assert.strictEqual([...emu.state.tasks.values()].filter((t) => t.room_id === id).length, 0);
  });

  it('replaces the member list as a whole and announces the changes', async () => {
    const res = await api('PUT', `/rooms/${R.phoenix}/members`, { members_admin_ids: `${me},${bob}`, members_readonly_ids: dana });
    assert.deepStrictEqual(res.json, { admin: [me, bob], member: [], readonly: [dana] });
    const members = (await api('GET', `/rooms/${R.phoenix}/members`)).json as { account_id: number; role: string }[];
    assert.deepStrictEqual(members.map((m) => [m.account_id, m.role]), [[me, 'admin'], [bob, 'admin'], [dana, 'readonly']]);
    const bodies = emu.state.roomMessages(R.phoenix).slice(-3).map((m) => m.body);
    assert.deepStrictEqual(bodies, [
      '[info][dtext:chatroom_member_is][piconname:1005][dtext:chatroom_added][/info]',
      '[info][dtext:chatroom_member_is][piconname:1003][dtext:chatroom_priv_changed][/info]',
      '[info][dtext:chatroom_member_is][piconname:1002][piconname:1004][dtext:chatroom_deleted][/info]',
    ]);
    assert.strictEqual((await asAlice('GET', `/rooms/${R.phoenix}`)).status, 404, 'alice was removed');
    assert.strictEqual((await api('PUT', `/rooms/${R.design}/members`, { members_admin_ids: me })).status, 403);
    assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/members`, { members_member_ids: me })).status, 400);
  });

  it('creates one task per assignee with a task_added notice, filters, and changes status', async () => {
    const res = await api('POST', `/rooms/${R.phoenix}/tasks`, { body: 'Ship it', to_ids: `${me},${bob}`, limit: 1900000000, limit_type: 'date' });
    const ids = (res.json as { task_ids: number[] }).task_ids;
    assert.strictEqual(ids.length, 2);
    const task = (await api('GET', `/rooms/${R.phoenix}/tasks/${ids[0]}`)).json as { limit_time: number; limit_type: string; message_id: string; account: { account_id: number } };
    assert.deepStrictEqual([task.account.account_id, task.limit_type], [me, 'date']);
    assert.strictEqual((task.limit_time + 9 * 3600 + 1) % 86400, 0, 'date deadlines end at 23:59:59 JST');
    assert.strictEqual(emu.state.findMessage(R.phoenix, task.message_id)?.body, `[info][title][dtext:task_added][/title][task aid=1001,1003 st=open lt=${task.limit_time} ltype=date]Ship it[/task][/info]`);

    const mine = (await api('GET', `/rooms/${R.phoenix}/tasks`, { account_id: me })).json as { task_id: number }[];
    assert.ok(mine.some((t) => t.task_id === ids[0]) && !mine.some((t) => t.task_id === ids[1]));
    const before = ((await api('GET', `/rooms/${R.phoenix}`)).json as { mytask_num: number }).mytask_num;
    assert.deepStrictEqual((await api('PUT', `/rooms/${R.phoenix}/tasks/${ids[0]}/status`, { body: 'done' })).json, { task_id: ids[0] });
    assert.strictEqual(((await api('GET', `/rooms/${R.phoenix}`)).json as { mytask_num: number }).mytask_num, before - 1);
    assert.match(lastBody(R.phoenix) ?? '', /^\[info\]\[title\]\[dtext:task_done\]\[\/title\]\[task aid=1001 st=done/);
    const done = (await api('GET', '/my/tasks', { status: 'done' })).json as { task_id: number }[];
    assert.ok(done.some((t) => t.task_id === ids[0]));
    assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/tasks`, { body: 'x', to_ids: dana })).status, 400, 'not a member');
    assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/tasks/${ids[0]}/status`, { body: 'closed' })).status, 400);
    assert.strictEqual((await api('POST', `/rooms/${R.news}/tasks`, { body: 'x', to_ids: me })).status, 403);
  });

  it('manages the invitation link (admins only)', async () => {
    assert.strictEqual(((await api('GET', `/rooms/${R.phoenix}/link`)).json as { url: string }).url, 'https://www.chatwork.com/g/phoenix-dev');
    assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/link`)).status, 400, 'already exists');
    assert.deepStrictEqual((await api('PUT', `/rooms/${R.phoenix}/link`, { code: 'phx', need_acceptance: 'false' })).json, {
      public: true, url: 'https://www.chatwork.com/g/phx', need_acceptance: false, description: 'Phoenix プロジェクトの参加用リンク',
    });
    assert.deepStrictEqual((await api('DELETE', `/rooms/${R.phoenix}/link`)).json, { public: false });
    assert.deepStrictEqual((await api('GET', `/rooms/${R.phoenix}/link`)).json, { public: false });
    assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/link`, { description: 'x' })).status, 400, 'no link');
    assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/link`, { code: 'bad code!' })).status, 400);
    assert.strictEqual((await api('POST', `/rooms/${R.design}/link`)).status, 403);
  });

  it('approves a contact request into a contact with a direct chat, and declines with 204', async () => {
    const [request] = (await api('GET', '/incoming_requests')).json as { request_id: number; account_id: number }[];
    assert.strictEqual(request?.account_id, dana);
    const approved = (await api('PUT', `/incoming_requests/${request?.request_id}`)).json as { account_id: number; room_id: number };
    assert.strictEqual(approved.account_id, dana);
    const contacts = (await api('GET', '/contacts')).json as { account_id: number; room_id: number }[];
    assert.deepStrictEqual(contacts.find((c) => c.account_id === dana), { ...approved });
    const room = (await api('GET', `/rooms/${approved.room_id}`)).json as { type: string; name: string };
    assert.deepStrictEqual([room.type, room.name], ['direct', 'Dana Nguyen']);
    assert.strictEqual((await api('GET', '/incoming_requests')).status, 204);
    emu.state.incomingRequests.set(77, { request_id: 77, from_account_id: SEED_IDS.eiko, to_account_id: me, message: '' });
    assert.strictEqual((await api('DELETE', '/incoming_requests/77')).status, 204);
    assert.strictEqual((await api('DELETE', '/incoming_requests/77')).status, 404);
  });
});
