// The reader: text to data, with the source location of every datum. R7RS datum syntax plus
// gsi 4.9.3's: `[ ]` and `{ }` as parens, keywords `foo:`, `#!eof`-style constants, homogeneous
// vectors `#u8(...)` `#s16(...)` `#f64(...)`..., `#&` boxes, `#N` serial numbers, `#`/`##` REPL history, `#:foo` uninterned symbols, and
// gsi's error messages and locations (checked case by case against gsi).
//
// The reader is iterative: open lists, quote abbreviations, labels, boxes and `#;` comments
// wait on an explicit stack of frames, so neither long nor deeply nested data use the JS stack.
// A datum, once complete, is delivered to the frame on top of the stack (a list appends it, a
// quote wraps it and delivers the result further down...), or returned when the stack is empty.
//
// Locations: every pair the reader makes for a list, a dotted list or an abbreviation is
// recorded in `locations` with the location of its car's datum, and `lastLoc` is the location
// of the datum last returned; together they locate every datum, atoms included. A datum's
// location is its first character (a list's open paren, an abbreviation's quote mark).

import { readerError, type Loc } from '../runtime/errors.js';
import {
  Box, DEFAULT, EOF, KEY, MString, NIL, OPTIONAL, Pair, REST, SVector, Special, Sym, UNASSIGNED,
  VOID, intern, internKeyword, type Value,
} from '../runtime/values.js';
import { parseNumber } from '../runtime/number-syntax.js';
import { elemKindNamed, type AnyKind, type ElemKind } from '../runtime/elem-kinds.js';
import { Scanner, incompleteError, isDelimiter, quoteText } from './lexer.js';

export { isIncomplete } from './lexer.js';

/**
 * Where the reader records pair locations: a WeakMap<Pair, Loc> or, much faster for large
 * inputs (V8's WeakMap.set is several times slower than Map.set), a Map that the caller drops
 * once it has copied the locations it needs.
 */
export interface LocationTable {
  set(pair: Pair, loc: Loc): unknown;
}

export interface ReadOptions {
  /** The file name (without quotes) or "(console)": the `container` of every location. */
  container: string;
  /** When given, receives the location of each pair's car (see the file comment). */
  locations?: LocationTable | null;
  /** Position of the text's first character; 1, 1 by default. */
  line?: number;
  col?: number;
  /** A script: a first line starting with `#!` is skipped (as gsi does for files). */
  script?: boolean;
}

const enum FrameKind {
  List,
  Vector,
  /** A homogeneous vector: `#u8(`, `#s16(`... (the frame's `hom` is its kind). */
  Hom,
  /** An abbreviation ('x `x ,x ,@x #'x ...) waiting for its datum. */
  Quote,
  /** `#N=` waiting for its datum. */
  Label,
  Box,
  /** `#;` waiting for the datum it discards. */
  Skip,
}

class Frame {
  /** Lists: the pairs so far. */
  head: Pair | null = null;
  tail: Pair | null = null;
  /** Lists: 0 no dot yet, 1 dot read (tail datum expected), 2 tail read (close expected). */
  dot = 0;
  /** Vectors and homogeneous vectors: the elements so far. */
  items: Value[] | null = null;
  /** Homogeneous vectors: the kind of element. */
  hom: AnyKind | null = null;
  constructor(
    readonly kind: FrameKind,
    readonly line: number,
    readonly col: number,
    /** Lists and vectors: the closing character code; Labels: the label number. */
    readonly n: number,
    /** Quote: the symbol heading the abbreviation. */
    readonly sym: Sym | null,
  ) {}
}

/** A `#N=` label of the datum being read: `value` is null until its datum is complete. */
interface Label {
  readonly placeholder: Special;
  value: Value | null;
}

const SPECIAL_NAMES = new Map<string, Value>([
  ['eof', EOF], ['void', VOID], ['optional', OPTIONAL], ['rest', REST], ['key', KEY],
  ['unbound', UNASSIGNED],
  ['default', DEFAULT], // gsi 4.9.3 rejects #!default; we accept it
]);

const QUOTE = intern('quote');
const QUASIQUOTE = intern('quasiquote');
const UNQUOTE = intern('unquote');
const UNQUOTE_SPLICING = intern('unquote-splicing');
const SYNTAX = intern('syntax');
const QUASISYNTAX = intern('quasisyntax');
const UNSYNTAX = intern('unsyntax');
const UNSYNTAX_SPLICING = intern('unsyntax-splicing');
const SERIAL_NUMBER_TO_OBJECT = intern('serial-number->object');
const REPL_RESULT_HISTORY_REF = intern('repl-result-history-ref');
const DOT = intern('.');

/** The homogeneous vector of kind `k` holding `items` (each checked to be an element as read). */
function homVector(k: AnyKind, items: readonly Value[]): Value {
  const kk: ElemKind<number | bigint> = k;
  const a = kk.alloc(items.length);
  for (let i = 0; i < items.length; i++) a[i] = kk.elem(items[i]!)!;
  return kk.wrap(a);
}

export class Reader extends Scanner {
  /** The location of the datum last returned by read() (or of the end, after EOF). */
  lastLoc: Loc | null = null;
  /** The last read() returned EOF because the text ended (not for a `#!eof` datum). */
  atEnd = false;
  private readonly locations: LocationTable | null;
  /** Labels of the datum being read (R7RS: a label's scope is one outermost datum). */
  private labels: Map<number, Label> | null = null;
  /** Some label was referenced before its datum was complete: placeholders to replace. */
  private needsPatch = false;

  constructor(text: string, opts: ReadOptions) {
    super(text, opts.container, opts.line ?? 1, opts.col ?? 1);
    this.locations = opts.locations ?? null;
    if (opts.script === true && text.startsWith('#!')) {
      let i = 0;
      while (i < this.len && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      this.pos = i;
    }
  }

  /** Reads the next datum; returns EOF at the end of the text. Throws reader errors. */
  read(): Value {
    const text = this.text;
    const locations = this.locations;
    const stack: Frame[] = [];
    this.atEnd = false;
    this.labels = null;
    this.needsPatch = false;
    let topLine = 0;
    let topCol = 0;
    for (;;) {
      this.skipAtmosphere();
      const p = this.pos;
      const line = this.line;
      const col = p - this.lineStart + 1;
      if (p >= this.len) {
        if (stack.length === 0) {
          this.lastLoc = this.locAt(line, col);
          this.atEnd = true;
          return EOF;
        }
        const f = stack[stack.length - 1]!;
        if ((f.kind === FrameKind.List && f.dot !== 1) || f.kind === FrameKind.Vector || f.kind === FrameKind.Hom) {
          throw incompleteError('Incomplete form, EOF reached', this.locAt(f.line, f.col));
        }
        throw incompleteError('Datum expected', this.locAt(line, col));
      }
      if (stack.length === 0) {
        topLine = line;
        topCol = col;
      }
      const c = text.charCodeAt(p);
      let v: Value;
      // Where v starts: the token's start, except for a list (its open paren).
      let dLine = line;
      let dCol = col;
      switch (c) {
        case 40: // (
          stack.push(new Frame(FrameKind.List, line, col, 41, null));
          this.pos = p + 1;
          continue;
        case 91: // [
          stack.push(new Frame(FrameKind.List, line, col, 93, null));
          this.pos = p + 1;
          continue;
        case 123: // {
          stack.push(new Frame(FrameKind.List, line, col, 125, null));
          this.pos = p + 1;
          continue;
        case 41: // )
        case 93: // ]
        case 125: { // }
          this.pos = p + 1;
          const f = stack[stack.length - 1];
          if (f === undefined) throw readerError('Datum or EOF expected', this.locAt(line, col));
          if (f.kind === FrameKind.List || f.kind === FrameKind.Vector || f.kind === FrameKind.Hom) {
            if (f.n !== c) throw readerError('Incomplete form', this.locAt(f.line, f.col));
            if (f.dot === 1) throw readerError('Datum expected', this.locAt(line, col));
          } else {
            throw readerError('Datum expected', this.locAt(line, col));
          }
          stack.pop();
          if (f.kind === FrameKind.List) v = f.head ?? NIL;
          else if (f.kind === FrameKind.Vector) v = new SVector(f.items!);
          else v = homVector(f.hom!, f.items!);
          dLine = f.line;
          dCol = f.col;
          break;
        }
        case 39: // '
          stack.push(new Frame(FrameKind.Quote, line, col, 0, QUOTE));
          this.pos = p + 1;
          continue;
        case 96: // `
          stack.push(new Frame(FrameKind.Quote, line, col, 0, QUASIQUOTE));
          this.pos = p + 1;
          continue;
        case 44: { // ,
          const splice = text.charCodeAt(p + 1) === 64; // @
          stack.push(new Frame(FrameKind.Quote, line, col, 0, splice ? UNQUOTE_SPLICING : UNQUOTE));
          this.pos = p + (splice ? 2 : 1);
          continue;
        }
        case 34: // "
          v = new MString(this.readDelimited(34, this.locAt(line, col)));
          break;
        case 124: { // |
          const name = this.readDelimited(124, this.locAt(line, col));
          if (text.charCodeAt(this.pos) === 58) { // |foo|: is the keyword foo:
            this.pos++;
            v = internKeyword(name);
          } else {
            v = intern(name);
          }
          break;
        }
        case 35: { // #
          const r = this.readHash(stack, line, col, topLine, topCol);
          if (r === null) continue; // a frame was pushed, or a directive was read
          v = r;
          break;
        }
        case 92: // \ starts gsi's infix (SIX) syntax, which gsi-ts does not have
          this.pos = p + 1;
          throw readerError('Invalid infix syntax', this.locAt(line, col));
        default: {
          if (c >= 48 && c <= 57) {
            // Fast path: a short unsigned decimal integer, read without making a token string.
            let i = p;
            let n = 0;
            for (; i < this.len; i++) {
              const d = text.charCodeAt(i) - 48;
              if (d < 0 || d > 9) break;
              n = n * 10 + d;
            }
            if (i - p <= 15 && (i === this.len || isDelimiter(text.charCodeAt(i)))) {
              this.pos = i;
              v = n;
              break;
            }
          }
          const end = this.tokenEnd(p);
          this.pos = end;
          if (c === 46 && end === p + 1) { // a lone dot
            const f = stack[stack.length - 1];
            if (f !== undefined && f.kind === FrameKind.List && f.dot === 0) {
              if (f.head !== null) {
                f.dot = 1;
                continue;
              }
              v = DOT; // gsi reads `(. x)` as a list whose car is the symbol `.`
            } else {
              throw readerError('Improperly placed dot', this.locAt(line, col));
            }
          } else {
            v = this.atom(text.slice(p, end), c);
          }
        }
      }

      // Deliver v (located at dLine.dCol) to the frames, innermost first.
      let vLine = dLine;
      let vCol = dCol;
      deliver: for (;;) {
        const f = stack[stack.length - 1];
        if (f === undefined) {
          this.lastLoc = this.locAt(vLine, vCol);
          if (this.needsPatch) v = this.patch(v);
          return v;
        }
        switch (f.kind) {
          case FrameKind.List: {
            if (f.dot === 0) {
              const pair = new Pair(v, NIL);
              if (locations !== null) locations.set(pair, this.locAt(vLine, vCol));
              if (f.tail === null) f.head = pair;
              else f.tail.cdr = pair;
              f.tail = pair;
            } else if (f.dot === 1) {
              f.tail!.cdr = v;
              f.dot = 2;
            } else {
              throw readerError('Incomplete form', this.locAt(f.line, f.col));
            }
            break deliver;
          }
          case FrameKind.Vector:
            f.items!.push(v);
            break deliver;
          case FrameKind.Hom:
            if (f.hom!.elem(v) === null) throw readerError(f.hom!.readerMessage, this.locAt(vLine, vCol));
            f.items!.push(v);
            break deliver;
          case FrameKind.Quote: {
            stack.pop();
            const rest = new Pair(v, NIL);
            const form = new Pair(f.sym!, rest);
            if (locations !== null) {
              locations.set(form, this.locAt(f.line, f.col));
              locations.set(rest, this.locAt(vLine, vCol));
            }
            v = form;
            vLine = f.line;
            vCol = f.col;
            continue;
          }
          case FrameKind.Label: {
            stack.pop();
            const label = this.labels!.get(f.n)!;
            if (v === label.placeholder) {
              throw readerError(`Illegal definition of label: ${f.n}`, this.locAt(vLine, vCol));
            }
            label.value = v;
            vLine = f.line;
            vCol = f.col;
            continue;
          }
          case FrameKind.Box:
            stack.pop();
            v = new Box(v);
            vLine = f.line;
            vCol = f.col;
            continue;
          case FrameKind.Skip:
            stack.pop();
            break deliver;
          default:
            return f.kind satisfies never;
        }
      }
    }
  }

  /** A token that does not start with `#`, `"` or `|`: a keyword, a number or a symbol. */
  private atom(tok: string, c: number): Value {
    if (tok.length > 1 && tok.charCodeAt(tok.length - 1) === 58) { // foo: (but not :)
      const name = tok.slice(0, -1);
      return internKeyword(this.foldCase ? name.toLowerCase() : name);
    }
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) { // digit + - .
      const n = parseNumber(tok);
      if (n !== false) return n;
    }
    return intern(this.foldCase ? tok.toLowerCase() : tok);
  }

  /**
   * Reads what starts with `#` at `pos`. Returns the datum, or null after pushing a frame
   * (`#(`, `#u8(`, `#&`, `#;`, `#N=`, `#'`...) or reading a `#!fold-case` directive.
   */
  private readHash(stack: Frame[], line: number, col: number, topLine: number, topCol: number): Value | null {
    const text = this.text;
    const p = this.pos;
    const c = p + 1 < this.len ? text.charCodeAt(p + 1) : -1;
    const here = (): Loc => this.locAt(line, col);
    switch (c) {
      case 40: { // #(
        const f = new Frame(FrameKind.Vector, line, col, 41, null);
        f.items = [];
        stack.push(f);
        this.pos = p + 2;
        return null;
      }
      case 59: // #;
        stack.push(new Frame(FrameKind.Skip, line, col, 0, null));
        this.pos = p + 2;
        return null;
      case 92: // #\
        return this.readChar(here());
      case 38: // #&
        stack.push(new Frame(FrameKind.Box, line, col, 0, null));
        this.pos = p + 2;
        return null;
      case 39: // #'
        stack.push(new Frame(FrameKind.Quote, line, col, 0, SYNTAX));
        this.pos = p + 2;
        return null;
      case 96: // #`
        stack.push(new Frame(FrameKind.Quote, line, col, 0, QUASISYNTAX));
        this.pos = p + 2;
        return null;
      case 44: { // #, #,@
        const splice = text.charCodeAt(p + 2) === 64;
        stack.push(new Frame(FrameKind.Quote, line, col, 0, splice ? UNSYNTAX_SPLICING : UNSYNTAX));
        this.pos = p + (splice ? 3 : 2);
        return null;
      }
      case 33: { // #!
        const end = this.tokenEnd(p + 2);
        this.pos = end;
        const name = text.slice(p + 2, end);
        const v = SPECIAL_NAMES.get(name);
        if (v !== undefined) return v;
        // R7RS directives (gsi 4.9.3 rejects them; honoring them is harmless)
        if (name === 'fold-case' || name === 'no-fold-case') {
          this.foldCase = name === 'fold-case';
          return null;
        }
        throw readerError(`Invalid '#!' name: ${quoteText(name)}`, here());
      }
      case 58: { // #:foo, an uninterned symbol
        const end = this.tokenEnd(p + 2);
        this.pos = end;
        if (end === p + 2) throw readerError('Invalid token', here());
        return new Sym(text.slice(p + 2, end), false);
      }
      default:
        break;
    }
    if (c >= 48 && c <= 57) { // #N  #N=  #N#
      let i = p + 1;
      while (i < this.len && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const digits = text.slice(p + 1, i);
      const d = text.charCodeAt(i);
      if (d === 61 || d === 35) { // = #
        this.pos = i + 1;
        const n = Number(digits);
        if (this.labels === null) this.labels = new Map();
        const label = this.labels.get(n);
        if (d === 61) {
          if (label !== undefined) throw readerError(`Duplicate definition for label: ${n}`, this.here());
          this.labels.set(n, { placeholder: new Special(`#${n}#`), value: null });
          stack.push(new Frame(FrameKind.Label, line, col, n, null));
          return null;
        }
        if (label === undefined) {
          throw readerError(`Missing definition for label: ${n}`, this.locAt(topLine, topCol));
        }
        if (label.value !== null) return label.value;
        this.needsPatch = true;
        return label.placeholder;
      }
      this.pos = i;
      return this.located(SERIAL_NUMBER_TO_OBJECT, parseNumber(digits) as Value, line, col);
    }
    const end = this.tokenEnd(p + 1);
    this.pos = end;
    const tok = text.slice(p, end);
    if (/^#+$/.test(tok)) return this.located(REPL_RESULT_HISTORY_REF, tok.length - 1, line, col);
    if (c === 35) return this.atom(tok, 35); // ##car and the like
    const hom = /^#[suf]\d+$/.test(tok) ? elemKindNamed(tok.slice(1)) : undefined;
    if (hom !== undefined) { // (case-sensitive in gsi)
      if (text.charCodeAt(end) !== 40) throw readerError("'(' expected", here());
      const f = new Frame(FrameKind.Hom, line, col, 41, null);
      f.items = [];
      f.hom = hom;
      stack.push(f);
      this.pos = end + 1;
      return null;
    }
    switch (tok.toLowerCase()) {
      case '#t':
      case '#true':
        return true;
      case '#f':
      case '#false':
        return false;
      default:
        break;
    }
    if (/^#[xbodei]/i.test(tok)) {
      const n = parseNumber(tok);
      if (n !== false) return n;
    }
    throw readerError('Invalid token', here());
  }

  /** The list (head arg), each pair located at `line.col` (for `#N` and `#`). */
  private located(head: Sym, arg: Value, line: number, col: number): Value {
    const rest = new Pair(arg, NIL);
    const form = new Pair(head, rest);
    if (this.locations !== null) {
      const loc = this.locAt(line, col);
      this.locations.set(form, loc);
      this.locations.set(rest, loc);
    }
    return form;
  }

  /** Replaces label placeholders by the labels' data, through pairs, vectors and boxes. */
  private patch(root: Value): Value {
    const byPlaceholder = new Map<Value, Label>();
    for (const label of this.labels!.values()) byPlaceholder.set(label.placeholder, label);
    const resolve = (x: Value): Value => {
      for (let label = byPlaceholder.get(x); label !== undefined; label = byPlaceholder.get(x)) {
        x = label.value!;
      }
      return x;
    };
    root = resolve(root);
    const seen = new Set<Value>();
    const work: Value[] = [root];
    while (work.length > 0) {
      const x = work.pop()!;
      if (typeof x !== 'object' || seen.has(x)) continue;
      seen.add(x);
      if (x instanceof Pair) {
        x.car = resolve(x.car);
        x.cdr = resolve(x.cdr);
        work.push(x.cdr, x.car);
      } else if (x instanceof SVector) {
        const items = x.items;
        for (let i = 0; i < items.length; i++) {
          items[i] = resolve(items[i]!);
          work.push(items[i]!);
        }
      } else if (x instanceof Box) {
        x.value = resolve(x.value);
        work.push(x.value);
      }
    }
    return root;
  }
}

/** Reads every datum of `text`, with its location. */
export function readAll(
  text: string,
  container: string,
  locations?: LocationTable,
): Array<{ datum: Value; loc: Loc }> {
  const reader = new Reader(text, { container, locations: locations ?? null });
  const out: Array<{ datum: Value; loc: Loc }> = [];
  for (;;) {
    const datum = reader.read();
    if (datum === EOF && reader.atEnd) return out;
    out.push({ datum, loc: reader.lastLoc! });
  }
}
