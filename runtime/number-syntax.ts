// Number syntax: the text of a number token to a number value (R7RS 7.1.1 plus Gambit 4.9.3's
// extensions), for the reader and `string->number`.
//
//   number  = prefix complex
//   prefix  = at most one radix (#x #b #o #d) and one exactness (#e #i) mark, either order,
//             any case
//   complex = real | real @ real | real (+|-) ureal? i | (+|-) ureal? i
//   real    = sign? ureal | (+|-) (inf.0 | nan.0)            -- any case
//   ureal   = uinteger | uinteger / uinteger | decimal        -- decimal in radix 10 only
//   decimal = digits with one '.', and/or an exponent  (e s f d l) sign? digit+
//
// A uinteger is digit+ #*: R4RS's '#' digit placeholders read as 0 and make the number inexact
// by default (`1#` is 10., `1/2#` is .05). Checked against gsi: `1/0` and `1/2.` are symbols,
// `#i1/0` is +inf.0, `#x1.5` and `#e+inf.0` are not numbers, `1+0i` is 1 but `1+0.i` stays
// complex, `#i+2i` is 0.+2.i, `1e400` is +inf.0 and `#e1.2e-3` is 3/2500 (computed exactly
// from the digits, never through a double).

import { Flonum, normBig, type Value } from './values.js';
import { makeRat, makeRect, ratToFloat, toExact } from './numbers.js';
import { makePolar } from './numbers-transc.js';

const enum Exactness {
  Default = 0,
  Exact,
  Inexact,
}

/**
 * One real number as written, before the exactness prefix is applied. The exact value is
 * `num/den` (den may be 0: `1/0`); a decimal keeps its digits and power of ten instead, so it
 * can be made exact exactly or inexact with one correctly rounded conversion.
 */
interface RealText {
  /** Index just past the real's text. */
  end: number;
  /** Written with a leading sign (required for a pure imaginary part). */
  signed: boolean;
  neg: boolean;
  /** 0 normally; an infinity or NaN for `+inf.0`, `-nan.0`... */
  special: number;
  /** Inexact unless `#e`: a decimal point, an exponent or a '#' placeholder was used. */
  inexact: boolean;
  /** For rationals and integers (den 1n). Magnitudes: the sign is in `neg`. */
  num: bigint;
  den: bigint;
  /** For decimals: the digits of the mantissa ('#' as 0) and the power of ten that scales them. */
  digits: string | null;
  scale: number;
}

/** A NaN with its sign bit set, for `-nan.0` (gsi keeps the sign of a NaN). */
const NEG_NAN = new Float64Array(new Uint32Array([0, 0xfff80000]).buffer)[0]!;

/**
 * Parses `text` as a number in `radix` (2, 8, 10 or 16; a radix prefix in the text overrides
 * it). Returns false when the text is not a number, so the reader can take it as a symbol.
 */
export function parseNumber(text: string, radix = 10): Value | false {
  const n = text.length;
  // Fast path: a short decimal integer (at most 15 digits is always a safe integer).
  if (radix === 10 && n <= 15 && n > 0) {
    let i = 0;
    const c = text.charCodeAt(0);
    const neg = c === 45; // -
    if (neg || c === 43) i = 1; // +
    if (i < n) {
      let v = 0;
      for (; i < n; i++) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === n) return neg && v !== 0 ? -v : v;
    }
  }
  return parseGeneral(text, radix);
}

function parseGeneral(s: string, radix: number): Value | false {
  const n = s.length;
  let i = 0;
  let exactness = Exactness.Default;
  let radixSeen = false;
  while (i < n && s.charCodeAt(i) === 35) { // #
    if (i + 1 >= n) return false;
    const c = s.charCodeAt(i + 1) | 0x20; // lower case
    if (c === 101 || c === 105) { // e i
      if (exactness !== Exactness.Default) return false;
      exactness = c === 101 ? Exactness.Exact : Exactness.Inexact;
    } else {
      if (radixSeen) return false;
      radixSeen = true;
      if (c === 120) radix = 16; // x
      else if (c === 98) radix = 2; // b
      else if (c === 111) radix = 8; // o
      else if (c === 100) radix = 10; // d
      else return false;
    }
    i += 2;
  }
  if (i >= n) return false;
  return parseComplex(s, i, radix, exactness);
}

function isI(s: string, i: number): boolean {
  return (s.charCodeAt(i) | 0x20) === 105; // i or I
}

function unit(neg: boolean, exactness: Exactness): Value {
  return exactness === Exactness.Inexact ? new Flonum(neg ? -1 : 1) : neg ? -1 : 1;
}

function pureImaginary(im: Value, exactness: Exactness): Value {
  return makeRect(exactness === Exactness.Inexact ? new Flonum(0) : 0, im);
}

function parseComplex(s: string, i: number, radix: number, exactness: Exactness): Value | false {
  const n = s.length;
  const r1 = scanReal(s, i, radix);
  if (r1 === null) {
    // `+i` / `-i`
    const c = s.charCodeAt(i);
    if ((c === 43 || c === 45) && i + 2 === n && isI(s, i + 1)) {
      return pureImaginary(unit(c === 45, exactness), exactness);
    }
    return false;
  }
  const j = r1.end;
  if (j === n) return finish(r1, exactness);
  const c = s.charCodeAt(j);
  if (j + 1 === n && r1.signed && isI(s, j)) {
    const im = finish(r1, exactness);
    return im === false ? false : pureImaginary(im, exactness);
  }
  if (c === 64) { // @
    const r2 = scanReal(s, j + 1, radix);
    if (r2 === null || r2.end !== n) return false;
    const partExactness = exactness === Exactness.Exact ? Exactness.Default : exactness;
    const m = finish(r1, partExactness);
    const a = finish(r2, partExactness);
    if (m === false || a === false) return false;
    const z = makePolar(m, a);
    if (exactness !== Exactness.Exact) return z;
    try {
      return toExact(z);
    } catch {
      return false; // an infinite or NaN part
    }
  }
  if (c === 43 || c === 45) { // + -
    const re = finish(r1, exactness);
    if (re === false) return false;
    const r2 = scanReal(s, j, radix);
    if (r2 !== null && r2.end === n - 1 && isI(s, n - 1)) {
      const im = finish(r2, exactness);
      return im === false ? false : makeRect(re, im);
    }
    if (r2 === null && j + 2 === n && isI(s, j + 1)) return makeRect(re, unit(c === 45, exactness));
  }
  return false;
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return l - 87;
  return 99;
}

function isExponentMarker(c: number): boolean {
  const l = c | 0x20;
  return l === 101 || l === 115 || l === 102 || l === 100 || l === 108; // e s f d l
}

/** Scans digit+ in `radix`; returns the end index (== i when there are none). */
function scanDigits(s: string, i: number, radix: number): number {
  const n = s.length;
  while (i < n && digitValue(s.charCodeAt(i)) < radix) i++;
  return i;
}

function scanHashes(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) === 35) i++;
  return i;
}

/** The magnitude written by `digits` ('#' placeholders read as 0) in `radix`. */
function toBigInt(digits: string, radix: number): bigint {
  digits = digits.replace(/#/g, '0');
  switch (radix) {
    case 10:
      return BigInt(digits);
    case 16:
      return BigInt('0x' + digits);
    case 8:
      return BigInt('0o' + digits);
    case 2:
      return BigInt('0b' + digits);
    default: {
      let v = 0n;
      const r = BigInt(radix);
      for (let k = 0; k < digits.length; k++) v = v * r + BigInt(digitValue(digits.charCodeAt(k)));
      return v;
    }
  }
}

function scanReal(s: string, i: number, radix: number): RealText | null {
  const n = s.length;
  const c = s.charCodeAt(i);
  const signed = c === 43 || c === 45;
  const neg = c === 45;
  if (signed) {
    i++;
    if (i + 5 <= n) {
      const word = s.slice(i, i + 5).toLowerCase();
      if (word === 'inf.0' || word === 'nan.0') {
        const special = word === 'inf.0' ? (neg ? -Infinity : Infinity) : neg ? NEG_NAN : NaN;
        return {
          end: i + 5, signed, neg, special, inexact: true, num: 0n, den: 1n, digits: null, scale: 0,
        };
      }
    }
  }
  const intStart = i;
  i = scanDigits(s, i, radix);
  const intEnd = i;
  i = scanHashes(s, i);
  const intHashEnd = i;
  const intHashes = i > intEnd;
  if (intHashes && intEnd === intStart) return null;
  const r: RealText = {
    end: i, signed, neg, special: 0, inexact: intHashes, num: 0n, den: 1n, digits: null, scale: 0,
  };
  if (radix === 10 && i < n && (s.charCodeAt(i) === 46 || isExponentMarker(s.charCodeAt(i)))) {
    // A decimal: int '.' frac, then an optional exponent.
    let frac = '';
    if (s.charCodeAt(i) === 46) {
      i++;
      const fracStart = i;
      if (!intHashes) i = scanDigits(s, i, 10);
      i = scanHashes(s, i);
      frac = s.slice(fracStart, i);
    }
    if (intEnd === intStart && (frac.length === 0 || frac.charCodeAt(0) === 35)) return null;
    let exp = 0;
    if (i < n && isExponentMarker(s.charCodeAt(i))) {
      let k = i + 1;
      const sc = s.charCodeAt(k);
      if (sc === 43 || sc === 45) k++;
      const expEnd = scanDigits(s, k, 10);
      if (expEnd === k) return null; // `1e`, `1e+`: not a number
      exp = Number(s.slice(i + 1, expEnd));
      i = expEnd;
    }
    r.end = i;
    r.inexact = true;
    r.digits = (s.slice(intStart, intHashEnd) + frac).replace(/#/g, '0');
    r.scale = exp - frac.length;
    return r;
  }
  if (intEnd === intStart) return null;
  r.num = toBigInt(s.slice(intStart, i), radix);
  if (i < n && s.charCodeAt(i) === 47) { // /
    const denStart = i + 1;
    const denEnd = scanDigits(s, denStart, radix);
    if (denEnd === denStart) return null;
    i = scanHashes(s, denEnd);
    if (i > denEnd) r.inexact = true;
    r.den = toBigInt(s.slice(denStart, i), radix);
    r.end = i;
  }
  return r;
}

/** Applies the exactness to one scanned real. False: `1/0`, `#e+inf.0`. */
function finish(r: RealText, exactness: Exactness): Value | false {
  if (r.special !== 0) return exactness === Exactness.Exact ? false : new Flonum(r.special);
  const inexact = exactness === Exactness.Inexact || (exactness === Exactness.Default && r.inexact);
  if (r.digits !== null) {
    if (inexact) return new Flonum(Number(`${r.neg ? '-' : ''}${r.digits}e${r.scale}`));
    const m = r.neg ? -BigInt(r.digits) : BigInt(r.digits);
    let p: bigint;
    try {
      p = 10n ** BigInt(Math.abs(r.scale));
    } catch {
      return false; // beyond the largest bigint (gsi would run out of memory)
    }
    return r.scale >= 0 ? normBig(m * p) : makeRat(m, p);
  }
  const num = r.neg ? -r.num : r.num;
  if (inexact) {
    if (r.den === 1n) return new Flonum(Number(num));
    if (r.den === 0n) return new Flonum(Number(num) / 0);
    return new Flonum(ratToFloat(num, r.den));
  }
  if (r.den === 0n) return false;
  return makeRat(num, r.den);
}
