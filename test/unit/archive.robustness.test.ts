// Crash, corruption and a full disk, by fault injection on real files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageArchive } from '../../src/archive/messageArchive';
import { faultyFs, msg, range, tempDir } from './helpers/archiveFixtures';

describe('archive: robustness', () => {
  let dir: string;
  let logs: string[];
  const log = (level: string, text: string) => logs.push(`${level}: ${text}`);
  const file = () => path.join(dir, '1', 'rooms', '7.jsonl');
  beforeEach(() => {
    dir = tempDir();
    logs = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a crash mid-write: the torn last record is dropped, nothing else is lost, appends go on', async () => {
    const a = new MessageArchive(dir, 1);
    a.record(7, 'force', range(1, 50));
    await a.flush();
    // The process died while appending message 51: half a line, no newline.
    const line = JSON.stringify({ t: 'm', id: '51', a: 1, n: 'User 1', v: '', b: 'half', s: 1, u: 0 });
    fs.appendFileSync(file(), line.slice(0, line.length / 2));
    const b = new MessageArchive(dir, 1, { log });
    const room = await b.room(7);
    assert.strictEqual(room.size, 50);
    assert.ok(logs.some((l) => l.includes('incomplete last record')), logs.join('\n'));
    b.record(7, 'diff', [msg(52)]);
    await b.flush();
    const again = await new MessageArchive(dir, 1).room(7);
    assert.strictEqual(again.size, 51);
    assert.strictEqual(again.get('52')?.body, 'message 52');
  });

  it('a corrupt file is quarantined and rebuilt from its readable records, with a log line', async () => {
    const a = new MessageArchive(dir, 1);
    a.record(7, 'force', range(1, 20));
    await a.flush();
    const lines = fs.readFileSync(file(), 'utf8').split('\n');
    lines[5] = '\u0000\u0000garbage{{';
    fs.writeFileSync(file(), lines.join('\n'));
    const b = new MessageArchive(dir, 1, { log });
    const room = await b.room(7);
    assert.strictEqual(room.size, 19);
    const quarantine = fs.readdirSync(path.join(dir, '1', 'quarantine'));
    assert.strictEqual(quarantine.length, 1);
    assert.ok(logs.some((l) => l.startsWith('warn:') && l.includes('corrupt') && l.includes('quarantine')), logs.join('\n'));
    await b.flush();
    // Rebuilt: the room file is readable again and holds the 19 messages.
    const c = new MessageArchive(dir, 1, { log });
    assert.strictEqual((await c.room(7)).size, 19);
    assert.strictEqual(fs.readdirSync(path.join(dir, '1', 'quarantine')).length, 1);
  });

  it('a full disk: one warning, the archive keeps working from memory, and saves everything once space is back', async () => {
    const fsx = faultyFs();
    const warnings: unknown[] = [];
    const a = new MessageArchive(dir, 1, { fs: fsx, log, onWriteFailed: (e) => warnings.push(e), retryDelayMs: 1_000_000 });
    a.record(7, 'force', range(1, 10));
    await a.flush();
    fsx.full = true;
    a.record(7, 'diff', range(11, 12));
    await a.flush();
    a.record(7, 'diff', range(13, 14));
    await a.flush();
    assert.strictEqual(warnings.length, 1, 'warned once');
    assert.strictEqual(a.writable, false);
    assert.strictEqual((await a.room(7)).size, 14, 'memory has everything');
    assert.ok(logs.some((l) => l.includes('ENOSPC')));
    fsx.full = false;
    a.record(7, 'diff', [msg(15)]);
    await a.flush();
    assert.strictEqual(a.writable, true);
    assert.strictEqual((await new MessageArchive(dir, 1).room(7)).size, 15, 'the file caught up');
  });

  it('a write that fails never throws into the caller (record returns, flush resolves)', async () => {
    const fsx = faultyFs();
    fsx.full = true;
    const a = new MessageArchive(dir, 1, { fs: fsx, retryDelayMs: 1_000_000 });
    assert.doesNotThrow(() => a.record(7, 'force', range(1, 3)));
    await a.flush();
    assert.strictEqual((await a.room(7)).size, 3);
  });
});
