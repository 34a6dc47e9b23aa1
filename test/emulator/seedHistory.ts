// The seeded conversations. Between them they use every notation tag of chatwork-api.md
// (To, toall, rp, qt with and without time, info/title, code, hr, picon, piconname, preview,
// download, task, dtext, deleted, all 49 emoticons, URLs, multi-line and Japanese text) plus a
// few broken tags, which clients must show as literal text.
import { memberNotice } from './notation';
import { SEED_IDS, SEED_ROOMS as R } from './seedAccounts';
import type { SeedWriter } from './seedWriter';

export const EMOTICONS = [
  ':)', ':(', ':D', '8-)', ':o', ';)', ';(', '(sweat)', ':|', ':*', ':p', '(blush)', ':^)', '|-)', '(inlove)', ']:)',
  '(talk)', '(yawn)', '(puke)', '(emo)', '8-|', ':#)', '(nod)', '(shake)', '(^^;)', '(whew)', '(clap)', '(bow)', '(roger)',
  '(flex)', '(dance)', '(:/)', '(gogo)', '(think)', '(please)', '(quick)', '(anger)', '(devil)', '(lightbulb)', '(*)', '(h)',
  '(F)', '(cracker)', '(eat)', '(^)', '(coffee)', '(beer)', '(handshake)', '(y)',
];

/** Byte i of the seeded 100 MB file (generated on the fly when downloaded). */
export const bigFileByte = (i: number): number => (i * 7 + (i >>> 11)) & 0xff;
export const BIG_FILE_SIZE = 100 * 1024 * 1024;

const PNG_16 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAIklEQVR42mP4jwSeWbrBES5xhkGogRhFyOKDUcNoPAwKDQCNZTEfeI2aIAAAAABJRU5ErkJggg==',
  'base64',
);
const README = '# Phoenix\n\nRelease checklist for v2.3.\n\n- [ ] Update dependencies\n- [ ] Write release notes\n- [x] Fix flaky E2E tests\n';
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="28" fill="#e63946"/></svg>\n';
const REPORT_CSV = '月,売上,前年比\n1月,1200000,105%\n2月,980000,97%\n3月,1530000,112%\n';

function phoenix(w: SeedWriter): void {
  const room = R.phoenix;
  w.say(room, 'alice', 'みなさん、よろしくお願いします！(bow)\nPhoenix の開発はこのチャットで進めましょう。', w.ago(13, 23));
  const ci = w.say(room, 'bob', '[To:1001]山田さん\nCI のビルドが落ちています。ログを見てもらえますか？\nhttps://ci.example.com/phoenix/builds/4821 (sweat)', w.ago(13, 20));
  w.say(room, 'me', `[rp aid=1003 to=${room}-${ci.message_id}]Bob Suzukiさん\n確認します。たぶん依存関係の更新が原因です。`, w.ago(13, 19));
  const roomRef = w.state.rooms.get(room);
  if (roomRef) w.state.setMember(roomRef, SEED_IDS.chen, 'member');
  w.say(room, 'me', memberNotice('chatroom_added', [SEED_IDS.chen]), w.ago(12, 22));
  const code = w.say(room, 'chen', '修正案です:\n[code]\nasync function retry<T>(fn: () => Promise<T>, times = 3): Promise<T> {\n  try {\n    return await fn();\n  } catch (e) {\n    if (times <= 1) throw e;\n    return retry(fn, times - 1); // [To:1001] is not a mention inside code\n  }\n}\n[/code]', w.ago(12, 20));
  w.say(room, 'alice', `[qt][qtmeta aid=1004 time=${code.send_time}]修正案です: async function retry…[/qt]\nいいですね :) これでいきましょう。`, w.ago(12, 19));
  w.say(room, 'bob', `[qt][qtmeta aid=1001]確認します。たぶん依存関係の更新が原因です。[/qt]\n助かります (clap)`, w.ago(12, 18));
  w.say(room, 'alice', '[info][title]リリース手順 v2.3[/title]1. main にマージ\n2. タグ v2.3.0 を打つ\n3. https://releases.example.com に公開\n[hr]\n担当: [piconname:1003]\nレビュー: [picon:1004][picon:1001][/info]', w.ago(11, 3));
  const notes = w.task(room, 'alice', ['me', 'bob'], 'リリースノートを書く\n- 新機能\n- 既知の問題', w.ago(10, 5), { at: w.now + 3 * 86400, type: 'date' });
  const e2e = w.task(room, 'me', ['bob'], 'E2E テストの flaky を直す', w.ago(10, 4));
  w.task(room, 'me', ['chen'], 'API クライアントにリトライを実装', w.ago(10, 3), { at: w.now + 5 * 86400 + 3600, type: 'time' });
  w.file(room, 'chen', 'README.md', Buffer.from(README), w.ago(9, 6));
  w.file(room, 'alice', 'screenshot.png', PNG_16, w.ago(9, 2), '新しいダッシュボードのスクショです (*)');
  w.say(room, 'me', 'このメッセージは取り消されました', w.ago(8, 5), { deleted: true });
  w.setStatus(e2e[0], 'bob', 'done', w.ago(7, 1));
  w.say(room, 'chen', 'PR を出しました → https://github.com/example/phoenix/pull/128\nレビューお願いします。', w.ago(6, 4), { editedAt: w.ago(6, 3) });
  w.file(room, 'bob', 'phoenix-test-data.bin', { size: BIG_FILE_SIZE, byteAt: bigFileByte }, w.ago(5, 2), 'テストデータ (100 MB) です');
  w.say(room, 'alice', `今週もお疲れさまでした！\nリアクション一覧: ${EMOTICONS.join(' ')}`, w.ago(3, 8));
  w.say(room, 'bob', '[toall]\n明日 10:00 から定例です (coffee)\nZoom: https://zoom.example.com/j/123456789', w.ago(2, 6));
  w.say(room, 'chen', '閉じ忘れのタグ: [info]こんにちは と [To:abc] と [qt]引用？ と [/code] はそのまま表示されるはず', w.ago(1, 9));
  w.say(room, 'alice', `[To:1001]山田さん\n[To:1003]Bobさん\nリリース判定会議は金曜 15:00 です。リリースノートの進捗はどうですか？ (think)`, w.ago(0, 3));
  w.say(room, 'bob', 'Release notes draft:\nhttps://docs.example.com/phoenix/v2.3-notes\nComments welcome.', w.ago(0, 1));
  void notes;
}

function design(w: SeedWriter): void {
  const room = R.design;
  w.file(room, 'alice', 'logo-draft.svg', Buffer.from(LOGO_SVG), w.ago(8, 5), '新しいロゴ案をアップしました。');
  const ask = w.say(room, 'alice', 'どちらの案が良いか、コメントください (please)', w.ago(8, 4));
  w.task(room, 'alice', ['me'], 'ロゴ案にフィードバックする', w.ago(8, 3), { at: w.now + 2 * 86400, type: 'time' });
  w.task(room, 'alice', ['me'], '配色ガイドを確認する', w.ago(6, 3), { at: w.ago(1), type: 'date' });
  w.say(room, 'bob', `[rp aid=1002 to=${room}-${ask.message_id}]Alice Tanakaさん\n2案目が好きです (y)`, w.ago(5, 2));
  w.say(room, 'alice', '[To:1001]山田さん\nフィードバックお願いします (please)', w.ago(1, 2));
  w.say(room, 'bob', 'ダークモード版も見たいです :D', w.ago(0, 5));
}

function news(w: SeedWriter): void {
  const room = R.news;
  w.say(room, 'eiko', '[info][title]健康診断のお知らせ[/title]10 月中に受診してください。[/info]', w.ago(25));
  w.say(room, 'eiko', '[toall]\n[info][title]年末年始の休業について[/title]12/29〜1/3 は休業です。\n緊急連絡先: 03-1234-5678[/info]', w.ago(0, 6));
}

function random(w: SeedWriter): void {
  const room = R.random;
  const who = ['alice', 'bob', 'chen', 'me'] as const;
  const topics = ['ランチどこ行きます？', 'Nice weather today :)', '新しいキーボード買いました (dance)', 'https://news.example.com/tech/42 面白い記事', 'コーヒー淹れました (coffee)'];
  for (let i = 1; i <= 130; i++) {
    w.say(room, who[i % who.length] ?? 'alice', `#${i} ${topics[i % topics.length]}`, w.ago(0, 0, (131 - i) * 90));
  }
}

function directs(w: SeedWriter): void {
  w.say(R.directAlice, 'alice', 'お疲れさまです。四半期レポートを送ります。', w.ago(4, 3));
  w.file(R.directAlice, 'alice', 'quarterly-report.csv', Buffer.from(REPORT_CSV), w.ago(4, 2));
  w.say(R.directAlice, 'me', 'ありがとうございます！確認します (roger)', w.ago(4, 1));
  w.say(R.directAlice, 'alice', '明日のデモ、よろしくお願いします！', w.ago(0, 2));
  w.say(R.directBob, 'bob', 'テスト環境のパスワードを更新しました。', w.ago(6, 2));
  const review = w.task(R.directBob, 'bob', ['me'], 'テスト計画のレビュー', w.ago(6, 1));
  w.setStatus(review[0], 'me', 'done', w.ago(5, 20));
  w.say(R.directChen, 'chen', '你好！Could you check the API spec when you have time?\nhttps://developer.chatwork.com/reference', w.ago(0, 4));
  w.say(R.myChat, 'me', 'メモ: テストは [code]npm run test:unit[/code] で実行', w.ago(12));
  w.task(R.myChat, 'me', ['me'], '経費精算', w.ago(11));
  const minutes = w.task(R.myChat, 'me', ['me'], '議事録を共有する', w.ago(10));
  w.setStatus(minutes[0], 'me', 'done', w.ago(9));
}

export function writeHistory(w: SeedWriter): void {
  phoenix(w);
  design(w);
  news(w);
  random(w);
  directs(w);
  w.finish();
  w.unread(R.phoenix, 'me', 3);
  w.unread(R.design, 'me', 3);
  w.unread(R.news, 'me', 1);
  w.unread(R.random, 'me', 5);
  w.unread(R.directAlice, 'me', 1);
  w.unread(R.directChen, 'me', 1);
}
