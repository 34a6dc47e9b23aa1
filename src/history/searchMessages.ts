import * as vscode from 'vscode';
import type { SearchHit } from '../archive/messageHistory';
import { createGuardedQuickPick } from '../common/prompts';
import { quickPickText } from '../common/quickPickText';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import { parseQuery } from '../search/query';
import { localDateTime, plainText } from '../tree/format';
import { hitSnippet } from './snippet';

interface HitItem extends vscode.QuickPickItem {
  readonly hit?: SearchHit;
}

const LIMIT = 200;
const DEBOUNCE_MS = 120;

/**
 * Chatwork: Search Messages… — searches the local archive across rooms as the user types (words,
 * "phrases", from: in: before: after: has:file has:task to:me). A hit shows the matching line,
 * room, sender and time; Enter opens the room panel scrolled to the message. Args: a query string
 * (results only), or `{ roomId }` (from a panel: starts with `in:<roomId>`).
 */
export function registerSearchMessages(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.searchMessages', async (arg?: unknown) => {
      if (!Settings.keepHistory()) {
        const open = vscode.l10n.t('Open Settings');
        const answer = await deps.prompts.notify('info', vscode.l10n.t('Search looks in the local message history, which is turned off (Chatwork › History: Keep).'), open);
        if (answer === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'chatwork.history');
        return;
      }
      const picked = typeof arg === 'string' ? await pickFromResults(deps, arg) : await liveSearch(deps, initialQuery(arg));
      if (picked) await vscode.commands.executeCommand('chatwork.openRoom', { roomId: picked.roomId, messageId: picked.message.message_id });
    }),
  );
}

function initialQuery(arg: unknown): string {
  const roomId = typeof arg === 'object' && arg !== null ? (arg as { roomId?: unknown }).roomId : undefined;
  return typeof roomId === 'number' && Number.isSafeInteger(roomId) && roomId > 0 ? `in:${roomId} ` : '';
}

async function search(deps: Deps, query: string): Promise<{ items: HitItem[]; problems: readonly string[] }> {
  const me = await deps.store.me().then((m) => m.account_id, () => undefined);
  const { hits, problems } = await deps.history.search(query, LIMIT, me);
  const terms = parseQuery(query).terms;
  const items: HitItem[] = hits.map((hit) => {
    const m = hit.message;
    const snippet = hitSnippet(plainText(m.body), terms);
    const room = deps.store.room(hit.roomId)?.name ?? vscode.l10n.t('Room {0}', hit.roomId);
    return {
      label: quickPickText(snippet.text) || vscode.l10n.t('(no text)'),
      description: quickPickText(`${room} · ${m.account.name}`),
      detail: localDateTime(m.send_time),
      alwaysShow: true,
      hit,
    };
  });
  if (items.length === 0 && query.trim() !== '') items.push({ label: vscode.l10n.t('No messages found in the local history.'), alwaysShow: true });
  return { items, problems };
}

/** Runs one query and lets the user pick a hit (a query passed as argument; the tests use it). */
async function pickFromResults(deps: Deps, query: string): Promise<SearchHit | undefined> {
  const { items } = await search(deps, query);
  const picked = await deps.prompts.pick(items, { title: vscode.l10n.t('Chatwork: Search Messages'), placeHolder: query });
  return picked?.hit;
}

function liveSearch(deps: Deps, initial: string): Promise<SearchHit | undefined> {
  const qp = createGuardedQuickPick<HitItem>();
  qp.title = vscode.l10n.t('Chatwork: Search Messages');
  qp.placeholder = vscode.l10n.t('Words or "a phrase"; filters: from: in: before:YYYY-MM-DD after: has:file has:task to:me');
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  qp.value = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  const run = async (query: string): Promise<void> => {
    const ticket = ++latest;
    if (query.trim() === '') {
      qp.items = [];
      return;
    }
    qp.busy = true;
    try {
      const { items, problems } = await search(deps, query);
      if (ticket !== latest) return;
      qp.items = items;
      qp.title = problems.length > 0
        ? vscode.l10n.t('Chatwork: Search Messages — not understood: {0}', quickPickText(problems.join(' ')))
        : vscode.l10n.t('Chatwork: Search Messages');
    } catch (error) {
      deps.log.warn(`Search failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (ticket === latest) qp.busy = false;
    }
  };
  return new Promise((resolve) => {
    qp.onDidChangeValue((value) => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(value), DEBOUNCE_MS);
    });
    qp.onDidAccept(() => {
      const hit = qp.selectedItems[0]?.hit;
      if (!hit) return;
      resolve(hit);
      qp.hide();
    });
    qp.onDidHide(() => {
      clearTimeout(timer);
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
    if (initial.trim() !== '') void run(initial);
  });
}
