import tseslint from 'typescript-eslint';

/** Message data never becomes HTML. */
const HTML_STRINGS = [
  { selector: "MemberExpression[property.name='innerHTML']", message: 'Build DOM nodes; never HTML strings.' },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'Build DOM nodes; never HTML strings.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build DOM nodes; never HTML strings.' },
];
/** VS Code's own UI is reached through the neutralising layer only. */
const VSCODE_UI = [
  {
    selector: "MemberExpression[object.property.name='window'][property.name=/^(showInformationMessage|showWarningMessage|showErrorMessage|withProgress|showQuickPick|createQuickPick|showInputBox|createInputBox)$/]",
    message: 'Go through src/common/prompts.ts (deps.prompts, withProgress): it neutralises link syntax in text from Chatwork.',
  },
  { selector: "AssignmentExpression > MemberExpression.left[property.name='tooltip'][object.property.name='_item']", message: 'Use setStatusTooltip from src/common/prompts.ts.' },
];
const TREE_TOOLTIPS = [
  { selector: "NewExpression[callee.property.name='MarkdownString']", message: 'Build tree tooltips with TooltipMarkdown (src/tree/tooltipMarkdown.ts).' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'esbuild.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', ...HTML_STRINGS],
    },
  },
  {
    // The one neutralising layer for VS Code's own UI (src/common/prompts.ts): nothing else shows a
    // notification, a progress title, a QuickPick or sets a status bar tooltip directly.
    files: ['src/**/*.ts'],
    ignores: ['src/common/prompts.ts', 'src/webview/**', 'src/tree/**'],
    rules: { 'no-restricted-syntax': ['error', ...HTML_STRINGS, ...VSCODE_UI] },
  },
  {
    // The tree's tooltips are built by src/tree/tooltipMarkdown.ts only (untrusted, text escaped).
    files: ['src/tree/**/*.ts'],
    ignores: ['src/tree/tooltipMarkdown.ts'],
    rules: { 'no-restricted-syntax': ['error', ...HTML_STRINGS, ...VSCODE_UI, ...TREE_TOOLTIPS] },
  },
  {
    files: ['src/api/**', 'src/store/**', 'src/notation/**', 'src/panels/protocol.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'This layer must not depend on VS Code.' }] }],
    },
  },
);
