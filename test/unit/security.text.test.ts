// Issue 11, classes 1, 2 and 5: text from Chatwork in VS Code's UI and in Markdown documents, and
// what activate() exports. Each test fails when its neutralising layer is switched off.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import type { Message, Task } from '../../src/api/types';
import { messageMarkdown, taskMarkdown } from '../../src/commands/detailsMarkdown';
import { exportedApi, ExtensionModes } from '../../src/common/exportedApi';
import { markdownText } from '../../src/common/markdownText';
import { neutraliseLinks } from '../../src/common/uiText';
import { HOSTILE_UI_TEXTS, NOTIFICATION_LINK } from '../fixtures/hostile/sinks';

// VS Code's Markdown preview: raw HTML on, bare URLs linkified.
const markdown = new MarkdownIt({ html: true, linkify: true });
// Markdown tooltips (MarkdownString): no raw HTML.
const tooltipMarkdown = new MarkdownIt({ html: false });

function account(name: string): Message['account'] {
  return { account_id: 666, name, avatar_image_url: 'https://evil.example/a.png' };
}

describe('security: text sinks outside the webview', () => {
  describe('VS Code UI text (notifications, progress, QuickPick, status bar)', () => {
    for (const text of HOSTILE_UI_TEXTS) {
      it(`no link survives: ${JSON.stringify(text).slice(0, 60)}`, () => {
        const shown = neutraliseLinks(text);
        assert.deepStrictEqual([...shown.matchAll(NOTIFICATION_LINK)].map((m) => m[0]), []);
        // Nor in a Markdown rendering (status bar and hover tooltips may be Markdown).
        assert.doesNotMatch(tooltipMarkdown.renderInline(shown), /<a href="(?!https?:)|<img|\$\(/i);
        assert.doesNotMatch(shown, /<[a-z][a-z0-9+.-]*:/i, 'no autolink');
        assert.doesNotMatch(shown, /\$\(/, 'no codicon');
      });
    }

    it('keeps the text readable and is stable when applied twice', () => {
      const once = neutraliseLinks('Alice [x](command:evil) <https://a.b> $(zap)');
      assert.strictEqual(once, 'Alice [x] (command:evil) < https://a.b> $ (zap)');
      assert.strictEqual(neutraliseLinks(once), once);
      assert.strictEqual(neutraliseLinks('普通のメッセージ [info]ok[/info]'), '普通のメッセージ [info]ok[/info]');
    });
  });

  describe('Markdown documents (Show Task, Show Message)', () => {
    for (const name of HOSTILE_UI_TEXTS) {
      it(`a hostile name, room name and title stay text: ${JSON.stringify(name).slice(0, 50)}`, () => {
        const message: Message = { message_id: '1', account: account(name), body: 'hello', send_time: 1_700_000_000, update_time: 0 };
        const task = {
          task_id: 1,
          account: account(name),
          assigned_by_account: account(name),
          message_id: '1',
          body: name,
          limit_time: 0,
          status: 'open',
          limit_type: 'none',
        } as Task;
        for (const source of [messageMarkdown(message, 5, name), taskMarkdown(task, 5, name)]) {
          const html = markdown.render(source);
          assert.doesNotMatch(html, /<img|<script|<a href="(?!https:\/\/www\.chatwork\.com\/)/i, html);
          // The document's structure is ours: one h1, the h2s of its sections, one list.
          assert.strictEqual(html.match(/<h1>/g)?.length, 1, html);
          assert.strictEqual(html.match(/<ul>/g)?.length, 1, html);
          assert.doesNotMatch(html, /<(em|strong|code|s|table|del)>/, html);
        }
      });
    }

    it('markdownText keeps the characters (they render as themselves)', () => {
      const text = '![a](b) <i>x</i> # *y* & é 名前';
      assert.strictEqual(markdown.renderInline(markdownText(text)), markdown.utils.escapeHtml(text));
    });
  });

  describe('what activate() exports', () => {
    const api = { deps: { tokens: 'the token store', client: 'the client' } };
    it('nothing in production and development', () => {
      assert.strictEqual(exportedApi(ExtensionModes.Production, () => api), undefined);
      assert.strictEqual(exportedApi(ExtensionModes.Development, () => api), undefined);
    });
    it('the test surface in a test host', () => {
      assert.strictEqual(exportedApi(ExtensionModes.Test, () => api), api);
    });
  });
});
