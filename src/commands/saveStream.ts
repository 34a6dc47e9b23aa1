import { Transform, type TransformCallback } from 'stream';
import { pipeline } from 'stream/promises';
import * as vscode from 'vscode';
import { writeExclusively } from '../common/exclusiveWrite';

/**
 * Writes a download to `target` as it arrives, calling `onBytes` with the running total. Local
 * files go through writeExclusively (a fresh temporary file beside the target, never a symlink,
 * moved into place when complete), so a cancelled or broken download never leaves a truncated file
 * under the real name and never touches a file it did not create. `replace` says the user agreed to
 * replace an existing target. Other schemes (a virtual file system) get the bytes through
 * vscode.workspace.fs at the end.
 */
export async function saveStream(stream: NodeJS.ReadableStream, target: vscode.Uri, onBytes: (total: number) => void, signal: AbortSignal, replace = false): Promise<number> {
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
  await writeExclusively(stream, counter, target.fsPath, { replace, signal });
  return total;
}
