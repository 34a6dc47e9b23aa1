// The room panel's HTML document, free of `vscode` so the benchmark loads the very same shell:
// a strict CSP, the panel's texts as escaped JSON in a <meta>, the stylesheets and the script.

/** Image hosts besides the extension's own files: Chatwork avatars/previews and emoticons. */
const CHATWORK_IMAGE_ORIGINS = ['https://appdata.chatwork.com', 'https://assets.chatwork.com'];

/** The origin of the configured API base URL (an emulator or proxy may also serve images). */
export function apiOrigin(apiBaseUrl: string): string | undefined {
  try {
    const url = new URL(apiBaseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export function contentSecurityPolicy(cspSource: string, scriptNonce: string, apiBaseUrl: string): string {
  const images = [cspSource, ...CHATWORK_IMAGE_ORIGINS];
  const api = apiOrigin(apiBaseUrl);
  if (api !== undefined && !images.includes(api)) images.push(api);
  return [
    "default-src 'none'",
    `script-src 'nonce-${scriptNonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${images.join(' ')}`,
  ].join('; ');
}

/** Whether the panel's CSP lets an image from this URL load (the room header's picture). */
export function imageAllowed(url: string, apiBaseUrl: string): boolean {
  const origin = apiOrigin(url);
  return origin !== undefined && (CHATWORK_IMAGE_ORIGINS.includes(origin) || origin === apiOrigin(apiBaseUrl));
}

/** Text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The name of the <meta> whose content is the panel's texts as JSON (read by src/webview/app.ts). */
export const STRINGS_META = 'chatwork-strings';

export interface PanelDocument {
  /** 'en' | 'ja' | 'vi' — anything else is treated as 'en'. */
  language: string;
  csp: string;
  scriptNonce: string;
  strings: Readonly<Record<string, string>>;
  /** The URI of one of the extension's files, from path segments under the extension folder. */
  asset: (...path: string[]) => string;
  /** Scripts loaded before the panel's own (test drivers only). */
  preludeScripts?: readonly string[];
}

export function panelDocument(doc: PanelDocument): string {
  // Only our own values go into this string: the CSP, our file URIs, the nonce, 'en' / 'ja' / 'vi'
  // and our translations (escaped).
  const lang = doc.language === 'ja' || doc.language === 'vi' ? doc.language : 'en';
  // Attribute values that could hold a `"` (translations, file paths) are escaped. The CSP and the
  // nonce are kept verbatim (readable in tests): they hold only quotes `'`, hex, our file origin
  // and a URL origin, none of which can end a double-quoted attribute.
  const attr = escapeAttribute;
  const script = (src: string, type = '') => `<script${type} nonce="${doc.scriptNonce}" src="${attr(src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${doc.csp}">
  <meta name="${STRINGS_META}" content="${escapeAttribute(JSON.stringify(doc.strings))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(doc.asset('dist', 'webview', 'codicons', 'codicon.css'))}">
  <link rel="stylesheet" href="${attr(doc.asset('media', 'room.css'))}">
  <title>Chatwork</title>
</head>
<body>
  ${[...(doc.preludeScripts ?? []).map((src) => script(src)), script(doc.asset('dist', 'webview', 'main.js'), ' type="module"')].join('\n  ')}
</body>
</html>`;
}
