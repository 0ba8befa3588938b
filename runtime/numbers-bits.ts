// Bitwise operations on exact integers (two's complement with infinite sign extension), as in
// Gambit 4.9.3: bitwise-and/ior/xor/not/merge, arithmetic-shift, bit-count, integer-length,
// bit-set?, first-bit-set and the bit-field procedures. Values in the int32 range use JS's
// bitwise operators; everything else goes through bigint.
//
// Also Gambit's fixnums: 62-bit integers, [-2^61, 2^61 - 1]. gsi-ts stores the ones beyond
// the JS safe range as bigints, so `fixnum?` and the fx operations look at the value, not the
// representation; fx results leaving the range raise "FIXNUM overflow".

import { fixnumOverflow, rangeError, schemeError, typeError } from './errors.js';
import { normBig, type Value } from './values.js';
import { bitLength, isExactInt, toBig, type ExactInt } from './numbers.js';

function isInt32(v: ExactInt): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

export function checkExactInt(v: Value, arg: number): ExactInt {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  throw typeError(arg, 'Exact INTEGER');
}

export function bitAnd(a: ExactInt, b: ExactInt): ExactInt {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normBig(toBig(a) & toBig(b));
}

export function bitIor(a: ExactInt, b: ExactInt): ExactInt {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normBig(toBig(a) | toBig(b));
}

export function bitXor(a: ExactInt, b: ExactInt): ExactInt {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normBig(toBig(a) ^ toBig(b));
}

export function bitNot(a: ExactInt): ExactInt {
  if (typeof a === 'number') {
    const r = -a - 1;
    return Number.isSafeInteger(r) ? r : normBig(~BigInt(a));
  }
  return normBig(~a);
}

/** a * 2^n (n may be negative: floor division). */
export function arithmeticShift(a: ExactInt, n: ExactInt): ExactInt {
  if (typeof n === 'bigint') {
    if (n < 0n) return a < 0 ? -1 : 0;
    if (a === 0) return 0;
    throw schemeError('Heap overflow');
  }
  if (n === 0) return a;
  if (isInt32(a) && n < 0 && n > -32) return a >> -n;
  if (n < 0) return normBig(toBig(a) >> BigInt(-n));
  if (n > 2 ** 30 && a !== 0) throw schemeError('Heap overflow');
  return normBig(toBig(a) << BigInt(n));
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of 1 bits of a nonnegative integer, of 0 bits of a negative one. */
export function bitCount(a: ExactInt): number {
  if (isInt32(a)) return popcount32(a < 0 ? ~a : a);
  let b = toBig(a);
  if (b < 0n) b = ~b;
  let n = 0;
  while (b > 0n) {
    n += popcount32(Number(b & 0xffffffffn));
    b >>= 32n;
  }
  return n;
}

export function integerLength(a: ExactInt): number {
  if (isInt32(a)) return 32 - Math.clz32(a < 0 ? ~a : a);
  const b = toBig(a);
  return bitLength(b < 0n ? ~b : b);
}

/** Is bit `i` (>= 0) of `n` set? */
export function bitIsSet(i: ExactInt, n: ExactInt): boolean {
  if (typeof i === 'bigint') return n < 0;
  if (isInt32(n)) return i < 32 ? ((n >> i) & 1) === 1 : n < 0;
  return ((toBig(n) >> BigInt(i)) & 1n) === 1n;
}

/** Index of the lowest 1 bit, -1 for 0. */
export function firstBitSet(a: ExactInt): number {
  if (a === 0) return -1;
  if (isInt32(a)) return 31 - Math.clz32(a & -a);
  let b = toBig(a);
  let n = 0;
  while ((b & 0xffffffffn) === 0n) {
    b >>= 32n;
    n += 32;
  }
  const low = Number(b & 0xffffffffn) | 0;
  return n + 31 - Math.clz32(low & -low);
}

function mask(size: number): bigint {
  return (1n << BigInt(size)) - 1n;
}

export function extractBitField(size: number, pos: number, n: ExactInt): ExactInt {
  return normBig((toBig(n) >> BigInt(pos)) & mask(size));
}

export function replaceBitField(size: number, pos: number, field: ExactInt, n: ExactInt): ExactInt {
  const m = mask(size);
  const p = BigInt(pos);
  return normBig((toBig(n) & ~(m << p)) | ((toBig(field) & m) << p));
}

/** Bits of `z` where `x` has 1s, bits of `y` where it has 0s. */
export function bitwiseMerge(x: ExactInt, y: ExactInt, z: ExactInt): ExactInt {
  return bitIor(bitAnd(bitNot(x), y), bitAnd(x, z));
}

export function copyBitField(size: number, pos: number, from: ExactInt, to: ExactInt): ExactInt {
  return bitwiseMerge(normBig(mask(size) << BigInt(pos)), to, from);
}

/** Argument check for the size and position of the bit-field procedures (an index). */
export function checkIndexArg(v: Value, arg: number): number {
  if (!isExactInt(v)) throw typeError(arg, 'Exact INTEGER');
  if (typeof v !== 'number' || v < 0) throw rangeError(arg);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Gambit fixnums (62 bits)

export const MAX_FIXNUM = 2305843009213693951n;
export const MIN_FIXNUM = -2305843009213693952n;
export const FIXNUM_WIDTH = 62;

export function isGFixnum(v: Value): v is ExactInt {
  if (typeof v === 'number') return true;
  return typeof v === 'bigint' && v >= MIN_FIXNUM && v <= MAX_FIXNUM;
}

export function checkGFixnum(v: Value, arg: number): ExactInt {
  if (isGFixnum(v)) return v;
  throw typeError(arg, 'FIXNUM');
}

/** A fixnum result, or FIXNUM overflow. */
export function fxResult(b: bigint): ExactInt {
  if (b < MIN_FIXNUM || b > MAX_FIXNUM) throw fixnumOverflow();
  return normBig(b);
}

/** Wraps to 62-bit two's complement. */
export function fxWrap(b: bigint): ExactInt {
  return normBig(BigInt.asIntN(FIXNUM_WIDTH, b));
}
