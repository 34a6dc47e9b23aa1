import type * as vscode from 'vscode';

/**
 * The ids this extension's package.json contributes to a contribution point: `commands` (by
 * `command`) or `languageModelTools` (by `name`). VS Code knows them before activation; the
 * stand-ins registered at activation are made from them.
 */
export function contributedIds(context: vscode.ExtensionContext, point: 'commands' | 'languageModelTools', key: 'command' | 'name'): string[] {
  const contributes = (context.extension.packageJSON as { contributes?: Record<string, Record<string, unknown>[] | undefined> }).contributes;
  return (contributes?.[point] ?? []).map((entry) => entry[key]).filter((id): id is string => typeof id === 'string');
}
