// The text "Send Selection to Chatwork" and "Create Chatwork Task from Selection" post: line
// ranges, paths, the template and its placeholders, and the refusal of bodies over 65,535 characters.

import assert from 'node:assert/strict';
import { MAX_BODY_LENGTH } from '../../src/api/validate';
import {
  codeLocation, DEFAULT_SNIPPET_TEMPLATE, formatLines, formatSnippet, formatTaskBody, normalizeCode, normalizePath, selectionLines,
  type Snippet,
} from '../../src/editor/snippet';
import { findCodeRefs } from '../../src/notation/codeRefs';

const base: Snippet = {
  path: 'src/api/client.ts',
  startLine: 10,
  endLine: 24,
  language: 'typescript',
  code: 'const a = 1;\nconst b = 2;\n',
  comment: '',
};

function ok(result: ReturnType<typeof formatSnippet>): string {
  assert.equal(result.kind, 'ok');
  return result.body;
}

describe('snippet: line ranges', () => {
  it('is 1-based and inclusive', () => {
    assert.deepEqual(selectionLines({ line: 9, character: 4 }, { line: 23, character: 7 }), { startLine: 10, endLine: 24 });
  });

  it('leaves out the line a whole-line selection ends at (column 0)', () => {
    assert.deepEqual(selectionLines({ line: 9, character: 0 }, { line: 12, character: 0 }), { startLine: 10, endLine: 12 });
  });

  it('an empty selection (the cursor) is its line', () => {
    assert.deepEqual(selectionLines({ line: 4, character: 0 }, { line: 4, character: 0 }), { startLine: 5, endLine: 5 });
  });

  it('writes one line as L10 and several as L10-24', () => {
    assert.equal(formatLines({ startLine: 10, endLine: 10 }), 'L10');
    assert.equal(formatLines({ startLine: 10, endLine: 24 }), 'L10-24');
    assert.equal(codeLocation('src/a.ts', { startLine: 3, endLine: 4 }), 'src/a.ts:L3-4');
  });
});

describe('snippet: paths and code', () => {
  it('uses forward slashes and drops a leading ./', () => {
    assert.equal(normalizePath('src\\api\\client.ts'), 'src/api/client.ts');
    assert.equal(normalizePath('./src/a.ts'), 'src/a.ts');
  });

  it('normalizes line breaks and drops trailing ones, keeping indentation', () => {
    assert.equal(normalizeCode('  a\r\n  b\r\n\r\n'), '  a\n  b');
    assert.equal(normalizeCode('\tx\ry'), '\tx\ny');
  });
});

describe('snippet: the default template', () => {
  it('posts an info block titled path:Lx-y (language) with the code', () => {
    const body = ok(formatSnippet(base));
    assert.equal(body, '[info][title]src/api/client.ts:L10-24 (typescript)[/title][code]const a = 1;\nconst b = 2;[/code][/info]');
  });

  it('puts the comment before the block', () => {
    const body = ok(formatSnippet({ ...base, comment: '  Could you review this?\r\nThanks ' }));
    assert.equal(body, 'Could you review this?\nThanks\n[info][title]src/api/client.ts:L10-24 (typescript)[/title][code]const a = 1;\nconst b = 2;[/code][/info]');
  });

  it('a single line is L10', () => {
    const body = ok(formatSnippet({ ...base, endLine: 10, code: 'return x;' }));
    assert.equal(body, '[info][title]src/api/client.ts:L10 (typescript)[/title][code]return x;[/code][/info]');
  });

  it('the title reads back as a code reference', () => {
    const body = ok(formatSnippet(base));
    const refs = findCodeRefs(body);
    assert.equal(refs.length, 1);
    assert.deepEqual({ path: refs[0]?.path, startLine: refs[0]?.startLine, endLine: refs[0]?.endLine }, { path: 'src/api/client.ts', startLine: 10, endLine: 24 });
  });

  it('the default template is what the setting ships with', () => {
    assert.equal(formatSnippet(base, '').body, formatSnippet(base, DEFAULT_SNIPPET_TEMPLATE).body);
    assert.equal(formatSnippet(base, '   ').body, formatSnippet(base).body);
  });
});

describe('snippet: custom templates', () => {
  it('fills every placeholder', () => {
    const template = '${file}|${path}|${lines}|${startLine}|${endLine}|${language}|${comment}|${code}';
    const body = ok(formatSnippet({ ...base, comment: 'hi' }, template));
    assert.equal(body, 'client.ts|src/api/client.ts|L10-24|10|24|typescript|hi|const a = 1;\nconst b = 2;');
  });

  it('leaves unknown placeholders as written', () => {
    assert.equal(ok(formatSnippet(base, '${path} ${unknown} $path')), 'src/api/client.ts ${unknown} $path');
  });

  it('never expands placeholders that come from the code or the comment', () => {
    const body = ok(formatSnippet({ ...base, code: 'echo "${path}"', comment: '${language}' }, '${comment}: ${code}'));
    assert.equal(body, '${language}: echo "${path}"');
  });

  it('drops blank lines left at the start and end by an empty comment', () => {
    assert.equal(ok(formatSnippet(base, '${comment}\n\n${path}\n${comment}\n')), 'src/api/client.ts');
  });

  it('keeps the code exactly inside the template (indentation, blank lines, notation)', () => {
    const code = '  if (a) {\n\n    [To:1] x\n  }';
    assert.equal(ok(formatSnippet({ ...base, code }, '[code]${code}[/code]')), `[code]${code}[/code]`);
  });
});

describe('snippet: size', () => {
  it('refuses a body over the limit, counted on the final body', () => {
    const overhead = formatSnippet({ ...base, code: '' }).body.length;
    const fits = formatSnippet({ ...base, code: 'x'.repeat(MAX_BODY_LENGTH - overhead) });
    assert.equal(fits.kind, 'ok');
    assert.equal(fits.body.length, MAX_BODY_LENGTH);

    const over = formatSnippet({ ...base, code: 'x'.repeat(MAX_BODY_LENGTH - overhead + 1) });
    assert.equal(over.kind, 'tooLong');
    assert.equal(over.kind === 'tooLong' && over.length, MAX_BODY_LENGTH + 1);
    assert.equal(over.kind === 'tooLong' && over.max, MAX_BODY_LENGTH);
  });

  it('the comment counts too', () => {
    const overhead = formatSnippet({ ...base, code: '' }).body.length;
    const code = 'x'.repeat(MAX_BODY_LENGTH - overhead);
    assert.equal(formatSnippet({ ...base, code }).kind, 'ok');
    assert.equal(formatSnippet({ ...base, code, comment: 'a' }).kind, 'tooLong');
  });

  it('takes another limit when given', () => {
    assert.equal(formatSnippet(base, '${code}', 5).kind, 'tooLong');
  });
});

describe('task body from code', () => {
  it('is the text, then path:Lx-y', () => {
    assert.equal(formatTaskBody('  fix this\r\n  and that\n', 'src\\a.ts', { startLine: 3, endLine: 4 }), 'fix this\n  and that\nsrc/a.ts:L3-4');
  });

  it('is only the location when the text is blank', () => {
    assert.equal(formatTaskBody('   \n', 'a.py', { startLine: 7, endLine: 7 }), 'a.py:L7');
  });
});

describe('snippet: the chatwork.snippetTemplate setting', () => {
  it('ships the built-in template as its default', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require('../../../package.json') as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    assert.equal(manifest.contributes.configuration.properties['chatwork.snippetTemplate']?.default, DEFAULT_SNIPPET_TEMPLATE);
  });
});
