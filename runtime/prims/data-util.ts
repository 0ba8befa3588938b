// Argument checks shared by the data-structure primitives (lists, strings, vectors, tables,
// records), with the exact type names gsi 4.9.3 prints: `(Argument 2) Exact INTEGER expected`
// for a non-integer index, `Out of range` for an integer (fixnum or bignum) outside the bounds.

import { ErrorObj, rangeError, typeError } from '../errors.js';
import { Pair, NIL, Primitive, type RecordType, type Value } from '../values.js';

/** Gambit's type names, as they appear after `(Argument N) `. */
export const T = {
  pair: 'PAIR',
  list: 'LIST',
  pairList: 'PAIR LIST',
  exactInt: 'Exact INTEGER',
  char: 'CHARACTER',
  charList: 'CHARACTER LIST',
  string: 'STRING',
  symbol: 'SYMBOL',
  keyword: 'KEYWORD',
  vector: 'VECTOR',
  u8vector: 'U8VECTOR',
  procedure: 'PROCEDURE',
  box: 'BOX',
  boolean: 'BOOLEAN',
  real: 'REAL',
} as const;

/** Largest length accepted for a freshly allocated vector or string (beyond: Out of range). */
export const MAX_ALLOC = 1 << 28;

/** An exact integer in [lo, hi]; a non-integer is a type error, an integer outside a range error. */
export function intIn(v: Value, lo: number, hi: number, arg: number): number {
  if (typeof v === 'number') {
    if (v < lo || v > hi) throw rangeError(arg);
    return v;
  }
  if (typeof v === 'bigint') throw rangeError(arg);
  throw typeError(arg, T.exactInt);
}

/** An index into something of length `len`: 0 <= i < len. */
export function index(v: Value, len: number, arg: number): number {
  return intIn(v, 0, len - 1, arg);
}

/** A length to allocate: 0 <= n <= MAX_ALLOC. */
export function count(v: Value, arg: number): number {
  return intIn(v, 0, MAX_ALLOC, arg);
}

/**
 * Optional [start [end]] arguments of a sequence of length `len` (R7RS string-copy, vector->list...):
 * start in [0, len], end in [start, len]. `startArg` is the argument position of `start`.
 */
export function startEnd(len: number, start: Value | undefined, end: Value | undefined, startArg: number): [number, number] {
  const s = start === undefined ? 0 : intIn(start, 0, len, startArg);
  const e = end === undefined ? len : intIn(end, s, len, startArg + 1);
  return [s, e];
}

/** An error that already names its procedure and arguments (the machine keeps them). */
export function withCall(e: ErrorObj, proc: Value, args: Value[]): ErrorObj {
  e.proc = proc;
  e.args = args;
  return e;
}

/**
 * `(Argument N) Instance of #<type #4 point> expected`. The type is kept as the error's datum;
 * runtime/error-text.ts names it when the error is shown, which is when gsi gives the type its
 * serial number (an error caught and never shown gives it none).
 */
export function instanceError(arg: number, type: RecordType): ErrorObj {
  return new ErrorObj('type', '', [], arg, `Instance of ${type.name}`, type);
}

/** A proper list to an array, or a type error `(Argument N) LIST expected`. */
export function listArg(v: Value, arg: number): Value[] {
  const out: Value[] = [];
  let x = v;
  while (x instanceof Pair) {
    out.push(x.car);
    x = x.cdr;
  }
  if (x !== NIL) throw typeError(arg, T.list);
  return out;
}

/** Whether a value is the primitive registered under one of `names` (e.g. a table's test). */
export function isPrim(v: Value, ...names: string[]): boolean {
  return v instanceof Primitive && names.includes(v.name);
}

/** Gambit's 29-bit FNV-1a step (macro-hash-combine): ((h ^ x) * 16777619) mod 2^29. */
export function hashCombine(h: number, x: number): number {
  const a = (h ^ x) >>> 0;
  // a * 16777619 can exceed 2^53: multiply the two 16-bit halves of `a` separately.
  const hi = ((a >>> 16) * 16777619) % 0x2000;
  return (hi * 0x10000 + (a & 0xffff) * 16777619) % 0x20000000;
}

/** FNV-1a offset basis masked to 29 bits (macro-fnv1a-offset-basis-fixnum32). */
export const FNV_BASIS = 0x811c9dc5 & 0x1fffffff;

/** Gambit's string=?-hash (also symbol-hash and keyword-hash of the name). */
export function stringHash(s: string): number {
  let h = FNV_BASIS;
  for (const ch of s) h = hashCombine(h, ch.codePointAt(0)!);
  return h;
}
