// The pretty printer (`pp`), laid out exactly as Gambit 4.9.3's (the 'pretty-print style of
// `##wr` in lib/_io.scm):
//
// - Anything that fits in the room left on the line (width 80, less the columns already used
//   and the closing parentheses that must follow it) is written on one line.
// - Otherwise a list is broken according to a format chosen by its head: a 5-slot vector
//   #(N1 PLAIN1 N2 PLAIN2 INDENT) (see FORMATS): elements before index N1 follow on the first
//   line; element N1 follows too and fixes the alignment column; element N2 starts a new line
//   at INDENT columns past the open parenthesis; every other element starts a new line at the
//   alignment column. A sub-list before index N2 is laid out "plain" (all elements aligned, its
//   head not taken as an operator) if PLAIN1, and after if PLAIN2 (let bindings, cond clauses).
// - A vector puts each element on its own line, aligned; a record puts each field on its own
//   line (`#<point #2` then `x: ...` under the `#2`).
// - When the indentation would pass column 65 the whole output shifts left by 40 columns,
//   announced by a `;;<<<<...` line (and back with `;;>>>>...`), as Gambit does.
//
// Columns are 1-based like Gambit's output-port-column.

import { Style, cycleTargets, keywordRepr, quotedUnlessSelfEvaluating, symbolRepr, writeLimited, writeString } from './printer.js';
import {
  Box, Closure, Keyword, NIL, NumVector, Pair, REST, Record, SVector, Sym, U8Vector, VOID, arrayToList, intern, list, type Value,
} from './values.js';
import { elemKindOf, elemValues } from './elem-kinds.js';
import type { Vm } from './vm.js';

/** [N1, PLAIN1, N2, PLAIN2, INDENT] as described above. */
type Format = readonly [number, boolean, number, boolean, number];

const PLAIN: Format = [0, false, 1, false, 0];
const CALL: Format = [1, false, 0, false, 1];
const NAMED_LET: Format = [2, true, 3, false, 1];

/** Gambit's ##standard-pretty-print-formats. */
const FORMATS: ReadonlyMap<string, Format> = new Map<string, Format>([
  ['lambda', [1, true, 2, false, 1]],
  ['if', [1, false, 0, false, 1]],
  ['set!', [1, false, 0, false, 1]],
  ['cond', [1, true, 0, true, 1]],
  ['case', [1, false, 2, true, 1]],
  ['and', [1, false, 0, false, 1]],
  ['or', [1, false, 0, false, 1]],
  ['let', [1, true, 2, false, 1]],
  ['let*', [1, true, 2, false, 1]],
  ['letrec', [1, true, 2, false, 1]],
  ['letrec*', [1, true, 2, false, 1]],
  ['begin', [0, false, 1, false, 1]],
  ['do', [1, true, 3, false, 1]],
  ['define', [1, false, 2, false, 1]],
  ['##define-macro', [1, false, 2, false, 1]],
  ['define-macro', [1, false, 2, false, 1]],
  ['##declare', [0, false, 1, false, 1]],
  ['declare', [0, false, 1, false, 1]],
]);

/** Heads shorter than this get the call format (`(foo a` then b aligned under a). */
const LIST_MAX_HEAD = 8;
const STRUCTURE_MAX_HEAD = 8;
const STRUCTURE_MAX_FIELD = 8;
const STRUCTURE_INDENT = 1;
/** Nesting depth past which a sub-structure is written on one line (keeps the JS stack small). */
const MAX_DEPTH = 1000;

const QUOTE_PREFIX: ReadonlyMap<string, string> = new Map([
  ['quote', "'"], ['quasiquote', '`'], ['unquote', ','], ['unquote-splicing', ',@'],
]);

/**
 * What `pp` shows for `obj`: for a closure whose source was kept, its lambda expression in the
 * shape gsi's decompiler gives it (see decompile); otherwise the object itself.
 */
export function ppSubject(obj: Value): Value {
  if (obj instanceof Closure && obj.lambda.source !== null) return decompile(obj.lambda.source);
  return obj;
}

// ---------------------------------------------------------------------------------------------
// gsi prints a procedure by decompiling its code, so derived forms appear expanded. We keep the
// source instead, and rewrite the common derived forms the way gsi 4.9.3 shows them:
//   (let loop ((v i)) b)   => ((letrec ((loop (lambda (v) b))) loop) i)
//   (let* ((a 1) (b 2)) b) => (let ((a 1)) (let ((b 2)) b))
//   (when t e1 e2)         => (if t (begin e1 e2))      (unless t e) => (if (##not t) e)
//   (do ((v i s)) (t r) b) => (letrec ((##do-loop (lambda (v) (if t r (begin b (##do-loop s))))))
//                                (##do-loop i))
//   (receive f e b)        => (##call-with-values (lambda () e) (lambda f b))
//   (delay-force e)        => (delay e)             (begin e) => e
//   a body's internal defines => (letrec* ((name value) ...) rest ...); a body's (begin ...) and
//   (let () ...) are spliced into it; #!rest r in a parameter list => . r
//   'x                     => x when x evaluates to itself (a number, string, vector...)
//   `(1 ,x)                => `(,1 ,x): see quasi below
// Other macros (parameterize, case-lambda, user macros) are shown as written.

const sym = (name: string): Sym => intern(name);

function headName(x: Value): string | null {
  return x instanceof Pair && x.car instanceof Sym && x.car.interned ? x.car.name : null;
}

/** The elements of a proper list, or null. */
function items(x: Value): Value[] | null {
  const out: Value[] = [];
  while (x instanceof Pair) {
    out.push(x.car);
    x = x.cdr;
  }
  return x === NIL ? out : null;
}

function seq(es: Value[]): Value {
  return es.length === 1 ? es[0]! : new Pair(sym('begin'), arrayToList(es));
}

/** The lambda expression `source` as gsi's decompiler would show it. */
export function decompile(source: Value): Value {
  try {
    return expr(source);
  } catch {
    return source; // shapes we do not know how to rewrite are shown as written
  }
}

function params(p: Value): Value {
  const ps = items(p);
  if (ps === null) return p;
  const i = ps.indexOf(REST);
  if (i !== -1 && i === ps.length - 2) return arrayToList(ps.slice(0, i), ps[i + 1]!);
  return p;
}

/** A body (a lambda's, a let's...): begins spliced, leading defines made a letrec*. */
function body(forms: Value[]): Value[] {
  const flat: Value[] = [];
  for (const f of forms) {
    const h = headName(f);
    const fs = h === 'begin' ? items((f as Pair).cdr) : null;
    const letBody = (h === 'let' || h === 'let*') && f instanceof Pair && f.cdr instanceof Pair && f.cdr.car === NIL
      ? items(f.cdr.cdr) : null;
    if (fs !== null) flat.push(...fs);
    else if (letBody !== null) flat.push(...body(letBody));
    else flat.push(f);
  }
  const bindings: Value[] = [];
  let i = 0;
  for (; i < flat.length && headName(flat[i]!) === 'define'; i++) {
    const d = items((flat[i] as Pair).cdr)!;
    let target = d[0]!;
    let value: Value = d.length > 1 ? d[1]! : VOID;
    let rest = d.slice(1);
    while (target instanceof Pair) {
      // (define (name . params) body ...), curried defines nest
      value = new Pair(sym('lambda'), new Pair(target.cdr, arrayToList(rest)));
      rest = [value];
      target = target.car;
    }
    bindings.push(list(target, expr(value)));
  }
  const rest = flat.slice(i).map(expr);
  if (bindings.length === 0) return rest;
  return [new Pair(sym('letrec*'), new Pair(arrayToList(bindings), arrayToList(rest)))];
}

function bindingList(bs: Value): Value {
  const l = items(bs)!;
  return arrayToList(l.map((b) => {
    const bi = items(b);
    return bi !== null && bi.length === 2 ? list(bi[0]!, expr(bi[1]!)) : b;
  }));
}


// Quasiquote. gsi compiles a template into `quasi-cons`, `quasi-append` and `quasi-list->vector`
// operations on constants and expressions (`##comp-template` in lib/_eval.scm), and its
// decompiler rebuilds a template from those (`##degen-quasi-*` in lib/_repl.scm). A constant
// that evaluates to itself comes back unquoted: `(1 ,x) is shown `(,1 ,x). Both steps are
// reproduced here.

/** The compiled shape of a template. */
type Quasi =
  | { k: 'cst'; v: Value }
  | { k: 'expr'; e: Value }
  | { k: 'cons'; a: Quasi; d: Quasi }
  | { k: 'append'; a: Value; d: Quasi }
  | { k: 'vector'; l: Quasi };

function quasiTemplate(form: Value, depth: number): Quasi {
  if (form instanceof Pair) return quasiList(form, depth);
  if (form instanceof SVector) return { k: 'vector', l: quasiList(arrayToList(form.items), depth) };
  return { k: 'cst', v: form };
}

function quasiList(lst: Value, depth: number): Quasi {
  if (lst === NIL) return { k: 'cst', v: NIL };
  if (!(lst instanceof Pair)) return quasiTemplate(lst, depth);
  const first = lst.car;
  const rest = lst.cdr;
  if (rest instanceof Pair && rest.cdr === NIL) {
    const h = first instanceof Sym && first.interned ? first.name : null;
    if (h === 'quasiquote') return { k: 'cons', a: { k: 'cst', v: first }, d: quasiList(rest, depth + 1) };
    if (h === 'unquote') {
      if (depth === 1) return { k: 'expr', e: rest.car };
      return { k: 'cons', a: { k: 'cst', v: first }, d: quasiList(rest, depth - 1) };
    }
  }
  const fs = first instanceof Pair ? items(first) : null;
  if (fs !== null && fs.length === 2 && headName(first) === 'unquote-splicing') {
    if (depth === 1) {
      if (rest === NIL) return { k: 'expr', e: fs[1]! };
      return { k: 'append', a: fs[1]!, d: quasiList(rest, depth) };
    }
    return { k: 'cons', a: quasiTemplate(first, depth - 1), d: quasiList(rest, depth) };
  }
  return { k: 'cons', a: quasiTemplate(first, depth), d: quasiList(rest, depth) };
}

/** `(quasiquote X)` gives X; `(quote Y)`, Y not a pair, gives Y (`##degen-quasi-optimize`). */
function quasiOptimize(e: Value): [Value] | null {
  const es = e instanceof Pair ? items(e) : null;
  if (es === null || es.length !== 2) return null;
  const h = headName(e);
  if (h === 'quasiquote') return [es[1]!];
  if (h === 'quote' && !(es[1] instanceof Pair)) return [es[1]!];
  return null;
}

function quasiUnquote(e: Value): Value {
  const x = quasiOptimize(e);
  return x !== null ? x[0] : list(sym('unquote'), e);
}

function quasiSplicingCdr(e: Value): Value {
  const x = quasiOptimize(e);
  return x !== null ? x[0] : list(list(sym('unquote-splicing'), e));
}

function quasiDecompile(q: Quasi): Value {
  switch (q.k) {
    case 'cst':
      return quotedUnlessSelfEvaluating(q.v);
    case 'expr':
      return expr(q.e);
    case 'cons':
      return list(sym('quasiquote'), new Pair(quasiUnquote(quasiDecompile(q.a)), quasiSplicingCdr(quasiDecompile(q.d))));
    case 'append':
      return list(sym('quasiquote'), new Pair(list(sym('unquote-splicing'), expr(q.a)), quasiSplicingCdr(quasiDecompile(q.d))));
    case 'vector': {
      const elems = items(quasiSplicingCdr(quasiDecompile(q.l)));
      return list(sym('quasiquote'), elems === null ? NIL : new SVector(elems));
    }
    default: {
      const never: never = q;
      return never;
    }
  }
}

function expr(x: Value): Value {
  if (!(x instanceof Pair)) return x;
  const xs = items(x);
  if (xs === null) return x;
  const h = headName(x);
  const args = xs.slice(1);
  switch (h) {
    case 'quote':
      return args.length === 1 ? quotedUnlessSelfEvaluating(args[0]!) : x;
    case 'quasiquote':
      return args.length === 1 ? quasiDecompile(quasiTemplate(args[0]!, 1)) : x;
    case 'lambda':
      return new Pair(sym('lambda'), new Pair(params(args[0]!), arrayToList(body(args.slice(1)))));
    case 'begin':
      return seq(args.map(expr));
    case 'when':
      return list(sym('if'), expr(args[0]!), seq(args.slice(1).map(expr)));
    case 'unless':
      return list(sym('if'), list(sym('##not'), expr(args[0]!)), seq(args.slice(1).map(expr)));
    case 'delay-force':
      return list(sym('delay'), ...args.map(expr));
    case 'let': {
      if (args[0] instanceof Sym) {
        const name = args[0];
        const bs = items(args[1]!)!.map((b) => items(b)!);
        const lam = new Pair(sym('lambda'), new Pair(arrayToList(bs.map((b) => b[0]!)), arrayToList(body(args.slice(2)))));
        const rec = list(sym('letrec'), list(list(name, lam)), name);
        return arrayToList([rec, ...bs.map((b) => expr(b[1]!))]);
      }
      if (args[0] === NIL) return seq(body(args.slice(1)));
      return new Pair(sym('let'), new Pair(bindingList(args[0]!), arrayToList(body(args.slice(1)))));
    }
    case 'let*': {
      const bs = items(args[0]!)!;
      if (bs.length === 0) return seq(body(args.slice(1)));
      let inner: Value[] = body(args.slice(1));
      for (let i = bs.length - 1; i >= 0; i--) {
        inner = [new Pair(sym('let'), new Pair(bindingList(list(bs[i]!)), arrayToList(inner)))];
      }
      return inner[0]!;
    }
    case 'letrec':
    case 'letrec*':
      return new Pair(x.car, new Pair(bindingList(args[0]!), arrayToList(body(args.slice(1)))));
    case 'do': {
      const specs = items(args[0]!)!.map((s) => items(s)!);
      const exit = items(args[1]!)!;
      const loop = sym('##do-loop');
      const vars = specs.map((s) => s[0]!);
      const step = arrayToList([loop, ...specs.map((s) => expr(s.length > 2 ? s[2]! : s[0]!))]);
      const stmts = args.slice(2).map(expr);
      const res = exit.slice(1).map(expr);
      const again = stmts.length === 0 ? step : list(sym('begin'), seq(stmts), step);
      const test = list(sym('if'), expr(exit[0]!), res.length === 0 ? VOID : seq(res), again);
      const lam = list(sym('lambda'), arrayToList(vars), test);
      return list(sym('letrec'), list(list(loop, lam)), arrayToList([loop, ...specs.map((s) => expr(s[1]!))]));
    }
    case 'receive':
      return list(sym('##call-with-values'), list(sym('lambda'), NIL, expr(args[1]!)),
        new Pair(sym('lambda'), new Pair(args[0]!, arrayToList(body(args.slice(2))))));
    case 'cond':
      return new Pair(x.car, arrayToList(args.map((c) => {
        const cs = items(c);
        if (cs === null) return c;
        if (cs[1] === sym('=>')) return arrayToList(cs.map(expr));
        return arrayToList([expr(cs[0]!), ...body(cs.slice(1))]);
      })));
    case 'case':
      return new Pair(x.car, new Pair(expr(args[0]!), arrayToList(args.slice(1).map((c) => {
        const cs = items(c);
        if (cs === null) return c;
        if (cs[1] === sym('=>')) return list(cs[0]!, cs[1], expr(cs[2]!));
        return arrayToList([cs[0]!, ...body(cs.slice(1))]);
      }))));
    case 'set!':
    case 'define':
      return list(x.car, args[0]!, ...args.slice(1).map(expr));
    default:
      return arrayToList(xs.map(expr));
  }
}

/**
 * `(pp obj)` as text, ending in a newline. `column` is the output column where it starts
 * (1 = start of a line) and `width` the line width (gsi: 80, so lines hold 79 characters).
 */
export function prettyString(vm: Vm, obj: Value, column = 1, width = 80): string {
  const x = ppSubject(obj);
  // Searching for cycles costs a hash lookup per object, so the layout runs first and gives up
  // (MaybeCyclic) if a list's cdrs loop or the nesting gets suspiciously deep.
  let deepOk = false;
  for (;;) {
    const pp = new PrettyPrinter(vm, column, width, deepOk);
    try {
      pp.wr(x);
    } catch (e: unknown) {
      if (!(e instanceof MaybeCyclic)) throw e;
      // gsi 4.9.3 never finishes pretty-printing a cycle; we write it with datum labels.
      if (cycleTargets(x) !== null) return writeString(vm, x, false) + '\n';
      deepOk = true; // just deep: lay it out, writing what is nested too deep on one line
      continue;
    }
    pp.str('\n');
    return pp.out;
  }
}

/** Thrown when the data may be cyclic: a list whose cdrs loop, or nesting past MAX_DEPTH. */
class MaybeCyclic {}

class PrettyPrinter {
  out = '';
  private shift = 0;
  private closeParens = 0;
  private depth = 0;

  /** `deepOk`: the data is known to be acyclic; what is nested past MAX_DEPTH is written on one line. */
  constructor(private readonly vm: Vm, private col: number, private readonly width: number, private readonly deepOk: boolean) {}

  /** Nesting got deep: write `v` on one line if the data is known acyclic, else give up. */
  private tooDeep(v: Value): void {
    if (!this.deepOk) throw new MaybeCyclic();
    this.str(writeString(this.vm, v, false));
  }

  str(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.col = nl === -1 ? this.col + s.length : s.length - nl;
  }

  private shiftedColumn(): number {
    return this.shift + this.col;
  }

  /** Start a new line (unless at the start of one) and indent to shifted column `shiftedCol`. */
  private indent(shiftedCol: number): void {
    if (this.col > 1) this.str('\n');
    const width = this.width;
    const half = Math.floor(width / 2);
    const lo = Math.min(15, Math.floor(width / 5));
    const hi = Math.max(width - 15, Math.floor((width * 4) / 5));
    let c: number;
    for (;;) {
      c = shiftedCol - this.shift;
      if (c < lo) {
        if (this.shift === 0) break;
        const s = Math.min(this.shift, half);
        this.shift -= s;
        this.str(';;' + '>'.repeat(s) + '\n');
      } else if (c > hi) {
        this.shift += half;
        this.str(';;' + '<'.repeat(half) + '\n');
      } else {
        break;
      }
    }
    this.str(' '.repeat(Math.max(0, c - 1)));
  }

  /** The one-line form of `v` if it fits in `avail` columns, else null. */
  private fits(v: Value, avail: number): string | null {
    if (avail < 0) return null;
    const s = writeLimited(this.vm, v, Style.Write, avail + 1, true);
    return s.length <= avail ? s : null;
  }

  /** Write `v` on one line if it fits before the right margin (and the closing parens). */
  private oneLine(v: Value): boolean {
    const s = this.fits(v, this.shift + this.width - this.closeParens - this.shiftedColumn());
    if (s === null) return false;
    this.str(s);
    return true;
  }

  wr(v: Value): void {
    if (this.depth > MAX_DEPTH) {
      this.tooDeep(v);
      return;
    }
    this.depth++;
    if (v instanceof Pair) this.list(v, false);
    else if (v instanceof SVector) this.vector(v, v.items, '#(');
    else if (v instanceof U8Vector || v instanceof NumVector) this.vector(v, elemValues(v), `#${elemKindOf(v)!.name}(`);
    else if (v instanceof Record) this.record(v);
    else if (v instanceof Box) {
      this.str('#&');
      this.wr(v.value);
    } else this.str(writeString(this.vm, v, false));
    this.depth--;
  }

  private list(p: Pair, plain: boolean): void {
    if (this.oneLine(p)) return;
    const head = p.car;
    const tail = p.cdr;
    if (head instanceof Sym && head.interned && tail instanceof Pair && tail.cdr === NIL) {
      let prefix = QUOTE_PREFIX.get(head.name);
      if (prefix !== undefined) {
        if (prefix === ',' && startsWithAt(tail.car)) prefix = ', ';
        this.str(prefix);
        this.wr(tail.car);
        return;
      }
    }
    this.listWithFormat(p, plain ? PLAIN : formatFor(head, tail));
  }

  private listWithFormat(p: Pair, fmt: Format): void {
    this.str('(');
    const close0 = this.closeParens;
    const newClose = close0 + 1;
    const startCol = this.shiftedColumn();
    let lst: Value = p;
    let i = 0;
    let col = startCol;
    let slow: Value = p; // Floyd's tortoise: meeting it means the cdrs loop
    for (;;) {
      if (lst instanceof Pair) {
        if (i > 0 && (i & 1) === 0) {
          slow = (slow as Pair).cdr;
          if (slow === lst) throw new MaybeCyclic();
        }
        const tail: Value = lst.cdr;
        this.closeParens = tail === NIL ? newClose : 0;
        col = this.elem(lst.car, i, col, startCol, fmt);
        lst = tail;
        i++;
      } else {
        if (lst !== NIL) {
          // A dotted tail: "." and the tail are each placed like element i.
          this.place(i, col, startCol, fmt);
          this.str('.');
          this.closeParens = newClose;
          this.elem(lst, i, col, startCol, fmt);
        }
        break;
      }
    }
    this.closeParens = close0;
    this.str(')');
  }

  /** Position the output for element `i` (a space or a new line); returns its alignment column. */
  private place(i: number, col: number, startCol: number, fmt: Format): number {
    if (i === 0) return col;
    if (fmt[4] < 0 || i < fmt[0]) {
      this.str(' ');
      return col;
    }
    if (i === fmt[0]) {
      this.str(' ');
      return this.shiftedColumn();
    }
    if (i === fmt[2]) {
      const c = startCol + fmt[4];
      this.indent(c);
      return c;
    }
    this.indent(col);
    return col;
  }

  private elem(e: Value, i: number, col: number, startCol: number, fmt: Format): number {
    const newCol = this.place(i, col, startCol, fmt);
    if (e instanceof Pair) {
      if (this.depth > MAX_DEPTH) {
        this.tooDeep(e);
      } else {
        this.depth++;
        this.list(e, i < fmt[2] ? fmt[1] : fmt[3]);
        this.depth--;
      }
    } else {
      this.wr(e);
    }
    return newCol;
  }

  private vector(v: Value, items: readonly Value[], open: string): void {
    if (this.oneLine(v)) return;
    this.str(open);
    const close0 = this.closeParens;
    const newClose = close0 + 1;
    const startCol = this.shiftedColumn();
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.indent(startCol);
      this.closeParens = i + 1 === items.length ? newClose : 0;
      this.wr(items[i]!);
    }
    this.closeParens = close0;
    this.str(')');
  }

  private record(r: Record): void {
    if (this.oneLine(r)) return;
    this.str('#<');
    const typeCol = this.shiftedColumn();
    const newClose = this.closeParens + 1;
    this.str(symbolRepr(r.type.name));
    this.str(' ');
    const col = this.shiftedColumn();
    const startCol = STRUCTURE_MAX_HEAD < col - typeCol ? typeCol + STRUCTURE_INDENT : col;
    this.str(`#${this.vm.serial(r)}`);
    const fs = r.type.fields;
    let last = -1;
    for (let i = 0; i < fs.length; i++) if (fs[i]!.printable) last = i;
    for (let i = 0; i < fs.length; i++) {
      if (!fs[i]!.printable) continue;
      // As in Gambit, the close-paren count is not restored after a record.
      this.closeParens = i === last ? newClose : 0;
      this.indent(startCol);
      this.str(keywordRepr(fs[i]!.name));
      const c = this.shiftedColumn();
      const value = r.fields[i]!;
      if (c - startCol < STRUCTURE_MAX_FIELD) {
        this.str(' ');
        this.wr(value);
      } else {
        const s = this.fits(value, this.shift + this.width - this.closeParens - c - 1);
        if (s !== null) {
          this.str(' ');
          this.str(s);
        } else {
          this.indent(startCol + STRUCTURE_INDENT);
          this.wr(value);
        }
      }
    }
    this.str('>');
  }
}

function formatFor(head: Value, tail: Value): Format {
  if (!(head instanceof Sym)) return PLAIN;
  const f = head.interned ? FORMATS.get(head.name) : undefined;
  if (f !== undefined) {
    if (head.name === 'let' && tail instanceof Pair && tail.car instanceof Sym) return NAMED_LET;
    return f;
  }
  return head.name.length < LIST_MAX_HEAD ? CALL : PLAIN;
}

/** See printer.ts: `(unquote @x)` is written `, @x`. */
function startsWithAt(v: Value): boolean {
  if (v instanceof Sym) return v.interned && v.name.startsWith('@') && symbolRepr(v.name) === v.name;
  if (v instanceof Keyword) return v.interned && v.name.startsWith('@');
  return false;
}
