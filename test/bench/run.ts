// `npm run bench`: measures what the benchmark issue asks for, prints a table with each target and
// writes bench/results.json. Not a test: nothing here fails the build, but every miss is marked.
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../codeServer/install';
import { archiveBench } from './archiveBench';
import { agentToolsBench } from './agentToolsBench';
import { bundleBench } from './bundleBench';
import { deliveryBench } from './deliveryBench';
import { hostBench } from './hostBench';
import { parserBench } from './parserBench';
import { pollingBench } from './pollingBench';
import { renderBench } from './renderBench';
import { BenchRow, printTable } from './results';

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('bundle')) rows.push(...bundleBench());
  if (want('parser')) rows.push(...(await parserBench()));
  if (want('polling')) rows.push(...(await pollingBench()));
  if (want('delivery')) rows.push(...(await deliveryBench()));
  if (want('render')) rows.push(...(await renderBench()));
  if (want('archive')) rows.push(...(await archiveBench()));
  if (want('host')) rows.push(...(await hostBench()));
  if (want('agent')) rows.push(...(await agentToolsBench()));
  printTable(rows);
  const out = path.join(projectRoot, 'bench', 'results.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
  console.log(`\nWrote ${path.relative(projectRoot, out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
