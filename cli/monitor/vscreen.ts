// A virtual terminal screen: what a child process's output would show on a rows x cols
// terminal, for the demo's panes. It understands what the teleport demo writes and ignores the
// rest:
//
//   ESC[r;cH, ESC[r;cf   cursor to row r, column c (1-based; missing = 1; clamped)
//   ESC[nA/B/C/D, ESC[nG cursor up/down/right/left n, to column n
//   ESC[K, ESC[0K/1K/2K  erase to the end of the line / to its start / the whole line
//   ESC[J, ESC[0J/1J/2J  erase to the end of the screen / to its start / all of it (3J too)
//   CR, LF, BS, TAB      LF also returns the carriage (a terminal's onlcr); at the bottom it scrolls
//   printable text       written at the cursor; past the last column it is clipped (no wrap)
//
// Any other escape sequence (SGR colours, modes, OSC titles, charset designations) is
// consumed and ignored. A sequence may be split across writes: the parser state persists.

type ParseState =
  | { readonly kind: 'text' }
  | { readonly kind: 'esc' }
  /** ESC followed by an intermediate byte (ESC ( B): one more byte ends it. */
  | { readonly kind: 'esc-final' }
  | { readonly kind: 'csi'; params: string }
  /** ESC ] ... until BEL or ESC \. */
  | { readonly kind: 'osc'; escSeen: boolean };

const ESC = '\x1b';

export class VScreen {
  private readonly grid: string[][];
  row = 0;
  col = 0;
  private state: ParseState = { kind: 'text' };

  constructor(readonly rows: number, readonly cols: number) {
    this.grid = Array.from({ length: rows }, () => this.blankRow());
  }

  /** The screen's text, one string per row, trailing spaces removed. */
  lines(): string[] {
    return this.grid.map((r) => r.join('').trimEnd());
  }

  write(text: string): void {
    for (const ch of text) this.feed(ch);
  }

  private blankRow(): string[] {
    return new Array<string>(this.cols).fill(' ');
  }

  private feed(ch: string): void {
    const s = this.state;
    switch (s.kind) {
      case 'text':
        this.text(ch);
        return;
      case 'esc':
        if (ch === '[') this.state = { kind: 'csi', params: '' };
        else if (ch === ']') this.state = { kind: 'osc', escSeen: false };
        else if (ch >= ' ' && ch <= '/') this.state = { kind: 'esc-final' };
        else this.state = { kind: 'text' }; // ESC 7, ESC 8, ESC c...: ignored
        return;
      case 'esc-final':
        this.state = { kind: 'text' };
        return;
      case 'csi': {
        const code = ch.codePointAt(0)!;
        if (code >= 0x40 && code <= 0x7e) {
          this.state = { kind: 'text' };
          this.csi(s.params, ch);
        } else if (code >= 0x20 && code <= 0x3f) {
          s.params += ch;
          if (s.params.length > 32) this.state = { kind: 'text' }; // garbage: drop it
        } else {
          this.state = { kind: 'text' };
        }
        return;
      }
      case 'osc':
        if (ch === '\x07' || (s.escSeen && ch === '\\')) this.state = { kind: 'text' };
        else s.escSeen = ch === ESC;
        return;
      default: {
        const never: never = s;
        throw new Error(String(never));
      }
    }
  }

  private text(ch: string): void {
    switch (ch) {
      case ESC: this.state = { kind: 'esc' }; return;
      case '\r': this.col = 0; return;
      case '\n': this.col = 0; this.lineFeed(); return;
      case '\b': this.col = Math.max(0, this.col - 1); return;
      case '\t': this.col = Math.min(this.cols, (Math.floor(this.col / 8) + 1) * 8); return;
      default:
        if (ch < ' ' || ch === '\x7f') return; // other control characters
        if (this.col < this.cols) this.grid[this.row]![this.col] = ch;
        this.col++;
    }
  }

  private lineFeed(): void {
    if (this.row < this.rows - 1) { this.row++; return; }
    this.grid.shift();
    this.grid.push(this.blankRow());
  }

  private csi(params: string, final: string): void {
    if (params.startsWith('?') || params.startsWith('>') || params.startsWith('=')) return; // private modes
    const ns = params.split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = (i: number, dflt: number): number => {
      const v = ns[i];
      return v === undefined || Number.isNaN(v) ? dflt : v;
    };
    const clampRow = (r: number): number => Math.max(0, Math.min(this.rows - 1, r));
    const clampCol = (c: number): number => Math.max(0, Math.min(this.cols - 1, c));
    switch (final) {
      case 'H': case 'f':
        this.row = clampRow(n(0, 1) - 1);
        this.col = clampCol(n(1, 1) - 1);
        return;
      case 'A': this.row = clampRow(this.row - Math.max(1, n(0, 1))); return;
      case 'B': this.row = clampRow(this.row + Math.max(1, n(0, 1))); return;
      case 'C': this.col = clampCol(this.col + Math.max(1, n(0, 1))); return;
      case 'D': this.col = clampCol(Math.min(this.col, this.cols) - Math.max(1, n(0, 1))); return;
      case 'G': this.col = clampCol(n(0, 1) - 1); return;
      case 'K': this.eraseLine(n(0, 0)); return;
      case 'J': this.eraseScreen(n(0, 0)); return;
      default: return; // SGR and the rest: ignored
    }
  }

  private eraseLine(mode: number): void {
    const r = this.grid[this.row]!;
    const from = mode === 0 ? Math.min(this.col, this.cols) : 0;
    const to = mode === 1 ? Math.min(this.col + 1, this.cols) : this.cols;
    for (let c = from; c < to; c++) r[c] = ' ';
  }

  private eraseScreen(mode: number): void {
    if (mode === 0 || mode === 1) {
      this.eraseLine(mode);
      const [from, to] = mode === 0 ? [this.row + 1, this.rows] : [0, this.row];
      for (let r = from; r < to; r++) this.grid[r] = this.blankRow();
      return;
    }
    for (let r = 0; r < this.rows; r++) this.grid[r] = this.blankRow();
  }
}
