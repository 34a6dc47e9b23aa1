// The room panel's HTML: a static shell (no room data in it) with a strict CSP and a fresh nonce per
// render (after microsoft/vscode-extension-samples webview-sample). Everything shown is built by the
// webview script from protocol messages with createElement / textContent; the shell only carries
// the panel's own texts in VS Code's display language, as escaped JSON in a <meta> the script reads.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Image hosts besides the extension's own files: Chatwork avatars/previews and emoticons. */
const CHATWORK_IMAGE_ORIGINS = ['https://appdata.chatwork.com', 'https://assets.chatwork.com'];

export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The folders the webview may load from. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

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

/** Text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The name of the <meta> whose content is the panel's texts as JSON (read by src/webview/app.ts). */
export const STRINGS_META = 'chatwork-strings';

export function panelHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  apiBaseUrl: string,
  language: string,
  strings: Readonly<Record<string, string>>,
): string {
  const scriptNonce = nonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = contentSecurityPolicy(webview.cspSource, scriptNonce, apiBaseUrl);
  // Only our own values go into this string: the CSP, our file URIs, the nonce, 'en' / 'ja' / 'vi'
  // and our translations (escaped).
  const lang = language === 'ja' || language === 'vi' ? language : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="${STRINGS_META}" content="${escapeAttribute(JSON.stringify(strings))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('dist', 'webview', 'codicons', 'codicon.css')}">
  <link rel="stylesheet" href="${asset('media', 'room.css')}">
  <title>Chatwork</title>
</head>
<body>
  <script nonce="${scriptNonce}" src="${asset('dist', 'webview', 'main.js')}"></script>
</body>
</html>`;
}
