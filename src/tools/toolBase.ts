import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { Deps } from '../deps';
import { type Confirmation, confirmationPlainText, escapeMarkdown, neutraliseBlock, neutraliseLine } from './confirmText';
import type { MessageSearch } from './messageSearch';
import { clip, MAX_RESULT_CHARS } from './resultText';
import { agentToolsMode } from './toolMode';

/** What the tools use: the extension's own client, store and token, and the message search. */
export interface ToolDeps extends Deps {
  readonly search: MessageSearch;
}

/** 'read' tools run without asking; 'change' tools are confirmed and refused in read-only mode. */
export type ToolKind = 'read' | 'change';

/**
 * One Chatwork tool for the editor's agent. The base handles what every tool shares: the
 * `chatwork.agentTools` setting, the token state (signed out → how to sign in), the rate limit
 * (a wait, never a retry loop), errors as readable text, the size cap, and for changing tools the
 * confirmation built from `describe()`. A subclass only reads its input and calls Chatwork.
 */
export abstract class ChatworkTool<I extends object> implements vscode.LanguageModelTool<I> {
  abstract readonly name: string;
  abstract readonly kind: ToolKind;

  constructor(protected readonly deps: ToolDeps) {}

  /** Does the work; the text it answers is the tool result (bounded by the base). */
  protected abstract run(input: I, token?: vscode.CancellationToken): Promise<string>;

  /** For changing tools: what will be sent and where, shown before anything happens. */
  describe?(input: I): Promise<Confirmation>;

  /** The progress line while the tool runs (no Chatwork text in it). */
  protected progress(): string {
    return vscode.l10n.t('Asking Chatwork…');
  }

  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<I>): Promise<vscode.PreparedToolInvocation> {
    const invocationMessage = this.progress();
    // Nothing to confirm when the call will be refused anyway (the result says why).
    if (this.kind === 'read' || !this.describe || this._refusal() !== undefined) return { invocationMessage };
    await this.deps.tokens.ready;
    if (this.deps.tokens.state !== 'set') return { invocationMessage };
    const confirmation = await this.describe(options.input);
    return { invocationMessage, confirmationMessages: { title: confirmation.title, message: confirmationMarkdown(confirmation) } };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<I>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await this.execute(options.input, token))]);
  }

  /** The tool's whole behaviour as text (invoke() wraps it; the tests call it too). */
  async execute(input: I, token?: vscode.CancellationToken): Promise<string> {
    const refusal = this._refusal();
    if (refusal !== undefined) return refusal;
    await this.deps.tokens.ready;
    const tokenState = this.deps.tokens.state;
    if (tokenState !== 'set') return signInText(tokenState === 'rejected');
    const waiting = rateLimitWait(this.deps.client.rateLimit);
    if (waiting !== undefined) return rateLimitedText(waiting);
    try {
      return clip(await this.run(input ?? ({} as I), token), MAX_RESULT_CHARS);
    } catch (error) {
      return this._errorText(error);
    }
  }

  private _refusal(): string | undefined {
    const mode = agentToolsMode();
    if (mode === 'off') {
      return vscode.l10n.t('The Chatwork tools are turned off (setting chatwork.agentTools is "off"). The user can turn them on in the settings.');
    }
    if (mode === 'readOnly' && this.kind === 'change') {
      return vscode.l10n.t('This Chatwork tool changes data, and the setting chatwork.agentTools is "readOnly": nothing was sent. Tell the user; only they can allow changes.');
    }
    return undefined;
  }

  private _errorText(error: unknown): string {
    if (!(error instanceof ChatworkApiError)) {
      this.deps.log.warn(`Tool ${this.name} failed: ${String(error)}`);
      return vscode.l10n.t('The Chatwork tool failed: {0}', error instanceof Error ? error.message : String(error));
    }
    this.deps.log.info(`Tool ${this.name}: ${error.kind} (${error.message})`);
    switch (error.kind) {
      case 'auth':
        void this.deps.tokens.markRejected();
        return signInText(true);
      case 'rateLimited':
        return rateLimitedText(error.retryAfterMs ?? 10_000);
      case 'validation':
        return vscode.l10n.t('Chatwork did not accept the input: {0} Nothing was changed; correct the input before calling again.', error.message);
      case 'notFound':
        return vscode.l10n.t('Not found in Chatwork: {0} Check the ids (list rooms or messages first).', error.message);
      case 'forbidden':
        return vscode.l10n.t('Chatwork does not allow this for the signed-in account: {0}', error.message);
      default:
        return vscode.l10n.t('Chatwork could not be reached or failed: {0} Try again later.', error.message);
    }
  }
}

function signInText(rejected: boolean): string {
  return rejected
    ? vscode.l10n.t('Chatwork rejected the stored API token. Ask the user to run the command "Chatwork: Set API Token" with a valid token, then try again.')
    : vscode.l10n.t('Not signed in to Chatwork. Ask the user to run the command "Chatwork: Set API Token" (the token stays in VS Code\'s secret storage), then try again.');
}

function rateLimitedText(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return vscode.l10n.t('Chatwork\'s rate limit is used up. Wait {0} seconds before calling a Chatwork tool again; do not retry sooner.', seconds);
}

/** How long until the rate limit resets, when the last answer said none is left. */
function rateLimitWait(limit: { remaining: number; reset: number } | undefined): number | undefined {
  if (!limit || limit.remaining > 0) return undefined;
  const wait = limit.reset * 1000 - Date.now();
  return wait > 0 ? wait : undefined;
}

/** Chatwork and model text reach the confirmation only neutralised and escaped (shown literally). */
export function confirmationMarkdown(c: Confirmation): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(escapeMarkdown(c.action));
  for (const [label, value, kind] of c.details) {
    md.appendMarkdown('\n\n**');
    md.appendMarkdown(escapeMarkdown(label));
    md.appendMarkdown('**: ');
    if (kind === 'block') {
      // Each line quoted on its own, so the preview keeps the message's shape.
      for (const line of neutraliseBlock(value).split('\n')) {
        md.appendMarkdown('\n> ');
        md.appendMarkdown(escapeMarkdown(line));
        md.appendMarkdown('  ');
      }
    } else {
      md.appendMarkdown(escapeMarkdown(neutraliseLine(value)));
    }
  }
  return md;
}

export { confirmationPlainText };

/** Any tool, whatever its input (for lists and the registration). */
export type AnyChatworkTool = ChatworkTool<never>;
