// Chatwork message notation: body → nodes (parse), nodes → text (toPlainText / toOneLine), and
// questions about a body. No `vscode`, no DOM, no Node APIs: shared by the host and the webview.

export * from './ast';
export { parse } from './parse';
export { MAX_NESTING } from './tree';
export { toPlainText, toOneLine, collapseWhitespace, truncate, type PlainTextOptions } from './plainText';
export { forEachNode, mentionsAccount, mentionsAll, findText, type WalkOptions, type FindTextOptions } from './query';
export { EMOTICONS, emoticonByCode, matchEmoticonAt, emoticonAssetUrl, type EmoticonInfo } from './emoticons';
export { dtextText, type DtextLanguage } from './dtext';
export { findUrls, urlEndAt, type UrlRange } from './links';
