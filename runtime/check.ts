// Argument checks for primitives. Each throws Gambit's type error for the given 1-based argument
// position; the machine adds the procedure and the call form.

import { typeError, rangeError } from './errors.js';
import { Char, Flonum, SVector, U8Vector, Keyword, MString, Pair, Sym, Tag, NIL, isProcedure, type Value } from './values.js';

export function checkPair(v: Value, arg: number): Pair {
  if (v instanceof Pair) return v;
  throw typeError(arg, 'PAIR');
}

export function checkList(v: Value, arg: number): Value {
  let x = v;
  while (x instanceof Pair) x = x.cdr;
  if (x !== NIL) throw typeError(arg, 'LIST');
  return v;
}

export function checkString(v: Value, arg: number): MString {
  if (v instanceof MString) return v;
  throw typeError(arg, 'STRING');
}

export function checkChar(v: Value, arg: number): Char {
  if (v instanceof Char) return v;
  throw typeError(arg, 'CHARACTER');
}

export function checkSymbol(v: Value, arg: number): Sym {
  if (v instanceof Sym) return v;
  throw typeError(arg, 'SYMBOL');
}

export function checkKeyword(v: Value, arg: number): Keyword {
  if (v instanceof Keyword) return v;
  throw typeError(arg, 'KEYWORD');
}

export function checkProcedure(v: Value, arg: number): Value {
  if (isProcedure(v)) return v;
  throw typeError(arg, 'PROCEDURE');
}

/** A fixnum (exact integer in the JS safe range). */
export function checkFixnum(v: Value, arg: number): number {
  if (typeof v === 'number') return v;
  throw typeError(arg, 'FIXNUM');
}

/** An exact integer usable as an index into something of length `len` (0 <= i < len). */
export function checkIndex(v: Value, len: number, arg: number): number {
  if (typeof v === 'bigint') throw rangeError(arg);
  if (typeof v !== 'number') throw typeError(arg, 'Exact INTEGER'); // gsi: (vector-ref v 'x)
  if (v < 0 || v >= len) throw rangeError(arg);
  return v;
}

/** An exact integer in [lo, hi]. */
export function checkRange(v: Value, lo: number, hi: number, arg: number): number {
  if (typeof v === 'bigint') throw rangeError(arg);
  if (typeof v !== 'number') throw typeError(arg, 'Exact INTEGER');
  if (v < lo || v > hi) throw rangeError(arg);
  return v;
}

export function checkVector(v: Value, arg: number): SVector {
  if (v instanceof SVector) return v;
  throw typeError(arg, 'VECTOR');
}

export function checkU8vector(v: Value, arg: number): U8Vector {
  if (v instanceof U8Vector) return v;
  throw typeError(arg, 'U8VECTOR');
}

export function checkFlonum(v: Value, arg: number): number {
  if (v instanceof Flonum) return v.v;
  throw typeError(arg, 'FLONUM');
}

export function checkTag(v: Value, tag: Tag, typeName: string, arg: number): Value {
  if (typeof v === 'object' && v.tag === tag) return v;
  throw typeError(arg, typeName);
}
