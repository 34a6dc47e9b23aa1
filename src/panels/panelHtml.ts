// The room panel's HTML: a static shell (no room data in it) with a strict CSP and a fresh nonce per
// render (after microsoft/vscode-extension-samples webview-sample). Everything shown is built by the
// webview script from protocol messages with createElement / textContent; the shell only carries
// the panel's own texts in VS Code's display language, as escaped JSON in a <meta> the script reads
// (the document itself is in panelDocument.ts).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { contentSecurityPolicy, panelDocument } from './panelDocument';

export { apiOrigin, contentSecurityPolicy, escapeAttribute, STRINGS_META } from './panelDocument';

export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

/** The folders the webview may load from. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function panelHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  apiBaseUrl: string,
  language: string,
  strings: Readonly<Record<string, string>>,
): string {
  const scriptNonce = nonce();
  return panelDocument({
    language,
    csp: contentSecurityPolicy(webview.cspSource, scriptNonce, apiBaseUrl),
    scriptNonce,
    strings,
    asset: (...path) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString(),
  });
}
