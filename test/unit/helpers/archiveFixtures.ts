// Messages and temporary folders for the archive and search tests.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Message } from '../../../src/api/types';
import type { ArchiveFs } from '../../../src/archive/archiveFs';
import { nodeArchiveFs } from '../../../src/archive/archiveFs';

export const BASE_TIME = 1_700_000_000;

export function msg(id: number | string, body = `message ${id}`, account = 1, name = `User ${account}`, sendTime?: number): Message {
  const n = Number(id);
  return {
    message_id: String(id),
    account: { account_id: account, name, avatar_image_url: `https://example.com/${account}.png` },
    body,
    send_time: sendTime ?? BASE_TIME + n * 60,
    update_time: 0,
  };
}

/** Messages first..last, oldest first. */
export function range(first: number, last: number): Message[] {
  const out: Message[] = [];
  for (let i = first; i <= last; i++) out.push(msg(i));
  return out;
}

const tempDirs: string[] = [];
// Removed when the test process ends, so runs do not pile up folders in the system's temp dir.
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder in the system's temp dir, removed when the test process ends. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-archive-'));
  tempDirs.push(dir);
  return dir;
}

/** The real file system, with a switch that makes every write fail as on a full disk. */
export function faultyFs(): ArchiveFs & { full: boolean; writes: number } {
  const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const state = {
    ...nodeArchiveFs,
    full: false,
    writes: 0,
    appendFile: async (p: string, data: string) => {
      state.writes++;
      if (state.full) throw full();
      return nodeArchiveFs.appendFile(p, data);
    },
    writeFile: async (p: string, data: string) => {
      state.writes++;
      if (state.full) throw full();
      return nodeArchiveFs.writeFile(p, data);
    },
  };
  return state;
}
