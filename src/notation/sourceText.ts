// Text assembled from pieces of the message body. Nearly all text the parser produces is one
// contiguous stretch of the body (plain runs, and a tag it did not accept followed by the text
// around it), so a piece that continues the previous one only moves an index: no string exists
// until the text is taken. Concatenating instead made every rejected tag allocate, and a body of
// 100k unclosed tags built a 100k-piece string rope that the garbage collector kept copying: the
// time of the "unterminated tags" benchmark grew faster than its input because of that garbage
// collection, not because of the scan.

export class SourceText {
  /** Text before the range, when pieces were not contiguous (rare: built text put back by an unwind). */
  private _head = '';
  private _start = 0;
  private _end = 0;

  constructor(private readonly _body: string) {}

  isEmpty(): boolean {
    return this._start === this._end && this._head === '';
  }

  /** Appends `body[start, end)`. */
  addRange(start: number, end: number): void {
    // A range that does not continue the current one pushes it into the head (when the current one
    // is empty, that adds nothing and simply starts a new range).
    if (start !== this._end) {
      this._head += this._body.slice(this._start, this._end);
      this._start = start;
    }
    this._end = end;
  }

  addString(text: string): void {
    // Nothing to add keeps the range a range (addText passes the usually empty head of a range).
    if (text === '') return;
    this._head = this.take() + text;
  }

  /** Appends `other`'s text; `other` is left as it was. */
  addText(other: SourceText): void {
    this.addString(other._head);
    this.addRange(other._start, other._end);
  }

  /** The text, leaving this empty. */
  take(): string {
    const text = this._head + this._body.slice(this._start, this._end);
    this._head = '';
    this._start = this._end = 0;
    return text;
  }
}

/** Whether `text[start, end)` is all whitespace, with `\s`'s definition of whitespace. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** `/\s/` for one UTF-16 unit: ASCII and Unicode spaces, line terminators and the BOM. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
