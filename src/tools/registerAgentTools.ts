import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { accountTools } from './accountTools';
import { codeTools } from './codeTools';
import { digestTools } from './digestTools';
import { fileTools } from './fileTools';
import { linkTools } from './linkTools';
import { memberTools } from './memberTools';
import { messageTools } from './messageTools';
import { StoreMessageSearch, type MessageSearch } from './messageSearch';
import { requestTools } from './requestTools';
import { roomTools } from './roomTools';
import { ShareWorkspaceFileTool } from './shareFileTool';
import type { AnyChatworkTool, ToolDeps } from './toolBase';
import { taskTools } from './taskTools';

/** The registered tools by name (the integration tests drive the changing ones directly). */
export type AgentTools = ReadonlyMap<string, AnyChatworkTool>;

/**
 * The Chatwork tools of the editor's agent (`contributes.languageModelTools`), reusing the signed-in
 * client, the store's cache and its rate-limit budget. `search` defaults to the store's cached
 * messages; a fuller archive can be passed in its place.
 */
export function registerAgentTools(context: vscode.ExtensionContext, deps: Deps, search: MessageSearch = new StoreMessageSearch(deps.store)): AgentTools {
  const toolDeps: ToolDeps = Object.assign(Object.create(deps) as Deps, { search });
  const tools = [
    ...accountTools(toolDeps), ...roomTools(toolDeps), ...memberTools(toolDeps), ...messageTools(toolDeps),
    ...taskTools(toolDeps), ...fileTools(toolDeps), ...linkTools(toolDeps), ...requestTools(toolDeps),
    ...digestTools(toolDeps), ...codeTools(toolDeps), new ShareWorkspaceFileTool(toolDeps),
  ];
  const byName = new Map<string, AnyChatworkTool>();
  for (const tool of tools) {
    byName.set(tool.name, tool);
    context.subscriptions.push(vscode.lm.registerTool(tool.name, tool));
  }
  return byName;
}
