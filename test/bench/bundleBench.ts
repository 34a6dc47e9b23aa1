// Sizes of the production bundles (built by `npm run build:production` before this runs). The
// webview is an ES module split in chunks: what the panel loads before its first paint (main.js
// and the chunks it imports statically) and everything, including the chunks import()ed later.
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../codeServer/install';
import { below, BenchRow, row } from './results';

/** Every .js file under a folder (the webview's chunks are in a subfolder). */
function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : [],
  );
}

/** A module and what it imports statically (`import … from "./x.js"`, `import "./x.js"`; not `import()`), transitively. */
function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = fs.readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/\b(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) staticGraph(path.resolve(path.dirname(entry), m[1]!), seen);
  return seen;
}

export function bundleBench(): BenchRow[] {
  const kb = (files: Iterable<string>) => Math.round(([...files].reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024) * 10) / 10;
  const webview = path.join(projectRoot, 'dist', 'webview');
  const all = scripts(webview);
  const firstPaint = staticGraph(path.join(webview, 'main.js'));
  const later = all.filter((f) => !firstPaint.has(f));
  return [
    row('bundle', 'dist/extension.js (minified)', kb([path.join(projectRoot, 'dist', 'extension.js')]), 'KB', below(150, 'KB')),
    row('bundle', 'dist/webview: loaded before the first paint (main.js + static imports)', kb(firstPaint), 'KB', below(60, 'KB'),
      `${[...firstPaint].map((f) => path.relative(webview, f)).join(', ')}`),
    row('bundle', 'dist/webview/**/*.js (minified, all)', kb(all), 'KB', below(60, 'KB'),
      `${kb(later)} KB of it loaded with import() after the first paint (${later.map((f) => path.relative(webview, f)).join(', ') || 'none'})`),
  ];
}
