// quasiquote (R7RS 4.2.8) rewritten into calls of ##cons, ##append, ##list and ##list->vector.
// Nesting levels: an inner quasiquote raises the level, unquote lowers it; only level-1
// unquotes are evaluated. Parts with no unquote at the current level become quoted constants.

import { core, hash } from './core-syms.js';
import { stripSyntax } from './syntax.js';
import { NIL, Pair, SVector, type Value } from '../runtime/values.js';

type IsKw = (v: Value, name: string) => boolean;

function L(...xs: Value[]): Value {
  let r: Value = NIL;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

function quoted(x: Value): Value {
  return L(core('quote'), stripSyntax(x));
}

/** `(kw e)` with kw the given keyword? Returns e. */
function unary(x: Value, kw: string, isKw: IsKw): Value | undefined {
  if (x instanceof Pair && isKw(x.car, kw) && x.cdr instanceof Pair && x.cdr.cdr === NIL) return x.cdr.car;
  return undefined;
}

function isConstQuote(v: Value): boolean {
  return v instanceof Pair && v.car === core('quote');
}

export function expandQuasiquote(x: Value, depth: number, isKw: IsKw, bad: () => never): Value {
  const uq = unary(x, 'unquote', isKw);
  if (uq !== undefined) {
    if (depth === 1) return uq;
    return mk(x, L(core('quote'), (x as Pair).car), expandQuasiquote(uq, depth - 1, isKw, bad));
  }
  const qq = unary(x, 'quasiquote', isKw);
  if (qq !== undefined) return mk(x, L(core('quote'), (x as Pair).car), expandQuasiquote(qq, depth + 1, isKw, bad));
  if (x instanceof Pair) {
    if (isKw(x.car, 'unquote') || isKw(x.car, 'quasiquote')) bad(); // wrong arity
    const spl = unary(x.car, 'unquote-splicing', isKw);
    if (spl !== undefined) {
      const rest = expandQuasiquote(x.cdr, depth, isKw, bad);
      if (depth === 1) {
        if (rest instanceof Pair && rest.car === core('quote') && (rest.cdr as Pair).car === NIL) return spl;
        return L(hash('append'), spl, rest);
      }
      const inner = mk(x.car, L(core('quote'), (x.car as Pair).car), expandQuasiquote(spl, depth - 1, isKw, bad));
      return cons(x, inner, rest);
    }
    return cons(x, expandQuasiquote(x.car, depth, isKw, bad), expandQuasiquote(x.cdr, depth, isKw, bad));
  }
  if (x instanceof SVector) {
    let lst: Value = NIL;
    for (let i = x.items.length - 1; i >= 0; i--) lst = new Pair(x.items[i]!, lst);
    const e = expandQuasiquote(lst, depth, isKw, bad);
    return isConstQuote(e) ? quoted(x) : L(hash('list->vector'), e);
  }
  return quoted(x);
}

/** (list a b) for a two-element form, folded to a constant when both parts are. */
function mk(orig: Value, a: Value, b: Value): Value {
  if (isConstQuote(a) && isConstQuote(b)) return quoted(orig);
  return L(hash('list'), a, b);
}

function cons(orig: Pair, a: Value, b: Value): Value {
  if (isConstQuote(a) && isConstQuote(b)) return quoted(orig);
  return L(hash('cons'), a, b);
}
