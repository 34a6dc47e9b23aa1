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
import { contributedIds } from '../common/contributes';
import { Lazy } from '../common/lazy';
import { taskTools } from './taskTools';

/** The registered tools by name (the integration tests drive the changing ones directly). */
export type AgentTools = ReadonlyMap<string, AnyChatworkTool>;

/**
 * The Chatwork tools of the editor's agent (`contributes.languageModelTools`), reusing the signed-in
 * client, the store's cache and its rate-limit budget. `search` gives the messages find and thread
 * read (the archive, or the store's cached messages).
 *
 * Each contributed name is registered at once, so a call is never refused for arriving early; the
 * 38 tool objects behind them are built with the first call or right after activation (Lazy).
 */
export function registerAgentTools(context: vscode.ExtensionContext, deps: Deps, search: () => MessageSearch): Lazy<AgentTools> {
  const tools = new Lazy(() => buildAgentTools(deps, search()));
  const named = (name: string): AnyChatworkTool => {
    const tool = tools.value.get(name);
    if (!tool) throw new Error(`The Chatwork tool ${name} is contributed but not implemented.`);
    return tool;
  };
  for (const name of contributedIds(context, 'languageModelTools', 'name')) {
    const registered: vscode.LanguageModelTool<never> = {
      prepareInvocation: (options) => named(name).prepareInvocation(options),
      invoke: (options, token) => named(name).invoke(options, token),
    };
    context.subscriptions.push(vscode.lm.registerTool(name, registered));
  }
  return tools;
}

/** The tools by name (the integration tests compare them with the contributed names). */
export function buildAgentTools(deps: Deps, search: MessageSearch = new StoreMessageSearch(deps.store)): AgentTools {
  const toolDeps: ToolDeps = Object.assign(Object.create(deps) as Deps, { search });
  const tools = [
    ...accountTools(toolDeps), ...roomTools(toolDeps), ...memberTools(toolDeps), ...messageTools(toolDeps),
    ...taskTools(toolDeps), ...fileTools(toolDeps), ...linkTools(toolDeps), ...requestTools(toolDeps),
    ...digestTools(toolDeps), ...codeTools(toolDeps), new ShareWorkspaceFileTool(toolDeps),
  ];
  return new Map(tools.map((tool) => [tool.name, tool]));
}
