// From the editor: code as a message (the exact text Send Selection writes) and a task carrying
// its code reference. The code is the active editor's selection (or current line), or a given
// workspace file's line range. The body is built once in describe() and that same text is sent.
import * as vscode from 'vscode';
import { MAX_BODY_LENGTH } from '../api/validate';
import { type SelectedCode, selectedCode, snippetTemplate, workspacePath } from '../editor/selectedCode';
import { formatSnippet, formatTaskBody } from '../editor/snippet';
import type { Confirmation } from './confirmText';
import { type CreateTaskInput, createTask, describeTask } from './taskTools';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { id, reloadRoomMessages, roomLabel } from './toolInput';
import { workspaceFile } from './workspaceFile';

export interface CodeSource {
  /** A workspace file; without it, the active editor's selection. */
  path?: string;
  /** 1-based, inclusive; without them, the whole file (given path) or the selection. */
  startLine?: number;
  endLine?: number;
}

/** The code the tool means, or a text saying why there is none. */
export async function codeFrom(source: CodeSource): Promise<SelectedCode | string> {
  if (source.path === undefined || source.path.trim() === '') {
    return selectedCode() ?? vscode.l10n.t('No editor is active: give a workspace file path and lines, or ask the user to select the code.');
  }
  const file = await workspaceFile(source.path);
  if ('error' in file) return file.error;
  const document = await vscode.workspace.openTextDocument(file.uri);
  const start = Math.max(1, Math.floor(Number(source.startLine ?? 1)) || 1);
  const end = Math.min(document.lineCount, Math.floor(Number(source.endLine ?? (source.startLine === undefined ? document.lineCount : start))) || start);
  if (start > document.lineCount || end < start) {
    return vscode.l10n.t('Lines {0}-{1} are not in “{2}” ({3} lines).', start, end, file.relative, document.lineCount);
  }
  const range = new vscode.Range(start - 1, 0, end - 1, document.lineAt(end - 1).text.length);
  return { uri: document.uri, path: workspacePath(document.uri), language: document.languageId, code: document.getText(range), startLine: start, endLine: end };
}

/** The body built for a confirmation, kept so the call sends exactly what was shown. */
class BodyCache {
  private readonly _bodies = new Map<string, string>();
  remember(input: object, body: string): void {
    this._bodies.set(JSON.stringify(input), body);
    if (this._bodies.size > 20) this._bodies.delete(this._bodies.keys().next().value as string);
  }
  take(input: object): string | undefined {
    const key = JSON.stringify(input);
    const body = this._bodies.get(key);
    this._bodies.delete(key);
    return body;
  }
}

interface PostCodeInput extends CodeSource { roomId: number; comment?: string }

export class PostCodeTool extends ChatworkTool<PostCodeInput> {
  readonly name = 'chatwork_post_code';
  readonly kind = 'change';
  private readonly _bodies = new BodyCache();

  /** The message Send Selection would write for this code and comment, or why not. */
  async body(input: PostCodeInput): Promise<{ body: string } | { error: string }> {
    const code = await codeFrom(input);
    if (typeof code === 'string') return { error: code };
    const result = formatSnippet({ ...code, comment: String(input.comment ?? '') }, snippetTemplate());
    if (result.kind === 'tooLong') {
      return { error: vscode.l10n.t('The code message would be {0} characters long; Chatwork accepts at most {1}. Send fewer lines.', result.length, result.max) };
    }
    return { body: result.body };
  }

  override async describe(input: PostCodeInput): Promise<Confirmation> {
    const built = await this.body(input);
    if ('body' in built) this._bodies.remember(input, built.body);
    return {
      title: vscode.l10n.t('Post code to Chatwork?'),
      action: vscode.l10n.t('The agent wants to post this code. Check the room: a message the agent read may have asked it to post elsewhere.'),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))],
        [vscode.l10n.t('Message'), 'body' in built ? built.body : built.error, 'block'],
      ],
    };
  }

  protected async run(input: PostCodeInput): Promise<string> {
    let body = this._bodies.take(input);
    if (body === undefined) {
      const built = await this.body(input);
      if ('error' in built) return built.error;
      body = built.body;
    }
    const roomId = id(input.roomId);
    const result = await this.deps.client.postMessage(roomId, body);
    await reloadRoomMessages(this.deps, roomId);
    return `Posted the code as message ${result.message_id} to room ${roomId}.`;
  }
}

interface TaskFromCodeInput extends CodeSource { roomId: number; assigneeIds: number[]; text?: string; due?: string }

export class TaskFromCodeTool extends ChatworkTool<TaskFromCodeInput> {
  readonly name = 'chatwork_task_from_code';
  readonly kind = 'change';
  private readonly _bodies = new BodyCache();

  /** What Create Task from Selection writes: the text (or the code), then `path:Lx-y`. */
  async body(input: TaskFromCodeInput): Promise<{ body: string } | { error: string }> {
    const code = await codeFrom(input);
    if (typeof code === 'string') return { error: code };
    const body = formatTaskBody(input.text ?? code.code, code.path, code);
    if (body.length > MAX_BODY_LENGTH) return { error: vscode.l10n.t('The task would be {0} characters long; Chatwork accepts at most {1}.', body.length, MAX_BODY_LENGTH) };
    return { body };
  }

  override async describe(input: TaskFromCodeInput): Promise<Confirmation> {
    const built = await this.body(input);
    if ('body' in built) this._bodies.remember(input, built.body);
    const task: CreateTaskInput = { roomId: input.roomId, assigneeIds: input.assigneeIds, due: input.due, body: 'body' in built ? built.body : built.error };
    return describeTask(this.deps, task, vscode.l10n.t('The agent wants to create this task from code (one per assignee).'));
  }

  protected async run(input: TaskFromCodeInput): Promise<string> {
    let body = this._bodies.take(input);
    if (body === undefined) {
      const built = await this.body(input);
      if ('error' in built) return built.error;
      body = built.body;
    }
    return createTask(this.deps, { roomId: input.roomId, assigneeIds: input.assigneeIds, due: input.due, body });
  }
}

export function codeTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new PostCodeTool(deps), new TaskFromCodeTool(deps)];
}
