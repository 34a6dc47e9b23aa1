// Localisation is complete: the manifest's %keys%, every vscode.l10n.t / l10n.t string of src/ and
// the room panel's texts exist, non-empty, in English, Japanese and Vietnamese, with the same
// placeholders and links. No `vscode`: the files are read as data and src/ as TypeScript syntax.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { englishL10n, formatText, notationLanguage } from '../../src/common/l10n';
import { dtextText, parse, toPlainText } from '../../src/notation';
import { COMMENTS, ENGLISH, panelKey, stringsFrom, type Strings } from '../../src/webview/strings';

const root = path.resolve(__dirname, '..', '..', '..');
const LANGUAGES = ['ja', 'vi'] as const;

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
}

/** `{0}`, `{1}`… of a text, sorted (a translation may reorder them, not drop or add any). */
function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

/** Every string value anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

function assertSameKeys(actual: Record<string, unknown>, expected: Record<string, unknown>, what: string): void {
  const missing = Object.keys(expected).filter((k) => !(k in actual));
  const extra = Object.keys(actual).filter((k) => !(k in expected));
  assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] }, what);
}

function assertNonEmptyStrings(bundle: Record<string, unknown>, what: string): void {
  const empty = Object.entries(bundle).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
  assert.deepStrictEqual(empty, [], `${what}: empty or non-string values`);
}

describe('localisation', () => {
  describe('manifest (package.json → package.nls*.json)', () => {
    const manifest = readJson('package.json');
    const english = readJson('package.nls.json');
    const used = new Set(strings(manifest).flatMap((s) => [...s.matchAll(/^%([^%]+)%$/g)].map((m) => m[1] as string)));

    it('every %key% of package.json is in package.nls.json, and every key there is used', () => {
      assert.ok(used.size > 50, `only ${used.size} %keys% in package.json`);
      assertSameKeys(english, Object.fromEntries([...used].map((k) => [k, true])), 'package.nls.json');
      assertNonEmptyStrings(english, 'package.nls.json');
    });

    it('the contributed texts go through %keys%: titles, names, descriptions, welcome views', () => {
      const contributes = manifest.contributes as Record<string, unknown>;
      const texts: string[] = [String(manifest.displayName), String(manifest.description)];
      const c = contributes as {
        commands: { title: string; category?: string }[];
        views: Record<string, { name: string; contextualTitle?: string }[]>;
        viewsContainers: Record<string, { title: string }[]>;
        viewsWelcome: { contents: string }[];
        configuration: { title: string; properties: Record<string, Record<string, unknown>> };
      };
      for (const command of c.commands) texts.push(command.title, ...(command.category ? [command.category] : []));
      for (const view of Object.values(c.views).flat()) texts.push(view.name, ...(view.contextualTitle ? [view.contextualTitle] : []));
      for (const container of Object.values(c.viewsContainers).flat()) texts.push(container.title);
      for (const welcome of c.viewsWelcome) texts.push(welcome.contents);
      texts.push(c.configuration.title);
      for (const property of Object.values(c.configuration.properties)) {
        for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) {
          if (typeof property[field] === 'string') texts.push(property[field] as string);
        }
        for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
          if (Array.isArray(property[field])) texts.push(...(property[field] as string[]));
        }
      }
      assert.deepStrictEqual(texts.filter((t) => !/^%[^%]+%$/.test(t)), [], 'texts not localized');
      assert.strictEqual(manifest.l10n, './l10n');
    });

    for (const language of LANGUAGES) {
      it(`package.nls.${language}.json has every key, no others, none empty; links and placeholders kept`, () => {
        const translated = readJson(`package.nls.${language}.json`);
        assertSameKeys(translated, english, `package.nls.${language}.json`);
        assertNonEmptyStrings(translated, `package.nls.${language}.json`);
        for (const [key, source] of Object.entries(english) as [string, string][]) {
          const text = translated[key] as string;
          // Welcome-view buttons and links: the same targets, in the same order.
          const targets = (s: string) => [...s.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
          assert.deepStrictEqual(targets(text), targets(source), `${language} ${key}: links`);
          // Setting placeholders (`${path}`) and key names in backticks stay as they are.
          const code = (s: string) => [...s.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
          assert.deepStrictEqual(code(text), code(source), `${language} ${key}: code spans`);
          assert.strictEqual(text.split('\n').length, source.split('\n').length, `${language} ${key}: lines (welcome buttons)`);
        }
      });
    }
  });

  describe('code strings (vscode.l10n.t / l10n.t → l10n/bundle.l10n*.json)', () => {
    const bundle = readJson('l10n/bundle.l10n.json');
    const messageOf = (key: string): string => {
      const value = bundle[key];
      return typeof value === 'string' ? value : (value as { message: string }).message;
    };

    it('scripts/extract-l10n.mjs finds every string of src/ (all literal) and the bundle is up to date', function () {
      this.timeout(60_000); // a child process that parses all of src/
      // Fails (exit 1) on a computed first argument, naming the file and line.
      const printed = execFileSync(process.execPath, [path.join(root, 'scripts', 'extract-l10n.mjs'), '--print'], { cwd: root, encoding: 'utf8' });
      const extracted = JSON.parse(printed) as Record<string, unknown>;
      assertSameKeys(bundle, extracted, 'l10n/bundle.l10n.json against the sources (run `node scripts/extract-l10n.mjs`)');
      assert.deepStrictEqual(bundle, extracted);
      assert.ok(Object.keys(bundle).length > 300, `only ${Object.keys(bundle).length} strings`);
      for (const [key, value] of Object.entries(bundle)) {
        if (typeof value === 'string') assert.strictEqual(value, key);
        else assert.ok(key.startsWith(`${(value as { message: string }).message}/`), key);
      }
    });

    for (const language of LANGUAGES) {
      it(`l10n/bundle.l10n.${language}.json translates every key, with the same {n} placeholders`, () => {
        const translated = readJson(`l10n/bundle.l10n.${language}.json`);
        assertSameKeys(translated, bundle, `l10n/bundle.l10n.${language}.json`);
        assertNonEmptyStrings(translated, `l10n/bundle.l10n.${language}.json`);
        const wrong = Object.keys(bundle).filter((key) => placeholders(translated[key] as string).join() !== placeholders(messageOf(key)).join());
        assert.deepStrictEqual(wrong, [], `${language}: placeholders differ`);
      });
    }

    it('the vscode-free l10n falls back to English and fills placeholders like VS Code', () => {
      assert.strictEqual(englishL10n.t('{0} min ago', 5), '5 min ago');
      assert.strictEqual(englishL10n.t({ message: 'by {0}', args: ['Taro'], comment: 'x' }), 'by Taro');
      assert.strictEqual(formatText('{1} and {0} and {2}', ['a', 'b']), 'b and a and {2}');
      assert.deepStrictEqual(['ja', 'ja-JP', 'vi', 'en', 'zh-cn', 'JA'].map((l) => notationLanguage(l)), ['ja', 'ja', 'vi', 'en', 'en', 'ja']);
    });

    it('Chatwork’s system texts ([dtext:…], deleted messages) come in Japanese and Vietnamese too', () => {
      for (const key of ['file_uploaded', 'task_added', 'chatroom_member_is', 'chatroom_added', 'chatroom_disable_external']) {
        const texts = (['en', 'ja', 'vi'] as const).map((language) => dtextText(key, language));
        assert.ok(texts.every((t) => t !== undefined && t !== '') && new Set(texts).size === 3, `${key}: ${texts.join(' | ')}`);
      }
      assert.strictEqual(toPlainText(parse('[deleted]'), { language: 'vi' }), '(đã bị xóa)');
    });
  });

  describe('room panel texts (src/webview/strings.ts ← src/panels/panelStrings.ts)', () => {
    /** What panelStrings() passes to vscode.l10n.t for each key: the message and the comment. */
    function hostTable(): Map<string, { message: string; comment?: string }> {
      const file = path.join(root, 'src', 'panels', 'panelStrings.ts');
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const table = new Map<string, { message: string; comment?: string }>();
      const literal = (n: ts.Node | undefined) => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer) && /\.l10n\.t$/.test(node.initializer.expression.getText(source))) {
          const first = node.initializer.arguments[0];
          const name = node.name.getText(source);
          const text = literal(first);
          if (text !== undefined) table.set(name, { message: text });
          else if (first && ts.isObjectLiteralExpression(first)) {
            const prop = (p: string) => first.properties.find((x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && x.name.getText(source) === p)?.initializer;
            const comment = literal(prop('comment'));
            table.set(name, { message: literal(prop('message')) ?? '', ...(comment === undefined ? {} : { comment }) });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return table;
    }

    it('the host translates every key of the English table, with the same English (and comment)', () => {
      const host = hostTable();
      assert.deepStrictEqual([...host.keys()].sort(), Object.keys(ENGLISH).sort());
      for (const [name, english] of Object.entries(ENGLISH)) {
        const comment = COMMENTS[name as keyof Strings];
        assert.deepStrictEqual(host.get(name), { message: english, ...(comment === undefined ? {} : { comment }) }, name);
      }
    });

    it('every panel text is in the Japanese and Vietnamese bundles, and the webview takes them over English', () => {
      for (const language of LANGUAGES) {
        const translated = readJson(`l10n/bundle.l10n.${language}.json`) as Record<string, string>;
        const sent = Object.fromEntries(Object.keys(ENGLISH).map((name) => [name, translated[panelKey(name as keyof Strings)]]));
        const missing = Object.entries(sent).filter(([, v]) => typeof v !== 'string' || v === '').map(([k]) => k);
        assert.deepStrictEqual(missing, [], `${language}: panel texts missing`);
        assert.deepStrictEqual(stringsFrom(sent), sent, `${language}: the webview keeps every translated text`);
      }
      assert.strictEqual(stringsFrom({ send: '送信' }).send, '送信');
      assert.strictEqual(stringsFrom({ send: '送信' }).cancel, 'Cancel', 'English fills gaps');
      assert.strictEqual(stringsFrom({ sendFailed: '送信できませんでした' }).sendFailed, 'Not sent: {0}', 'a lost placeholder is refused');
      assert.strictEqual(stringsFrom({ constructor: 'x', __proto__: { send: 'x' } }).send, 'Send');
      assert.deepStrictEqual(stringsFrom('nonsense'), ENGLISH);
    });

    it('the webview code shows no English of its own: every text comes from the table, and every key is used', () => {
      const dir = path.join(root, 'src', 'webview');
      // Sub-folders too (mentions/, find/): every webview module.
      const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && f !== 'strings.ts');
      // Key names and the modifier label in "Ctrl+Enter" are not translated (VS Code does not either);
      // 'Files' is the DataTransfer type of files dragged from the OS.
      const allowed = new Set(['Enter', 'Escape', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Tab', 'BUTTON', 'Ctrl', 'Files']);
      const looksLikeText = (s: string): boolean => {
        if (allowed.has(s)) return false;
        // Notation, URLs, selectors and CSS: brackets, slashes, `=`, `#`…; class lists and sizes.
        if (/[[\]=/#<>{}()_$@]/.test(s)) return false;
        if (s.split(/\s+/).every((token) => /^(cw-|codicon)|-|\d/.test(token))) return false;
        return /^[A-Z][a-z]+$/.test(s) || /[A-Za-z]{2,}[ ,.!?;:—…]+[A-Za-z]{2,}/.test(s);
      };
      const found: string[] = [];
      let code = '';
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        code += text;
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isImportDeclaration(node)) return;
          const parts =
            ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
              ? [node.text]
              : ts.isTemplateExpression(node)
                ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)]
                : [];
          for (const part of parts) if (looksLikeText(part.trim())) found.push(`${file}: ${JSON.stringify(part)}`);
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
      assert.deepStrictEqual(found, [], 'hard-coded English in the webview: add it to src/webview/strings.ts and panelStrings()');
      const unused = Object.keys(ENGLISH).filter((name) => !new RegExp(`\\.${name}\\b`).test(code));
      assert.deepStrictEqual(unused, [], 'panel texts nothing shows');
    });
  });
});
