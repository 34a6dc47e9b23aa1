// Collects every localizable string of the extension into l10n/bundle.l10n.json, the English source
// bundle that l10n/bundle.l10n.<lang>.json translate. A string is localizable when it is the first
// argument of `vscode.l10n.t(…)` or of `l10n.t(…)` (src/common/l10n.ts, for vscode-free code):
//   l10n.t('Open Room')                              → key "Open Room"
//   l10n.t({ message: 'Open', comment: 'a status' }) → key "Open/a status" (VS Code's key for comments)
// The first argument must be a string literal (or a template without substitutions): a computed
// one cannot be translated, so it fails the run with its file and line.
//
//   node scripts/extract-l10n.mjs           writes l10n/bundle.l10n.json
//   node scripts/extract-l10n.mjs --check   fails when l10n/bundle.l10n.json is not up to date
//   node scripts/extract-l10n.mjs --print   prints the bundle (the unit tests read this)
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** `l10n.t` or `<anything>.l10n.t` (e.g. `vscode.l10n.t`). */
function isL10nCall(node) {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const target = callee.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

function literalText(node) {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The key and bundle entry of one call, or an error text. */
function entryOf(call) {
  const first = call.arguments[0];
  const text = literalText(first);
  if (text !== undefined) return { key: text, value: text };
  if (first && ts.isObjectLiteralExpression(first)) {
    let message;
    let comment = [];
    for (const property of first.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const name = property.name.getText();
      if (name === 'message') message = literalText(property.initializer);
      else if (name === 'comment') {
        const value = property.initializer;
        const single = literalText(value);
        if (single !== undefined) comment = [single];
        else if (ts.isArrayLiteralExpression(value) && value.elements.every((e) => literalText(e) !== undefined)) comment = value.elements.map(literalText);
        else return { error: 'the comment is not a string literal or an array of them' };
      }
    }
    if (message === undefined) return { error: 'the message is not a string literal' };
    if (comment.length === 0) return { key: message, value: message };
    return { key: `${message}/${comment.join('')}`, value: { message, comment } };
  }
  return { error: 'the first argument is not a string literal' };
}

/**
 * Every localizable string under `dir`: `{ bundle, errors }`, where bundle maps each key to its
 * English text (or to `{ message, comment }` for a string with a translator comment), sorted by key.
 */
export function extract(dir = path.join(root, 'src')) {
  const entries = new Map();
  const errors = [];
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (isL10nCall(node)) {
        const result = entryOf(node);
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const where = `${path.relative(root, file).split(path.sep).join('/')}:${line + 1}`;
        if (result.error) errors.push(`${where}: ${result.error}: ${node.getText(source).slice(0, 100)}`);
        else {
          const known = entries.get(result.key);
          if (known !== undefined && JSON.stringify(known) !== JSON.stringify(result.value)) errors.push(`${where}: "${result.key}" has two different comments`);
          entries.set(result.key, result.value);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const bundle = {};
  for (const key of [...entries.keys()].sort()) bundle[key] = entries.get(key);
  return { bundle, errors };
}

function main() {
  const { bundle, errors } = extract();
  if (errors.length > 0) {
    console.error(`extract-l10n: ${errors.length} string(s) cannot be localized:\n  ${errors.join('\n  ')}`);
    process.exit(1);
  }
  const text = JSON.stringify(bundle, null, 2) + '\n';
  const mode = process.argv[2];
  if (mode === '--print') {
    process.stdout.write(text);
  } else if (mode === '--check') {
    const current = fs.existsSync(bundlePath) ? fs.readFileSync(bundlePath, 'utf8') : '';
    if (current !== text) {
      console.error('extract-l10n: l10n/bundle.l10n.json is out of date; run `node scripts/extract-l10n.mjs`.');
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(bundlePath), { recursive: true });
    fs.writeFileSync(bundlePath, text);
    console.log(`extract-l10n: ${Object.keys(bundle).length} strings → ${path.relative(root, bundlePath)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
