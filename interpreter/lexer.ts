// The reader's character-level scanning: position tracking (line, column), white space and
// comments, tokens, strings, |symbols| and characters. `Reader` (reader.ts) extends `Scanner`
// with the datum structure. Behaviour and messages are gsi 4.9.3's, checked case by case.
//
// Positions: `pos` indexes `text`; `line` is the current line and `lineStart` the index where
// it starts, so the column of index i on the current line is i - lineStart + 1 (1-based; a tab
// counts as one column, as in gsi). "\n", "\r" and "\r\n" each end a line.

import { ErrorObj, readerError, type Loc } from '../runtime/errors.js';
import { EOF, makeChar, type Char } from '../runtime/values.js';

/** Character codes that end a token (besides codes <= 32, which are white space). */
const DELIMITERS = new Uint8Array(128);
for (let c = 0; c <= 32; c++) DELIMITERS[c] = 1;
for (const ch of '()[]{}";\'`,|\\') DELIMITERS[ch.charCodeAt(0)] = 1;

export function isDelimiter(c: number): boolean {
  return c < 128 && DELIMITERS[c] === 1;
}

/** gsi's character names (`#\nul` is an alias of `#\null`, `#\linefeed` of `#\newline`). */
const CHAR_NAMES = new Map<string, number>([
  ['null', 0], ['nul', 0], ['alarm', 7], ['backspace', 8], ['tab', 9], ['newline', 10],
  ['linefeed', 10], ['vtab', 11], ['page', 12], ['return', 13], ['escape', 27], ['space', 32],
  ['delete', 127],
]);

const CHAR_WRITE_NAMES = new Map<number, string>([
  [0, 'null'], [7, 'alarm'], [8, 'backspace'], [9, 'tab'], [10, 'newline'], [11, 'vtab'],
  [12, 'page'], [13, 'return'], [27, 'escape'], [32, 'space'], [127, 'delete'],
]);

/** A character as `write` shows it, for messages such as `Invalid escaped character: #\q`. */
function charText(code: number): string {
  const name = CHAR_WRITE_NAMES.get(code);
  if (name !== undefined) return `#\\${name}`;
  if (code < 32 || (code >= 127 && code < 160)) return `#\\x${code.toString(16)}`;
  return `#\\${String.fromCodePoint(code)}`;
}

/** A string as `write` shows it (enough for the names quoted in reader messages). */
export function quoteText(s: string): string {
  return `"${s.replace(/[\\"]/g, (m) => '\\' + m)}"`;
}

/** Single-character string escapes (after a backslash). */
const ESCAPES = new Map<number, number>([
  [97, 7], [98, 8], [116, 9], [110, 10], [118, 11], [102, 12], [114, 13], // a b t n v f r
  [34, 34], [92, 92], [39, 39], [63, 63], [124, 124], // " \ ' ? |
  [32, 32], // `\ ` is a space in gsi (not R7RS's line continuation)
]);

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function validCodePoint(code: number): boolean {
  return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

/** The error a reader throws when the text ends inside a datum (see isIncomplete). */
export function incompleteError(message: string, loc: Loc): ErrorObj {
  // `datum` EOF marks the error as caused by the end of the text (a REPL then reads more).
  const e = new ErrorObj('reader', message, [], 0, '', EOF);
  e.loc = loc;
  return e;
}

/**
 * True for a reader error caused by the text ending inside a datum (an unclosed list, string
 * or block comment, a quote with nothing after it): more text could complete it.
 */
export function isIncomplete(e: unknown): boolean {
  return e instanceof ErrorObj && e.kind === 'reader' && e.datum === EOF;
}

export class Scanner {
  /** Index of the first unconsumed character. */
  pos = 0;
  protected readonly len: number;
  protected line: number;
  protected lineStart: number;
  /** `#!fold-case` is in effect: symbols and character names are read in lower case. */
  protected foldCase = false;

  constructor(protected readonly text: string, protected readonly container: string, line: number, col: number) {
    this.len = text.length;
    this.line = line;
    this.lineStart = 1 - col;
  }

  protected locAt(line: number, col: number): Loc {
    return { container: this.container, line, col };
  }

  /** The location of the current position. */
  protected here(): Loc {
    return this.locAt(this.line, this.pos - this.lineStart + 1);
  }

  /** Accounts for a line end at index i (a "\n", "\r" or "\r\n"); returns the index after it. */
  protected newline(i: number): number {
    if (this.text.charCodeAt(i) === 13 && this.text.charCodeAt(i + 1) === 10) i++;
    this.line++;
    this.lineStart = i + 1;
    return i + 1;
  }

  /** Index of the end of the token starting at i (the first delimiter at or after i). */
  protected tokenEnd(i: number): number {
    const text = this.text;
    const len = this.len;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c < 128 && DELIMITERS[c] === 1) break;
      i++;
    }
    return i;
  }

  /** Skips white space, `;` comments and (nested) `#| |#` comments. */
  protected skipAtmosphere(): void {
    const text = this.text;
    const len = this.len;
    let i = this.pos;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c <= 32) {
        if (c === 10 || c === 13) i = this.newline(i);
        else i++;
      } else if (c === 59) { // ;
        while (i < len) {
          const d = text.charCodeAt(i);
          if (d === 10 || d === 13) break;
          i++;
        }
      } else if (c === 35 && text.charCodeAt(i + 1) === 124) { // #|
        const start = this.locAt(this.line, i - this.lineStart + 1);
        let depth = 1;
        i += 2;
        while (depth > 0) {
          if (i >= len) {
            this.pos = len;
            throw incompleteError('Incomplete form, EOF reached', start);
          }
          const d = text.charCodeAt(i);
          if (d === 124 && text.charCodeAt(i + 1) === 35) {
            depth--;
            i += 2;
          } else if (d === 35 && text.charCodeAt(i + 1) === 124) {
            depth++;
            i += 2;
          } else if (d === 10 || d === 13) {
            i = this.newline(i);
          } else {
            i++;
          }
        }
      } else {
        break;
      }
    }
    this.pos = i;
  }

  /**
   * Reads the body of a string or |symbol| whose opening delimiter is at `pos`, up to the
   * closing `close` character, with gsi's escapes: \a \b \t \n \v \f \r \" \\ \' \? \| and
   * `\ `, octal \ooo (up to 255), \x<hex>; \u<4 hex> \U<8 hex>, and a backslash-newline that
   * skips the line end and the next line's leading blanks. A "\r\n" in the text reads as "\n".
   */
  protected readDelimited(close: number, start: Loc): string {
    const text = this.text;
    const len = this.len;
    let out = '';
    let i = this.pos + 1;
    let from = i;
    for (;;) {
      if (i >= len) {
        this.pos = len;
        throw incompleteError('Incomplete form, EOF reached', start);
      }
      const c = text.charCodeAt(i);
      if (c === close) {
        this.pos = i + 1;
        return out + text.slice(from, i);
      }
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          out += text.slice(from, i);
          from = i + 1;
        }
        i = this.newline(i);
        continue;
      }
      if (c !== 92) { // not a backslash
        i++;
        continue;
      }
      out += text.slice(from, i);
      i++;
      if (i >= len) {
        this.pos = len;
        throw incompleteError('Incomplete form, EOF reached', start);
      }
      const e = text.charCodeAt(i);
      const simple = ESCAPES.get(e);
      if (simple !== undefined) {
        out += String.fromCharCode(simple);
        i++;
      } else if (e >= 48 && e <= 55) { // octal: up to 3 digits, at most 255
        let v = e - 48;
        i++;
        for (let k = 0; k < 2; k++) {
          const d = text.charCodeAt(i) - 48;
          if (!(d >= 0 && d <= 7) || v * 8 + d > 255) break;
          v = v * 8 + d;
          i++;
        }
        out += String.fromCharCode(v);
      } else if (e === 120 || e === 117 || e === 85) { // x u U
        let v = 0;
        let n = 0;
        i++;
        const want = e === 117 ? 4 : e === 85 ? 8 : -1;
        while (i < len && (want < 0 || n < want)) {
          const h = hexValue(text.charCodeAt(i));
          if (h < 0) break;
          v = v * 16 + h;
          n++;
          i++;
        }
        if (want < 0) {
          if (text.charCodeAt(i) !== 59) { // ;
            this.pos = i;
            throw readerError('Invalid hexadecimal escape', start);
          }
          i++;
        } else if (n < want) {
          this.pos = i;
          throw readerError('Invalid hexadecimal escape', start);
        }
        if (!validCodePoint(v)) {
          this.pos = i;
          throw readerError('Character out of range', start);
        }
        out += String.fromCodePoint(v);
      } else if (e === 10 || e === 13) { // line continuation
        i = this.newline(i);
        while (i < len && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      } else {
        this.pos = i + 1;
        throw readerError(`Invalid escaped character: ${charText(text.codePointAt(i)!)}`, start);
      }
      from = i;
    }
  }

  /**
   * Reads a `#\` character at `pos`: the character right after the backslash (whatever it
   * is), or a name (`space`, `x41`...) when more non-delimiters follow.
   */
  protected readChar(start: Loc): Char {
    const i = this.pos + 2;
    if (i >= this.len) {
      this.pos = this.len;
      throw incompleteError('Incomplete form, EOF reached', start);
    }
    const cp = this.text.codePointAt(i)!;
    const j = i + (cp > 0xffff ? 2 : 1);
    const end = this.tokenEnd(j);
    this.pos = end;
    if (end === j) {
      if (cp === 10 || (cp === 13 && this.text.charCodeAt(j) !== 10)) {
        this.line++;
        this.lineStart = j;
      }
      return makeChar(cp);
    }
    let name = this.text.slice(i, end);
    if (this.foldCase) name = name.toLowerCase();
    const named = CHAR_NAMES.get(name);
    if (named !== undefined) return makeChar(named);
    if (name.charCodeAt(0) === 120 && /^x[0-9a-fA-F]+$/.test(name)) { // x<hex>
      const code = name.length > 9 ? Infinity : parseInt(name.slice(1), 16);
      if (!validCodePoint(code)) throw readerError('Character out of range', start);
      return makeChar(code);
    }
    throw readerError(`Invalid '#\\' name: ${quoteText(name)}`, start);
  }
}
