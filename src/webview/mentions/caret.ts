// Where the caret of a textarea is on screen. A textarea does not tell, so a hidden mirror <div>
// with the same box and font gets the text up to the caret and a marker; the marker's position is
// the caret's. Built from text nodes only.
import { el } from '../dom';

const COPIED = [
  'boxSizing', 'width', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontFamily', 'fontSize', 'fontWeight',
  'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform', 'wordSpacing', 'tabSize', 'textIndent',
] as const;

/** Viewport coordinates of the caret at `index`: the top and bottom of its line, and its left. */
export function caretRect(input: HTMLTextAreaElement, index: number): { top: number; bottom: number; left: number } {
  const style = getComputedStyle(input);
  const mirror = el('div');
  for (const name of COPIED) mirror.style[name] = style[name];
  mirror.style.position = 'fixed';
  mirror.style.visibility = 'hidden';
  mirror.style.whiteSpace = 'pre-wrap';
  mirror.style.overflowWrap = 'break-word';
  mirror.style.top = '0';
  mirror.style.left = '-9999px';
  mirror.append(document.createTextNode(input.value.slice(0, index)));
  const marker = el('span', undefined, '\u200b');
  mirror.append(marker);
  document.body.append(mirror);
  const box = input.getBoundingClientRect();
  const top = box.top + marker.offsetTop - input.scrollTop;
  const left = box.left + marker.offsetLeft - input.scrollLeft;
  const height = marker.offsetHeight || parseFloat(style.lineHeight) || 16;
  mirror.remove();
  const clampedTop = Math.min(Math.max(top, box.top), box.bottom - height);
  return { top: clampedTop, bottom: clampedTop + height, left: Math.min(Math.max(left, box.left), box.right) };
}
