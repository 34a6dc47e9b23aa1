import * as vscode from 'vscode';

/** `chatwork.agentTools`: what the editor's agent may do with Chatwork. */
export type AgentToolsMode = 'all' | 'readOnly' | 'off';

export function agentToolsMode(): AgentToolsMode {
  const value = vscode.workspace.getConfiguration('chatwork').get<string>('agentTools');
  return value === 'readOnly' || value === 'off' ? value : 'all';
}
