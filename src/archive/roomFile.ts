// Reading and rewriting one room's file. A crash can leave the last line half-written: it is
// dropped and the file rewritten (nothing else is lost). Any other unreadable line means the file
// is corrupt: it is moved to quarantine and rebuilt from what could be read. No `vscode`.
import * as path from 'path';
import type { ArchiveFs } from './archiveFs';
import { errorCode } from './archiveFs';
import { type ArchiveRecord, encodeRecord, parseRecord } from './records';
import { RoomHistory } from './roomHistory';

export interface LoadedRoom {
  readonly history: RoomHistory;
  /** The file must be rewritten from memory (torn tail dropped, or rebuilt after corruption). */
  readonly rewrite: boolean;
  /** Where a corrupt file was moved, when it was. */
  readonly quarantined?: string;
  readonly badLines: number;
}

export async function loadRoomFile(fs: ArchiveFs, file: string, quarantineDir: string, roomId: number, now: number): Promise<LoadedRoom> {
  const history = new RoomHistory(roomId);
  let text: string;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { history, rewrite: false, badLines: 0 };
    throw error;
  }
  const lines = text.split('\n');
  // Text after the last newline is a record whose write did not finish.
  const tail = lines.pop() ?? '';
  const torn = tail.length > 0;
  let badLines = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const record = parseRecord(line);
    if (record) {
      history.replay(record);
    } else badLines++;
  }
  if (torn && tail.length > 0 && parseRecord(tail) !== undefined) {
    // A complete record that only lacks its newline: keep it.
    history.replay(parseRecord(tail) as ArchiveRecord);
  }
  if (badLines === 0) return { history, rewrite: torn, badLines };
  await fs.mkdir(quarantineDir);
  const quarantined = path.join(quarantineDir, `${roomId}-${now}.jsonl`);
  await fs.rename(file, quarantined);
  return { history, rewrite: true, quarantined, badLines };
}

/** Replaces the file with one record per live message (atomically: a temp file, then rename). */
export async function rewriteRoomFile(fs: ArchiveFs, file: string, history: RoomHistory): Promise<void> {
  const data = history.snapshotRecords().map(encodeRecord).join('');
  const temp = `${file}.tmp`;
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
  history.compacted();
}
