// number->string, exactly as gsi prints numbers.
//
// Flonums: the shortest digit string that reads back to the same double (JS's
// toExponential() gives it: the same digits as Gambit's Burger & Dybvig free-format printer),
// laid out by Gambit's rules (##flonum-printout), where the value is 0.DDD x 10^e:
//   0 <= e <= 10    positional: .5  3.14159  12345678.9  100.  1234567890.
//   -2 <= e <= -1   leading zeros: .05  .001
//   otherwise       scientific, one digit before the point: 1e10  1.5e-7  1e21  1e-4
// plus .0-less special values +inf.0 -inf.0 +nan.0 and -0. A flonum ignores the radix.
// Exact rationals print in the radix; complex numbers print as `a+bi`, without the real part
// when it is exact 0, and with `+i` / `-i` for an imaginary part of exact ±1.

import { Cpxnum, Flonum, Ratnum, type Value } from './values.js';

export function numberToString(v: Value, radix = 10): string {
  return toStr(v, radix, false);
}

function toStr(v: Value, radix: number, forceSign: boolean): string {
  if (typeof v === 'number' || typeof v === 'bigint') {
    const s = v.toString(radix);
    return forceSign && v >= 0 ? `+${s}` : s;
  }
  if (v instanceof Flonum) return flonumToString(v.v, forceSign);
  if (v instanceof Ratnum) {
    const s = `${v.num.toString(radix)}/${v.den.toString(radix)}`;
    return forceSign && v.num > 0n ? `+${s}` : s;
  }
  if (v instanceof Cpxnum) {
    const re = v.re === 0 ? '' : toStr(v.re, radix, forceSign);
    if (v.im === 1) return `${re}+i`;
    if (v.im === -1) return `${re}-i`;
    return `${re}${toStr(v.im, radix, true)}i`;
  }
  throw new TypeError('numberToString: not a number');
}

export function flonumToString(x: number, forceSign = false): string {
  if (x !== x) return '+nan.0';
  if (x < 0 || Object.is(x, -0)) {
    if (x === -Infinity) return '-inf.0';
    return `-${unsignedFlonum(-x)}`;
  }
  if (x === Infinity) return '+inf.0';
  return (forceSign ? '+' : '') + unsignedFlonum(x);
}

/** A finite x >= 0 (not -0.). */
function unsignedFlonum(x: number): string {
  if (x === 0) return '0.';
  if (x >= 1e-3 && x < 1e10) {
    // Gambit's positional range (-2 <= e <= 10), where JS's String() is positional too, with
    // the same shortest digits; 3 times faster than going through toExponential.
    const p = String(x);
    if (Number.isInteger(x)) return `${p}.`;
    return x < 1 ? p.slice(1) : p;
  }
  const s = x.toExponential(); // shortest round-trip digits: "d.ddde+n"
  const ePos = s.indexOf('e');
  const mant = s.slice(0, ePos);
  const d = mant.length > 1 ? mant[0]! + mant.slice(2) : mant;
  const n = d.length;
  const e = Number(s.slice(ePos + 1)) + 1; // x = 0.d * 10^e
  if (e >= 0 && e <= 10) {
    if (e === 0) return `.${d}`;
    if (e < n) return `${d.slice(0, e)}.${d.slice(e)}`;
    if (e === n) return `${d}.`;
    return `${d}${'0'.repeat(e - n)}.`;
  }
  if (e >= -2 && e <= -1) return `.${'0'.repeat(-e)}${d}`;
  return `${d[0]!}${n === 1 ? '' : '.'}${d.slice(1)}e${e - 1}`;
}
