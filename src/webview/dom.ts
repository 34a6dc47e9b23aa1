// The only way the webview makes DOM: createElement + textContent, never HTML strings. Element
// names are limited to the ones the panel uses, which is also the allow-list the tests check.

export const ALLOWED_TAGS = ['div', 'span', 'a', 'button', 'img', 'pre', 'code', 'hr', 'section', 'textarea', 'time'] as const;
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

export function el<K extends AllowedTag>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A codicon (font icon from @vscode/codicons). */
export function icon(name: string): HTMLSpanElement {
  const node = el('span', `codicon codicon-${name}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/** A toolbar button with an icon and an accessible label (shown as tooltip). */
export function iconButton(iconName: string, label: string, action: string): HTMLButtonElement {
  const button = el('button', 'cw-icon-button');
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.dataset.action = action;
  button.append(icon(iconName));
  return button;
}

/** Only http(s) URLs may become image sources or links. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
