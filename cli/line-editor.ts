// A line editor for the REPL on a terminal (raw mode): emacs-style keys, history, completion
// of global names. It knows nothing of Node.js: keys come in as strings, drawing goes out
// through `EditorHost.write`, so tests drive it directly.
//
// Screen model: the prompt (whatever the program wrote on the current line before input was
// wanted: "> ", "1> ", "Name? ") and the buffer are drawn from the start of a row, wrapping at
// the terminal width; `cursorCell` is where the terminal cursor is, counted in cells from the
// start of the prompt. Characters are assumed one cell wide.
//
// Keys: printable text inserts; Enter ends the line; Backspace/Delete/C-d delete (C-d on an
// empty line is end of file); Left/Right/C-b/C-f, Home/End/C-a/C-e, M-b/M-f move; C-k, C-u,
// C-w kill (C-y yanks back); Up/Down/C-p/C-n walk the history; Tab completes; C-c cancels the
// line (the caller decides what that means); C-l redraws.

/** What the editor needs from its surroundings. */
export interface EditorHost {
  /** Write raw text (escape sequences included) to the terminal. */
  write(text: string): void;
  /** The terminal's width in columns. */
  columns(): number;
  /** Candidate completions of a word (the caller filters nothing: the editor does). */
  words(): Iterable<string>;
}

/** How a line edit ended. `rest` is the input that came after the key that ended it. */
export type EditorResult =
  | { readonly kind: 'line'; readonly text: string; readonly rest: string }
  | { readonly kind: 'eof'; readonly rest: string }
  | { readonly kind: 'cancel'; readonly rest: string };

/** Entered lines, oldest first, without duplicates in a row. */
export class History {
  readonly entries: string[] = [];
  constructor(readonly max = 1000) {}

  add(line: string): boolean {
    const l = line.trim();
    if (l === '' || this.entries[this.entries.length - 1] === l) return false;
    this.entries.push(l);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    return true;
  }
}

/** Characters that end a Scheme symbol (for completion and word moves). */
const DELIMITERS = new Set([' ', '\t', '(', ')', '[', ']', '{', '}', '"', ';', "'", '`', ',']);

/** Length on screen of text that may contain escape sequences (colours...). */
export function visibleLength(s: string): number {
  return s.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/\x1b./g, '').length;
}

/** Split raw terminal input into keys: single characters and escape sequences. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b' && i + 1 < data.length) {
      if (data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !(data.charCodeAt(j) >= 0x40 && data.charCodeAt(j) <= 0x7e)) j++;
        keys.push(data.slice(i, j + 1));
        i = j + 1;
      } else if (data[i + 1] === 'O') {
        keys.push(data.slice(i, i + 3));
        i += 3;
      } else {
        keys.push(data.slice(i, i + 2));
        i += 2;
      }
    } else {
      const c = data.codePointAt(i)!;
      const s = String.fromCodePoint(c);
      keys.push(s);
      i += s.length;
    }
  }
  return keys;
}

export class LineEditor {
  private buf = '';
  private pos = 0;
  /** Where the terminal cursor is, in cells from the start of the prompt. */
  private cursorCell: number;
  /** Position in the history while walking it (entries.length: the line being edited). */
  private hpos: number;
  /** The line being edited, kept while walking the history. */
  private saved = '';
  private killed = '';
  /** The last key was Tab (a second Tab lists the candidates). */
  private lastTab = false;

  /** What is drawn before the buffer: the prompt, after any output that came during the edit. */
  private prompt: string;

  constructor(private readonly host: EditorHost, private readonly history: History, private readonly basePrompt: string) {
    this.prompt = basePrompt;
    this.cursorCell = visibleLength(basePrompt);
    this.hpos = history.entries.length;
  }

  get text(): string {
    return this.buf;
  }

  /** Process keys; returns how the edit ended, or null if it goes on. */
  feed(data: string): EditorResult | null {
    const keys = splitKeys(data);
    for (let i = 0; i < keys.length; i++) {
      const res = this.key(keys[i]!);
      if (res !== null) {
        const rest = keys.slice(i + 1).join('');
        return res === 'line' ? { kind: 'line', text: this.buf, rest } : { kind: res, rest };
      }
    }
    return null;
  }

  private key(k: string): 'line' | 'eof' | 'cancel' | null {
    const wasTab = this.lastTab;
    this.lastTab = false;
    switch (k) {
      case '\r':
      case '\n':
        this.pos = this.buf.length;
        this.moveCursorTo(this.cells(this.pos));
        this.host.write('\r\n');
        return 'line';
      case '\x03': // C-c
        this.pos = this.buf.length;
        this.moveCursorTo(this.cells(this.pos));
        this.host.write('^C\r\n');
        return 'cancel';
      case '\x04': // C-d
        if (this.buf.length === 0) return 'eof';
        this.deleteRange(this.pos, this.pos + 1);
        break;
      case '\x7f':
      case '\b':
        if (this.pos > 0) this.deleteRange(this.pos - 1, this.pos);
        break;
      case '\x1b[3~':
        this.deleteRange(this.pos, this.pos + 1);
        break;
      case '\x1b[D':
      case '\x1bOD':
      case '\x02': // C-b
        this.setPos(this.pos - 1);
        break;
      case '\x1b[C':
      case '\x1bOC':
      case '\x06': // C-f
        this.setPos(this.pos + 1);
        break;
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01': // C-a
        this.setPos(0);
        break;
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05': // C-e
        this.setPos(this.buf.length);
        break;
      case '\x1bb':
      case '\x1b[1;5D':
        this.setPos(this.wordStart(this.pos));
        break;
      case '\x1bf':
      case '\x1b[1;5C':
        this.setPos(this.wordEnd(this.pos));
        break;
      case '\x0b': // C-k
        this.killed = this.buf.slice(this.pos);
        this.deleteRange(this.pos, this.buf.length);
        break;
      case '\x15': // C-u
        this.killed = this.buf.slice(0, this.pos);
        this.deleteRange(0, this.pos);
        break;
      case '\x17': { // C-w
        const from = this.wordStart(this.pos);
        this.killed = this.buf.slice(from, this.pos);
        this.deleteRange(from, this.pos);
        break;
      }
      case '\x19': // C-y
        this.insert(this.killed);
        break;
      case '\x1b[A':
      case '\x1bOA':
      case '\x10': // C-p
        this.walkHistory(-1);
        break;
      case '\x1b[B':
      case '\x1bOB':
      case '\x0e': // C-n
        this.walkHistory(1);
        break;
      case '\t':
        this.complete(wasTab);
        this.lastTab = true;
        break;
      case '\x0c': // C-l
        this.host.write('\x1b[H\x1b[2J');
        this.cursorCell = 0;
        this.redraw(true);
        break;
      default:
        if (k.length > 0 && k.codePointAt(0)! >= 32 && k[0] !== '\x1b' && k !== '\x7f') this.insert(k);
        break;
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------
  // Editing

  private insert(s: string): void {
    if (s === '') return;
    const atEnd = this.pos === this.buf.length;
    this.buf = this.buf.slice(0, this.pos) + s + this.buf.slice(this.pos);
    this.pos += s.length;
    const end = this.cells(this.pos);
    if (atEnd && this.cursorCell === this.cells(this.pos - s.length) && end % Math.max(1, this.host.columns()) !== 0) {
      // Typing at the end of the line, not reaching the margin: just echo.
      this.host.write(s);
      this.cursorCell = end;
      return;
    }
    this.redraw(false);
  }

  private deleteRange(from: number, to: number): void {
    const a = Math.max(0, from), b = Math.min(this.buf.length, to);
    if (a >= b) return;
    this.buf = this.buf.slice(0, a) + this.buf.slice(b);
    this.pos = a;
    this.redraw(false);
  }

  private setPos(p: number): void {
    this.pos = Math.max(0, Math.min(this.buf.length, p));
    this.moveCursorTo(this.cells(this.pos));
  }

  private wordStart(p: number): number {
    let i = p;
    while (i > 0 && DELIMITERS.has(this.buf[i - 1]!)) i--;
    while (i > 0 && !DELIMITERS.has(this.buf[i - 1]!)) i--;
    return i;
  }

  private wordEnd(p: number): number {
    let i = p;
    while (i < this.buf.length && DELIMITERS.has(this.buf[i]!)) i++;
    while (i < this.buf.length && !DELIMITERS.has(this.buf[i]!)) i++;
    return i;
  }

  private walkHistory(dir: number): void {
    const entries = this.history.entries;
    const next = this.hpos + dir;
    if (next < 0 || next > entries.length) return;
    if (this.hpos === entries.length) this.saved = this.buf;
    this.hpos = next;
    this.buf = next === entries.length ? this.saved : entries[next]!;
    this.pos = this.buf.length;
    this.redraw(false);
  }

  /** Tab: complete the word before the cursor; a second Tab lists the candidates. */
  private complete(second: boolean): void {
    let from = this.pos;
    while (from > 0 && !DELIMITERS.has(this.buf[from - 1]!)) from--;
    const word = this.buf.slice(from, this.pos);
    if (word === '') return;
    const seen = new Set<string>();
    for (const w of this.host.words()) if (w.startsWith(word)) seen.add(w);
    const cands = [...seen].sort();
    if (cands.length === 0) { this.host.write('\x07'); return; }
    let common = cands[0]!;
    for (const c of cands) {
      let i = 0;
      while (i < common.length && i < c.length && common[i] === c[i]) i++;
      common = common.slice(0, i);
    }
    if (common.length > word.length) { this.insert(common.slice(word.length)); return; }
    if (cands.length === 1) return;
    if (!second) { this.host.write('\x07'); return; }
    // List the candidates in columns below the line, then draw the line again.
    this.moveCursorTo(this.cells(this.buf.length));
    const width = Math.max(...cands.map((c) => c.length)) + 2;
    const perRow = Math.max(1, Math.floor(this.host.columns() / width));
    let out = '\r\n';
    cands.slice(0, 300).forEach((c, i) => {
      out += (i % perRow === perRow - 1 || i === cands.length - 1) ? `${c}\r\n` : c.padEnd(width);
    });
    if (cands.length > 300) out += `... (${cands.length} in all)\r\n`;
    this.host.write(out);
    this.cursorCell = 0;
    this.redraw(true);
  }

  // -------------------------------------------------------------------------------------------
  // Drawing

  /** Cell of buffer position p. */
  private cells(p: number): number {
    return visibleLength(this.prompt) + p;
  }

  /** Move the terminal cursor from cursorCell to cell c. */
  private moveCursorTo(c: number): void {
    if (c === this.cursorCell) return;
    const w = Math.max(1, this.host.columns());
    const fromRow = Math.floor(this.cursorCell / w), toRow = Math.floor(c / w);
    let out = '';
    if (toRow < fromRow) out += `\x1b[${fromRow - toRow}A`;
    if (toRow > fromRow) out += `\x1b[${toRow - fromRow}B`;
    out += '\r';
    if (c % w > 0) out += `\x1b[${c % w}C`;
    this.host.write(out);
    this.cursorCell = c;
  }

  /**
   * Draw the prompt and the buffer again from the prompt's first row, then put the cursor at
   * `pos`. `fresh`: the cursor is at the start of an empty row (nothing to erase).
   */
  redraw(fresh: boolean): void {
    const w = Math.max(1, this.host.columns());
    let out = '';
    if (!fresh) {
      const row = Math.floor(this.cursorCell / w);
      if (row > 0) out += `\x1b[${row}A`;
      out += '\r\x1b[J';
    }
    const total = this.cells(this.buf.length);
    out += this.prompt + this.buf;
    // At the right margin the cursor waits to wrap: make it wrap now, so rows are as counted.
    if (total > 0 && total % w === 0) out += ' \r';
    this.host.write(out);
    this.cursorCell = total;
    this.moveCursorTo(this.cells(this.pos));
  }

  /** Erase the prompt and the line (before other output is written); `show` draws them again. */
  hide(): void {
    const w = Math.max(1, this.host.columns());
    const row = Math.floor(this.cursorCell / w);
    this.host.write(`${row > 0 ? `\x1b[${row}A` : ''}\r\x1b[J`);
    this.cursorCell = 0;
  }

  /**
   * Draw the prompt and the line again after a `hide` and some output, which left `tail` (the
   * text after its last newline) on the cursor's row: the prompt goes after it.
   */
  show(tail: string): void {
    this.prompt = tail + this.basePrompt;
    this.cursorCell = visibleLength(tail);
    this.redraw(false);
  }
}
