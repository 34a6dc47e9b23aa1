// The local archive and search (issue 15): a generated archive of 100,000 messages in 200 rooms
// (Japanese and English, the render corpus's kind of bodies), written through the real archive to
// a temporary folder. Measures: search p95 (the plain scan the extension uses, and MiniSearch with
// a CJK bigram tokenizer for comparison), appending one polled message as the archive grows, the
// size on disk, reading everything back, the memory of the loaded archive and index, and the host
// side of opening a room with 10,000 archived messages.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import MiniSearch from 'minisearch';
import type { Message } from '../../src/api/types';
import { MessageArchive } from '../../src/archive/messageArchive';
import { messageDataOf } from './archiveData';
import { normalizeText } from '../../src/search/normalize';
import { parseQuery } from '../../src/search/query';
import { SearchIndex } from '../../src/search/searchIndex';
import { searchableText } from '../../src/search/searchText';
import { roomHistory } from './renderCorpus';
import { below, type BenchRow, median, row } from './results';

const ROOMS = 200;
const PER_ROOM = 500;
const BIG_ROOM = 10_000;
const QUERIES = [
  '了解', 'ありがとう', 'レビュー', 'れびゅー', 'ﾚﾋﾞｭｰ', '資料', '会議', '確認', 'お願いします', 'デプロイ',
  'lgtm', 'review', 'deploy', 'thanks', 'merge', 'PR', 'bug', 'release notes', 'meeting', 'tomorrow',
  'from:alice review', 'from:山田 確認', 'has:file', 'has:task', 'to:me', 'in:room-17 了解', 'after:2024-01-01 deploy',
  'before:2030-01-01 thanks', '"please review"', 'ＬＧＴＭ',
];
const RUNS = 5;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

function gc(): void {
  v8.setFlagsFromString('--expose_gc');
  (vm.runInNewContext('gc') as () => void)();
}

function heapMB(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function toMessage(m: ReturnType<typeof roomHistory>[number], roomIndex: number): Message {
  // Distinct ids per room (the corpus numbers every room the same way).
  const id = (BigInt(m.id) + BigInt(roomIndex) * 10_000_000_000n).toString();
  return { message_id: id, account: { account_id: m.accountId, name: m.name, avatar_image_url: m.avatarUrl }, body: m.body, send_time: m.sendTime, update_time: m.updateTime };
}

function generateRooms(): Map<number, Message[]> {
  const rooms = new Map<number, Message[]>();
  for (let r = 0; r < ROOMS; r++) rooms.set(1000 + r, roomHistory(PER_ROOM, 7000 + r).map((m) => toMessage(m, r)));
  return rooms;
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Latin words as words, CJK as overlapping character pairs (MiniSearch has no CJK tokenizer). */
function bigramTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of normalizeText(text).split(/[\s\p{P}\p{S}]+/u)) {
    if (chunk === '') continue;
    if (/^[\p{Script=Latin}\p{N}]+$/u.test(chunk)) tokens.push(chunk);
    else if (chunk.length === 1) tokens.push(chunk);
    else for (let i = 0; i < chunk.length - 1; i++) tokens.push(chunk.slice(i, i + 2));
  }
  return tokens;
}

async function timeSearch(search: (q: string) => unknown): Promise<{ times: number[]; slowest: string }> {
  const times: number[] = [];
  const worst = new Map<string, number>();
  for (let run = 0; run < RUNS; run++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      search(q);
      const ms = performance.now() - t0;
      times.push(ms);
      worst.set(q, Math.max(worst.get(q) ?? 0, ms));
      // As typed, not back to back: let the collector run between queries.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const slowest = [...worst].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([q, ms]) => `${q} ${round(ms)} ms`).join(', ');
  return { times, slowest };
}

export async function archiveBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-archive-bench-'));
  const rows: BenchRow[] = [];
  try {
    const rooms = generateRooms();
    const total = [...rooms.values()].reduce((n, r) => n + r.length, 0);

    // Write: each room's history as it would arrive (pages of 100).
    const writer = new MessageArchive(dir, 1, { flushDelayMs: 60_000 });
    const tWrite = performance.now();
    for (const [roomId, messages] of rooms) {
      for (let i = 0; i < messages.length; i += 100) writer.record(roomId, 'diff', messages.slice(i, i + 100));
    }
    await writer.flush();
    const writeMs = performance.now() - tWrite;
    const bytes = folderSize(dir);
    rows.push(row('archive', `size on disk, ${total.toLocaleString('en-US')} messages in ${ROOMS} rooms`, round(bytes / 1024 / 1024), 'MB', undefined,
      `${Math.round(bytes / total)} bytes per message; written in ${Math.round(writeMs)} ms`));

    // Append one polled message: record (the hot path) + its write, with the archive small and large.
    const appendCost = async (archive: MessageArchive, roomId: number, start: Message): Promise<{ record: number; write: number }> => {
      const records: number[] = [];
      const writes: number[] = [];
      for (let i = 0; i < 50; i++) {
        const m = { ...start, message_id: (BigInt(start.message_id) + BigInt(i + 1) * 7n).toString(), send_time: start.send_time + i + 1 };
        const t0 = performance.now();
        archive.record(roomId, 'diff', [m]);
        const t1 = performance.now();
        await archive.flush();
        records.push(t1 - t0);
        writes.push(performance.now() - t1);
      }
      return { record: median(records), write: median(writes) };
    };
    const smallDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-archive-small-'));
    const small = new MessageArchive(smallDir, 1, { flushDelayMs: 60_000 });
    const firstRoom = rooms.get(1000) as Message[];
    small.record(1000, 'diff', firstRoom.slice(0, 100));
    await small.flush();
    const smallCost = await appendCost(small, 1000, firstRoom[99] as Message);
    fs.rmSync(smallDir, { recursive: true, force: true });
    const large = new MessageArchive(dir, 1, { flushDelayMs: 60_000 });
    await large.allRooms();
    const largeCost = await appendCost(large, 1000, firstRoom[firstRoom.length - 1] as Message);
    rows.push(row('archive', 'append a polled message (record + write), archive of 100 messages', round(smallCost.record + smallCost.write, 3), 'ms', below(1, 'ms'),
      `record ${round(smallCost.record, 4)} ms (hot path), write ${round(smallCost.write, 3)} ms (batched, off the hot path)`));
    rows.push(row('archive', `append a polled message (record + write), archive of ${total.toLocaleString('en-US')}`, round(largeCost.record + largeCost.write, 3), 'ms', below(1, 'ms'),
      `record ${round(largeCost.record, 4)} ms, write ${round(largeCost.write, 3)} ms: ${round((largeCost.record + largeCost.write) / (smallCost.record + smallCost.write), 2)}× the small archive (O(1): one appended line)`));

    // Read everything back, build the index, and what it costs in memory.
    const before = heapMB();
    const tLoad = performance.now();
    const reader = new MessageArchive(dir, 1);
    const loaded = await reader.allRooms();
    const loadMs = performance.now() - tLoad;
    const afterArchive = heapMB();
    const index = new SearchIndex();
    const tIndex = performance.now();
    for (const room of loaded) index.upsert(room.roomId, room.messages);
    const indexMs = performance.now() - tIndex;
    const afterIndex = heapMB();
    rows.push(row('archive', 'read all rooms back (first search)', Math.round(loadMs), 'ms', undefined, `then the scan index is built in ${Math.round(indexMs)} ms`));
    rows.push(row('archive', 'memory: archive loaded + search index', Math.round(afterIndex - before), 'MB', undefined,
      `archive ${Math.round(afterArchive - before)} MB, index ${Math.round(afterIndex - afterArchive)} MB (JS heap)`));

    const context = { me: 1001, roomName: (id: number) => `room-${id - 1000}` };
    // The first search after a change joins the texts (time order); later ones only scan.
    const tJoin = performance.now();
    index.search(parseQuery('warm-up'), context, 1);
    const joinMs = performance.now() - tJoin;
    const scan = await timeSearch((q) => index.search(parseQuery(q), context, 200));
    rows.push(row('search', `plain scan over ${index.size.toLocaleString('en-US')} messages: p95 (${QUERIES.length} queries × ${RUNS})`, round(percentile(scan.times, 95)), 'ms', below(50, 'ms'),
      `median ${round(median(scan.times), 2)} ms, max ${round(Math.max(...scan.times))} ms; slowest: ${scan.slowest}; first search after a change +${Math.round(joinMs)} ms (joining the texts)`));
    // After one new message (a poll), the next search joins again.
    index.upsert(1000, [{ ...(loaded[0]?.messages[0] as Message), message_id: '9999999999999999999', body: 'new message 了解' }]);
    const tAfter = performance.now();
    index.search(parseQuery('了解'), context, 200);
    const afterChangeMs = performance.now() - tAfter;

    // MiniSearch with a CJK bigram tokenizer over the same messages (text only; filters after).
    const beforeMini = heapMB();
    const tMini = performance.now();
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: bigramTokenize, processTerm: (t) => t });
    for (const room of loaded) {
      for (const m of room.messages) mini.add({ id: `${room.roomId}-${m.message_id}`, text: searchableText(m.body) });
    }
    const miniBuildMs = performance.now() - tMini;
    const miniMB = heapMB() - beforeMini;
    const miniTimes = await timeSearch((q) => mini.search(parseQuery(q).terms.join(' ') || 'x', { combineWith: 'AND' }).slice(0, 200));
    rows.push(row('search', 'MiniSearch (CJK bigrams), same queries: p95', round(percentile(miniTimes.times, 95)), 'ms', below(50, 'ms'),
      `median ${round(median(miniTimes.times), 2)} ms; slowest: ${miniTimes.slowest}; index built in ${Math.round(miniBuildMs)} ms, ${Math.round(miniMB)} MB; text terms only (filters would follow)`));
    rows.push(row('search', 'plain scan: first search after a new message arrived', round(afterChangeMs), 'ms', below(50, 'ms'), 'the new message is checked on its own until 2,000 piled up (then the texts are joined again)'));

    // Opening a room with 10,000 archived messages: the host reads its file and builds the snapshot.
    const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-archive-big-'));
    const big = new MessageArchive(bigDir, 1, { flushDelayMs: 60_000 });
    big.record(1, 'diff', roomHistory(BIG_ROOM, 99).map((m) => toMessage(m, 0)));
    await big.flush();
    const opens: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const room = await new MessageArchive(bigDir, 1).room(1);
      JSON.stringify({ type: 'snapshot', messages: room.messages.map(messageDataOf) });
      opens.push(performance.now() - t0);
    }
    fs.rmSync(bigDir, { recursive: true, force: true });
    rows.push(row('archive', 'open a room of 10,000 archived messages: host side (read file + snapshot JSON)', round(median(opens)), 'ms', undefined,
      `median of ${RUNS}; the webview's first paint of the same 10,000 is in the render rows`));
    // Keep the objects alive until measured.
    void [writer, large, reader, loaded, index, mini].length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
