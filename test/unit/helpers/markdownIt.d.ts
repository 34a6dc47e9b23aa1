// markdown-it (installed with @vscode/vsce; VS Code's Markdown preview is built on it) has no
// bundled types; the unit tests use this much of it to render details documents as the preview does.
declare module 'markdown-it' {
  interface MarkdownItOptions {
    html?: boolean;
    linkify?: boolean;
  }
  class MarkdownIt {
    constructor(options?: MarkdownItOptions);
    render(source: string): string;
    renderInline(source: string): string;
    readonly utils: { escapeHtml(text: string): string };
  }
  export = MarkdownIt;
}
