// Localisation for the modules that must not import `vscode` (tree texts, due dates, the badge):
// they write `l10n.t('English text {0}', value)` exactly like the rest of the code writes
// `vscode.l10n.t(…)`, so scripts/extract-l10n.mjs collects their strings into the same bundles.
// Until the extension calls useL10n() at activation — and so in the unit tests — the English
// source text is used. No `vscode`.
import type { DtextLanguage } from '../notation/dtext';

type Arg = string | number | boolean;

/** The part of `vscode.l10n` this code uses (`vscode.l10n` itself fits). */
export interface L10n {
  t(message: string, ...args: Arg[]): string;
  /** A string whose English is ambiguous ("Open": a verb or a status); the comment tells them apart. */
  t(options: { message: string; args?: Arg[]; comment: string | string[] }): string;
}

/** Replaces {0}, {1}… with the arguments; unknown placeholders stay as they are (like VS Code). */
export function formatText(template: string, args: readonly Arg[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export const englishL10n: L10n = {
  t: (message: string | { message: string; args?: Arg[] }, ...args: Arg[]) =>
    typeof message === 'string' ? formatText(message, args) : formatText(message.message, message.args ?? []),
};

let current: L10n = englishL10n;
let currentLocale = 'en';

/** The translations in use from now on, and VS Code's display language (`vscode.env.language`). */
export function useL10n(translations: L10n, locale: string): void {
  current = translations;
  currentLocale = locale || 'en';
}

/** Translates with what useL10n() installed (English before that). */
export const l10n: L10n = {
  t: (message: string | { message: string; args?: Arg[]; comment: string | string[] }, ...args: Arg[]) =>
    typeof message === 'string' ? current.t(message, ...args) : current.t(message),
};

/** VS Code's display language as a BCP 47 tag ("en", "ja", "vi", "zh-cn"…). */
export function displayLocale(): string {
  return currentLocale;
}

/** The language of notation's own texts (`[dtext:…]`, deleted messages): Japanese, Vietnamese, else English. */
export function notationLanguage(locale: string = currentLocale): DtextLanguage {
  const lower = locale.toLowerCase();
  if (lower === 'ja' || lower.startsWith('ja-')) return 'ja';
  if (lower === 'vi' || lower.startsWith('vi-')) return 'vi';
  return 'en';
}
