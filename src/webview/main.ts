// Entry point of the room panel's webview bundle (dist/webview/main.js, an ES module loaded with
// the CSP nonce; the chunks it imports later inherit the nonce). Everything else is in app.ts so
// the browser tests can drive it with a fake API.
import { RoomApp, type VsCodeApi } from './app';

declare function acquireVsCodeApi(): VsCodeApi;

new RoomApp(document.body, acquireVsCodeApi()).start();
