// Vectors (R7RS 6.8), with gsi 4.9.3's extras: vector-set (functional), subvector,
// subvector-fill!, subvector-move!, vector-shrink!, vector-cas!, vector-inc!, append-vectors.
// u8vectors and the other homogeneous vectors are in hvectors.ts. vector-map and
// vector-for-each call procedures: they are in scheme-lib/prelude-data.scm. gsi 4.9.3 has no
// public vector-grow.
//
// Ranges: an optional [start [end]] has start in [0, len] then end in [start, len]; the
// copy! procedures also need the destination to have room (else `Out of range` of the
// destination position).

import { typeError, rangeError } from '../errors.js';
import { NIL, Pair, SVector, VOID, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { isEq } from '../equality.js';
import { T, count, index, intIn, startEnd } from './data-util.js';

export function vectorArg(v: Value, arg: number): SVector {
  if (v instanceof SVector) return v;
  throw typeError(arg, T.vector);
}


function toList(items: ArrayLike<Value>, a: number, b: number): Value {
  let r: Value = NIL;
  for (let i = b - 1; i >= a; i--) r = new Pair(items[i]!, r);
  return r;
}

/**
 * The elements of list `lst`, each passing `elementOk`; else, or if the list is improper,
 * `(Argument 1) <listType> expected` (gsi: `(append-vectors 5)` says VECTOR LIST).
 */
function listItems(lst: Value, elementOk: (v: Value) => boolean, listType: string): Value[] {
  const out: Value[] = [];
  let x = lst;
  while (x instanceof Pair) {
    if (!elementOk(x.car)) throw typeError(1, listType);
    out.push(x.car);
    x = x.cdr;
  }
  if (x !== NIL) throw typeError(1, listType);
  return out;
}

function vectorPrimsOnly(): ReturnType<PrimFactory> {
  return [
    pure('vector?', 1, 1, (x: Value) => x instanceof SVector),
    pure('make-vector', 1, 2, (n: Value, fill: Value = 0) => new SVector(new Array<Value>(count(n, 1)).fill(fill))),
    pure('vector', 0, -1, (...xs: Value[]) => new SVector(xs)),
    pure('vector-length', 1, 1, (v: Value) => vectorArg(v, 1).items.length),
    pure('vector-ref', 2, 2, (v: Value, k: Value) => {
      const items = vectorArg(v, 1).items;
      return items[index(k, items.length, 2)]!;
    }),
    plain('vector-set!', 3, 3, (v: Value, k: Value, x: Value) => {
      const items = vectorArg(v, 1).items;
      items[index(k, items.length, 2)] = x;
      return VOID;
    }),
    pure('vector-set', 3, 3, (v: Value, k: Value, x: Value) => {
      const items = vectorArg(v, 1).items.slice();
      items[index(k, items.length, 2)] = x;
      return new SVector(items);
    }),
    pure('vector->list', 1, 3, (v: Value, start?: Value, end?: Value) => {
      const items = vectorArg(v, 1).items;
      const [a, b] = startEnd(items.length, start, end, 2);
      return toList(items, a, b);
    }),
    pure('list->vector', 1, 1, (lst: Value) => new SVector(listItems(lst, () => true, T.list))),
    plain('vector-fill!', 2, 4, (v: Value, x: Value, start?: Value, end?: Value) => {
      const items = vectorArg(v, 1).items;
      const [a, b] = startEnd(items.length, start, end, 3);
      items.fill(x, a, b);
      return VOID;
    }),
    plain('subvector-fill!', 4, 4, (v: Value, start: Value, end: Value, x: Value) => {
      const items = vectorArg(v, 1).items;
      const [a, b] = startEnd(items.length, start, end, 2);
      items.fill(x, a, b);
      return VOID;
    }),
    pure('vector-copy', 1, 3, (v: Value, start?: Value, end?: Value) => {
      const items = vectorArg(v, 1).items;
      const [a, b] = startEnd(items.length, start, end, 2);
      return new SVector(items.slice(a, b));
    }),
    pure('subvector', 3, 3, (v: Value, start: Value, end: Value) => {
      const items = vectorArg(v, 1).items;
      const [a, b] = startEnd(items.length, start, end, 2);
      return new SVector(items.slice(a, b));
    }),
    plain('vector-copy!', 3, 5, (to: Value, at: Value, from: Value, start?: Value, end?: Value) => {
      const dst = vectorArg(to, 1).items;
      const pos = intIn(at, 0, dst.length, 2);
      const src = vectorArg(from, 3).items;
      const [a, b] = startEnd(src.length, start, end, 4);
      if (pos + (b - a) > dst.length) throw rangeError(2);
      const part = src.slice(a, b);
      for (let i = 0; i < part.length; i++) dst[pos + i] = part[i]!;
      return VOID;
    }),
    plain('subvector-move!', 5, 5, (from: Value, start: Value, end: Value, to: Value, at: Value) => {
      const src = vectorArg(from, 1).items;
      const [a, b] = startEnd(src.length, start, end, 2);
      const dst = vectorArg(to, 4).items;
      const pos = intIn(at, 0, dst.length, 5);
      if (pos + (b - a) > dst.length) throw rangeError(5);
      const part = src.slice(a, b);
      for (let i = 0; i < part.length; i++) dst[pos + i] = part[i]!;
      return VOID;
    }),
    pure('vector-append', 0, -1, (...vs: Value[]) => new SVector(vs.flatMap((v, i) => vectorArg(v, i + 1).items))),
    pure('append-vectors', 1, 1, (lst: Value) =>
      new SVector(listItems(lst, (v) => v instanceof SVector, 'VECTOR LIST').flatMap((v) => (v as SVector).items))),
    plain('vector-shrink!', 2, 2, (v: Value, k: Value) => {
      const items = vectorArg(v, 1).items;
      items.length = intIn(k, 0, items.length, 2);
      return VOID;
    }),
    plain('vector-cas!', 4, 4, (v: Value, k: Value, x: Value, expected: Value) => {
      const items = vectorArg(v, 1).items;
      const i = index(k, items.length, 2);
      const old = items[i]!;
      if (isEq(old, expected)) items[i] = x;
      return old;
    }),
    plain('vector-inc!', 2, 3, (v: Value, k: Value, n: Value = 1) => {
      const items = vectorArg(v, 1).items;
      const i = index(k, items.length, 2);
      const old = items[i]!;
      if (typeof old !== 'number') throw typeError(1, 'FIXNUM');
      if (typeof n !== 'number') throw typeError(3, 'FIXNUM');
      items[i] = old + n;
      return old;
    }),
  ];
}

export const vectorPrims: PrimFactory = () => vectorPrimsOnly();
