// Realistic room history for the rendering benchmark: the kind of bodies a busy Chatwork room has
// (short Japanese and English chat, mentions, replies, quotes, code and info blocks, file uploads,
// tasks, emoticons, links), senders in runs, a few messages a day over weeks. Deterministic (seeded).
import { rng } from '../fixtures/notation/tagSoup';

export interface BenchMessage {
  id: string;
  accountId: number;
  name: string;
  avatarUrl: string;
  body: string;
  sendTime: number;
  updateTime: number;
}

export const BENCH_PEOPLE = [
  { accountId: 1001, name: '山田 太郎', avatarUrl: 'https://appdata.chatwork.com/avatar/me.png' },
  { accountId: 1002, name: 'Alice Tanaka', avatarUrl: 'https://appdata.chatwork.com/avatar/alice.png' },
  { accountId: 1003, name: 'Bob Suzuki', avatarUrl: 'https://appdata.chatwork.com/avatar/bob.png' },
  { accountId: 1004, name: '陳 偉', avatarUrl: 'https://appdata.chatwork.com/avatar/chen.png' },
  { accountId: 1005, name: '鈴木 花子', avatarUrl: 'https://appdata.chatwork.com/avatar/hanako.png' },
];

const ROOM_ID = 10010;

const SHORT = [
  'おはようございます！',
  '了解です (bow)',
  'ありがとうございます :)',
  'LGTM (y)',
  'OK, merging now.',
  '確認します。少々お待ちください。',
  'Thanks! (clap)',
  'お疲れ様でした (beer)',
  '今から会議に入ります',
  'Sounds good to me.',
];

const LONG = [
  'CI のビルドが落ちています。ログを見てもらえますか？\nhttps://ci.example.com/phoenix/builds/4821 (sweat)',
  'PR を出しました → https://github.com/example/phoenix/pull/128\nレビューお願いします。',
  'Release notes draft:\nhttps://docs.example.com/phoenix/v2.3-notes\nComments welcome.',
  '明日 10:00 から定例です (coffee)\nZoom: https://zoom.example.com/j/123456789\nアジェンダ:\n1. リリース判定\n2. 障害報告\n3. その他',
  'I looked into the flaky E2E test. It fails when the mock server answers before the socket is ready, so the retry never happens. I will push a fix today.',
  'デザインレビューのコメントをまとめました。ヘッダーの余白を 8px 詰めるのと、ボタンの色をブランドカラーに揃える案でいきたいと思います。ご意見あればお願いします (think)',
  'Deploy finished at 17:05. Logs: https://ci.example.com/runs/123456 (cracker)\nsrc/api/http.ts:42 is where the timeout is set.',
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function body(next: () => number, i: number, id: (k: number) => string, time: number): string {
  const to = pick(next, BENCH_PEOPLE);
  const r = next();
  if (r < 0.3) return pick(next, SHORT);
  if (r < 0.5) return pick(next, LONG);
  if (r < 0.6) return `[To:${to.accountId}]${to.name}さん\n${pick(next, LONG)}`;
  if (r < 0.68) return `[rp aid=${to.accountId} to=${ROOM_ID}-${id(Math.max(0, i - 3))}]${to.name}さん\n${pick(next, SHORT)}`;
  if (r < 0.75) return `[qt][qtmeta aid=${to.accountId} time=${time - 600}]${pick(next, LONG)}[/qt]\n${pick(next, SHORT)}`;
  if (r < 0.82) {
    return `修正案です:\n[code]\nasync function retry<T>(fn: () => Promise<T>, times = 3): Promise<T> {\n  try {\n    return await fn();\n  } catch (e) {\n    if (times <= 1) throw e;\n    return retry(fn, times - 1);\n  }\n}\n[/code]`;
  }
  if (r < 0.87) {
    return `[info][title]リリース手順 v2.${i % 10}[/title]1. main にマージ\n2. タグを打つ\n3. https://releases.example.com に公開\n[hr]\n担当: [piconname:${to.accountId}]\nレビュー: [picon:1004][picon:1001][/info]`;
  }
  if (r < 0.9) {
    return `[info][title][dtext:file_uploaded][/title][preview id=${900000 + i} ht=120][download:${900000 + i}]screenshot-${i}.png (45.10 KB)[/download][/info]`;
  }
  if (r < 0.93) {
    return `[info][title][dtext:task_added][/title][task aid=${to.accountId} st=open lt=${time + 86400 * 3} ltype=date]リリースノートを書く\n- 新機能\n- 既知の問題[/task][/info]`;
  }
  if (r < 0.96) return `[toall]\n${pick(next, LONG)}`;
  return `今週もお疲れさまでした！ :) (dance) (coffee) (beer) (handshake) 8-) ;) (bow) (^^;)`;
}

/** `n` messages, oldest first: runs of 1–5 messages per sender, 5 minutes to a few hours apart. */
export function roomHistory(n: number, seed = 20240701, newestTime = Math.floor(Date.now() / 1000)): BenchMessage[] {
  const next = rng(seed);
  const id = (k: number) => (1620000000000000000n + BigInt(k) * 1000003n).toString();
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) gaps.push(next() < 0.1 ? 3600 + Math.floor(next() * 4 * 3600) : 60 + Math.floor(next() * 600));
  let time = newestTime - gaps.reduce((a, b) => a + b, 0);
  const out: BenchMessage[] = [];
  let sender = BENCH_PEOPLE[0] as (typeof BENCH_PEOPLE)[number];
  let runLeft = 0;
  for (let i = 0; i < n; i++) {
    if (runLeft-- <= 0) {
      sender = pick(next, BENCH_PEOPLE);
      runLeft = Math.floor(next() * 5);
    }
    time += gaps[i] as number;
    out.push({
      id: id(i),
      accountId: sender.accountId,
      name: sender.name,
      avatarUrl: sender.avatarUrl,
      body: body(next, i, id, time),
      sendTime: time,
      updateTime: next() < 0.03 ? time + 120 : 0,
    });
  }
  return out;
}
