// Elementary functions of doubles, correctly rounded in all but astronomically rare cases.
//
// gsi computes (exp x), (log x), (sin x), (expt x y)... with the C library (glibc), whose
// results are correctly rounded nearly always; V8's Math.exp, Math.log, Math.sin, Math.pow...
// are off by one unit in the last place for a few percent of arguments ((log 3) prints
// 1.0986122886681098 in gsi, Math.log(3) is 1.0986122886681096). So these are evaluated in
// double-double arithmetic (about 106 bits) and rounded once at the end.
//
// Methods: exp by reduction modulo ln 2, division by 2^10, Taylor series, then repeated
// squaring of expm1; log by log m = 2 atanh((m-1)/(m+1)); pow as exp(y log x) with both in
// double-double; sin/cos/tan by exact reduction modulo pi/2 (a 1300-bit pi computed once with
// Machin's formula in bigint arithmetic) and Taylor series; atan by three argument halvings
// and a Taylor series. Special values (NaN, infinities, zeros, domain errors) follow C99.

import { floatToExact, ratToFloat } from './numbers.js';
import type { Value } from './values.js';

/** A double-double: the unevaluated sum hi + lo, |lo| <= ulp(hi) / 2. */
interface DD {
  readonly hi: number;
  readonly lo: number;
}

const d = (hi: number, lo = 0): DD => ({ hi, lo });
const ONE = d(1);

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

const SPLITTER = 134217729; // 2^27 + 1

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  const u = SPLITTER * b;
  const bh = u - (u - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = quickTwoSum(s.hi, s.lo + t.hi);
  return quickTwoSum(u.hi, u.lo + t.lo);
}

function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

function sub(a: DD, b: DD): DD {
  return add(a, neg(b));
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function mulD(a: DD, b: number): DD {
  const p = twoProd(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = sub(a, mulD(b, q1));
  const q2 = r.hi / b.hi;
  r = sub(r, mulD(b, q2));
  const q3 = r.hi / b.hi;
  return add(quickTwoSum(q1, q2), d(q3));
}

function sqrtDD(a: DD): DD {
  if (a.hi <= 0) return d(0);
  const s = Math.sqrt(a.hi);
  const r = sub(a, twoProd(s, s));
  return quickTwoSum(s, r.hi / (2 * s));
}

/** a * 2^e, exact while no part underflows. */
function ldexp(a: DD, e: number): DD {
  const f = 2 ** e;
  return { hi: a.hi * f, lo: a.lo * f };
}

const LN2 = d(0.6931471805599453, 2.3190468138462996e-17);
const PI = d(3.141592653589793, 1.2246467991473532e-16);
const PI_2 = d(1.5707963267948966, 6.123233995736766e-17);

/** x * 2^n without intermediate overflow or underflow (C's scalbn). */
export function scalbn(x: number, n: number): number {
  while (n > 1023) {
    x *= 2 ** 1023;
    n -= 1023;
  }
  while (n < -1022) {
    x *= 2 ** -1022;
    n += 1022;
  }
  return x * 2 ** n;
}

/** floor(log2 |x|) for finite nonzero x (C's ilogb). */
export function ilogb(x: number): number {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (scalbn(1, e) > a) e--;
  if (scalbn(1, e + 1) <= a) e++;
  return e;
}

/** m * 2^k rounded to a double; m is near 1. */
function scaleRound(m: DD, k: number): number {
  if (k > -1021) {
    const v = m.hi + m.lo;
    return k > 1023 ? v * 2 ** 1023 * 2 ** (k - 1023) : v * 2 ** k;
  }
  // Subnormal result: round the exact sum once.
  const exact = add2(floatToExact(m.hi * 2 ** 200), floatToExact(m.lo * 2 ** 200));
  const [n, q] = exact;
  return ratToFloat(n, q * (1n << BigInt(200 - k)));
}

/** The exact sum of two exact rationals as [num, den]. */
function add2(a: Value, b: Value): [bigint, bigint] {
  const [an, ad] = parts(a);
  const [bn, bd] = parts(b);
  return [an * bd + bn * ad, ad * bd];
}

function parts(v: Value): [bigint, bigint] {
  if (typeof v === 'number' || typeof v === 'bigint') return [BigInt(v), 1n];
  const r = v as unknown as { num: bigint; den: bigint };
  return [r.num, r.den];
}

// ---------------------------------------------------------------------------------------------
// exp

const INV_FACT: DD[] = (() => {
  const out: DD[] = [ONE];
  for (let n = 1; n <= 32; n++) out.push(div(out[n - 1]!, d(n)));
  return out;
})();

/** e^t = 2^k (1 + s): returns [s, k]. |t| < 746. */
function expParts(t: DD): [DD, number] {
  const k = Math.round(t.hi / LN2.hi);
  const r = ldexp(sub(t, mulD(LN2, k)), -10);
  // expm1(r) = r (1 + r/2 (1 + r/3 (...))), |r| < 3.4e-4
  let p = ONE;
  for (let n = 12; n >= 2; n--) p = add(ONE, div(mul(r, p), d(n)));
  let s = mul(r, p);
  for (let i = 0; i < 10; i++) s = add(mulD(s, 2), mul(s, s)); // (1+s)^2 - 1
  return [s, k];
}

function expDD(t: DD): number {
  if (t.hi > 710) return Infinity;
  if (t.hi < -746) return 0;
  const [s, k] = expParts(t);
  return scaleRound(add(ONE, s), k);
}

export function exp(x: number): number {
  if (x !== x) return x;
  if (x === 0) return 1;
  return expDD(d(x));
}

// ---------------------------------------------------------------------------------------------
// log

const ODD_INV: DD[] = (() => {
  const out: DD[] = [];
  for (let j = 0; j <= 24; j++) out.push(div(ONE, d(2 * j + 1)));
  return out;
})();

/** log x for finite x > 0, as a double-double. */
function logDD(x: number): DD {
  let e = ilogb(x);
  let m = scalbn(x, -e);
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  const s = div(d(m - 1), twoSum(m, 1));
  const s2 = mul(s, s);
  let p = ODD_INV[24]!;
  for (let j = 23; j >= 0; j--) p = add(ODD_INV[j]!, mul(s2, p));
  const l = mulD(mul(s, p), 2);
  return e === 0 ? l : add(mulD(LN2, e), l);
}

export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  if (x === 1) return 0;
  const l = logDD(x);
  return l.hi + l.lo;
}

// ---------------------------------------------------------------------------------------------
// pow

/** x^y with C99's pow conventions. */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return NaN;
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) {
    if (x === -1) return 1; // y is ±inf
    return Math.pow(x, y);
  }
  let negate = false;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    negate = Math.abs(y % 2) === 1;
    x = -x;
  }
  if (y === 1) return negate ? -x : x;
  const t = mulD(logDD(x), y);
  const r = expDD(t);
  return negate ? -r : r;
}

// ---------------------------------------------------------------------------------------------
// Reduction modulo pi/2

const RED_BITS = 1300;

/** floor(pi/2 * 2^RED_BITS), by Machin's formula pi/4 = 4 atan(1/5) - atan(1/239). */
function computePiOver2(): bigint {
  const p = BigInt(RED_BITS + 64);
  const one = 1n << p;
  const atanInv = (n: bigint): bigint => {
    const n2 = n * n;
    let term = one / n;
    let sum = 0n;
    for (let k = 1n; term !== 0n; k += 2n) {
      sum += ((k >> 1n) & 1n) === 0n ? term / k : -(term / k);
      term /= n2;
    }
    return sum;
  };
  const piOver4 = 4n * atanInv(5n) - atanInv(239n);
  return (2n * piOver4) >> 64n;
}

const PI_OVER_2_FIXED = computePiOver2();

/** x = k pi/2 + r with |r| <= pi/4 (x >= 0 finite): returns [r, k mod 4]. */
function reduce(x: number): [DD, number] {
  if (x <= Math.PI / 4) return [d(x), 0];
  const e = ilogb(x);
  const mant = BigInt(scalbn(x, 52 - e)); // x = mant * 2^(e-52)
  const xf = mant << BigInt(e - 52 + RED_BITS);
  const p = PI_OVER_2_FIXED;
  const k = (xf + (p >> 1n)) / p;
  let r = xf - k * p;
  const negative = r < 0n;
  if (negative) r = -r;
  let shift = 0;
  const bits = r.toString(2).length;
  if (bits > 110) {
    shift = bits - 110;
    r >>= BigInt(shift);
  }
  const hi = Number(r);
  const lo = Number(r - BigInt(hi));
  let rd = ldexp(quickTwoSum(hi, lo), shift - RED_BITS);
  if (negative) rd = neg(rd);
  return [rd, Number(k & 3n)];
}

const SIN_COEF: DD[] = [];
const COS_COEF: DD[] = [];
for (let n = 0; n <= 15; n++) {
  SIN_COEF.push(n % 2 === 0 ? INV_FACT[2 * n + 1]! : neg(INV_FACT[2 * n + 1]!));
  COS_COEF.push(n % 2 === 0 ? INV_FACT[2 * n]! : neg(INV_FACT[2 * n]!));
}

function poly(coef: DD[], x: DD): DD {
  let p = coef[coef.length - 1]!;
  for (let i = coef.length - 2; i >= 0; i--) p = add(coef[i]!, mul(x, p));
  return p;
}

/** sin r and cos r for |r| <= pi/4. */
function sinDD(r: DD): DD {
  return mul(r, poly(SIN_COEF, mul(r, r)));
}

function cosDD(r: DD): DD {
  return poly(COS_COEF, mul(r, r));
}

const toNum = (a: DD): number => a.hi + a.lo;

export function sin(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return Math.sin(x);
  const [r, k] = reduce(Math.abs(x));
  let v = k === 0 ? sinDD(r) : k === 1 ? cosDD(r) : k === 2 ? neg(sinDD(r)) : neg(cosDD(r));
  if (x < 0) v = neg(v);
  return toNum(v);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return Math.cos(x);
  const [r, k] = reduce(Math.abs(x));
  const v = k === 0 ? cosDD(r) : k === 1 ? neg(sinDD(r)) : k === 2 ? neg(cosDD(r)) : sinDD(r);
  return toNum(v);
}

export function tan(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return Math.tan(x);
  const [r, k] = reduce(Math.abs(x));
  const s = sinDD(r);
  const c = cosDD(r);
  let v = k % 2 === 0 ? div(s, c) : neg(div(c, s));
  if (x < 0) v = neg(v);
  return toNum(v);
}

// ---------------------------------------------------------------------------------------------
// atan, atan2, asin, acos

const ATAN_COEF: DD[] = [];
for (let n = 0; n <= 20; n++) ATAN_COEF.push(n % 2 === 0 ? ODD_INV[n]! : neg(ODD_INV[n]!));

/** atan t for t >= 0 (t may be +inf). */
function atanDD(t: DD): DD {
  if (t.hi === Infinity) return PI_2;
  let inv = false;
  if (t.hi > 1) {
    t = div(ONE, t);
    inv = true;
  }
  for (let i = 0; i < 3; i++) t = div(t, add(ONE, sqrtDD(add(ONE, mul(t, t)))));
  const a = ldexp(mul(t, poly(ATAN_COEF, mul(t, t))), 3);
  return inv ? sub(PI_2, a) : a;
}

export function atan(x: number): number {
  if (x === 0 || x !== x) return x;
  const a = toNum(atanDD(d(Math.abs(x))));
  return x < 0 ? -a : a;
}

export function atan2(y: number, x: number): number {
  if (y !== y || x !== x || y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) {
    return Math.atan2(y, x);
  }
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  let a = atanDD(div(d(ay), d(ax)));
  if (x < 0) a = sub(PI, a);
  const v = toNum(a);
  return y < 0 ? -v : v;
}

export function asin(x: number): number {
  const a = Math.abs(x);
  if (!(a < 1) || x === 0) return Math.asin(x);
  const q = sqrtDD(mul(twoSum(1, -a), twoSum(1, a)));
  const v = toNum(atanDD(div(d(a), q)));
  return x < 0 ? -v : v;
}

export function acos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  const t = sqrtDD(div(twoSum(1, -x), twoSum(1, x)));
  return toNum(ldexp(atanDD(t), 1));
}

// ---------------------------------------------------------------------------------------------
// sinh, cosh, asinh, acosh: glibc uses fdlibm's formulas (which are not correctly rounded) on
// top of its exp, log, expm1 and log1p; these repeat them, with the exp and log above and V8's
// expm1 and log1p (fdlibm's, as glibc's).

const LOG_MAX = 709.782712893384; // log(max double)
const OVERFLOW = 710.4758600739439; // beyond it sinh and cosh overflow

export function sinh(x: number): number {
  if (!Number.isFinite(x)) return x;
  const h = x < 0 ? -0.5 : 0.5;
  const a = Math.abs(x);
  if (a < 22) {
    if (a < 2 ** -28) return x;
    const t = Math.expm1(a);
    if (a < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (a < LOG_MAX) return h * exp(a);
  if (a <= OVERFLOW) {
    const w = exp(0.5 * a);
    const t = h * w;
    return t * w;
  }
  return x * Infinity;
}

export function cosh(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a < 0.5 * Math.LN2) {
    const t = Math.expm1(a);
    const w = 1 + t;
    if (a < 2 ** -55) return w;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = exp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < LOG_MAX) return 0.5 * exp(a);
  if (a <= OVERFLOW) {
    const w = exp(0.5 * a);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

export function asinh(x: number): number {
  if (!Number.isFinite(x)) return x + x;
  const a = Math.abs(x);
  if (a < 2 ** -28) return x;
  let w: number;
  if (a > 2 ** 28) w = log(a) + Math.LN2;
  else if (a > 2) w = log(2 * a + 1 / (Math.sqrt(x * x + 1) + a));
  else {
    const t = x * x;
    w = Math.log1p(a + t / (1 + Math.sqrt(1 + t)));
  }
  return x < 0 ? -w : w;
}

export function acosh(x: number): number {
  if (x !== x || x < 1) return NaN;
  if (x >= 2 ** 28) return x === Infinity ? x : log(x) + Math.LN2;
  if (x === 1) return 0;
  if (x > 2) {
    const t = x * x;
    return log(2 * x - 1 / (x + Math.sqrt(t - 1)));
  }
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2 * t + t * t));
}
