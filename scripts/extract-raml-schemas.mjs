#!/usr/bin/env node
// Extracts the JSON Schema of every 200 response in Chatwork's RAML 0.8 spec into
// test/fixtures/raml-schemas.json: { "METHOD /path/{param}": schema }, and the allowed values of every
// enum parameter into test/fixtures/raml-params.json: { "METHOD /path": { "param": [values] } } (the
// emulator validates with these, its own reading of the spec, never the client's lists).
//
// Usage: node scripts/extract-raml-schemas.mjs [path/to/chatwork-api-ja.raml] [out.json]
// (defaults: ../shared/spec/chatwork-api-ja.raml and test/fixtures/raml-schemas.json).
//
// No YAML library: the RAML is read line by line, keeping a stack of mapping keys by indentation.
// Block scalars (`key: |` or `key: >`) swallow every following line that is blank or indented deeper
// than their key. The schemas are such block scalars whose text is itself `|` followed by the JSON,
// so a lone leading `|` line is dropped before JSON.parse. Responses come either inline
// (`METHOD > responses > 200 > body > application/json > schema`) or from traits listed under `is:`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(process.argv[2] || path.join(root, '..', 'shared', 'spec', 'chatwork-api-ja.raml'));
const output = path.resolve(process.argv[3] || path.join(root, 'test', 'fixtures', 'raml-schemas.json'));
const paramsOutput = path.join(path.dirname(output), 'raml-params.json');
const PARAMETER_KINDS = new Set(['queryParameters', 'formParameters']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
const SCHEMA_TAIL = ['responses', '200', 'body', 'application/json', 'schema'];

/** Walks the RAML and calls onScalar(keys, value) / onListItem(keys, value) with the key path. */
function walk(text, onScalar, onListItem) {
  const lines = text.split(/\r?\n/);
  const stack = []; // { indent, key }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const keys = stack.map((s) => s.key);
    if (content === '-') continue; // a list item whose mapping follows on deeper lines
    if (content.startsWith('- ')) { onListItem(keys, content.slice(2).trim()); continue; }
    const m = /^("[^"]*"|'[^']*'|[^:]+):(?:\s+(.*))?$/.exec(content);
    if (!m) continue;
    const key = m[1].replace(/^["']|["']$/g, '');
    const value = (m[2] || '').trim();
    if (/^[|>][-+]?$/.test(value)) {
      const block = [];
      while (i + 1 < lines.length) {
        const next = lines[i + 1];
        if (next.trim() && next.length - next.trimStart().length <= indent) break;
        block.push(next);
        i++;
      }
      onScalar([...keys, key], dedent(block));
    } else if (value === '') {
      stack.push({ indent, key });
    } else {
      onScalar([...keys, key], value);
    }
  }
}

function dedent(block) {
  const widths = block.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const min = widths.length ? Math.min(...widths) : 0;
  return block.map((l) => l.slice(min)).join('\n').trim();
}

function parseSchema(text, where) {
  const json = text.replace(/^\|\s*\n/, ''); // the RAML's doubled block indicator
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new Error(`${where}: schema is not JSON: ${err.message}`);
  }
}

const traitSchemas = new Map(); // trait name -> schema of its 200
const inlineSchemas = new Map(); // "METHOD /path" -> schema
const traitsOf = new Map(); // "METHOD /path" -> [trait names]
const operations = [];
const traitEnums = new Map(); // trait name -> { param: [values] }
const inlineEnums = new Map(); // "METHOD /path" -> { param: [values] }

/** rest = [queryParameters|formParameters, name, 'enum']: the parameter's name, else null. */
function enumParameter(rest) {
  return rest.length === 3 && PARAMETER_KINDS.has(rest[0]) && rest[2] === 'enum' ? rest[1] : null;
}

function addEnumValue(map, owner, name, value) {
  const params = map.get(owner) || {};
  params[name] = [...(params[name] || []), value.replace(/^["']|["']$/g, '')];
  map.set(owner, params);
}

function operationOf(keys) {
  const segs = [];
  let i = 0;
  while (i < keys.length && keys[i].startsWith('/')) segs.push(keys[i++]);
  if (!segs.length || !METHODS.has(keys[i])) return null;
  return { op: `${keys[i]} ${segs.join('')}`, rest: keys.slice(i + 1) };
}

const sameTail = (rest) => rest.length === SCHEMA_TAIL.length && rest.every((k, j) => k === SCHEMA_TAIL[j]);

walk(
  fs.readFileSync(input, 'utf8'),
  (keys, value) => {
    if (keys[0] === 'traits' && sameTail(keys.slice(2))) {
      traitSchemas.set(keys[1], parseSchema(value, `trait ${keys[1]}`));
      return;
    }
    const found = operationOf(keys);
    if (!found) return;
    if (!operations.includes(found.op)) operations.push(found.op);
    if (sameTail(found.rest)) inlineSchemas.set(found.op, parseSchema(value, found.op));
  },
  (keys, item) => {
    const traitParam = keys[0] === 'traits' ? enumParameter(keys.slice(2)) : null;
    if (traitParam) {
      addEnumValue(traitEnums, keys[1], traitParam, item);
      return;
    }
    const found = operationOf(keys);
    if (!found) return;
    const param = enumParameter(found.rest);
    if (param) addEnumValue(inlineEnums, found.op, param, item);
    if (!operations.includes(found.op)) operations.push(found.op);
    if (found.rest.length === 1 && found.rest[0] === 'is') {
      traitsOf.set(found.op, [...(traitsOf.get(found.op) || []), item]);
    }
  },
);

const result = {};
const missing = [];
for (const op of operations) {
  const fromTrait = (traitsOf.get(op) || []).map((t) => traitSchemas.get(t)).find(Boolean);
  const schema = inlineSchemas.get(op) || fromTrait;
  if (schema) result[op] = schema;
  else missing.push(op);
}
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, JSON.stringify(result, null, 2) + '\n');
console.log(`${operations.length} operations, ${Object.keys(result).length} with a 200 schema -> ${path.relative(root, output)}`);
if (missing.length) console.log(`without a 200 schema: ${missing.join(', ')}`);

const params = {};
for (const op of operations) {
  const fromTraits = (traitsOf.get(op) || []).map((t) => traitEnums.get(t) || {});
  const merged = Object.assign({}, ...fromTraits, inlineEnums.get(op) || {});
  if (Object.keys(merged).length) params[op] = merged;
}
fs.writeFileSync(paramsOutput, JSON.stringify(params, null, 2) + '\n');
console.log(`${Object.keys(params).length} operations with enum parameters -> ${path.relative(root, paramsOutput)}`);
