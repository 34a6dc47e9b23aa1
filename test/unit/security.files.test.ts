// Issue 11, classes 3 and 4: downloads into a folder someone else prepared (a cloned repository can
// carry any file or symlink), and code references that try to leave the workspace. Real files,
// real symlinks, in a fresh temporary folder.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough, Readable } from 'stream';
import { TargetExistsError, writeExclusively } from '../../src/common/exclusiveWrite';
import { realPathInside } from '../../src/editor/containment';

const BYTES = Buffer.from('downloaded bytes\n');

describe('security: files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cw-sec-'));
  });
  afterEach(() => fs.promises.rm(dir, { recursive: true, force: true }));

  const write = (target: string, replace = false, source: NodeJS.ReadableStream = Readable.from([BYTES])) =>
    writeExclusively(source, new PassThrough(), target, { replace });
  const names = async (): Promise<string[]> => (await fs.promises.readdir(dir)).sort();

  describe('downloads', () => {
    it('a planted <name>.part symlink is neither followed nor removed', async () => {
      const victim = path.join(dir, 'victim.txt');
      await fs.promises.writeFile(victim, 'precious');
      await fs.promises.symlink(victim, path.join(dir, 'report.pdf.part'));
      await write(path.join(dir, 'report.pdf'));
      assert.strictEqual(await fs.promises.readFile(victim, 'utf8'), 'precious');
      assert.ok((await fs.promises.lstat(path.join(dir, 'report.pdf.part'))).isSymbolicLink(), 'the planted link is still there');
      assert.deepStrictEqual(await fs.promises.readFile(path.join(dir, 'report.pdf')), BYTES);
      assert.deepStrictEqual(await names(), ['report.pdf', 'report.pdf.part', 'victim.txt']);
    });

    it('a planted <name>.part file is neither truncated nor deleted, also when the download fails', async () => {
      const part = path.join(dir, 'report.pdf.part');
      await fs.promises.writeFile(part, 'not ours');
      const broken = new Readable({
        read() {
          this.destroy(new Error('connection reset'));
        },
      });
      await assert.rejects(write(path.join(dir, 'report.pdf'), false, broken), /connection reset/);
      assert.strictEqual(await fs.promises.readFile(part, 'utf8'), 'not ours');
      assert.deepStrictEqual(await names(), ['report.pdf.part'], 'nothing of ours is left behind');
    });

    it('a symlink planted as the target itself is not written through', async () => {
      const victim = path.join(dir, 'victim.txt');
      await fs.promises.writeFile(victim, 'precious');
      const target = path.join(dir, 'report.pdf');
      await fs.promises.symlink(victim, target);
      await assert.rejects(write(target), TargetExistsError);
      assert.strictEqual(await fs.promises.readFile(victim, 'utf8'), 'precious');
      // Replacing (after the user agreed) replaces the link, never the file it points to.
      await write(target, true);
      assert.strictEqual(await fs.promises.readFile(victim, 'utf8'), 'precious');
      assert.ok((await fs.promises.lstat(target)).isFile());
      assert.deepStrictEqual(await fs.promises.readFile(target), BYTES);
    });

    it('an existing target is kept unless replacing was agreed', async () => {
      const target = path.join(dir, 'notes.txt');
      await fs.promises.writeFile(target, 'mine');
      await assert.rejects(write(target), TargetExistsError);
      assert.strictEqual(await fs.promises.readFile(target, 'utf8'), 'mine');
      assert.deepStrictEqual(await names(), ['notes.txt']);
      await write(target, true);
      assert.deepStrictEqual(await fs.promises.readFile(target), BYTES);
    });

    it('the temporary name is fresh and random for each download', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const source = new PassThrough();
        const done = write(path.join(dir, `f${i}`), false, source);
        // The temporary file exists once its exclusive open went through the thread pool: wait for
        // it (not for a tick, which a loaded machine does not keep to).
        let temporary: string[] = [];
        for (let polls = 0; polls < 10_000 && temporary.length === 0; polls++) {
          temporary = (await names()).filter((n) => n.endsWith('.part'));
          if (temporary.length === 0) await new Promise((r) => setImmediate(r));
        }
        assert.strictEqual(temporary.length, 1);
        assert.match(temporary[0] ?? '', new RegExp(`^\\.f${i}\\.[0-9a-f]{12}\\.part$`));
        seen.add(temporary[0]?.replace(/^\.f\d/, '') ?? '');
        source.end(BYTES);
        await done;
      }
      assert.strictEqual(seen.size, 3);
    });
  });

  describe('code references', () => {
    let workspace: string;
    let outside: string;
    beforeEach(async () => {
      workspace = path.join(dir, 'ws');
      outside = path.join(dir, 'secret.txt');
      await fs.promises.mkdir(path.join(workspace, 'src'), { recursive: true });
      await fs.promises.writeFile(path.join(workspace, 'src', 'a.ts'), 'a');
      await fs.promises.writeFile(outside, 'secret');
    });

    it('a file inside the workspace is inside', async () => {
      assert.strictEqual(await realPathInside([workspace], path.join(workspace, 'src', 'a.ts')), await fs.promises.realpath(path.join(workspace, 'src', 'a.ts')));
      assert.ok(await realPathInside([workspace], `${workspace}/src/../src/a.ts`));
    });

    it('an absolute path climbing out with .. is outside, though it starts with the workspace path', async () => {
      const climbing = `${workspace}/../secret.txt`;
      assert.ok(climbing.startsWith(`${workspace}/`));
      assert.strictEqual(await realPathInside([workspace], climbing), undefined);
      assert.strictEqual(await realPathInside([workspace], `${workspace}/src/../../secret.txt`), undefined);
    });

    it('a symlink inside the workspace that points outside is outside', async () => {
      await fs.promises.symlink(outside, path.join(workspace, 'src', 'innocent.ts'));
      await fs.promises.symlink(dir, path.join(workspace, 'up'));
      assert.strictEqual(await realPathInside([workspace], path.join(workspace, 'src', 'innocent.ts')), undefined);
      assert.strictEqual(await realPathInside([workspace], path.join(workspace, 'up', 'secret.txt')), undefined);
    });

    it('a sibling folder sharing the prefix, the root itself and a missing file are not inside', async () => {
      await fs.promises.mkdir(`${workspace}-evil`);
      await fs.promises.writeFile(`${workspace}-evil/x.ts`, 'x');
      assert.strictEqual(await realPathInside([workspace], `${workspace}-evil/x.ts`), undefined);
      assert.strictEqual(await realPathInside([workspace], workspace), undefined);
      assert.strictEqual(await realPathInside([workspace], path.join(workspace, 'nope.ts')), undefined);
    });

    it('a workspace opened through a symlink still contains its files', async () => {
      const linked = path.join(dir, 'ws-link');
      await fs.promises.symlink(workspace, linked);
      assert.ok(await realPathInside([linked], path.join(linked, 'src', 'a.ts')));
    });
  });
});
