// The numeric tower: generic arithmetic over the five representations of values.ts.
//
//   fixnum  JS number, always a safe integer, never -0
//   bignum  JS bigint, never in the safe range (normBig)
//   ratnum  Ratnum {num, den: bigint}, den > 1, gcd 1 (makeRat)
//   flonum  Flonum box around a JS double
//   cpxnum  Cpxnum {re, im}, parts real, im never exact 0 (makeRect)
//
// Operations follow Gambit 4.9.3's lib/_num.scm case by case, including its special cases for
// exact zero: (* 0 1.5) is exact 0, (+ 0 -0.) is -0. and (/ 1. 0) is a divide-by-zero error.
// Generic operations throw typeError(1 | 2, ...) naming the offending operand; the n-ary
// primitives in prims/numbers.ts turn that into the argument position of the whole call.
// Integer division, gcd, rounding and integer roots are in numbers-div.ts, roots, powers and
// transcendental functions in numbers-transc.ts and numbers-expt.ts, bitwise operations in
// numbers-bits.ts.

import { typeError, rangeError, divideByZero } from './errors.js';
import { Cpxnum, Flonum, Ratnum, normBig, type Value } from './values.js';

export type ExactInt = number | bigint;

// ---------------------------------------------------------------------------------------------
// Classification

/** Number kinds, in Gambit's dispatch order (macro-number-dispatch). */
export const enum NK {
  Fix = 0,
  Big,
  Rat,
  Flo,
  Cpx,
  Bad,
}

export function nk(v: Value): NK {
  switch (typeof v) {
    case 'number':
      return NK.Fix;
    case 'bigint':
      return NK.Big;
    case 'object':
      if (v instanceof Flonum) return NK.Flo;
      if (v instanceof Ratnum) return NK.Rat;
      if (v instanceof Cpxnum) return NK.Cpx;
      return NK.Bad;
    default:
      return NK.Bad;
  }
}

export function isExactInt(v: Value): v is ExactInt {
  return typeof v === 'number' || typeof v === 'bigint';
}

/** A real number (every number but a cpxnum; a normalized cpxnum is never real). */
export function isReal(v: Value): boolean {
  const k = nk(v);
  return k !== NK.Cpx && k !== NK.Bad;
}

export function isExactNum(v: Value): boolean {
  const k = nk(v);
  if (k === NK.Cpx) {
    const c = v as Cpxnum;
    return !(c.re instanceof Flonum) && !(c.im instanceof Flonum);
  }
  return k <= NK.Rat;
}

/** integer?: exact integers, integral flonums (not inf/nan). */
export function isInteger(v: Value): boolean {
  if (typeof v === 'number' || typeof v === 'bigint') return true;
  return v instanceof Flonum && Number.isInteger(v.v);
}

/** rational?: exact reals and finite flonums. */
export function isRational(v: Value): boolean {
  const k = nk(v);
  if (k === NK.Flo) return Number.isFinite((v as Flonum).v);
  return k <= NK.Rat;
}

export function flo(x: number): Flonum {
  return new Flonum(x);
}

// ---------------------------------------------------------------------------------------------
// Conversions

export function toBig(v: ExactInt): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** An exact integer from a JS number known to be an integer (any magnitude). */
export function intFromFloat(x: number): ExactInt {
  if (Number.isSafeInteger(x)) return x === 0 ? 0 : x;
  return BigInt(x);
}

export function bitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  // toString(16) is fast and exact; refine with the top digit.
  const s = b.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

/** 2^e as a double, exact for every e in [-1074, 1023]. */
function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e >= -1022) return Math.pow(2, e);
  if (e >= -1074) return Math.pow(2, e + 100) * Math.pow(2, -100);
  return 0;
}

/**
 * The double nearest to q * 2^-s (ties to even), where `sticky` says whether q was truncated
 * (the true value is a little above q * 2^-s). q > 0.
 */
function roundScaled(q: bigint, s: number, sticky: boolean): number {
  const len = bitLength(q);
  const top = len - 1 - s; // exponent of the leading bit
  if (top > 1023) return Infinity;
  // Bits of precision available: 53, fewer for subnormals.
  let prec = 53;
  if (top < -1022) prec = 53 - (-1022 - top);
  if (prec <= 0) {
    // Below half the smallest subnormal, or exactly half (rounds to even = 0), or just above.
    if (prec === 0 && (q > (1n << BigInt(len - 1)) || sticky)) return pow2(-1074);
    return 0;
  }
  const drop = len - prec;
  if (drop <= 0) return Number(q) * pow2(-s); // exact
  const kept = q >> BigInt(drop);
  const rest = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  let m = kept;
  if (rest > half || (rest === half && (sticky || (kept & 1n) === 1n))) m += 1n;
  const e = drop - s;
  // m <= 2^53; scale in two steps when 2^e would underflow.
  if (e < -1022) return Number(m) * pow2(e + 200) * pow2(-200);
  return Number(m) * pow2(e);
}

/** The double nearest to n/d (d > 0), correctly rounded. */
export function ratToFloat(n: bigint, d: bigint): number {
  const neg = n < 0n;
  if (neg) n = -n;
  let r: number;
  if (n <= 9007199254740992n && d <= 9007199254740992n) {
    r = Number(n) / Number(d); // both exact: IEEE division rounds correctly
  } else {
    const shift = 55 - (bitLength(n) - bitLength(d));
    let q: bigint;
    let rem: bigint;
    if (shift >= 0) {
      const nn = n << BigInt(shift);
      q = nn / d;
      rem = nn - q * d;
    } else {
      const dd = d << BigInt(-shift);
      q = n / dd;
      rem = n - q * dd;
    }
    r = roundScaled(q, shift, rem !== 0n);
  }
  return neg ? -r : r;
}

export function intToFloat(v: ExactInt): number {
  return typeof v === 'number' ? v : Number(v); // Number(bigint) rounds to nearest, ties to even
}

/** A real number as a double (exact ones correctly rounded). */
export function realToFloat(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Flonum) return v.v;
  if (v instanceof Ratnum) return ratToFloat(v.num, v.den);
  throw typeError(1, 'REAL');
}

/** The exact value of a finite double: an exact integer or a ratnum with a power-of-2 den. */
export function floatToExact(x: number): Value {
  if (Number.isInteger(x)) return intFromFloat(x);
  // Non-integral finite double: |x| < 2^52, so mantissa * 2^e with e < 0.
  let e = 0;
  let m = Math.abs(x);
  // Scale by 2 until integral; at most 1074 steps, exact at each step.
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  let mant = BigInt(m);
  let den = 1n << BigInt(e);
  // Reduce the power of two.
  while ((mant & 1n) === 0n && den > 1n) {
    mant >>= 1n;
    den >>= 1n;
  }
  return new Ratnum(x < 0 ? -mant : mant, den);
}

/** exact / inexact->exact; `arg` is the argument position for the range error. */
export function toExact(v: Value, arg = 1): Value {
  switch (nk(v)) {
    case NK.Fix:
    case NK.Big:
    case NK.Rat:
      return v;
    case NK.Flo: {
      const x = (v as Flonum).v;
      if (!Number.isFinite(x)) throw rangeError(arg);
      return floatToExact(x);
    }
    case NK.Cpx: {
      const c = v as Cpxnum;
      if (!isRational(c.re) || !isRational(c.im)) throw rangeError(arg);
      return makeRect(toExact(c.re), toExact(c.im));
    }
    default:
      throw typeError(arg, 'NUMBER');
  }
}

/** inexact / exact->inexact. */
export function toInexact(v: Value, arg = 1): Value {
  switch (nk(v)) {
    case NK.Fix:
      return flo(v as number);
    case NK.Big:
      return flo(Number(v as bigint));
    case NK.Rat:
      return flo(ratToFloat((v as Ratnum).num, (v as Ratnum).den));
    case NK.Flo:
      return v;
    case NK.Cpx: {
      const c = v as Cpxnum;
      return makeRect(toInexact(c.re), toInexact(c.im));
    }
    default:
      throw typeError(arg, 'NUMBER');
  }
}

// ---------------------------------------------------------------------------------------------
// Constructors that normalize

export function bigGcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    if (a <= 9007199254740991n && b <= 9007199254740991n) return BigInt(numGcd(Number(a), Number(b)));
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function numGcd(a: number, b: number): number {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** n/d in lowest terms (d != 0): an exact integer or a ratnum. */
export function makeRat(n: bigint, d: bigint): Value {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = bigGcd(n, d);
  if (g !== 1n) {
    n /= g;
    d /= g;
  }
  return d === 1n ? normBig(n) : new Ratnum(n, d);
}

/** make-rectangular without checks: an exact-0 imaginary part gives the real part. */
export function makeRect(re: Value, im: Value): Value {
  return im === 0 ? re : new Cpxnum(re, im);
}

function ratParts(v: Value): [bigint, bigint] {
  if (v instanceof Ratnum) return [v.num, v.den];
  return [toBig(v as ExactInt), 1n];
}

function re(v: Value): Value {
  return v instanceof Cpxnum ? v.re : v;
}

function im(v: Value): Value {
  return v instanceof Cpxnum ? v.im : 0;
}

// ---------------------------------------------------------------------------------------------
// + - * / and negation. The fixnum case comes first; the rest dispatches on kinds.

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : normBig(BigInt(a) + BigInt(b));
  }
  const ka = nk(a);
  const kb = nk(b);
  if (ka === NK.Bad) throw typeError(1, 'NUMBER');
  if (kb === NK.Bad) throw typeError(2, 'NUMBER');
  if (ka === NK.Cpx || kb === NK.Cpx) {
    if (a === 0) return b;
    if (b === 0) return a;
    return makeRect(add(re(a), re(b)), add(im(a), im(b)));
  }
  if (ka === NK.Flo || kb === NK.Flo) {
    if (a === 0) return b;
    if (b === 0) return a;
    return flo(realToFloat(a) + realToFloat(b));
  }
  if (ka === NK.Rat || kb === NK.Rat) {
    const [p, q] = ratParts(a);
    const [r, s] = ratParts(b);
    return makeRat(p * s + r * q, q * s);
  }
  return normBig(toBig(a as ExactInt) + toBig(b as ExactInt));
}

export function sub(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    return Number.isSafeInteger(r) ? r : normBig(BigInt(a) - BigInt(b));
  }
  const ka = nk(a);
  const kb = nk(b);
  if (ka === NK.Bad) throw typeError(1, 'NUMBER');
  if (kb === NK.Bad) throw typeError(2, 'NUMBER');
  if (ka === NK.Cpx || kb === NK.Cpx) {
    if (b === 0) return a;
    return makeRect(sub(re(a), re(b)), sub(im(a), im(b)));
  }
  if (ka === NK.Flo || kb === NK.Flo) {
    if (b === 0) return a;
    if (a === 0) return flo(-(b as Flonum).v);
    return flo(realToFloat(a) - realToFloat(b));
  }
  if (ka === NK.Rat || kb === NK.Rat) {
    const [p, q] = ratParts(a);
    const [r, s] = ratParts(b);
    return makeRat(p * s - r * q, q * s);
  }
  return normBig(toBig(a as ExactInt) - toBig(b as ExactInt));
}

export function mul(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    return normBig(BigInt(a) * BigInt(b));
  }
  const ka = nk(a);
  const kb = nk(b);
  if (ka === NK.Bad) throw typeError(1, 'NUMBER');
  if (kb === NK.Bad) throw typeError(2, 'NUMBER');
  // Gambit: an exact 0 factor gives exact 0, a 1 gives the other factor, whatever its kind.
  if (a === 0 || b === 0) return 0;
  if (a === 1) return b;
  if (b === 1) return a;
  if (ka === NK.Cpx || kb === NK.Cpx) {
    const ar = re(a);
    const ai = im(a);
    const br = re(b);
    const bi = im(b);
    return makeRect(sub(mul(ar, br), mul(ai, bi)), add(mul(ar, bi), mul(ai, br)));
  }
  if (ka === NK.Flo || kb === NK.Flo) return flo(realToFloat(a) * realToFloat(b));
  if (ka === NK.Rat || kb === NK.Rat) {
    const [p, q] = ratParts(a);
    const [r, s] = ratParts(b);
    return makeRat(p * r, q * s);
  }
  return normBig(toBig(a as ExactInt) * toBig(b as ExactInt));
}

/** Division; an exact 0 divisor is a divide-by-zero error even for a flonum dividend. */
export function div(a: Value, b: Value): Value {
  const ka = nk(a);
  const kb = nk(b);
  // Gambit dispatches on the divisor first but reports a bad dividend first.
  if (ka === NK.Bad) throw typeError(1, 'NUMBER');
  if (kb === NK.Bad) throw typeError(2, 'NUMBER');
  if (kb === NK.Fix) {
    if (b === 0) throw divideByZero();
    if (b === 1) return a;
    if (b === -1) return neg(a);
    if (a === 0 && ka !== NK.Flo && ka !== NK.Cpx) return 0;
  }
  if (ka === NK.Cpx || kb === NK.Cpx) return cpxDiv(a, b);
  if (ka === NK.Flo || kb === NK.Flo) return flo(realToFloat(a) / realToFloat(b));
  if (a === 0) return 0;
  const [p, q] = ratParts(a);
  const [r, s] = ratParts(b);
  return makeRat(p * s, q * r);
}

function cpxDiv(x: Value, y: Value): Value {
  const a = re(x);
  const b = im(x);
  const c = re(y);
  const d = im(y);
  if (d === 0) return makeRect(div(a, c), div(b, c));
  if (c === 0) return makeRect(div(b, d), neg(div(a, d)));
  if (isExactNum(c) && isExactNum(d)) {
    const q = add(mul(c, c), mul(d, d));
    return makeRect(div(add(mul(a, c), mul(b, d)), q), div(sub(mul(b, c), mul(a, d)), q));
  }
  // Inexact divisor: Gambit coerces it to flonums, and replaces infinite or NaN parts so
  // that a finite dividend gives signed zeros or NaNs as C99's complex division does.
  // (Gambit also rescales divisors whose squared magnitude overflows or underflows; not here.)
  const c0 = realToFloat(c);
  const d0 = realToFloat(d);
  const basic = (fc: number, fd: number, q: number): Value => {
    const ic = flo(fc);
    const id = flo(fd);
    const fq = flo(q);
    return makeRect(div(add(mul(a, ic), mul(b, id)), fq), div(sub(mul(b, ic), mul(a, id)), fq));
  };
  const zeroLike = (s: number): number => (s < 0 || Object.is(s, -0) ? -0 : 0);
  if (Number.isFinite(c0) && Number.isFinite(d0)) return basic(c0, d0, c0 * c0 + d0 * d0);
  if (c0 === Infinity || c0 === -Infinity) return basic(c0 > 0 ? 0 : -0, d0 !== d0 ? d0 : zeroLike(d0), 1);
  if (c0 !== c0) {
    if (d0 === Infinity) return basic(c0, 0, 1);
    if (d0 === -Infinity) return basic(c0, -0, 1);
    return basic(c0, d0 !== d0 ? d0 : NaN, 1);
  }
  if (d0 !== d0) return basic(NaN, d0, 1);
  return basic(zeroLike(c0), zeroLike(d0), 1);
}

export function neg(a: Value): Value {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  switch (nk(a)) {
    case NK.Big:
      return normBig(-(a as bigint));
    case NK.Rat:
      return new Ratnum(-(a as Ratnum).num, (a as Ratnum).den);
    case NK.Flo:
      return flo(-(a as Flonum).v);
    case NK.Cpx:
      return makeRect(neg((a as Cpxnum).re), neg((a as Cpxnum).im));
    default:
      throw typeError(1, 'NUMBER');
  }
}

/** 1/x (the one-argument `/`). */
export function inverse(a: Value): Value {
  return div(1, a);
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** Compares an exact real with a double exactly: -1, 0, 1, or NaN if `f` is NaN. */
function cmpExactFloat(e: Value, f: number): number {
  if (f !== f) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (typeof e === 'number') return e < f ? -1 : e > f ? 1 : 0;
  return cmpExact(e, floatToExact(f));
}

function cmpExact(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (!(a instanceof Ratnum) && !(b instanceof Ratnum)) {
    const x = toBig(a as ExactInt);
    const y = toBig(b as ExactInt);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [p, q] = ratParts(a);
  const [r, s] = ratParts(b);
  const x = p * s;
  const y = r * q;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Compares two reals: -1, 0, 1, or NaN when either is a NaN. Throws (Argument 1|2) REAL
 * expected for anything else (a cpxnum included).
 */
export function compare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ka = nk(a);
  const kb = nk(b);
  if (ka >= NK.Cpx) throw typeError(1, 'REAL');
  if (kb >= NK.Cpx) throw typeError(2, 'REAL');
  if (ka === NK.Flo) {
    const x = (a as Flonum).v;
    if (kb === NK.Flo) {
      const y = (b as Flonum).v;
      return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
    }
    return -cmpExactFloat(b, x);
  }
  if (kb === NK.Flo) return cmpExactFloat(a, (b as Flonum).v);
  return cmpExact(a, b);
}

/** `=` on two numbers; throws (Argument 1|2) NUMBER expected. */
export function numEq(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const ka = nk(a);
  const kb = nk(b);
  if (ka === NK.Bad) throw typeError(1, 'NUMBER');
  if (kb === NK.Bad) throw typeError(2, 'NUMBER');
  if (ka === NK.Cpx || kb === NK.Cpx) return numEq(re(a), re(b)) && numEq(im(a), im(b));
  return compare(a, b) === 0;
}

export function isZero(v: Value, arg = 1): boolean {
  switch (nk(v)) {
    case NK.Fix:
      return v === 0;
    case NK.Big:
    case NK.Rat:
      return false;
    case NK.Flo:
      return (v as Flonum).v === 0;
    case NK.Cpx: {
      const c = v as Cpxnum;
      return c.im instanceof Flonum && c.im.v === 0 && (c.re instanceof Flonum ? c.re.v === 0 : c.re === 0);
    }
    default:
      throw typeError(arg, 'NUMBER');
  }
}

/** The sign of a real: -1, 0, 1 (0 for ±0. and NaN). Throws REAL expected. */
export function sign(v: Value, arg = 1): number {
  switch (nk(v)) {
    case NK.Fix:
      return Math.sign(v as number);
    case NK.Big:
      return (v as bigint) < 0n ? -1 : 1;
    case NK.Rat:
      return (v as Ratnum).num < 0n ? -1 : 1;
    case NK.Flo: {
      const x = (v as Flonum).v;
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    }
    default:
      throw typeError(arg, 'REAL');
  }
}

export function isNegative(v: Value): boolean {
  return sign(v) < 0;
}

// ---------------------------------------------------------------------------------------------
// abs, max, min

export function abs(v: Value, arg = 1): Value {
  switch (nk(v)) {
    case NK.Fix:
      return v === 0 ? 0 : Math.abs(v as number);
    case NK.Big:
      return (v as bigint) < 0n ? -(v as bigint) : v;
    case NK.Rat:
      return (v as Ratnum).num < 0n ? new Ratnum(-(v as Ratnum).num, (v as Ratnum).den) : v;
    case NK.Flo:
      return flo(Math.abs((v as Flonum).v));
    default:
      throw typeError(arg, 'REAL');
  }
}

/** max of two reals with inexact contagion; a NaN wins (Gambit's flmax). */
export function max2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? b : a;
  const ka = nk(a);
  const kb = nk(b);
  if (ka >= NK.Cpx) throw typeError(1, 'REAL');
  if (kb >= NK.Cpx) throw typeError(2, 'REAL');
  if (ka === NK.Flo || kb === NK.Flo) return flo(Math.max(realToFloat(a), realToFloat(b)));
  return compare(a, b) < 0 ? b : a;
}

export function min2(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? a : b;
  const ka = nk(a);
  const kb = nk(b);
  if (ka >= NK.Cpx) throw typeError(1, 'REAL');
  if (kb >= NK.Cpx) throw typeError(2, 'REAL');
  if (ka === NK.Flo || kb === NK.Flo) return flo(Math.min(realToFloat(a), realToFloat(b)));
  return compare(a, b) < 0 ? a : b;
}
