// expt and integer roots (integer-sqrt, integer-nth-root), following Gambit 4.9.3: exact
// results for exact arguments whenever the result is exact ((expt 4 3/2) is 8, (expt 9/4 1/2)
// is 3/2, (expt -8 1/3) is 1+1.7320508075688772i from Gambit's exact cube roots of -1),
// flonums otherwise, exp(y log x) for complex cases.

import { rangeError, schemeError, typeError } from './errors.js';
import { Cpxnum, Flonum, Ratnum, normBig, type Value } from './values.js';
import * as libm from './numbers-libm.js';
import {
  NK, bitLength, div, flo, isExactInt, isExactNum, makeRect, mul, neg, nk, realToFloat, sign, toBig,
  type ExactInt,
} from './numbers.js';
import { bigIsqrt } from './numbers-div.js';
import { exp, log, sqrt } from './numbers-transc.js';

const SQRT3_2 = Math.sqrt(3) / 2;

function re(v: Value): Value {
  return v instanceof Cpxnum ? v.re : v;
}

/** floor of the n-th root of x >= 0, n >= 1. */
export function nthRoot(x: bigint, n: number): bigint {
  if (x < 2n || n === 1) return x;
  if (n === 2) return bigIsqrt(x);
  const len = bitLength(x);
  if (len <= n) return 1n;
  const bn = BigInt(n);
  // Newton's iteration from above.
  let g = 1n << BigInt(Math.ceil(len / n));
  for (;;) {
    const next = ((bn - 1n) * g + x / g ** (bn - 1n)) / bn;
    if (next >= g) break;
    g = next;
  }
  while (g ** bn > x) g -= 1n;
  while ((g + 1n) ** bn <= x) g += 1n;
  return g;
}

export function integerNthRoot(x: Value, y: Value): Value {
  if (!isExactInt(x)) throw typeError(1, 'Exact INTEGER');
  if (!isExactInt(y)) throw typeError(2, 'Exact INTEGER');
  if (x < 0) throw rangeError(1);
  if (!(y > 0)) throw rangeError(2);
  if (typeof y === 'bigint') return x === 0 ? 0 : 1;
  return normBig(nthRoot(toBig(x), y));
}

export function integerSqrt(x: Value): Value {
  if (!isExactInt(x)) throw typeError(1, 'Exact INTEGER');
  if (x < 0) throw rangeError(1);
  return normBig(bigIsqrt(toBig(x)));
}

// ---------------------------------------------------------------------------------------------
// expt

/** Results beyond this many bits would exhaust Gambit's heap (and BigInt's limits). */
const MAX_BITS = 2 ** 30;

function heapOverflow(): never {
  throw schemeError('Heap overflow');
}

/** Roughly how many bits an exact number occupies. */
function bitsOf(v: Value): number {
  if (typeof v === 'number') return 53;
  if (typeof v === 'bigint') return bitLength(v);
  if (v instanceof Ratnum) return bitLength(v.num) + bitLength(v.den);
  if (v instanceof Cpxnum) return bitsOf(v.re) + bitsOf(v.im);
  return 64;
}

/** x^n for exact x (integer, ratnum or exact cpxnum) and exact integer n > 0. */
function positiveIntExpt(x: Value, n: ExactInt): Value {
  if (x === 0 || x === 1) return x;
  if (x === -1) return (typeof n === 'number' ? n % 2 !== 0 : (n & 1n) === 1n) ? -1 : 1;
  if (x instanceof Ratnum) {
    if ((bitLength(x.num) + bitLength(x.den)) * Number(n) > MAX_BITS) heapOverflow();
    const e = toBig(n);
    return new Ratnum(x.num ** e, x.den ** e);
  }
  if (isExactInt(x)) {
    if ((bitLength(toBig(x)) - 1) * Number(n) > MAX_BITS) heapOverflow();
    return normBig(toBig(x) ** toBig(n));
  }
  // Exact complex: square and multiply.
  let result: Value = 1;
  let base: Value = x;
  let e = toBig(n);
  while (e > 0n) {
    if ((e & 1n) === 1n) result = mul(result, base);
    e >>= 1n;
    if (e > 0n) {
      if (bitsOf(base) > MAX_BITS / 2) heapOverflow();
      base = mul(base, base);
    }
  }
  return result;
}

function exactIntExpt(x: Value, n: ExactInt): Value {
  if (n < 0) {
    const p = positiveIntExpt(x, neg(n) as ExactInt);
    if (p === 0) throw rangeError(1);
    return div(1, p);
  }
  return positiveIntExpt(x, n);
}

function complexExpt(x: Value, y: Value): Value {
  return exp(mul(log(x), y));
}

const flexpt = libm.pow;

function negExpt(x: Value, y: Ratnum): Value {
  // x negative exact, y ratnum: Gambit treats denominators 2, 3 and 6 exactly.
  const d = y.den;
  const n = y.num;
  const m = (k: bigint): number => Number(((n % k) + k) % k);
  const half = new Ratnum(1n, 2n);
  const negHalf = new Ratnum(-1n, 2n);
  const mag = (): Value => expt(neg(x), y);
  if (d === 2n) return mul(mag(), m(4n) === 1 ? makeRect(0, 1) : makeRect(0, -1));
  if (d === 3n) {
    const k = m(6n);
    const c =
      k === 1 ? makeRect(half, flo(SQRT3_2))
      : k === 2 ? makeRect(negHalf, flo(SQRT3_2))
      : k === 4 ? makeRect(negHalf, flo(-SQRT3_2))
      : makeRect(half, flo(-SQRT3_2));
    return mul(mag(), c);
  }
  if (d === 6n) {
    const k = m(12n);
    const c =
      k === 1 ? makeRect(flo(SQRT3_2), half)
      : k === 5 ? makeRect(flo(-SQRT3_2), half)
      : k === 7 ? makeRect(flo(-SQRT3_2), negHalf)
      : makeRect(flo(SQRT3_2), negHalf);
    return mul(mag(), c);
  }
  return ratnumComplexExpt(x, y);
}

/** y ratnum; x negative exact or complex. Exact when x has an exact 2^k-th root. */
function ratnumComplexExpt(x: Value, y: Ratnum): Value {
  const d = y.den;
  if ((d & (d - 1n)) === 0n) {
    if (d === 2n && y.num === 1n) return sqrt(x);
    let r: Value = x;
    let k = bitLength(d) - 1;
    while (k > 0 && isExactNum(r)) {
      r = sqrt(r);
      k--;
    }
    if (k === 0 && isExactNum(r)) return expt(r, normBig(y.num));
  }
  return complexExpt(x, y);
}

function ratnumExpt(x: Value, y: Ratnum): Value {
  if (x === 0) {
    if (y.num < 0n) throw rangeError(1);
    return 0;
  }
  if (x === 1) return 1;
  if (sign(x) < 0) return negExpt(x, y);
  const d = Number(y.den);
  if (isExactInt(x)) {
    const b = toBig(x);
    const r = nthRoot(b, d);
    if (r ** y.den === b) return exactIntExpt(normBig(r), normBig(y.num));
    return flo(flexpt(realToFloat(x), realToFloat(y)));
  }
  const q = x as Ratnum;
  const rn = nthRoot(q.num, d);
  if (rn ** y.den === q.num) {
    const rd = nthRoot(q.den, d);
    if (rd ** y.den === q.den) return exactIntExpt(new Ratnum(rn, rd), normBig(y.num));
  }
  return flo(flexpt(realToFloat(x), realToFloat(y)));
}

export function expt(x: Value, y: Value): Value {
  const ky = nk(y);
  if (ky === NK.Bad) throw typeError(2, 'NUMBER');
  const kx = nk(x);
  if (kx === NK.Bad) throw typeError(1, 'NUMBER');
  switch (ky) {
    case NK.Fix:
    case NK.Big: {
      const n = y as ExactInt;
      if (n === 0) return 1;
      if (kx === NK.Flo) {
        const v = (x as Flonum).v;
        if (v !== v) return x;
        const fy = realToFloat(n);
        if (v < 0) {
          const a = flexpt(-v, fy);
          const odd = typeof n === 'number' ? n % 2 !== 0 : (n & 1n) === 1n;
          return flo(odd ? -a : a);
        }
        return flo(flexpt(v, fy));
      }
      if (kx === NK.Cpx) {
        if (n === 1) return x;
        if (isExactNum(x)) return exactIntExpt(x, n);
        return complexExpt(x, y);
      }
      return exactIntExpt(x, n);
    }
    case NK.Rat: {
      const q = y as Ratnum;
      if (kx <= NK.Rat) return ratnumExpt(x, q);
      if (kx === NK.Flo) {
        const v = (x as Flonum).v;
        if (v !== v) return x;
        if (v < 0) {
          if (q.den === 2n) {
            const m = flexpt(-v, realToFloat(q));
            return makeRect(0, flo(((q.num % 4n) + 4n) % 4n === 1n ? m : -m));
          }
          return complexExpt(x, y);
        }
        return flo(flexpt(v, realToFloat(q)));
      }
      return ratnumComplexExpt(x, q);
    }
    case NK.Flo: {
      const fy = (y as Flonum).v;
      if (kx === NK.Flo) {
        const v = (x as Flonum).v;
        if (v !== v) return x;
        if (fy !== fy) return y;
        if (v > 0 || Number.isInteger(fy)) return flo(flexpt(v, fy));
        return complexExpt(x, y);
      }
      if (fy !== fy) return y;
      if (kx === NK.Cpx) return complexExpt(x, y);
      if (x === 0) {
        if (fy < 0) throw rangeError(1);
        return flo(0);
      }
      if (sign(x) > 0 || Number.isInteger(fy)) return flo(flexpt(realToFloat(x), fy));
      return complexExpt(x, y);
    }
    default: {
      // y is a cpxnum
      if (x === 0) {
        if (sign(re(y)) > 0) return 0;
        throw rangeError(1);
      }
      return complexExpt(x, y);
    }
  }
}

