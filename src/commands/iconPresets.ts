import * as vscode from 'vscode';
import { ICON_PRESETS, type IconPreset } from '../api/types';

// What each of Chatwork's 17 room icon presets shows, for the QuickPick (the ids are not self-explanatory).
const MEANINGS: Record<IconPreset, () => string> = {
  group: () => vscode.l10n.t('People'),
  check: () => vscode.l10n.t('Check mark'),
  document: () => vscode.l10n.t('Document'),
  meeting: () => vscode.l10n.t('Meeting'),
  event: () => vscode.l10n.t('Event'),
  project: () => vscode.l10n.t('Project'),
  business: () => vscode.l10n.t('Briefcase'),
  study: () => vscode.l10n.t('Study'),
  security: () => vscode.l10n.t('Lock'),
  star: () => vscode.l10n.t('Star'),
  idea: () => vscode.l10n.t('Light bulb'),
  heart: () => vscode.l10n.t('Heart'),
  magcup: () => vscode.l10n.t('Mug'),
  beer: () => vscode.l10n.t('Beer'),
  music: () => vscode.l10n.t('Music'),
  sports: () => vscode.l10n.t('Sports'),
  travel: () => vscode.l10n.t('Travel'),
};

export interface IconItem extends vscode.QuickPickItem {
  /** undefined: keep the current icon. */
  preset: IconPreset | undefined;
}

export function iconItems(current?: IconPreset): IconItem[] {
  return ICON_PRESETS.map((preset) => ({
    label: preset,
    description: preset === current ? `${MEANINGS[preset]()} · ${vscode.l10n.t('current')}` : MEANINGS[preset](),
    preset,
  }));
}

/** The preset an icon_path shows (".../ico_group.png" → group), when it is one of the presets. */
export function presetOf(iconPath: string): IconPreset | undefined {
  const match = /ico_([a-z]+)\.(?:png|svg|gif|jpg)/.exec(iconPath);
  return ICON_PRESETS.find((preset) => preset === match?.[1]);
}
