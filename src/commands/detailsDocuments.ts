import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';

export const DETAILS_SCHEME = 'chatwork-details';

/**
 * Read-only virtual Markdown documents for "Show Task" and "Show Message": a real editor tab the
 * user can read, search, copy from and preview, that never asks to be saved. Contents are set just
 * before opening and forgotten when the document closes.
 */
export class DetailsDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly _contents = new Map<string, string>();
  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this._onDidChange.event;

  /** One instance per scheme: two providers for the same scheme would answer for each other. */
  constructor(private readonly _scheme = DETAILS_SCHEME) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(_scheme, this));
    this._register(vscode.workspace.onDidCloseTextDocument((doc) => this._contents.delete(doc.uri.toString())));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this._contents.get(uri.toString()) ?? '';
  }

  /** Opens (or updates, if already open) the document `name` with this Markdown. */
  async show(name: string, markdown: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.from({ scheme: this._scheme, path: `/${name}.md` });
    this._contents.set(uri.toString(), markdown);
    this._onDidChange.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    return vscode.window.showTextDocument(doc, { preview: true });
  }
}
