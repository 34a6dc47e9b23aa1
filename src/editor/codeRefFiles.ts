import * as path from 'path';
import * as vscode from 'vscode';
import { realPathInside } from './containment';

/** The files a reference may mean, and whether one was refused for resolving outside the workspace. */
export interface CodeRefMatches {
  readonly files: vscode.Uri[];
  readonly refusedOutside: boolean;
}

/**
 * The workspace files a code reference's path may mean, best first. Someone else wrote the path:
 * relative to their checkout (`src/a.ts`), with a folder name first in a multi-root workspace,
 * absolute on their machine (`/home/alice/p/src/a.ts`, `C:\p\src\a.ts`), or a bare name (`a.ts`).
 *
 * 1. The path joined to each workspace folder (or an absolute path inside one) that exists.
 * 2. Otherwise a search for the file name (`findFiles`), keeping the files whose path ends with
 *    the most of the reference's segments: all of them for a relative path, so `src/a.ts` finds
 *    `packages/x/src/a.ts` but not `lib/a.ts`; at least the name for an absolute one.
 * Nothing outside the workspace folders is ever opened: every match passes `contained`, which
 * compares real paths (`..` normalised, symlinks resolved) with the folders' real paths.
 */
export async function findCodeRefFiles(refPath: string): Promise<CodeRefMatches> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return { files: [], refusedOutside: false };
  const slashed = refPath.replace(/\\/g, '/');
  const absolute = /^(?:[A-Za-z]:)?\//.test(slashed) || slashed.startsWith('~/');
  const relative = absolute ? undefined : slashed.replace(/^(?:\.\/)+/, '');

  let refusedOutside = false;
  const direct: vscode.Uri[] = [];
  for (const folder of folders) {
    for (const candidate of directCandidates(folder, slashed, relative)) {
      if (!(await isFile(candidate))) continue;
      if (!(await contained(folders, candidate))) {
        refusedOutside = true;
        continue;
      }
      if (!direct.some((u) => u.toString() === candidate.toString())) direct.push(candidate);
    }
  }
  if (direct.length > 0) return { files: direct, refusedOutside };

  const segments = (relative ?? slashed).split('/').filter((s) => s !== '' && s !== '.' && s !== '..' && s !== '~');
  const name = segments[segments.length - 1];
  if (name === undefined) return { files: [], refusedOutside };
  const found = await vscode.workspace.findFiles(`**/${escapeGlob(name)}`, undefined, 200);
  const scored = found.map((uri) => ({ uri, score: commonSuffix(uri.path.split('/'), segments) }));
  const needed = absolute ? 1 : segments.length;
  const best = Math.max(needed, ...scored.map((s) => s.score));
  const files: vscode.Uri[] = [];
  // findFiles follows symlinks: a link inside the workspace may lead out of it.
  for (const { uri } of scored.filter((s) => s.score >= best)) {
    if (await contained(folders, uri)) files.push(uri);
    else refusedOutside = true;
  }
  return { files: files.sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path)), refusedOutside };
}

/** Local files: real paths compared (realPathInside). Other schemes: the normalised path's prefix. */
async function contained(folders: readonly vscode.WorkspaceFolder[], uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'file') {
    const roots = folders.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    return (await realPathInside(roots, uri.fsPath)) !== undefined;
  }
  const normalised = uri.with({ path: path.posix.normalize(uri.path) });
  return folders.some((folder) => insideFolder(folder, normalised));
}

function directCandidates(folder: vscode.WorkspaceFolder, slashed: string, relative: string | undefined): vscode.Uri[] {
  if (relative === undefined) {
    // An absolute path counts only when it is this machine's and inside the workspace.
    return folder.uri.scheme === 'file' && !slashed.startsWith('~/') ? [vscode.Uri.file(slashed)] : [];
  }
  const candidates = [vscode.Uri.joinPath(folder.uri, relative)];
  // "<folder name>/rest", as Send Selection writes paths in a multi-root workspace.
  const [first, ...rest] = relative.split('/');
  if (first === folder.name && rest.length > 0) candidates.push(vscode.Uri.joinPath(folder.uri, ...rest));
  return candidates;
}

function insideFolder(folder: vscode.WorkspaceFolder, uri: vscode.Uri): boolean {
  // Only for normalised paths (see contained): the prefix test on a raw "/ws/../x" would pass.
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const sameCase = uri.scheme === 'file' && process.platform !== 'linux';
  const [a, b] = sameCase ? [uri.path.toLowerCase(), root.toLowerCase()] : [uri.path, root];
  return uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && a.startsWith(b);
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

function commonSuffix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Names come from codeRefTarget (no brackets); the other glob characters are made literal. */
function escapeGlob(text: string): string {
  return text.replace(/[{}*?]/g, (c) => `[${c}]`);
}
