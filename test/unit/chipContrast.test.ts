// The To / To All / Re chips must stay readable (WCAG 2 contrast ≥ 4.5:1 for their text) in the
// three default theme kinds. The colours come from the actual rules in media/room.css (so a CSS
// change is checked), resolved against each theme's values of the --vscode-* variables they use.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The theme colours the chip rules use. Source: VS Code's built-in themes
 * (extensions/theme-defaults/themes/dark_vs.json + dark_plus.json, light_vs.json + light_plus.json,
 * hc_black.json) and, for keys those files leave out, the defaults of the colour registry
 * (src/vs/platform/theme/common/colors/*.ts: badge, button, charts, foreground).
 */
const THEMES: Record<string, Record<string, string>> = {
  'Dark+': {
    'editor-background': '#1E1E1E',
    'editor-foreground': '#D4D4D4',
    'badge-background': '#4D4D4D',
    'badge-foreground': '#FFFFFF',
    'button-background': '#0E639C',
    'button-foreground': '#FFFFFF',
    'charts-green': '#89D185',
    'charts-blue': '#3794FF',
  },
  'Light+': {
    'editor-background': '#FFFFFF',
    'editor-foreground': '#000000',
    'badge-background': '#C4C4C4',
    'badge-foreground': '#333333',
    'button-background': '#007ACC',
    'button-foreground': '#FFFFFF',
    'charts-green': '#388A34',
    'charts-blue': '#1A85FF',
  },
  'High Contrast': {
    'editor-background': '#000000',
    'editor-foreground': '#FFFFFF',
    'badge-background': '#000000',
    'badge-foreground': '#FFFFFF',
    'button-background': '#000000',
    'button-foreground': '#FFFFFF',
    'charts-green': '#89D185',
    'charts-blue': '#3794FF',
  },
};

type Rgb = [number, number, number];

interface Rule {
  readonly selectors: string[];
  readonly declarations: Map<string, string>;
}

/** The plain rules of a stylesheet (comments dropped; no at-rules are nested around the chips). */
function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const match of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = new Map<string, string>();
    const [, selectorText = '', body = ''] = match;
    for (const decl of body.split(';')) {
      const colon = decl.indexOf(':');
      if (colon > 0) declarations.set(decl.slice(0, colon).trim(), decl.slice(colon + 1).trim());
    }
    rules.push({ selectors: selectorText.split(',').map((s) => s.trim()), declarations });
  }
  return rules;
}

/** The color and background a chip of the given kind gets: `.cw-chip`, then its kind class, later rules winning. */
function chipColours(rules: Rule[], kind: string): { color: string; background: string } {
  const wanted = new Set(['.cw-chip', `.cw-${kind}`]);
  let color: string | undefined;
  let background: string | undefined;
  for (const rule of rules) {
    if (!rule.selectors.some((s) => wanted.has(s))) continue;
    color = rule.declarations.get('color') ?? color;
    background = rule.declarations.get('background') ?? rule.declarations.get('background-color') ?? background;
  }
  assert.ok(color && background, `media/room.css gives .cw-${kind} a color and a background`);
  return { color, background };
}

function hex(value: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${value}`);
  const [, r = '', g = '', b = ''] = m;
  return [parseInt(r, 16), parseInt(g, 16), parseInt(b, 16)];
}

/** Splits the arguments of a CSS function at top-level commas. */
function args(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === ',' && depth === 0) {
      out.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inner.slice(start).trim());
  return out;
}

/** Resolves hex, var(--vscode-x, fallback) and color-mix(in srgb, a p%, b) against a theme. */
function resolve(value: string, theme: Record<string, string>): Rgb {
  const v = value.trim();
  if (v.startsWith('#')) return hex(v);
  const call = /^([a-z-]+)\(([\s\S]*)\)$/.exec(v);
  if (!call) throw new Error(`cannot resolve ${v}`);
  const [, name = '', inner = ''] = call;
  const parts = args(inner);
  const [first = '', second = '', third = ''] = parts;
  if (name === 'var') {
    const key = first.replace(/^--vscode-/, '');
    if (theme[key] !== undefined) return hex(theme[key]);
    if (parts.length > 1) return resolve(parts.slice(1).join(','), theme);
    throw new Error(`no theme value for ${first}`);
  }
  if (name === 'color-mix') {
    assert.strictEqual(first, 'in srgb', 'only sRGB mixes are resolved');
    const [aColour, aPercent] = splitPercent(second);
    const [bColour, bPercent] = splitPercent(third);
    const pa = aPercent ?? (bPercent === undefined ? 50 : 100 - bPercent);
    const a = resolve(aColour, theme);
    const b = resolve(bColour, theme);
    const mix = (i: 0 | 1 | 2): number => (a[i] * pa + b[i] * (100 - pa)) / 100;
    return [mix(0), mix(1), mix(2)];
  }
  throw new Error(`unsupported CSS function ${name}()`);
}

function splitPercent(part: string): [string, number | undefined] {
  const m = /^([\s\S]*?)\s+(\d+(?:\.\d+)?)%$/.exec(part.trim());
  return m ? [m[1] ?? '', Number(m[2])] : [part, undefined];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

describe('chip contrast in the default themes (media/room.css)', () => {
  const rules = parseRules(fs.readFileSync(path.join(__dirname, '../../../media/room.css'), 'utf8'));

  it('the contrast helper matches known WCAG figures', () => {
    assert.strictEqual(contrast(hex('#000000'), hex('#FFFFFF')).toFixed(1), '21.0');
    assert.strictEqual(contrast(hex('#777777'), hex('#FFFFFF')).toFixed(2), '4.48');
  });

  for (const kind of ['chip', 'chip-to', 'chip-toall', 'chip-re']) {
    for (const [themeName, theme] of Object.entries(THEMES)) {
      it(`.cw-${kind} text is ≥ 4.5:1 in ${themeName}`, () => {
        const { color, background } = chipColours(rules, kind);
        const ratio = contrast(resolve(color, theme), resolve(background, theme));
        assert.ok(ratio >= 4.5, `${themeName}: ${color} on ${background} is ${ratio.toFixed(2)}:1`);
      });
    }
  }
});
