// Integer division (quotient, remainder, modulo, floor/ and truncate/), gcd and lcm,
// numerator and denominator, floor/ceiling/truncate/round, integer square roots and
// rationalize, following Gambit 4.9.3's lib/_num.scm and its argument checks.

import { typeError, rangeError, divideByZero } from './errors.js';
import { Flonum, Ratnum, normBig, type Value } from './values.js';
import {
  NK, abs, add, bigGcd, bitLength, compare, flo, floatToExact, intFromFloat, intToFloat, inverse,
  isExactInt, isExactNum, isInteger, isRational, mul, neg, nk, numEq, numGcd, sign, sub, toBig,
  toExact, toInexact, type ExactInt,
} from './numbers.js';

// ---------------------------------------------------------------------------------------------
// Integer division. Exact integers in, exact integers out; flonum integers go through exact
// arithmetic and back, as in Gambit (so (remainder -4. 2) is 0., not -0.).

export function intQuotient(a: ExactInt, b: ExactInt): ExactInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    const q = (a - r) / b;
    return q === 0 ? 0 : q;
  }
  return normBig(toBig(a) / toBig(b));
}

export function intRemainder(a: ExactInt, b: ExactInt): ExactInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  return normBig(toBig(a) % toBig(b));
}

export function intModulo(a: ExactInt, b: ExactInt): ExactInt {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r === 0) return 0;
    if (r < 0 !== b < 0) r += b;
    return r;
  }
  const x = toBig(a);
  const y = toBig(b);
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) r += y;
  return normBig(r);
}

export function intFloorQuotient(a: ExactInt, b: ExactInt): ExactInt {
  if (typeof a === 'number' && typeof b === 'number') {
    const m = intModulo(a, b) as number;
    const q = (a - m) / b;
    return q === 0 ? 0 : q;
  }
  const x = toBig(a);
  const y = toBig(b);
  let q = x / y;
  if (q * y !== x && x < 0n !== y < 0n) q -= 1n;
  return normBig(q);
}

/**
 * Checks the arguments of quotient, remainder, modulo and the floor/ and truncate/ families
 * in Gambit's order (the divisor's kind first), and the divisor for zero.
 */
function intDivArgs(x: Value, y: Value): boolean {
  const ky = nk(y);
  if (ky === NK.Bad || ky === NK.Rat || ky === NK.Cpx) throw typeError(2, 'INTEGER');
  if (!isInteger(x)) throw typeError(1, 'INTEGER');
  if (ky === NK.Flo && !Number.isInteger((y as Flonum).v)) throw typeError(2, 'INTEGER');
  if (y === 0 || (ky === NK.Flo && (y as Flonum).v === 0)) throw divideByZero();
  return ky === NK.Flo || x instanceof Flonum;
}

function exactIntOf(v: Value): ExactInt {
  return v instanceof Flonum ? intFromFloat(v.v) : (v as ExactInt);
}

function inexactIf(inexact: boolean, v: ExactInt): Value {
  return inexact ? flo(intToFloat(v)) : v;
}

/** A family member: checks, then runs the exact operation, then restores inexactness. */
function intOp(x: Value, y: Value, op: (a: ExactInt, b: ExactInt) => ExactInt): Value {
  const inexact = intDivArgs(x, y);
  return inexactIf(inexact, op(exactIntOf(x), exactIntOf(y)));
}

export function quotient(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) return intQuotient(x, y);
  return intOp(x, y, intQuotient);
}

export function remainder(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) return intRemainder(x, y);
  return intOp(x, y, intRemainder);
}

export function modulo(x: Value, y: Value): Value {
  if (typeof x === 'number' && typeof y === 'number' && y !== 0) return intModulo(x, y);
  return intOp(x, y, intModulo);
}

export function floorQuotient(x: Value, y: Value): Value {
  return intOp(x, y, intFloorQuotient);
}

/** [quotient, remainder] of floor/ or truncate/, with Gambit's checks. */
export function divPair(x: Value, y: Value, floor: boolean): [Value, Value] {
  const inexact = intDivArgs(x, y);
  const a = exactIntOf(x);
  const b = exactIntOf(y);
  const q = floor ? intFloorQuotient(a, b) : intQuotient(a, b);
  const r = floor ? intModulo(a, b) : intRemainder(a, b);
  return [inexactIf(inexact, q), inexactIf(inexact, r)];
}

// ---------------------------------------------------------------------------------------------
// gcd, lcm, numerator, denominator

/** gcd of two integers (exact or integral flonums); inexact if either is. */
export function gcd2(x: Value, y: Value): Value {
  if (!isInteger(x)) throw typeError(1, 'INTEGER');
  if (!isInteger(y)) throw typeError(2, 'INTEGER');
  const inexact = x instanceof Flonum || y instanceof Flonum;
  const a = exactIntOf(x);
  const b = exactIntOf(y);
  let g: ExactInt;
  if (typeof a === 'number' && typeof b === 'number') g = numGcd(a, b);
  else g = normBig(bigGcd(toBig(a), toBig(b)));
  return inexactIf(inexact, g);
}

export function lcm2(x: Value, y: Value): Value {
  if (!isInteger(x)) throw typeError(1, 'INTEGER');
  if (!isInteger(y)) throw typeError(2, 'INTEGER');
  const inexact = x instanceof Flonum || y instanceof Flonum;
  const a = exactIntOf(x);
  const b = exactIntOf(y);
  if (a === 0 || b === 0) return inexactIf(inexact, 0);
  const g = gcd2(a, b) as ExactInt;
  return inexactIf(inexact, abs(mul(intQuotient(a, g), b)) as ExactInt);
}

export function numerator(v: Value): Value {
  switch (nk(v)) {
    case NK.Fix:
    case NK.Big:
      return v;
    case NK.Rat:
      return normBig((v as Ratnum).num);
    case NK.Flo: {
      const x = (v as Flonum).v;
      if (x === 0) return v;
      if (!Number.isFinite(x)) break;
      return toInexact(numerator(floatToExact(x)));
    }
    default:
      break;
  }
  throw typeError(1, 'RATIONAL');
}

export function denominator(v: Value): Value {
  switch (nk(v)) {
    case NK.Fix:
    case NK.Big:
      return 1;
    case NK.Rat:
      return normBig((v as Ratnum).den);
    case NK.Flo: {
      const x = (v as Flonum).v;
      if (!Number.isFinite(x)) break;
      return toInexact(denominator(floatToExact(x)));
    }
    default:
      break;
  }
  throw typeError(1, 'RATIONAL');
}

// ---------------------------------------------------------------------------------------------
// floor, ceiling, truncate, round

/** Round half to even, keeping the sign of a zero result (C's rint). */
export function flRound(x: number): number {
  const f = Math.floor(x);
  const d = x - f; // exact
  let r: number;
  if (d < 0.5) r = f;
  else if (d > 0.5) r = f + 1;
  else r = f % 2 === 0 ? f : f + 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** Gambit's fltruncate: -0.5 truncates to 0., but -0. stays -0. */
export function flTruncate(x: number): number {
  return x < 0 ? Math.ceil(x) || 0 : Math.floor(x);
}

export type RoundMode = 'floor' | 'ceiling' | 'truncate' | 'round';

export function roundReal(v: Value, mode: RoundMode): Value {
  switch (nk(v)) {
    case NK.Fix:
    case NK.Big:
      return v;
    case NK.Rat: {
      const { num, den } = v as Ratnum;
      switch (mode) {
        case 'floor':
          return intFloorQuotient(num, den);
        case 'ceiling':
          return neg(intFloorQuotient(-num, den));
        case 'truncate':
          return intQuotient(num, den);
        case 'round':
          if (den === 2n) return normBig(((num + 1n) >> 2n) << 1n);
          return intFloorQuotient(2n * num + den, 2n * den);
      }
      break;
    }
    case NK.Flo: {
      const x = (v as Flonum).v;
      if (!Number.isFinite(x)) break;
      switch (mode) {
        case 'floor':
          return flo(Math.floor(x));
        case 'ceiling':
          return flo(Math.ceil(x));
        case 'truncate':
          return flo(flTruncate(x));
        case 'round':
          return flo(flRound(x));
      }
      break;
    }
    default:
      break;
  }
  throw typeError(1, 'Finite REAL');
}

// ---------------------------------------------------------------------------------------------
// Integer square roots

/** floor(sqrt(n)) for n >= 0. */
export function isqrt(n: ExactInt): ExactInt {
  if (typeof n === 'number') {
    let s = Math.floor(Math.sqrt(n));
    while (s * s > n) s--;
    while ((s + 1) * (s + 1) <= n) s++;
    return s;
  }
  return normBig(bigIsqrt(n));
}

export function bigIsqrt(n: bigint): bigint {
  if (n < 2n) return n;
  // Start above the root (2^ceil(bits/2)) and run Newton's iteration down.
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** [s, r] with s*s + r = n, for exact n >= 0 (exact-integer-sqrt). */
export function exactIntegerSqrt(n: Value): [ExactInt, ExactInt] {
  if (!isExactInt(n)) throw typeError(1, 'Exact INTEGER');
  if (n < 0) throw rangeError(1);
  const s = isqrt(n);
  return [s, sub(n, mul(s, s)) as ExactInt];
}

// ---------------------------------------------------------------------------------------------
// rationalize (simplest rational in an interval; Gambit's algorithm)

function simplest(x: Value, y: Value): Value {
  if (compare(y, x) < 0) return simplest2(y, x);
  return simplest2(x, y);
}

function simplest2(x: Value, y: Value): Value {
  if (!(compare(x, y) < 0)) return x;
  if (sign(x) > 0) return simplest3(x, y);
  if (sign(y) < 0) return neg(simplest3(neg(y), neg(x)));
  return 0;
}

function simplest3(x: Value, y: Value): Value {
  const fx = roundReal(x, 'floor');
  const fy = roundReal(y, 'floor');
  if (!(compare(fx, x) < 0)) return fx;
  if (numEq(fx, fy)) return add(fx, inverse(simplest3(inverse(sub(y, fy)), inverse(sub(x, fx)))));
  return add(fx, 1);
}

export function rationalize(x: Value, y: Value): Value {
  if (!isRational(x)) throw typeError(1, 'Finite REAL');
  if (y instanceof Flonum && y.v === Infinity) return flo(0);
  if (!isRational(y)) throw typeError(2, 'REAL');
  if (sign(y) < 0) throw rangeError(2);
  if (isExactNum(x) && isExactNum(y)) return simplest(sub(x, y), add(x, y));
  const ex = toExact(x);
  const ey = toExact(y);
  return toInexact(simplest(sub(ex, ey), add(ex, ey)));
}
