// Pairs and lists: R7RS 6.4 plus the list procedures of gsi 4.9.3 (manual section "Lists":
// list-set, list-set!, cons*, xcons, iota, make-list, list-copy, last-pair, last, take, drop,
// reverse!, circular-list). Procedures that call procedures (map, for-each, fold, fold-right,
// list-tabulate, member and assoc with a test) are in scheme-lib/prelude-data.scm; the
// two-argument member and assoc are `##member` / `##assoc` here.
//
// Errors follow gsi: a walk that runs off a pair reports `(Argument 1) PAIR expected` (list-ref,
// list-tail, take, drop), a list that is not proper `LIST expected` at the end of the walk
// (memq finds an element before an improper tail), an alist element that is not a pair
// `PAIR LIST expected`. Unlike gsi, length and list? stop on circular lists (length reports
// LIST expected where gsi loops forever).

import { ErrorObj, typeError } from '../errors.js';
import { NIL, Pair, VOID, isNumber, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { isEq, isEqv, isEqual } from '../equality.js';
import { add, mul } from '../numbers.js';
import { T, count, intIn, withCall } from './data-util.js';

function pairArg(v: Value, arg: number): Pair {
  if (v instanceof Pair) return v;
  throw typeError(arg, T.pair);
}

/** c[ad]+r: `path` is read right to left, as in the name (cadr = car of cdr). */
function cxr(name: string): (x: Value) => Value {
  const ops = name.slice(1, -1).split('').reverse();
  return (x: Value): Value => {
    let v = x;
    for (const op of ops) {
      if (!(v instanceof Pair)) throw typeError(1, T.pair);
      v = op === 'a' ? v.car : v.cdr;
    }
    return v;
  };
}

const CXR_NAMES: string[] = [];
for (let n = 2; n <= 4; n++) {
  const gen = (prefix: string): void => {
    if (prefix.length === n) {
      CXR_NAMES.push(`c${prefix}r`);
      return;
    }
    gen(`${prefix}a`);
    gen(`${prefix}d`);
  };
  gen('');
}

/** The length of a proper list, or -1 for an improper or circular one. */
export function listLength(v: Value): number {
  let n = 0;
  let slow = v;
  while (v instanceof Pair) {
    v = v.cdr;
    n++;
    if ((n & 1) === 0) {
      slow = (slow as Pair).cdr;
      if (slow === v) return -1;
    }
  }
  return v === NIL ? n : -1;
}

/** Follow `k` cdrs; running off the list is `(Argument 1) PAIR expected`. */
function tail(lst: Value, k: number): Value {
  let x = lst;
  for (let i = 0; i < k; i++) {
    if (!(x instanceof Pair)) throw typeError(1, T.pair);
    x = x.cdr;
  }
  return x;
}

/** A list index argument: an exact non-negative integer (bignums are simply too large). */
function kArg(v: Value, arg: number): number {
  return intIn(v, 0, Number.MAX_SAFE_INTEGER, arg);
}

function mem(same: (a: Value, b: Value) => boolean) {
  return (x: Value, lst: Value): Value => {
    let l = lst;
    while (l instanceof Pair) {
      if (same(x, l.car)) return l;
      l = l.cdr;
    }
    if (l !== NIL) throw typeError(2, T.list);
    return false;
  };
}

function ass(same: (a: Value, b: Value) => boolean) {
  return (x: Value, lst: Value): Value => {
    let l = lst;
    while (l instanceof Pair) {
      const e = l.car;
      if (!(e instanceof Pair)) throw typeError(2, T.pairList);
      if (same(x, e.car)) return e;
      l = l.cdr;
    }
    if (l !== NIL) throw typeError(2, T.list);
    return false;
  };
}

function append(...lists: Value[]): Value {
  if (lists.length === 0) return NIL;
  let result: Value = lists[lists.length - 1]!;
  for (let i = lists.length - 2; i >= 0; i--) {
    const items: Value[] = [];
    let x = lists[i]!;
    while (x instanceof Pair) {
      items.push(x.car);
      x = x.cdr;
    }
    if (x !== NIL) throw typeError(i + 1, T.list);
    for (let j = items.length - 1; j >= 0; j--) result = new Pair(items[j]!, result);
  }
  return result;
}

function reverse(lst: Value): Value {
  let r: Value = NIL;
  let x = lst;
  while (x instanceof Pair) {
    r = new Pair(x.car, r);
    x = x.cdr;
  }
  if (x !== NIL) throw typeError(1, T.list);
  return r;
}

function listCopy(lst: Value): Value {
  if (!(lst instanceof Pair)) return lst;
  const head = new Pair(lst.car, NIL);
  let last = head;
  let x = lst.cdr;
  while (x instanceof Pair) {
    const p = new Pair(x.car, NIL);
    last.cdr = p;
    last = p;
    x = x.cdr;
  }
  last.cdr = x;
  return head;
}

function lastPair(lst: Value): Pair {
  let p = pairArg(lst, 1);
  while (p.cdr instanceof Pair) p = p.cdr;
  return p;
}

function iota(n: Value, start?: Value, step?: Value): Value {
  const cnt = count(n, 1);
  if (start !== undefined && !isNumber(start)) throw typeError(2, 'NUMBER');
  if (step !== undefined && !isNumber(step)) throw typeError(3, 'NUMBER');
  const s = start ?? 0;
  const d = step ?? 1;
  let r: Value = NIL;
  for (let i = cnt - 1; i >= 0; i--) r = new Pair(add(s, mul(i, d)), r);
  return r;
}

export const listPrims: PrimFactory = () => [
  pure('pair?', 1, 1, (x: Value) => x instanceof Pair),
  pure('null?', 1, 1, (x: Value) => x === NIL),
  pure('list?', 1, 1, (x: Value) => listLength(x) >= 0),
  pure('cons', 2, 2, (a: Value, b: Value) => new Pair(a, b)),
  pure('xcons', 2, 2, (d: Value, a: Value) => new Pair(a, d)),
  pure('car', 1, 1, (p: Value) => pairArg(p, 1).car),
  pure('cdr', 1, 1, (p: Value) => pairArg(p, 1).cdr),
  ...CXR_NAMES.map((n) => pure(n, 1, 1, cxr(n))),
  plain('set-car!', 2, 2, (p: Value, v: Value) => { pairArg(p, 1).car = v; return VOID; }),
  plain('set-cdr!', 2, 2, (p: Value, v: Value) => { pairArg(p, 1).cdr = v; return VOID; }),
  pure('list', 0, -1, (...xs: Value[]) => {
    let r: Value = NIL;
    for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
    return r;
  }),
  pure('cons*', 1, -1, (...xs: Value[]) => {
    let r: Value = xs[xs.length - 1]!;
    for (let i = xs.length - 2; i >= 0; i--) r = new Pair(xs[i]!, r);
    return r;
  }),
  pure('make-list', 1, 2, (n: Value, fill: Value = 0) => {
    let r: Value = NIL;
    for (let i = count(n, 1); i > 0; i--) r = new Pair(fill, r);
    return r;
  }),
  pure('circular-list', 1, -1, (...xs: Value[]) => {
    const head = new Pair(xs[0]!, NIL);
    let last = head;
    for (let i = 1; i < xs.length; i++) {
      const p = new Pair(xs[i]!, NIL);
      last.cdr = p;
      last = p;
    }
    last.cdr = head;
    return head;
  }),
  pure('iota', 1, 3, iota),
  pure('length', 1, 1, (l: Value) => {
    const n = listLength(l);
    if (n < 0) throw typeError(1, T.list);
    return n;
  }),
  pure('append', 0, -1, append),
  pure('reverse', 1, 1, reverse),
  plain('reverse!', 1, 1, (lst: Value) => {
    if (listLength(lst) < 0) throw typeError(1, T.list);
    let r: Value = NIL;
    let x = lst;
    while (x instanceof Pair) {
      const next: Value = x.cdr;
      x.cdr = r;
      r = x;
      x = next;
    }
    return r;
  }),
  pure('list-copy', 1, 1, listCopy),
  pure('list-tail', 2, 2, (l: Value, k: Value) => tail(l, kArg(k, 2))),
  pure('list-ref', 2, 2, (l: Value, k: Value) => pairArg(tail(l, kArg(k, 2)), 1).car),
  plain('list-set!', 3, 3, (l: Value, k: Value, v: Value) => {
    pairArg(tail(l, kArg(k, 2)), 1).car = v;
    return VOID;
  }),
  pure('list-set', 3, 3, (l: Value, k: Value, v: Value) => {
    const n = kArg(k, 2);
    const prefix: Value[] = [];
    let x = l;
    for (let i = 0; i < n; i++) {
      if (!(x instanceof Pair)) throw typeError(1, T.pair);
      prefix.push(x.car);
      x = x.cdr;
    }
    let r: Value = new Pair(v, pairArg(x, 1).cdr);
    for (let i = prefix.length - 1; i >= 0; i--) r = new Pair(prefix[i]!, r);
    return r;
  }),
  pure('last-pair', 1, 1, lastPair),
  pure('last', 1, 1, (l: Value) => lastPair(l).car),
  pure('take', 2, 2, (l: Value, k: Value) => {
    const n = kArg(k, 2);
    const items: Value[] = [];
    let x = l;
    for (let i = 0; i < n; i++) {
      if (!(x instanceof Pair)) throw typeError(1, T.pair);
      items.push(x.car);
      x = x.cdr;
    }
    let r: Value = NIL;
    for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i]!, r);
    return r;
  }),
  pure('drop', 2, 2, (l: Value, k: Value) => tail(l, kArg(k, 2))),
  pure('memq', 2, 2, mem(isEq)),
  pure('memv', 2, 2, mem(isEqv)),
  pure('##member', 2, 2, mem(isEqual)),
  pure('assq', 2, 2, ass(isEq)),
  pure('assv', 2, 2, ass(isEqv)),
  pure('##assoc', 2, 2, ass(isEqual)),
  // Helpers of scheme-lib/prelude-data.scm; `proc` and `args` make the call form of errors.
  /**
   * (##cars+cdrs lists first-arg-num proc args): one step of a walk down several lists:
   * (cars . cdrs), or #f when a list has ended. A list ending in a non-pair is
   * `(Argument N) LIST expected`, whatever the others hold (as gsi's map checks).
   */
  pure('##cars+cdrs', 4, 4, (lists: Value, first: Value, proc: Value, args: Value) => {
    const cars: Value[] = [];
    const cdrs: Value[] = [];
    let ended = false;
    let n = typeof first === 'number' ? first : 1;
    for (let l = lists; l instanceof Pair; l = l.cdr, n++) {
      const x = l.car;
      if (x instanceof Pair) {
        cars.push(x.car);
        cdrs.push(x.cdr);
      } else if (x === NIL) {
        ended = true;
      } else {
        throw withCall(typeError(n, T.list), proc, arrayOf(args));
      }
    }
    return ended ? false : new Pair(toList(cars), toList(cdrs));
  }),
  /** (##check-count n arg-num proc args): n if it is an exact integer >= 0, else the error. */
  pure('##check-count', 4, 4, (n: Value, argNum: Value, proc: Value, args: Value) => {
    try {
      return count(n, typeof argNum === 'number' ? argNum : 1);
    } catch (e: unknown) {
      if (e instanceof ErrorObj) throw withCall(e, proc, arrayOf(args));
      throw e;
    }
  }),
  /** (##reverse-iota n): (n-1 ... 1 0). */
  pure('##reverse-iota', 1, 1, (n: Value) => {
    let r: Value = NIL;
    for (let i = 0; i < (n as number); i++) r = new Pair(i, r);
    return r;
  }),
];

function toList(xs: Value[]): Value {
  let r: Value = NIL;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

function arrayOf(lst: Value): Value[] {
  const out: Value[] = [];
  for (let x = lst; x instanceof Pair; x = x.cdr) out.push(x.car);
  return out;
}
