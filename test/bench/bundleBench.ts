// Sizes of the production bundles (built by `npm run build:production` before this runs).
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../codeServer/install';
import { below, BenchRow, row } from './results';

export function bundleBench(): BenchRow[] {
  const kb = (file: string) => fs.statSync(path.join(projectRoot, file)).size / 1024;
  const webview = fs
    .readdirSync(path.join(projectRoot, 'dist', 'webview'))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + kb(path.join('dist', 'webview', f)), 0);
  return [
    row('bundle', 'dist/extension.js (minified)', Math.round(kb('dist/extension.js') * 10) / 10, 'KB', below(150, 'KB')),
    row('bundle', 'dist/webview/*.js (minified)', Math.round(webview * 10) / 10, 'KB', below(60, 'KB')),
  ];
}
