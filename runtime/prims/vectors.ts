// Vectors (R7RS 6.8) and u8vectors (R7RS bytevectors, 6.9; Gambit's SRFI 4 u8vector names and
// the R7RS bytevector names are both defined), with gsi 4.9.3's extras: vector-set and
// u8vector-set (functional), subvector, subvector-fill!, subvector-move!, vector-shrink!,
// vector-cas!, vector-inc!, append-vectors and their u8vector counterparts. vector-map and
// vector-for-each call procedures: they are in scheme-lib/prelude-data.scm. gsi 4.9.3 has no
// public vector-grow.
//
// Ranges: an optional [start [end]] has start in [0, len] then end in [start, len]; the
// copy! procedures also need the destination to have room (else `Out of range` of the
// destination position).

import { typeError, rangeError } from '../errors.js';
import { NIL, Pair, SVector, U8Vector, VOID, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { isEq } from '../equality.js';
import { T, count, index, intIn, startEnd } from './data-util.js';

export function vectorArg(v: Value, arg: number): SVector {
  if (v instanceof SVector) return v;
  throw typeError(arg, T.vector);
}

export function u8vectorArg(v: Value, arg: number): U8Vector {
  if (v instanceof U8Vector) return v;
  throw typeError(arg, T.u8vector);
}

function byteArg(v: Value, arg: number): number {
  if (typeof v === 'number' && v >= 0 && v <= 255) return v;
  throw typeError(arg, T.u8);
}

function toList(items: ArrayLike<Value>, a: number, b: number): Value {
  let r: Value = NIL;
  for (let i = b - 1; i >= a; i--) r = new Pair(items[i]!, r);
  return r;
}

function listItems(lst: Value, elementOk: (v: Value) => boolean, listType: string): Value[] {
  const out: Value[] = [];
  let x = lst;
  while (x instanceof Pair) {
    if (!elementOk(x.car)) throw typeError(1, listType);
    out.push(x.car);
    x = x.cdr;
  }
  if (x !== NIL) throw typeError(1, T.list);
  return out;
}

const isByte = (v: Value): boolean => typeof v === 'number' && v >= 0 && v <= 255;

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

/** The u8vector procedures under `name` (Gambit) and, when given, `alias` (R7RS bytevector). */
function u8(name: string, alias: string | null, min: number, max: number, kind: 'pure' | 'plain', fn: (...args: Value[]) => Value): ReturnType<PrimFactory> {
  const mk = kind === 'pure' ? pure : plain;
  return alias === null ? [mk(name, min, max, fn)] : [mk(name, min, max, fn), mk(alias, min, max, fn)];
}

function u8vectorPrims(): ReturnType<PrimFactory> {
  const copyInto = (to: Value, at: Value, from: Value, start?: Value, end?: Value): Value => {
    const dst = u8vectorArg(to, 1).bytes;
    const pos = intIn(at, 0, dst.length, 2);
    const src = u8vectorArg(from, 3).bytes;
    const [a, b] = startEnd(src.length, start, end, 4);
    if (pos + (b - a) > dst.length) throw rangeError(2);
    dst.set(src.slice(a, b), pos);
    return VOID;
  };
  return [
    ...u8('u8vector?', 'bytevector?', 1, 1, 'pure', (x) => x instanceof U8Vector),
    ...u8('make-u8vector', 'make-bytevector', 1, 2, 'pure', (n, fill = 0) =>
      new U8Vector(new Uint8Array(count(n, 1)).fill(byteArg(fill, 2)))),
    ...u8('u8vector', 'bytevector', 0, -1, 'pure', (...xs) => new U8Vector(Uint8Array.from(xs.map((x, i) => byteArg(x, i + 1))))),
    ...u8('u8vector-length', 'bytevector-length', 1, 1, 'pure', (v) => u8vectorArg(v, 1).bytes.length),
    ...u8('u8vector-ref', 'bytevector-u8-ref', 2, 2, 'pure', (v, k) => {
      const b = u8vectorArg(v, 1).bytes;
      return b[index(k, b.length, 2)]!;
    }),
    ...u8('u8vector-set!', 'bytevector-u8-set!', 3, 3, 'plain', (v, k, x) => {
      const b = u8vectorArg(v, 1).bytes;
      const i = index(k, b.length, 2);
      b[i] = byteArg(x, 3);
      return VOID;
    }),
    ...u8('u8vector-set', null, 3, 3, 'pure', (v, k, x) => {
      const b = u8vectorArg(v, 1).bytes.slice();
      const i = index(k, b.length, 2);
      b[i] = byteArg(x, 3);
      return new U8Vector(b);
    }),
    ...u8('u8vector->list', null, 1, 3, 'pure', (v, start, end) => {
      const b = u8vectorArg(v, 1).bytes;
      const [s, e] = startEnd(b.length, start, end, 2);
      return toList(b, s, e);
    }),
    ...u8('list->u8vector', null, 1, 1, 'pure', (lst) => new U8Vector(Uint8Array.from(listItems(lst, isByte, T.u8List) as number[]))),
    ...u8('u8vector-copy', 'bytevector-copy', 1, 3, 'pure', (v, start, end) => {
      const b = u8vectorArg(v, 1).bytes;
      const [s, e] = startEnd(b.length, start, end, 2);
      return new U8Vector(b.slice(s, e));
    }),
    ...u8('subu8vector', null, 3, 3, 'pure', (v, start, end) => {
      const b = u8vectorArg(v, 1).bytes;
      const [s, e] = startEnd(b.length, start, end, 2);
      return new U8Vector(b.slice(s, e));
    }),
    ...u8('u8vector-copy!', 'bytevector-copy!', 3, 5, 'plain', copyInto),
    ...u8('subu8vector-move!', null, 5, 5, 'plain', (from, start, end, to, at) => {
      const src = u8vectorArg(from, 1).bytes;
      const [s, e] = startEnd(src.length, start, end, 2);
      const dst = u8vectorArg(to, 4).bytes;
      const pos = intIn(at, 0, dst.length, 5);
      if (pos + (e - s) > dst.length) throw rangeError(5);
      dst.set(src.slice(s, e), pos);
      return VOID;
    }),
    ...u8('u8vector-fill!', null, 2, 4, 'plain', (v, x, start, end) => {
      const b = u8vectorArg(v, 1).bytes;
      const byte = byteArg(x, 2);
      const [s, e] = startEnd(b.length, start, end, 3);
      b.fill(byte, s, e);
      return VOID;
    }),
    ...u8('subu8vector-fill!', null, 4, 4, 'plain', (v, start, end, x) => {
      const b = u8vectorArg(v, 1).bytes;
      const [s, e] = startEnd(b.length, start, end, 2);
      b.fill(byteArg(x, 4), s, e);
      return VOID;
    }),
    ...u8('u8vector-append', 'bytevector-append', 0, -1, 'pure', (...vs) => {
      const parts = vs.map((v, i) => u8vectorArg(v, i + 1).bytes);
      return new U8Vector(concatBytes(parts));
    }),
    ...u8('append-u8vectors', null, 1, 1, 'pure', (lst) =>
      new U8Vector(concatBytes(listItems(lst, (v) => v instanceof U8Vector, 'U8VECTOR LIST').map((v) => (v as U8Vector).bytes)))),
    ...u8('u8vector-shrink!', null, 2, 2, 'plain', (v, k) => {
      const u = u8vectorArg(v, 1);
      u.bytes = u.bytes.slice(0, intIn(k, 0, u.bytes.length, 2));
      return VOID;
    }),
  ];
}

function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

export const vectorPrims: PrimFactory = () => [...vectorPrimsOnly(), ...u8vectorPrims()];
