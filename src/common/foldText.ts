// Loose matching of what people type against names and words: the same text whether typed full- or
// half-width, in any case, with or without Vietnamese (and other Latin) marks. Shared by the host
// (typed deadlines) and the webview (mentions as you type), so no `vscode` and no DOM.

/** NFKC (full-width → ASCII, half-width kana → full), lower case, Latin marks dropped, đ → d. */
export function foldLatinMarks(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}
