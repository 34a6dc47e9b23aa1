// Enum settings read as words, not raw values (`mentionsAndDirect`): each has a label and a
// description per value, localised through %keys% (whose ja/vi texts the l10n test checks).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Setting {
  enum?: unknown[];
  enumItemLabels?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
}

describe('enum settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
  const english = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const enums = Object.entries(manifest.contributes.configuration.properties).filter(([, s]) => Array.isArray(s.enum));

  it('there are enum settings to check', () => assert.ok(enums.length >= 2));

  for (const [name, setting] of enums) {
    it(`${name}: a localised label and description for each value`, () => {
      const values = setting.enum ?? [];
      const descriptions = setting.markdownEnumDescriptions ?? setting.enumDescriptions ?? [];
      for (const list of [setting.enumItemLabels ?? [], descriptions]) {
        assert.strictEqual(list.length, values.length);
        for (const text of list) {
          const key = /^%(.+)%$/.exec(text)?.[1];
          assert.ok(key && english[key], `${text} is a %key% with an English text`);
          assert.ok(!values.includes(english[key]), `${english[key]} is more than the raw value`);
        }
      }
    });
  }
});
