import * as fs from 'fs';
import { Transform, type TransformCallback } from 'stream';
import { pipeline } from 'stream/promises';
import * as vscode from 'vscode';

/**
 * Writes a download to `target` as it arrives, calling `onBytes` with the running total. Local
 * files are streamed to "<name>.part" and renamed when complete, so a cancelled or broken download
 * never leaves a truncated file under the real name. Other schemes (a virtual file system) get the
 * bytes through vscode.workspace.fs at the end.
 */
export async function saveStream(stream: NodeJS.ReadableStream, target: vscode.Uri, onBytes: (total: number) => void, signal: AbortSignal): Promise<number> {
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
  if (target.scheme !== 'file') {
    const chunks: Buffer[] = [];
    counter.on('data', (chunk: Buffer) => chunks.push(chunk));
    await pipeline(stream, counter, { signal });
    await vscode.workspace.fs.writeFile(target, Buffer.concat(chunks));
    return total;
  }
  const partial = `${target.fsPath}.part`;
  try {
    await pipeline(stream, counter, fs.createWriteStream(partial), { signal });
    await fs.promises.rename(partial, target.fsPath);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
  return total;
}
