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

function isConstQuote(v: Value): boolean {
  return v instanceof Pair && v.car === core('quote');
}

export function expandQuasiquote(x: Value, depth: number, isKw: IsKw, bad: () => never): Value {
  if (x instanceof Pair) {
    // (unquote e): evaluated at level 1; deeper, kept with its argument list processed one
    // level down (so `,,@x` splices into the unquote form, as gsi does).
    if (isKw(x.car, 'unquote')) {
      if (!(x.cdr instanceof Pair)) bad();
      if (depth === 1) {
        if (x.cdr.cdr !== NIL) bad();
        return x.cdr.car;
      }
      return cons(x, L(core('quote'), x.car), expandQuasiquote(x.cdr, depth - 1, isKw, bad));
    }
    if (isKw(x.car, 'quasiquote')) {
      return cons(x, L(core('quote'), x.car), expandQuasiquote(x.cdr, depth + 1, isKw, bad));
    }
    const head = x.car;
    if (head instanceof Pair && isKw(head.car, 'unquote-splicing')) {
      const rest = expandQuasiquote(x.cdr, depth, isKw, bad);
      if (depth === 1) {
        if (!(head.cdr instanceof Pair) || head.cdr.cdr !== NIL) bad();
        const spl = head.cdr.car;
        if (rest instanceof Pair && rest.car === core('quote') && (rest.cdr as Pair).car === NIL) return spl;
        return L(hash('append'), spl, rest);
      }
      const inner = cons(head, L(core('quote'), head.car), expandQuasiquote(head.cdr, depth - 1, isKw, bad));
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

function cons(orig: Pair, a: Value, b: Value): Value {
  if (isConstQuote(a) && isConstQuote(b)) return quoted(orig);
  return L(hash('cons'), a, b);
}
