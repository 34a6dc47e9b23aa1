// The seeded world: people, contacts, rooms, a link and a contact request; the history of each
// room is in seedHistory.ts. Ids are fixed (SEED_ROOMS); times are relative to "now".
import type { Role } from '../../src/api/types';
import { iconPath, roomCreatedNotice } from './notation';
import { FIRST_IDS, SEED_ACCOUNTS, SEED_IDS, SEED_ROOMS, seedToken, type SeedKey } from './seedAccounts';
import { writeHistory } from './seedHistory';
import { SeedWriter } from './seedWriter';
import type { EmulatorState } from './state';

export { FIRST_IDS, SEED_IDS, SEED_ROOMS };

const ME = SEED_IDS.me;

function group(w: SeedWriter, roomId: number, name: string, preset: string, description: string, members: [SeedKey, Role][], creator: SeedKey, daysAgo: number): void {
  w.state.createRoom(
    { type: 'group', name, description, icon_path: iconPath(preset), members: members.map(([k, role]) => [SEED_IDS[k], role]) },
    roomId,
  );
  w.say(roomId, creator, roomCreatedNotice(name, members.map(([k]) => SEED_IDS[k])), w.ago(daysAgo));
}

/** Fills an empty state with the seeded world; returns the token of each seeded account. */
export function seed(state: EmulatorState): Record<SeedKey, string> {
  const w = new SeedWriter(state, state.now());
  const tokens = {} as Record<SeedKey, string>;
  (Object.keys(SEED_IDS) as SeedKey[]).forEach((key, i) => {
    const account = SEED_ACCOUNTS[key];
    state.accounts.set(account.account_id, { ...account });
    state.accountKeys.set(key, account.account_id);
    tokens[key] = seedToken(key);
    state.tokens.set(tokens[key], account.account_id);
    const myRoomId = key === 'me' ? SEED_ROOMS.myChat : 10020 + i;
    state.createRoom({ type: 'my', name: 'マイチャット', icon_path: account.avatar_image_url, members: [[account.account_id, 'admin']] }, myRoomId);
  });
  state.connect(ME, SEED_IDS.alice, SEED_ROOMS.directAlice);
  state.connect(ME, SEED_IDS.bob, SEED_ROOMS.directBob);
  state.connect(ME, SEED_IDS.chen, SEED_ROOMS.directChen);
  state.connect(SEED_IDS.alice, SEED_IDS.bob, 10030);

  group(w, SEED_ROOMS.phoenix, 'Phoenix 開発チーム', 'project',
    '[info][title]Phoenix プロジェクト[/title]次期リリース v2.3 の開発チャットです。\nリポジトリ: https://github.com/example/phoenix[/info]',
    [['me', 'admin'], ['alice', 'admin'], ['bob', 'member']], 'me', 14);
  group(w, SEED_ROOMS.design, 'デザインレビュー', 'idea', 'ロゴと UI のレビュー用', [['alice', 'admin'], ['me', 'member'], ['bob', 'member'], ['chen', 'readonly']], 'alice', 9);
  group(w, SEED_ROOMS.news, '全社お知らせ', 'business', '総務部からのお知らせ（閲覧のみ）',
    [['eiko', 'admin'], ['me', 'readonly'], ['alice', 'readonly'], ['bob', 'readonly']], 'eiko', 30);
  group(w, SEED_ROOMS.random, '雑談 Random', 'magcup', '', [['alice', 'admin'], ['me', 'member'], ['bob', 'member'], ['chen', 'member']], 'alice', 20);

  const phoenix = state.rooms.get(SEED_ROOMS.phoenix);
  if (phoenix) {
    phoenix.sticky.add(ME);
    phoenix.link = { code: 'phoenix-dev', need_acceptance: true, description: 'Phoenix プロジェクトの参加用リンク' };
  }
  state.incomingRequests.set(FIRST_IDS.request - 1, {
    request_id: FIRST_IDS.request - 1, from_account_id: SEED_IDS.dana, to_account_id: ME,
    message: 'はじめまして、Dana Nguyen です。Phoenix の件でコンタクト追加をお願いします。',
  });

  writeHistory(w);
  return tokens;
}
