// Entry point loaded by VS Code's extension host (extensionTestsPath): runs every *.test.js of this
// folder with mocha and reports failures through the returned promise.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // CHATWORK_IT_GREP=notifications runs only the matching tests (handy while developing).
  if (process.env.CHATWORK_IT_GREP) mocha.grep(process.env.CHATWORK_IT_GREP);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
