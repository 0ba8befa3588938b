// Square roots, exponentials, logarithms, trigonometry and the complex-number accessors,
// following Gambit 4.9.3 (lib/_num.scm): exact results whenever the result is exact
// ((sqrt 16) is 4, (expt 4 3/2) is 8, (log 8 2) is 3), correctly rounded flonums otherwise,
// and complex results for negative arguments ((sqrt -4) is +2i, (log -1) is +3.14...i).
// expt and the integer roots are in numbers-expt.ts.
// Complex elementary functions use the textbook formulas Gambit uses; Gambit's extra care
// near overflow and underflow (Kahan's rescaling) is not reproduced.

import { rangeError, typeError } from './errors.js';
import { Cpxnum, Flonum, Ratnum, normBig, type Value } from './values.js';
import * as libm from './numbers-libm.js';
import {
  NK, abs, add, bitLength, compare, div, flo, isExactInt, isExactNum, isReal, makeRat,
  makeRect, mul, neg, nk, realToFloat, sign, sub, toBig, toExact, toInexact, type ExactInt,
} from './numbers.js';
import { bigIsqrt } from './numbers-div.js';

const PI = Math.PI;
const HALF_PI = Math.PI / 2;
const EXP_HALF = libm.exp(0.5);
const EXP_MINUS_HALF = libm.exp(-0.5);
const MIN_NORMAL = 2.2250738585072014e-308;
/** Beyond this |Re z|, tanh z is ±1 to double precision: asinh(max double) / 4. */
const TANH_CUTOFF = libm.asinh(Number.MAX_VALUE) / 4;
/** Kahan's catanh thresholds: sqrt(max double) / 4 and its inverse. */
const ATANH_THETA = Math.sqrt(Number.MAX_VALUE) / 4;
const ATANH_RHO = 1 / ATANH_THETA;

function re(v: Value): Value {
  return v instanceof Cpxnum ? v.re : v;
}

function im(v: Value): Value {
  return v instanceof Cpxnum ? v.im : 0;
}

/** A cpxnum from two doubles, kept even if the imaginary part is 0. (macro-cpxnum-make). */
function cpx(r: number, i: number): Cpxnum {
  return new Cpxnum(flo(r), flo(i));
}

function isFlonum(v: Value): v is Flonum {
  return v instanceof Flonum;
}

function fullPrecision(x: number): boolean {
  const y = Math.abs(x);
  return y < Infinity && y >= MIN_NORMAL;
}

// ---------------------------------------------------------------------------------------------
// Correctly rounded square roots of exact numbers

/** The double nearest to q * 2^-s, where `sticky` says q was truncated (q > 0). */
function scaledToFloat(q: bigint, s: number, sticky: boolean): number {
  // Build an exact ratio and let ratToFloat round: (2q + sticky) / 2^(s+1) has the same
  // rounding as q + epsilon when sticky (the extra half-unit only breaks ties upward).
  const num = sticky ? (q << 1n) | 1n : q << 1n;
  const e = s + 1;
  if (e >= 0) return realToFloat(makeRat(num, 1n << BigInt(e)));
  return realToFloat(normBig(num << BigInt(-e)));
}

/** sqrt of p/q (positive, not the square of a rational), correctly rounded. */
function ratSqrtFloat(p: bigint, q: bigint): number {
  // t = floor(p * 2^(2k) / q) with about 112 bits, so that isqrt(t) has 56.
  const k = Math.ceil((112 - (bitLength(p) - bitLength(q))) / 2);
  const t = k >= 0 ? (p << BigInt(2 * k)) / q : p / (q << BigInt(-2 * k));
  return scaledToFloat(bigIsqrt(t), k, true);
}

function nonnegExactSqrt(x: Value): Value {
  if (x instanceof Ratnum) {
    const sp = bigIsqrt(x.num);
    const sq = bigIsqrt(x.den);
    if (sp * sp === x.num && sq * sq === x.den) return new Ratnum(sp, sq);
    return flo(ratSqrtFloat(x.num, x.den));
  }
  // Gambit 4.9.3: the root of an integer beyond 2^53 is rounded from its integer part alone
  // (so not always correctly rounded), a smaller one from sqrt(x * 2^106) / 2^53.
  const b = toBig(x as ExactInt);
  const s = bigIsqrt(b);
  if (s * s === b) return normBig(s);
  if (b <= 9007199254740992n) return flo(Math.sqrt(Number(b)));
  if (s >= 9007199254740992n) return flo(Number(s));
  return flo(Number(bigIsqrt(b << 106n)) * 2 ** -53);
}

export function sqrt(x: Value): Value {
  switch (nk(x)) {
    case NK.Fix:
    case NK.Big:
    case NK.Rat:
      if (sign(x) < 0) return makeRect(0, nonnegExactSqrt(neg(x)));
      return nonnegExactSqrt(x);
    case NK.Flo: {
      const v = (x as Flonum).v;
      if (v < 0) return makeRect(0, flo(Math.sqrt(-v)));
      return flo(Math.sqrt(v));
    }
    case NK.Cpx: {
      const c = x as Cpxnum;
      if (isExactNum(c)) {
        const disc = sqrt(add(mul(c.re, c.re), mul(c.im, c.im)));
        if (isExactNum(disc)) {
          const r = sqrt(div(add(c.re, disc), 2));
          if (isExactNum(r)) return makeRect(r, div(c.im, mul(2, r)));
        }
      }
      return csqrt(realToFloat(c.re), realToFloat(c.im));
    }
    default:
      throw typeError(1, 'NUMBER');
  }
}

const scalbn = libm.scalbn;
const ilogb = libm.ilogb;

function copysign(x: number, s: number): number {
  const neg = s < 0 || Object.is(s, -0);
  return neg === (x < 0 || Object.is(x, -0)) ? x : -x;
}

/** x^2 + y^2 as [rho, k]: rho * 4^k, rescaled when it would overflow or underflow (Kahan). */
function cssqs(x: number, y: number): [number, number] {
  if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return [Infinity, 0];
  if (x === 0 && y === 0) return [0, 0];
  const x2 = x * x;
  const y2 = y * y;
  const rho = x2 + y2;
  if (rho === Infinity || ((x2 < MIN_NORMAL || y2 < MIN_NORMAL) && rho < MIN_NORMAL / Number.EPSILON)) {
    const k = ilogb(Math.max(Math.abs(x), Math.abs(y)));
    const a = scalbn(x, -k);
    const b = scalbn(y, -k);
    return [a * a + b * b, k];
  }
  return [rho, 0];
}

/** The principal square root of x+iy (Kahan's algorithm, as Gambit's ##csqrt). */
function csqrt(x: number, y: number): Cpxnum {
  const [r0, k] = cssqs(x, y);
  let rho = x !== x ? r0 : scalbn(Math.abs(x), -k) + Math.sqrt(r0);
  rho = k % 2 !== 0 ? scalbn(Math.sqrt(rho), (k - 1) / 2) : scalbn(Math.sqrt(2 * rho), k / 2 - 1);
  if (rho === 0) return cpx(rho, y);
  const eta = Math.abs(y) === Infinity ? y : y / rho / 2;
  if (x < 0) return cpx(Math.abs(eta), copysign(rho, y));
  return cpx(rho, eta);
}

// ---------------------------------------------------------------------------------------------
// exp, log

export function exp(x: Value): Value {
  switch (nk(x)) {
    case NK.Fix:
      if (x === 0) return 1;
      return flo(libm.exp(x as number));
    case NK.Big:
    case NK.Rat:
    case NK.Flo:
      return flo(libm.exp(realToFloat(x)));
    case NK.Cpx:
      return polar(exp((x as Cpxnum).re), (x as Cpxnum).im);
    default:
      throw typeError(1, 'NUMBER');
  }
}

/** log of a positive exact number other than 1, as accurately as Gambit computes it. */
function exactLog(x: Value): number {
  const f = realToFloat(x);
  if (compare(x, flo(f)) === 0) return libm.log(f);
  if (!fullPrecision(f)) {
    const [n, d] = x instanceof Ratnum ? [x.num, x.den] : [toBig(x as ExactInt), 1n];
    const p = bitLength(n) - bitLength(d);
    const scaled = p >= 0 ? makeRat(n, d << BigInt(p)) : makeRat(n << BigInt(-p), d);
    return p * Math.LN2 + libm.log(realToFloat(scaled));
  }
  if (f > EXP_HALF || f < EXP_MINUS_HALF) return libm.log(f);
  return Math.log1p(realToFloat(sub(x, 1)));
}

function complexLogMagnitude(x: Cpxnum): Value {
  const ar = abs(x.re);
  const ai = abs(x.im);
  if ((isFlonum(ar) && ar.v === Infinity) || (isFlonum(ai) && ai.v === Infinity)) return flo(Infinity);
  if (isFlonum(ar) && ar.v !== ar.v) return ar;
  if (isFlonum(ai) && ai.v !== ai.v) return ai;
  if (sign(ar) === 0) {
    const t = log(ai);
    return ar === 0 ? t : toInexact(t);
  }
  const logMag = (a: Value, b: Value): Value => {
    // 0 < a <= b, both finite
    const c = div(a, b);
    const approx = mul(b, sqrt(add(1, mul(c, c))));
    if (isExactNum(approx)) return log(approx);
    const m = realToFloat(approx);
    if (fullPrecision(m) && (m > EXP_HALF || m < EXP_MINUS_HALF)) return log(approx);
    const ea = toExact(a);
    const eb = toExact(b);
    return mul(new Ratnum(1n, 2n), flo(exactLog(add(mul(ea, ea), mul(eb, eb)))));
  };
  return compare(ar, ai) < 0 ? logMag(ar, ai) : logMag(ai, ar);
}

export function log(x: Value): Value {
  switch (nk(x)) {
    case NK.Fix:
    case NK.Big:
    case NK.Rat: {
      const s = sign(x);
      if (s === 0) throw rangeError(1);
      if (s < 0) return makeRect(log(neg(x)), flo(PI));
      if (x === 1) return 0;
      return flo(exactLog(x));
    }
    case NK.Flo: {
      const v = (x as Flonum).v;
      if (v !== v || !(v < 0 || Object.is(v, -0))) return flo(libm.log(v));
      return makeRect(flo(libm.log(-v)), flo(PI));
    }
    case NK.Cpx:
      return makeRect(complexLogMagnitude(x as Cpxnum), angle(x));
    default:
      throw typeError(1, 'NUMBER');
  }
}

function powerOfTwoExponent(v: Value): number {
  if (!isExactInt(v) || !(v > 0)) return -1;
  const b = toBig(v);
  return (b & (b - 1n)) === 0n ? bitLength(b) - 1 : -1;
}

/** (log x y): the logarithm of x in base y. */
export function logBase(x: Value, y: Value): Value {
  if (nk(x) === NK.Bad) throw typeError(1, 'NUMBER');
  if (nk(y) === NK.Bad) throw typeError(2, 'NUMBER');
  if (x === 0) throw rangeError(1);
  if (y === 0 || y === 1) throw rangeError(2);
  const a = powerOfTwoExponent(x);
  const b = powerOfTwoExponent(y);
  if (a >= 0 && b > 0) return makeRat(BigInt(a), BigInt(b));
  return div(log(x), log(y));
}

// ---------------------------------------------------------------------------------------------
// Trigonometry

type RealFn = (x: number) => number;

/** A real function of one argument: exact 0 maps to `atZero` (when given), else to floats. */
function realCase(x: Value, f: RealFn, atZero: Value | null): Value {
  if (x === 0 && atZero !== null) return atZero;
  return flo(f(realToFloat(x)));
}

export function sin(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.sin, 0);
  const { re: a, im: b } = x as Cpxnum;
  if (isFlonum(a) && isFlonum(b)) return cpx(libm.sin(a.v) * libm.cosh(b.v), libm.cos(a.v) * libm.sinh(b.v));
  return makeRect(mul(sin(a), cosh(b)), mul(cos(a), sinh(b)));
}

export function cos(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.cos, 1);
  const { re: a, im: b } = x as Cpxnum;
  if (isFlonum(a) && isFlonum(b)) return cpx(libm.cos(a.v) * libm.cosh(b.v), -(libm.sin(a.v) * libm.sinh(b.v)));
  return makeRect(mul(cos(a), cosh(b)), neg(mul(sin(a), sinh(b))));
}

const PLUS_I = new Cpxnum(0, 1);
const MINUS_I = new Cpxnum(0, -1);

export function tan(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.tan, 0);
  return mul(MINUS_I, tanh(mul(PLUS_I, x)));
}

export function sinh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.sinh, 0);
  const { re: a, im: b } = x as Cpxnum;
  if (isFlonum(a) && isFlonum(b)) return cpx(libm.sinh(a.v) * libm.cos(b.v), libm.cosh(a.v) * libm.sin(b.v));
  return new Cpxnum(mul(sinh(a), cos(b)), mul(cosh(a), sin(b))); // unnormalized, as in Gambit
}

export function cosh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.cosh, 1);
  const { re: a, im: b } = x as Cpxnum;
  if (isFlonum(a) && isFlonum(b)) return cpx(libm.cosh(a.v) * libm.cos(b.v), libm.sinh(a.v) * libm.sin(b.v));
  return new Cpxnum(mul(cosh(a), cos(b)), mul(sinh(a), sin(b))); // unnormalized, as in Gambit
}

export function tanh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, Math.tanh, 0);
  const { re: a, im: b } = x as Cpxnum;
  if (a === 0) return new Cpxnum(0, tan(b));
  // tanh(a+bi) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b), with Gambit's large-|a| cutoff.
  const xa = realToFloat(a);
  const xb = realToFloat(b);
  if (TANH_CUTOFF < Math.abs(xa)) return cpx(copysign(1, xa), copysign(0, xb));
  const t = libm.tan(xb);
  const beta = 1 + t * t;
  const s = libm.sinh(xa);
  const rho = Math.sqrt(1 + s * s);
  if (!Number.isFinite(t)) return cpx(rho / s, 1 / t);
  const d = 1 + beta * (s * s);
  return cpx((beta * (rho * s)) / d, t / d);
}

function casin(z: Value): Value {
  const x = re(z);
  if (x === 0) return makeRect(0, asinh(im(z)));
  const s1 = sqrt(sub(1, z));
  const s2 = sqrt(add(1, z));
  return makeRect(atan2(x, re(mul(s1, s2))), asinh(im(mul(conjugate(s1), s2))));
}

function cacos(z: Value): Value {
  return sub(flo(HALF_PI), casin(z));
}

export function asin(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k === NK.Cpx) return casin(x);
  if (x === 0) return 0;
  if (compare(1, x) < 0 || compare(x, -1) < 0) return casin(new Cpxnum(x, 0));
  return flo(libm.asin(realToFloat(x)));
}

export function acos(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k === NK.Cpx) return cacos(x);
  if (x === 1) return 0;
  if (compare(1, x) < 0 || compare(x, -1) < 0) return cacos(new Cpxnum(x, 0));
  return flo(libm.acos(realToFloat(x)));
}

export function atan(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.atan, 0);
  const c = x as Cpxnum;
  if (c.re === 0 && (c.im === 1 || c.im === -1)) throw rangeError(1);
  return mul(MINUS_I, atanh(mul(PLUS_I, x)));
}

/** The two-argument atan (Gambit's ##atan2): the angle of the point (x, y). */
export function atan2(y: Value, x: Value): Value {
  if ((isFlonum(x) && x.v !== x.v) || (isFlonum(y) && y.v !== y.v)) return flo(NaN);
  if (y === 0) {
    if (isExactNum(x)) return sign(x) < 0 ? flo(PI) : 0;
    const v = realToFloat(x);
    return flo(v < 0 || Object.is(v, -0) ? PI : 0);
  }
  const fx = realToFloat(x);
  const fy = realToFloat(y);
  if (!Number.isFinite(fx) && isFlonum(x) && !Number.isFinite(fy) && isFlonum(y)) {
    const a = fx > 0 ? PI / 4 : (3 * PI) / 4;
    return flo(fy < 0 ? -a : a);
  }
  const good = (v: Value, f: number): boolean => isFlonum(v) || fullPrecision(f) || compare(v, flo(f)) === 0;
  if (good(x, fx) && good(y, fy)) return flo(libm.atan2(fy, fx));
  // Rescale exact arguments by a power of two so that the larger is near 1.
  const ex = toExact(x);
  const ey = toExact(y);
  const m = compare(abs(ex), abs(ey)) < 0 ? abs(ey) : abs(ex);
  const [n, d] = m instanceof Ratnum ? [m.num, m.den] : [toBig(m as ExactInt), 1n];
  const p = bitLength(d) - bitLength(n);
  const scale = p >= 0 ? normBig(1n << BigInt(p)) : new Ratnum(1n, 1n << BigInt(-p));
  return flo(libm.atan2(realToFloat(mul(scale, ey)), realToFloat(mul(scale, ex))));
}

export function asinh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return realCase(x, libm.asinh, 0);
  return mul(MINUS_I, casin(mul(PLUS_I, x)));
}

function cacosh(z: Value): Value {
  const a = sqrt(sub(z, 1));
  const b = sqrt(add(z, 1));
  return makeRect(asinh(re(mul(conjugate(a), b))), mul(2, atan2(im(a), re(b))));
}

export function acosh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k === NK.Cpx) return cacosh(x);
  if (x === 1) return 0;
  if (compare(x, 1) < 0) return cacosh(new Cpxnum(x, 0));
  return flo(libm.acosh(realToFloat(x)));
}

function realAtanh(x: Value): Value {
  if (compare(1, x) < 0) return neg(realAtanh(neg(x)));
  if (compare(x, -1) < 0) {
    const t = realToFloat(div(mul(4, x), mul(sub(x, 1), sub(x, 1))));
    return makeRect(flo(Math.log1p(t) / 4), flo(HALF_PI));
  }
  return flo(Math.atanh(realToFloat(x)));
}

/** Kahan's complex atanh, as Gambit's ##catanh. */
function catanh(z: Cpxnum): Value {
  const r = z.re;
  const beta = isFlonum(r) ? (r.v < 0 || Object.is(r.v, -0) ? -1 : 1) : sign(r) < 0 ? -1 : 1;
  const w = mul(beta, conjugate(z));
  const x = re(w);
  const y = im(w);
  const ix = realToFloat(x);
  const iy = realToFloat(y);
  const ay = Math.abs(iy);
  let zeta: Cpxnum;
  if (ATANH_THETA < ix || ATANH_THETA < ay) {
    const d = Math.abs(iy) < Math.abs(ix) ? 1 / (ix + (iy / ix) * iy) : ix / iy / (ix * (ix / iy) + iy);
    zeta = cpx(d, copysign(HALF_PI, iy));
  } else if (ix === 1) {
    const a = ay + ATANH_RHO;
    zeta = cpx(libm.log(Math.sqrt(Math.sqrt(4 + ay * ay)) / Math.sqrt(a)), copysign(HALF_PI + libm.atan(a / 2), iy) / 2);
  } else {
    const a = ay + ATANH_RHO;
    const re0: Value = x === 0 ? 0 : flo(Math.log1p((4 * ix) / ((1 - ix) * (1 - ix) + a * a)) / 4);
    const arg = libm.atan2(2 * iy, (1 - ix) * (1 + ix) - a * a);
    zeta = new Cpxnum(re0, flo(arg / 2));
  }
  return mul(beta, conjugate(zeta));
}

export function atanh(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k === NK.Cpx) return catanh(x as Cpxnum);
  if (x === 0) return 0;
  if (x === 1 || x === -1) throw rangeError(1);
  return realAtanh(x);
}

// ---------------------------------------------------------------------------------------------
// Complex accessors and constructors

export function checkNumber(x: Value, arg = 1): void {
  if (nk(x) === NK.Bad) throw typeError(arg, 'NUMBER');
}

export function realPart(x: Value): Value {
  checkNumber(x);
  return re(x);
}

export function imagPart(x: Value): Value {
  checkNumber(x);
  return x instanceof Cpxnum ? x.im : 0;
}

export function conjugate(x: Value): Value {
  checkNumber(x);
  return x instanceof Cpxnum ? new Cpxnum(x.re, neg(x.im)) : x;
}

export function magnitude(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return abs(x);
  const { re: a, im: b } = x as Cpxnum;
  if (isFlonum(a) && isFlonum(b)) return flo(cabs(a.v, b.v));
  if (isExactNum(a) && isExactNum(b)) return sqrt(add(mul(a, a), mul(b, b)));
  const fa = realToFloat(a);
  const fb = realToFloat(b);
  if (Number.isFinite(fa) && Number.isFinite(fb)) {
    const ea = toExact(a);
    const eb = toExact(b);
    return toInexact(sqrt(add(mul(ea, ea), mul(eb, eb))));
  }
  return flo(cabs(fa, fb));
}

/** |x + iy| without spurious overflow (Kahan's algorithm, as Gambit's ##cabs). */
function cabs(re: number, im: number): number {
  let x = Math.abs(re);
  let y = Math.abs(im);
  if (x < y) [x, y] = [y, x];
  if (y === Infinity) x = y;
  const t = x - y;
  if (x === Infinity || t === x) return x;
  if (t > y) {
    let s = x / y;
    s += Math.sqrt(1 + s * s);
    return x + y / s;
  }
  let s = t / y;
  const u = (2 + s) * s;
  s = 2.414213562373095 + (s + (1.2537167179050217e-16 + u / (1.4142135623730951 + Math.sqrt(2 + u))));
  return x + y / s;
}

export function angle(x: Value): Value {
  switch (nk(x)) {
    case NK.Fix:
    case NK.Big:
    case NK.Rat:
      return sign(x) < 0 ? flo(PI) : 0;
    case NK.Flo: {
      // gsi's NaNs have their sign bit set ((angle +nan.0) is pi); gsi-ts does not track it.
      const v = (x as Flonum).v;
      return flo(v < 0 || Object.is(v, -0) || v !== v ? PI : 0);
    }
    case NK.Cpx:
      return atan2((x as Cpxnum).im, (x as Cpxnum).re);
    default:
      throw typeError(1, 'NUMBER');
  }
}

export function makeRectangular(x: Value, y: Value): Value {
  if (!isReal(x)) throw typeError(1, 'REAL');
  if (!isReal(y)) throw typeError(2, 'REAL');
  return makeRect(x, y);
}

function polar(m: Value, a: Value): Value {
  return makeRect(mul(m, cos(a)), mul(m, sin(a)));
}

export function makePolar(x: Value, y: Value): Value {
  if (!isReal(x)) throw typeError(1, 'REAL');
  if (!isReal(y)) throw typeError(2, 'REAL');
  return polar(x, y);
}

export function square(x: Value): Value {
  const k = nk(x);
  if (k === NK.Bad) throw typeError(1, 'NUMBER');
  if (k !== NK.Cpx) return mul(x, x);
  const { re: a, im: b } = x as Cpxnum;
  if (a === 0 || isExactNum(x)) return makeRect(mul(sub(a, b), add(a, b)), mul(2, mul(a, b)));
  const fa = realToFloat(a);
  const fb = realToFloat(b);
  return cpx((fa - fb) * (fa + fb), 2 * fa * fb);
}
