// Search: a table of queries × languages × filters over one small archive, the normaliser, and
// the query parser's errors.
import * as assert from 'assert';
import { normalizeText, findOriginalRange } from '../../src/search/normalize';
import { parseQuery } from '../../src/search/query';
import { SearchIndex } from '../../src/search/searchIndex';
import { msg } from './helpers/archiveFixtures';

const ME = 100;
const day = (s: string) => Math.floor(new Date(`${s}T12:00:00`).getTime() / 1000);

const ROOMS: Record<number, string> = { 1: 'Project Phoenix', 2: '営業チーム', 3: 'Nhóm phát triển' };
const MESSAGES: [number, ReturnType<typeof msg>][] = [
  [1, msg(1, 'The deploy is scheduled for Friday', 1, 'Alice Smith', day('2026-03-02'))],
  [1, msg(2, '[To:100]Bob can you review the DEPLOY script?', 1, 'Alice Smith', day('2026-03-05'))],
  [1, msg(3, '[info][title]Build[/title]build passed[/info]', 2, 'Build Bot', day('2026-03-06'))],
  [1, msg(4, '[task aid=100 st=open lt=0]Write release notes[/task]', 1, 'Alice Smith', day('2026-03-07'))],
  [2, msg(5, '明日の会議はカタカナで「ミーティング」と呼びます', 3, '山田 太郎', day('2026-03-03'))],
  [2, msg(6, 'ﾐｰﾃｨﾝｸﾞ資料を共有します[download:55]資料.pdf[/download]', 3, '山田 太郎', day('2026-03-04'))],
  [2, msg(7, 'ＡＢＣ案件の見積もり、よろしくお願いします', 4, '佐藤 花子', day('2026-03-08'))],
  [3, msg(8, 'Cuộc họp sáng mai lúc 9 giờ', 5, 'Nguyễn Văn An', day('2026-03-04'))],
  [3, msg(9, 'Đã gửi báo cáo cho khách hàng', 5, 'Nguyễn Văn An', day('2026-03-09'))],
  [3, msg(10, '[rp aid=100 to=3-1]Bob cảm ơn anh', 6, 'Trần Thị Bình', day('2026-03-10'))],
  [1, msg(11, '[deleted]', 1, 'Alice Smith', day('2026-03-10'))],
  [2, msg(12, '[toall]全員に連絡です', 3, '山田 太郎', day('2026-03-11'))],
];

function index(): SearchIndex {
  const i = new SearchIndex();
  for (const [roomId, m] of MESSAGES) i.upsert(roomId, [m]);
  return i;
}

const TABLE: [language: string, query: string, expected: string[]][] = [
  ['en', 'deploy', ['2', '1']],
  ['en', 'DePlOy friday', ['1']],
  ['en', '"review the deploy"', ['2']],
  ['en', 'build passed', ['3']],
  ['en', 'release notes has:task', ['4']],
  ['en', 'has:task', ['4']],
  ['en', 'deploy from:alice', ['2', '1']],
  ['en', 'from:"build bot"', ['3']],
  ['en', 'deploy before:2026-03-05', ['1']],
  ['en', 'deploy after:2026-03-05', ['2']],
  ['en', 'to:me', ['12', '10', '2']],
  ['en', 'in:phoenix script', ['2']],
  ['en', 'in:1 build', ['3']],
  ['ja', 'ミーティング', ['6', '5']],
  ['ja', 'みーてぃんぐ', ['6', '5']],
  ['ja', 'ﾐｰﾃｨﾝｸﾞ', ['6', '5']],
  ['ja', 'abc案件', ['7']],
  ['ja', '見積', ['7']],
  ['ja', '会議', ['5']],
  ['ja', 'has:file', ['6']],
  ['ja', '資料 has:file', ['6']],
  ['ja', 'from:山田', ['12', '6', '5']],
  ['ja', 'in:営業 from:佐藤', ['7']],
  ['ja', '全員 to:me', ['12']],
  ['vi', 'cuộc họp', ['8']],
  ['vi', 'CUỘC HỌP', ['8']],
  ['vi', 'báo cáo', ['9']],
  ['vi', 'from:nguyễn after:2026-03-05', ['9']],
  ['vi', 'in:"nhóm phát" cảm ơn', ['10']],
  ['vi', 'cảm ơn to:me', ['10']],
  ['any', 'deleted', []],
  ['any', 'nothing-like-this', []],
];

describe('search: queries × languages × filters', () => {
  const i = index();
  const context = { me: ME, roomName: (id: number) => ROOMS[id] };
  for (const [language, query, expected] of TABLE) {
    it(`${language}: ${query} → ${expected.join(', ') || 'nothing'}`, () => {
      const hits = i.search(parseQuery(query), context, 50);
      assert.deepStrictEqual(hits.map((h) => h.message.message_id), expected);
    });
  }

  it('a deleted message leaves the index; an edit replaces the searched text', () => {
    const j = index();
    j.upsert(1, [{ ...msg(1, 'nothing about releases'), update_time: 1 }]);
    assert.deepStrictEqual(j.search(parseQuery('deploy'), context, 50).map((h) => h.message.message_id), ['2']);
    j.upsert(1, [{ ...msg(2, '[deleted]'), update_time: 1 }]);
    assert.deepStrictEqual(j.search(parseQuery('deploy'), context, 50), []);
  });

  it('limits the number of hits, newest first', () => {
    assert.deepStrictEqual(i.search(parseQuery('from:alice'), context, 2).map((h) => h.message.message_id), ['4', '2']);
  });

  it('from:me and to:me without a known account find nothing rather than everything', () => {
    assert.deepStrictEqual(i.search(parseQuery('to:me'), { roomName: () => undefined }, 50), []);
  });
});

describe('search: query parser and normaliser', () => {
  it('reads filters, quoted values and phrases; keeps URLs and times as text', () => {
    const q = parseQuery('from:"Taro Yamada" in:42 has:file to:me "two words" https://x.test/a 12:30');
    assert.strictEqual(q.from, 'taro yamada');
    assert.strictEqual(q.in, 42);
    assert.ok(q.hasFile && q.toMe);
    assert.deepStrictEqual(q.terms, ['two words', 'https://x.test/a', '12:30']);
    assert.deepStrictEqual(q.problems, []);
  });

  it('reports filters it cannot read', () => {
    assert.deepStrictEqual(parseQuery('before:yesterday has:cats to:bob').problems, ['before:yesterday', 'has:cats', 'to:bob']);
  });

  it('folds width, case and katakana; keeps Vietnamese tone marks', () => {
    assert.strictEqual(normalizeText('ＡＢＣ１２３ ﾃｽﾄ テスト Hello'), 'abc123 てすと てすと hello');
    assert.notStrictEqual(normalizeText('ma'), normalizeText('mà'));
    assert.strictEqual(normalizeText('Tiếng Việt'.normalize('NFD')), normalizeText('tiếng việt'));
  });

  it('maps a match back to the original characters for highlighting', () => {
    const text = '資料 ﾐｰﾃｨﾝｸﾞ です';
    const range = findOriginalRange(text, normalizeText('ミーティング'));
    assert.ok(range);
    assert.strictEqual(text.slice(range[0], range[1]), 'ﾐｰﾃｨﾝｸﾞ');
  });
});
