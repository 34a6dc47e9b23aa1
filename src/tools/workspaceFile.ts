import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * A path the agent gave, as a file inside one of the workspace folders, or why not. Relative paths
 * are taken from each folder (or "<folder name>/rest" in a multi-root workspace); absolute ones must
 * be inside a folder. Containment is checked on real paths, so a symlink in the workspace that
 * points outside it (to ~/.ssh, say) is refused. src/editor/codeRefFiles.ts checks containment of
 * code references by URI path only; this is the stricter check an upload needs.
 */
export async function workspaceFile(given: string): Promise<{ uri: vscode.Uri; relative: string } | { error: string }> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) return { error: vscode.l10n.t('No workspace folder is open.') };
  const slashed = given.trim().replace(/\\/g, '/');
  for (const folder of folders) {
    const root = folder.uri.fsPath;
    const candidates = path.isAbsolute(slashed) ? [slashed] : [path.join(root, slashed)];
    const [first, ...rest] = slashed.split('/');
    if (!path.isAbsolute(slashed) && first === folder.name && rest.length > 0) candidates.push(path.join(root, ...rest));
    for (const candidate of candidates) {
      const real = await fs.promises.realpath(candidate).catch(() => undefined);
      const realRoot = await fs.promises.realpath(root).catch(() => root);
      if (real === undefined) continue;
      const inside = path.relative(realRoot, real);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) continue;
      const relative = folders.length > 1 ? `${folder.name}/${inside.split(path.sep).join('/')}` : inside.split(path.sep).join('/');
      return { uri: vscode.Uri.file(real), relative };
    }
  }
  return { error: vscode.l10n.t('“{0}” is not a file inside the workspace. Only workspace files can be shared.', given) };
}
