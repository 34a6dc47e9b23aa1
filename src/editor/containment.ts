// Whether a file really lies inside a folder: after normalising `..` and resolving every symlink
// on both sides. No `vscode`, so the unit tests plant symlinks and `..` paths on disk.
import * as fs from 'fs';
import * as path from 'path';

/**
 * The file's real path when it exists and, with all symlinks resolved, lies inside one of `roots`
 * (also resolved); undefined otherwise. A prefix test on the raw text is not enough: `/ws/../etc`
 * starts with `/ws/`, and `/ws/link` may point anywhere.
 */
export async function realPathInside(roots: readonly string[], candidate: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await fs.promises.realpath(path.resolve(candidate));
  } catch {
    return undefined; // missing (or a dangling link): nothing to open
  }
  for (const root of roots) {
    let realRoot: string;
    try {
      realRoot = await fs.promises.realpath(path.resolve(root));
    } catch {
      continue;
    }
    const relative = path.relative(realRoot, real);
    if (relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)) return real;
  }
  return undefined;
}
