// Writing a download into a folder someone else may control (a cloned repository can carry any
// file or symlink). No `vscode`, so the unit tests plant symlinks and files and run it for real.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Readable, Transform } from 'stream';
import { pipeline } from 'stream/promises';

/** The target exists and the user did not agree to replace it. */
export class TargetExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} already exists.`);
    this.name = 'TargetExistsError';
  }
}

// O_EXCL makes open fail on any existing name, a symlink included (it is never followed);
// O_NOFOLLOW says so twice where the platform has it.
const EXCLUSIVE = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** True when anything — a file, a folder, a symlink, even a dangling one — has this name. */
export async function pathTaken(file: string): Promise<boolean> {
  try {
    await fs.promises.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams `source` (through `via`) into a temporary file of a fresh random name beside `target`,
 * created exclusively, then moves it to `target`. The temporary file is the only file ever removed
 * (when the write fails), and `target` is replaced only when `replace` is true: otherwise an existing
 * name — planted after the user was asked, too — fails with TargetExistsError and stays as it was.
 */
export async function writeExclusively(source: NodeJS.ReadableStream, via: Transform, target: string, options: { replace: boolean; signal?: AbortSignal }): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  const handle = await fs.promises.open(temporary, EXCLUSIVE, 0o600);
  let moved = false;
  try {
    await pipeline(source as Readable, via, handle.createWriteStream(), { signal: options.signal });
    if (options.replace) {
      await fs.promises.rename(temporary, target);
      moved = true;
    } else {
      await placeWithoutReplacing(temporary, target);
      moved = true;
    }
  } finally {
    await handle.close().catch(() => undefined);
    if (!moved) await fs.promises.rm(temporary, { force: true });
  }
}

/** A hard link fails atomically when the name exists; where links are unsupported, check then move. */
async function placeWithoutReplacing(temporary: string, target: string): Promise<void> {
  try {
    await fs.promises.link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TargetExistsError(target);
    if (await pathTaken(target)) throw new TargetExistsError(target);
    await fs.promises.rename(temporary, target);
    return;
  }
  await fs.promises.rm(temporary, { force: true });
}
