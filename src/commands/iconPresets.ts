import * as vscode from 'vscode';
import { ICON_PRESETS, type IconPreset } from '../api/types';

// What each of Chatwork's 17 room icon presets shows, for the QuickPick (the ids are not self-explanatory).
const MEANINGS: Record<IconPreset, string> = {
  group: 'People', check: 'Check mark', document: 'Document', meeting: 'Meeting', event: 'Event', project: 'Project',
  business: 'Briefcase', study: 'Study', security: 'Lock', star: 'Star', idea: 'Light bulb', heart: 'Heart',
  magcup: 'Mug', beer: 'Beer', music: 'Music', sports: 'Sports', travel: 'Travel',
};

export interface IconItem extends vscode.QuickPickItem {
  /** undefined: keep the current icon. */
  preset: IconPreset | undefined;
}

export function iconItems(current?: IconPreset): IconItem[] {
  return ICON_PRESETS.map((preset) => ({
    label: preset,
    description: preset === current ? `${MEANINGS[preset]} · ${vscode.l10n.t('current')}` : MEANINGS[preset],
    preset,
  }));
}

/** The preset an icon_path shows (".../ico_group.png" → group), when it is one of the presets. */
export function presetOf(iconPath: string): IconPreset | undefined {
  const match = /ico_([a-z]+)\.(?:png|svg|gif|jpg)/.exec(iconPath);
  return ICON_PRESETS.find((preset) => preset === match?.[1]);
}
