// The file operations the archive needs, behind an interface so tests can inject faults (a full
// disk, a crash mid-write) without stubbing what is being tested. No `vscode`.
import * as fs from 'fs/promises';

export interface ArchiveFs {
  /** Rejects with code ENOENT when the file does not exist. */
  readFile(path: string): Promise<string>;
  appendFile(path: string, data: string): Promise<void>;
  writeFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  /** File names in a folder ([] when it does not exist). */
  readdir(path: string): Promise<string[]>;
  /** Removes a file or folder tree; nothing when absent. */
  remove(path: string): Promise<void>;
  /** Bytes, or 0 when absent. */
  size(path: string): Promise<number>;
}

export const nodeArchiveFs: ArchiveFs = {
  readFile: (path) => fs.readFile(path, 'utf8'),
  appendFile: (path, data) => fs.appendFile(path, data, 'utf8'),
  writeFile: (path, data) => fs.writeFile(path, data, 'utf8'),
  rename: (from, to) => fs.rename(from, to),
  mkdir: async (path) => {
    await fs.mkdir(path, { recursive: true });
  },
  readdir: (path) => fs.readdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
  remove: (path) => fs.rm(path, { recursive: true, force: true }),
  size: (path) => fs.stat(path).then((s) => s.size, () => 0),
};

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;
}
