// VS Code's input box is one line, but message bodies and room descriptions have line breaks. The
// box shows each break as "⏎" and turns every "⏎" back into a break, so an edit round-trips the
// text exactly (a literal "⏎" in a Chatwork message is vanishingly rare). No `vscode`.

export const LINE_BREAK_MARK = '⏎';

export function toSingleLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, LINE_BREAK_MARK);
}

export function fromSingleLine(text: string): string {
  return text.split(LINE_BREAK_MARK).join('\n');
}

export function hasLineBreaks(text: string): boolean {
  return /[\r\n]/.test(text);
}
