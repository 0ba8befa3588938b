// syntax-rules (R7RS 4.3.2), hygienic by renaming.
//
// A SyntaxRules is compiled once, when the macro is defined: each rule's pattern becomes a Pat
// tree and its template a Tmpl tree. Expanding a use matches the rules in order and
// instantiates the first template that fits.
//
// Hygiene (see syntax.ts): every identifier the template inserts, i.e. one that is not a pattern
// variable, is replaced by an Alias(identifier, defScope). One expansion uses one Alias object
// per template identifier, so a binding form and the references it inserts agree; the next
// expansion gets fresh ones. Pattern-variable substitutions are the user's own data, untouched.
//
// Identifiers are Syms or Aliases, treated alike. Pattern variables and literals are recognized
// by identity (bound-identifier=? within one definition: both occurrences come from the same
// text or the same outer expansion). The ellipsis and `_` are recognized by base symbol, so that
// a macro-generated `syntax-rules` (whose `...` may be an Alias, e.g. from `(... ...)`) works.
//
// Pattern variables get slots 0..n-1 in a rule's binding array. A variable under d ellipses is
// bound to d levels of Seq. Templates follow psyntax: a variable of depth d used under D >= d
// ellipses iterates with the innermost d of them; each ellipsis (a Frame) maps the variables it
// iterates from a source slot holding a Seq to a fresh target slot (n, n+1, ...) holding the
// current element, so the same variable may be used at several depths in one template.
//
// Glossary: pat = pattern, tmpl = template, ell = ellipsis, b = binding array.

import {
  Char, Cpxnum, Flonum, Keyword, MString, NIL, Pair, Ratnum, SVector, Special, Sym,
  arrayToList, intern, type Value,
} from '../runtime/values.js';
import { sameElems } from '../runtime/elem-kinds.js';
import { Alias, baseSym, isIdent, type Ident, type Scope } from './syntax.js';

export interface MacroEnv {
  /** free-identifier=?: do a (from the macro use) and b (a literal in the macro definition) denote the same binding? */
  sameBinding(a: Ident, aScope: Scope, b: Ident, bScope: Scope): boolean;
}

/** Thrown for a malformed `syntax-rules` spec or a use no rule matches. */
export class SyntaxRulesError extends Error {
  constructor(
    /** The offending form: the whole spec, or the whole macro use. */
    readonly form: Value,
  ) {
    super('Ill-formed special form: ' + writeForm(form));
  }
}

// ---------------------------------------------------------------------------------------------
// Compiled patterns and templates

const enum PK { Var, Any, Lit, Const, List, Vec }

/**
 * A list pattern `(h ... e <ell> t ... . rest)` or a vector pattern `#(h ... e <ell> t ...)`.
 * Without an ellipsis, `ell` is null and `tail` is empty. `ellSlots` are the variables of `ell`.
 */
interface SeqPat {
  readonly head: Pat[];
  readonly ell: Pat | null;
  readonly ellSlots: number[];
  readonly tail: Pat[];
}

type Pat =
  | { readonly k: PK.Var; readonly slot: number }
  | { readonly k: PK.Any }
  | { readonly k: PK.Lit; readonly id: Ident }
  | { readonly k: PK.Const; readonly v: Value }
  | ({ readonly k: PK.List; readonly rest: Pat } & SeqPat)
  | ({ readonly k: PK.Vec } & SeqPat);

const enum TK { Var, Ident, Const, List, Vec }

/** One ellipsis of a template: while iterating, slot `targets[i]` holds an element of `sources[i]`. */
interface Frame {
  readonly sources: number[];
  readonly targets: number[];
}

/** An element of a list or vector template, followed by `frames.length` ellipses (outermost first). */
interface TItem {
  readonly t: Tmpl;
  readonly frames: Frame[];
}

type Tmpl =
  | { readonly k: TK.Var; readonly slot: number }
  | { readonly k: TK.Ident; readonly id: Ident }
  | { readonly k: TK.Const; readonly v: Value }
  | { readonly k: TK.List; readonly items: TItem[]; readonly tail: Tmpl }
  | { readonly k: TK.Vec; readonly items: TItem[] };

interface Rule {
  readonly pat: Pat;
  readonly tmpl: Tmpl;
  /** Size of the binding array: pattern variables, then the ellipsis frames' targets. */
  readonly nSlots: number;
}

/** What a pattern variable under one or more ellipses is bound to: one entry per match. */
class Seq {
  constructor(readonly items: Binding[]) {}
}

type Binding = Value | Seq;

function unreachable(x: never): never {
  throw new Error(`internal error: unexpected ${String(x)}`);
}

const ELLIPSIS = intern('...');
const UNDERSCORE = intern('_');

// ---------------------------------------------------------------------------------------------

export class SyntaxRules {
  private readonly rules: Rule[] = [];
  private readonly ellipsis: Sym;
  private readonly literals: Ident[] = [];

  /**
   * Parses `(syntax-rules (literal ...) (pattern template) ...)` or the R7RS custom-ellipsis form
   * `(syntax-rules ellipsis (literal ...) rules...)`. Throws a SyntaxRulesError if malformed.
   */
  constructor(spec: Value, private readonly defScope: Scope) {
    const bad = (): never => { throw new SyntaxRulesError(spec); };
    if (!(spec instanceof Pair) || !(spec.cdr instanceof Pair)) bad();
    let rest = (spec as Pair).cdr as Pair;
    let ell: Sym = ELLIPSIS;
    if (isIdent(rest.car)) {
      ell = baseSym(rest.car);
      if (!(rest.cdr instanceof Pair)) bad();
      rest = rest.cdr as Pair;
    }
    this.ellipsis = ell;
    let lits: Value = rest.car;
    while (lits instanceof Pair) {
      if (!isIdent(lits.car)) bad();
      this.literals.push(lits.car as Ident);
      lits = lits.cdr;
    }
    if (lits !== NIL) bad();
    let rs: Value = rest.cdr;
    while (rs instanceof Pair) {
      const r = rs.car;
      if (!(r instanceof Pair) || !(r.car instanceof Pair) || !(r.cdr instanceof Pair) || r.cdr.cdr !== NIL) bad();
      const rp = r as Pair;
      this.rules.push(new RuleCompiler(this, spec).rule(rp.car as Pair, (rp.cdr as Pair).car));
      rs = rs.cdr;
    }
    if (rs !== NIL) bad();
  }

  /** Is `x` one of the literals? (By identity: see the header.) */
  isLiteral(x: Ident): boolean {
    return this.literals.includes(x);
  }

  isEllipsis(x: Value): boolean {
    return isIdent(x) && baseSym(x) === this.ellipsis && !this.isLiteral(x);
  }

  isUnderscore(x: Ident): boolean {
    return baseSym(x) === UNDERSCORE && !this.isLiteral(x);
  }

  /**
   * Expands one use `form` (the whole macro call, head included) occurring in `useScope`.
   * Throws a SyntaxRulesError if no rule matches.
   */
  expand(form: Value, useScope: Scope, env: MacroEnv): Value {
    if (!(form instanceof Pair)) throw new SyntaxRulesError(form);
    const m = new Matcher(env, useScope, this.defScope);
    for (const rule of this.rules) {
      const b: Binding[] = new Array<Binding>(rule.nSlots).fill(false);
      if (m.match(rule.pat, form.cdr, b)) {
        return new Instantiator(this.defScope, b, form).tmpl(rule.tmpl);
      }
    }
    throw new SyntaxRulesError(form);
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling one rule

class RuleCompiler {
  /** Pattern variable -> slot. */
  private readonly vars = new Map<Ident, number>();
  /** Slot -> number of ellipses the variable is under. */
  private readonly depths: number[] = [];
  private nSlots = 0;

  constructor(private readonly sr: SyntaxRules, private readonly spec: Value) {}

  private bad(): never {
    throw new SyntaxRulesError(this.spec);
  }

  rule(pattern: Pair, template: Value): Rule {
    // The keyword position is ignored: the pattern is matched against the use's cdr.
    const pat = this.pat(pattern.cdr, 0);
    const tmpl = this.tmpl(template, [], false);
    return { pat, tmpl, nSlots: this.nSlots };
  }

  private pat(x: Value, depth: number): Pat {
    if (isIdent(x)) {
      if (this.sr.isLiteral(x)) return { k: PK.Lit, id: x };
      if (this.sr.isEllipsis(x)) this.bad();
      if (this.sr.isUnderscore(x)) return { k: PK.Any };
      if (this.vars.has(x)) this.bad(); // a pattern variable used twice
      const slot = this.nSlots++;
      this.vars.set(x, slot);
      this.depths[slot] = depth;
      return { k: PK.Var, slot };
    }
    if (x instanceof Pair) {
      const items: Value[] = [];
      let p: Value = x;
      while (p instanceof Pair) {
        items.push(p.car);
        p = p.cdr;
      }
      if (this.sr.isEllipsis(p)) this.bad(); // (a . ...)
      return { k: PK.List, ...this.seqPat(items, depth), rest: this.pat(p, depth) };
    }
    if (x instanceof SVector) return { k: PK.Vec, ...this.seqPat(x.items, depth) };
    return { k: PK.Const, v: x };
  }

  private seqPat(items: Value[], depth: number): SeqPat {
    const head: Pat[] = [];
    const tail: Pat[] = [];
    let ell: Pat | null = null;
    let ellSlots: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!;
      if (this.sr.isEllipsis(x)) this.bad(); // an ellipsis not following a subpattern
      if (i + 1 < items.length && this.sr.isEllipsis(items[i + 1]!)) {
        if (ell !== null) this.bad(); // two ellipses in one list
        const first = this.nSlots;
        ell = this.pat(x, depth + 1);
        ellSlots = [];
        for (let s = first; s < this.nSlots; s++) ellSlots.push(s);
        i++;
      } else {
        (ell === null ? head : tail).push(this.pat(x, depth));
      }
    }
    return { head, ell, ellSlots, tail };
  }

  /**
   * `frames`: the ellipses around `x`, innermost first. `escaped`: inside `(... template)`,
   * where the ellipsis is an ordinary identifier.
   */
  private tmpl(x: Value, frames: Frame[], escaped: boolean): Tmpl {
    if (isIdent(x)) {
      const slot = this.vars.get(x);
      if (slot !== undefined) {
        const d = this.depths[slot]!;
        if (d > frames.length) this.bad(); // too few ellipses after a pattern variable
        return { k: TK.Var, slot: this.ref(slot, d, frames, 0) };
      }
      if (!escaped && this.sr.isEllipsis(x)) this.bad(); // a stray ellipsis
      return { k: TK.Ident, id: x };
    }
    if (x instanceof Pair) {
      if (!escaped && this.sr.isEllipsis(x.car)) {
        // (... template): the ellipsis is literal in template
        if (!(x.cdr instanceof Pair) || x.cdr.cdr !== NIL) this.bad();
        return this.tmpl((x.cdr as Pair).car, frames, true);
      }
      const items: Value[] = [];
      let p: Value = x;
      while (p instanceof Pair) {
        items.push(p.car);
        p = p.cdr;
      }
      return { k: TK.List, items: this.tmplItems(items, frames, escaped), tail: this.tmpl(p, frames, escaped) };
    }
    if (x instanceof SVector) return { k: TK.Vec, items: this.tmplItems(x.items, frames, escaped) };
    return { k: TK.Const, v: x };
  }

  private tmplItems(items: Value[], frames: Frame[], escaped: boolean): TItem[] {
    const out: TItem[] = [];
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!;
      if (!escaped && this.sr.isEllipsis(x)) this.bad(); // an ellipsis not following a subtemplate
      const own: Frame[] = []; // innermost (the first ellipsis after x) first
      while (!escaped && i + 1 < items.length && this.sr.isEllipsis(items[i + 1]!)) {
        own.push({ sources: [], targets: [] });
        i++;
      }
      const t = this.tmpl(x, own.length === 0 ? frames : [...own, ...frames], escaped);
      for (const f of own) if (f.sources.length === 0) this.bad(); // nothing to iterate over
      out.push({ t, frames: own.reverse() });
    }
    return out;
  }

  /**
   * The slot holding pattern variable `slot` (of depth `d`) inside frames[i..]: the variable
   * iterates with frames[i .. i+d-1], the outermost of them taking elements of the slot itself.
   */
  private ref(slot: number, d: number, frames: Frame[], i: number): number {
    if (d === 0) return slot;
    const src = this.ref(slot, d - 1, frames, i + 1);
    const f = frames[i]!;
    const j = f.sources.indexOf(src);
    if (j >= 0) return f.targets[j]!;
    const target = this.nSlots++;
    f.sources.push(src);
    f.targets.push(target);
    return target;
  }
}

// ---------------------------------------------------------------------------------------------
// Matching

class Matcher {
  constructor(private readonly env: MacroEnv, private readonly useScope: Scope, private readonly defScope: Scope) {}

  match(p: Pat, x: Value, b: Binding[]): boolean {
    switch (p.k) {
      case PK.Var:
        b[p.slot] = x;
        return true;
      case PK.Any:
        return true;
      case PK.Lit:
        return isIdent(x) && this.env.sameBinding(x, this.useScope, p.id, this.defScope);
      case PK.Const:
        return equalAtom(p.v, x);
      case PK.List: {
        if (p.ell === null) {
          // Walk the spine: no array, and no recursion along the cdrs.
          let y = x;
          for (const hp of p.head) {
            if (!(y instanceof Pair) || !this.match(hp, y.car, b)) return false;
            y = y.cdr;
          }
          return this.match(p.rest, y, b);
        }
        const s = spine(x);
        if (s === null) return false;
        return this.matchSeq(p, s.items, b) && this.match(p.rest, s.tail, b);
      }
      case PK.Vec:
        if (!(x instanceof SVector)) return false;
        if (p.ell === null && x.items.length !== p.head.length) return false;
        return this.matchSeq(p, x.items, b);
      default:
        return unreachable(p);
    }
  }

  /** Matches all of `items` against the head, ellipsis and tail of `p`. */
  private matchSeq(p: SeqPat, items: Value[], b: Binding[]): boolean {
    const n = items.length;
    const k = p.head.length;
    const m = p.tail.length;
    if (n < k + m) return false;
    for (let i = 0; i < k; i++) if (!this.match(p.head[i]!, items[i]!, b)) return false;
    if (p.ell !== null) {
      const seqs: Binding[][] = p.ellSlots.map(() => []);
      for (let i = k; i < n - m; i++) {
        if (!this.match(p.ell, items[i]!, b)) return false;
        for (let j = 0; j < seqs.length; j++) seqs[j]!.push(b[p.ellSlots[j]!]!);
      }
      for (let j = 0; j < seqs.length; j++) b[p.ellSlots[j]!] = new Seq(seqs[j]!);
    }
    for (let i = 0; i < m; i++) if (!this.match(p.tail[i]!, items[n - m + i]!, b)) return false;
    return true;
  }
}

/** The elements of a (possibly improper) list and its final cdr; null if circular. */
function spine(x: Value): { items: Value[]; tail: Value } | null {
  const items: Value[] = [];
  let slow = x;
  while (x instanceof Pair) {
    items.push(x.car);
    x = x.cdr;
    if ((items.length & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === x && x instanceof Pair) return null;
    }
  }
  return { items, tail: x };
}

/** equal? on the non-pair, non-vector data a pattern may contain. */
function equalAtom(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof Flonum) return b instanceof Flonum && Object.is(a.v, b.v);
  if (a instanceof Ratnum) return b instanceof Ratnum && a.num === b.num && a.den === b.den;
  if (a instanceof Cpxnum) return b instanceof Cpxnum && equalAtom(a.re, b.re) && equalAtom(a.im, b.im);
  if (a instanceof MString) return b instanceof MString && a.s === b.s;
  if (a instanceof Char) return b instanceof Char && a.code === b.code;
  if (a instanceof Keyword) return b instanceof Keyword && a.interned && b.interned && a.name === b.name;
  return sameElems(a, b);
}

// ---------------------------------------------------------------------------------------------
// Instantiating a template

class Instantiator {
  /** Template identifier -> its Alias in this expansion. */
  private readonly renames = new Map<Ident, Alias>();

  constructor(private readonly defScope: Scope, private readonly b: Binding[], private readonly form: Value) {}

  tmpl(t: Tmpl): Value {
    switch (t.k) {
      case TK.Var:
        return this.b[t.slot] as Value;
      case TK.Ident: {
        let a = this.renames.get(t.id);
        if (a === undefined) {
          a = new Alias(t.id, this.defScope);
          this.renames.set(t.id, a);
        }
        return a;
      }
      case TK.Const:
        return t.v;
      case TK.List: {
        const out: Value[] = [];
        for (const it of t.items) this.item(it, 0, out);
        return arrayToList(out, this.tmpl(t.tail));
      }
      case TK.Vec: {
        const out: Value[] = [];
        for (const it of t.items) this.item(it, 0, out);
        return new SVector(out);
      }
      default:
        return unreachable(t);
    }
  }

  /** Appends to `out` the instances of `it` under its frames fi.. (flattening `x ... ...`). */
  private item(it: TItem, fi: number, out: Value[]): void {
    if (fi === it.frames.length) {
      out.push(this.tmpl(it.t));
      return;
    }
    const f = it.frames[fi]!;
    const seqs = f.sources.map((s) => this.b[s] as Seq);
    const n = seqs[0]!.items.length;
    // Variables iterated together must have matched the same number of times.
    for (const s of seqs) if (s.items.length !== n) throw new SyntaxRulesError(this.form);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < seqs.length; j++) this.b[f.targets[j]!] = seqs[j]!.items[i]!;
      this.item(it, fi + 1, out);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing a form for an error message. Only what source code contains; the compiler renders
// its own messages from SyntaxRulesError.form with the real printer.

const ABBREVS = new Map<Sym, string>([
  [intern('quote'), "'"], [intern('quasiquote'), '`'], [intern('unquote'), ','], [intern('unquote-splicing'), ',@'],
]);

/** Writes a datum (aliases as their base symbols) roughly as gsi's `write` would. */
export function writeForm(v: Value): string {
  const out: string[] = [];
  let budget = 10000; // stop on huge or circular forms
  const w = (x: Value): void => {
    if (--budget < 0) {
      if (budget === -1) out.push('...');
      return;
    }
    if (x instanceof Pair) {
      const abbrev = x.cdr instanceof Pair && x.cdr.cdr === NIL && isIdent(x.car) ? ABBREVS.get(baseSym(x.car)) : undefined;
      if (abbrev !== undefined) {
        out.push(abbrev);
        w((x.cdr as Pair).car);
        return;
      }
      out.push('(');
      let first = true;
      let p: Value = x;
      while (p instanceof Pair && budget >= 0) {
        if (!first) out.push(' ');
        w(p.car);
        first = false;
        p = p.cdr;
      }
      if (p !== NIL && !(p instanceof Pair)) {
        out.push(' . ');
        w(p);
      }
      out.push(')');
    } else if (x instanceof SVector) {
      out.push('#(');
      x.items.forEach((y, i) => {
        if (i > 0) out.push(' ');
        w(y);
      });
      out.push(')');
    } else {
      out.push(writeAtom(x));
    }
  };
  w(v);
  return out.join('');
}

function writeAtom(x: Value): string {
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x === true) return '#t';
  if (x === false) return '#f';
  if (x instanceof Sym) return x.name;
  if (x instanceof Alias) return baseSym(x).name;
  if (x instanceof Keyword) return x.name + ':';
  if (x instanceof Special) return x.name;
  if (x instanceof MString) return JSON.stringify(x.s);
  if (x instanceof Char) {
    const names: Record<number, string> = { 0: 'nul', 9: 'tab', 10: 'newline', 13: 'return', 32: 'space' };
    return '#\\' + (names[x.code] ?? String.fromCodePoint(x.code));
  }
  if (x instanceof Flonum) {
    const v = x.v;
    if (Number.isNaN(v)) return '+nan.0';
    if (!Number.isFinite(v)) return v > 0 ? '+inf.0' : '-inf.0';
    let s = String(v).replace('e+', 'e');
    if (Number.isInteger(v) && !s.includes('e')) s += '.';
    return s.replace(/^(-?)0\./, '$1.');
  }
  if (x instanceof Ratnum) return `${x.num}/${x.den}`;
  return '#<object>';
}
