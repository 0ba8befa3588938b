// Gambit's fixnum-specific (fx...) and flonum-specific (fl...) primitives (Gambit manual 8.3
// and 8.4). Fixnums are Gambit's 62-bit ones (numbers-bits.ts); an fx result outside that
// range raises "FIXNUM overflow", the fxwrap... forms wrap around instead. fl... procedures
// take and return flonums only ("FLONUM expected" otherwise).

import { divideByZero, fixnumOverflow, rangeError, typeError } from '../errors.js';
import { pure, type PrimFactory } from '../primitive.js';
import { Flonum, type Value } from '../values.js';
import * as libm from '../numbers-libm.js';
import { toBig, type ExactInt } from '../numbers.js';
import { denominator, flRound, flTruncate, numerator } from '../numbers-div.js';
import {
  FIXNUM_WIDTH, bitAnd, bitCount, bitIor, bitIsSet, bitNot, bitXor, bitwiseMerge, checkGFixnum,
  firstBitSet, fxResult, fxWrap, integerLength,
} from '../numbers-bits.js';

const flo = (x: number): Flonum => new Flonum(x);

// ---------------------------------------------------------------------------------------------
// Fixnums

type FxStep = (a: ExactInt, b: ExactInt) => ExactInt;

/** An n-ary fixnum operation: checks and computes left to right, as Gambit does. */
function fxNary(name: string, min: number, step: FxStep, unit: ExactInt | null, one: (a: ExactInt) => ExactInt) {
  return pure(name, min, -1, function (this: unknown): Value {
    const n = arguments.length;
    if (n === 0) return unit!;
    let acc = checkGFixnum(arguments[0] as Value, 1);
    if (n === 1) return one(acc);
    for (let i = 1; i < n; i++) acc = step(acc, checkGFixnum(arguments[i] as Value, i + 1));
    return acc;
  });
}

function fxCompare(name: string, test: (a: ExactInt, b: ExactInt) => boolean) {
  return pure(name, 0, -1, function (this: unknown): Value {
    const n = arguments.length;
    let result = true;
    let prev = n > 0 ? checkGFixnum(arguments[0] as Value, 1) : 0;
    for (let i = 1; i < n; i++) {
      const x = checkGFixnum(arguments[i] as Value, i + 1);
      if (result && !test(prev, x)) result = false;
      prev = x;
    }
    return result;
  });
}

function fx1(name: string, f: (a: ExactInt) => Value) {
  return pure(name, 1, 1, (a: Value) => f(checkGFixnum(a, 1)));
}

function fx2(name: string, f: (a: ExactInt, b: ExactInt) => Value) {
  return pure(name, 2, 2, (a: Value, b: Value) => f(checkGFixnum(a, 1), checkGFixnum(b, 2)));
}

const big = toBig;
const fxAdd: FxStep = (a, b) => (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b) ? a + b : fxResult(big(a) + big(b)));
const fxSub: FxStep = (a, b) => (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a - b) ? a - b : fxResult(big(a) - big(b)));
const fxMul: FxStep = (a, b) => fxResult(big(a) * big(b));
const identity = (a: ExactInt): ExactInt => a;

function nonzero(b: ExactInt): bigint {
  if (b === 0) throw divideByZero();
  return big(b);
}

function truncMod(a: bigint, b: bigint): bigint {
  return a % b;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? r + b : r;
}

function shiftRange(y: ExactInt, lo: number, hi: number): number {
  if (typeof y !== 'number' || y < lo || y > hi) throw rangeError(2);
  return y;
}

function fixnumPrims(): ReturnType<typeof pure>[] {
  return [
    fxNary('fx+', 0, fxAdd, 0, identity),
    fxNary('fx-', 1, fxSub, null, (a) => fxResult(-big(a))),
    fxNary('fx*', 0, fxMul, 1, identity),
    fxNary('fxwrap+', 0, (a, b) => fxWrap(big(a) + big(b)), 0, identity),
    fxNary('fxwrap-', 1, (a, b) => fxWrap(big(a) - big(b)), null, (a) => fxWrap(-big(a))),
    fxNary('fxwrap*', 0, (a, b) => fxWrap(big(a) * big(b)), 1, identity),
    fxNary('fxmax', 1, (a, b) => (a < b ? b : a), null, identity),
    fxNary('fxmin', 1, (a, b) => (a < b ? a : b), null, identity),
    fxNary('fxand', 0, bitAnd, -1, identity),
    fxNary('fxior', 0, bitIor, 0, identity),
    fxNary('fxxor', 0, bitXor, 0, identity),
    fxCompare('fx=', (a, b) => a === b),
    fxCompare('fx<', (a, b) => a < b),
    fxCompare('fx>', (a, b) => a > b),
    fxCompare('fx<=', (a, b) => a <= b),
    fxCompare('fx>=', (a, b) => a >= b),
    fx2('fxquotient', (a, b) => fxResult(big(a) / nonzero(b))),
    fx2('fxremainder', (a, b) => fxResult(truncMod(big(a), nonzero(b)))),
    fx2('fxmodulo', (a, b) => fxResult(floorMod(big(a), nonzero(b)))),
    fx2('fxwrapquotient', (a, b) => fxWrap(big(a) / nonzero(b))),
    fx1('fxabs', (a) => fxResult(a < 0 ? -big(a) : big(a))),
    fx1('fxwrapabs', (a) => fxWrap(a < 0 ? -big(a) : big(a))),
    fx1('fxsquare', (a) => fxResult(big(a) * big(a))),
    fx1('fxwrapsquare', (a) => fxWrap(big(a) * big(a))),
    fx1('fxnot', bitNot),
    pure('fxif', 3, 3, (x: Value, y: Value, z: Value) => {
      const [a, b, c] = [checkGFixnum(x, 1), checkGFixnum(y, 2), checkGFixnum(z, 3)];
      return bitwiseMerge(a, c, b); // (a & b) | (~a & c)
    }),
    fx1('fxzero?', (a) => a === 0),
    fx1('fxpositive?', (a) => a > 0),
    fx1('fxnegative?', (a) => a < 0),
    fx1('fxodd?', (a) => (big(a) & 1n) === 1n),
    fx1('fxeven?', (a) => (big(a) & 1n) === 0n),
    fx1('fxbit-count', bitCount),
    fx1('fxlength', integerLength),
    fx1('fxfirst-bit-set', firstBitSet),
    fx2('fxbit-set?', (i, n) => {
      if (typeof i !== 'number' || i < 0 || i > FIXNUM_WIDTH) throw rangeError(1);
      return i < FIXNUM_WIDTH && bitIsSet(i, n); // gsi: bit 62 is never set
    }),
    fx2('fxarithmetic-shift', (a, y) => {
      if (typeof y !== 'number' || y < -FIXNUM_WIDTH || y > FIXNUM_WIDTH) throw fixnumOverflow();
      return fxResult(y >= 0 ? big(a) << BigInt(y) : big(a) >> BigInt(-y));
    }),
    fx2('fxarithmetic-shift-left', (a, y) => {
      if (y < 0) throw rangeError(2);
      if (typeof y !== 'number' || y > FIXNUM_WIDTH) throw fixnumOverflow();
      return fxResult(big(a) << BigInt(y));
    }),
    fx2('fxarithmetic-shift-right', (a, y) => {
      if (y < 0) throw rangeError(2);
      return fxResult(big(a) >> BigInt(Math.min(Number(y), 64)));
    }),
    fx2('fxwraparithmetic-shift', (a, y) => {
      const s = shiftRange(y, -FIXNUM_WIDTH, FIXNUM_WIDTH);
      return fxWrap(s >= 0 ? big(a) << BigInt(s) : big(a) >> BigInt(-s));
    }),
    fx2('fxwraparithmetic-shift-left', (a, y) => fxWrap(big(a) << BigInt(shiftRange(y, 0, FIXNUM_WIDTH)))),
    fx2('fxwraplogical-shift-right', (a, y) => {
      if (y < 0) throw rangeError(2);
      return fxWrap(BigInt.asUintN(FIXNUM_WIDTH, big(a)) >> BigInt(Math.min(Number(y), 64)));
    }),
    fx1('fixnum->flonum', (a) => flo(Number(a))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Flonums

function checkFl(v: Value, arg: number): number {
  if (v instanceof Flonum) return v.v;
  throw typeError(arg, 'FLONUM');
}

function flNary(name: string, min: number, step: (a: number, b: number) => number, unit: number | null, one: (a: number) => number) {
  return pure(name, min, -1, function (this: unknown): Value {
    const n = arguments.length;
    if (n === 0) return flo(unit!);
    let acc = checkFl(arguments[0] as Value, 1);
    if (n === 1) return flo(one(acc));
    for (let i = 1; i < n; i++) acc = step(acc, checkFl(arguments[i] as Value, i + 1));
    return flo(acc);
  });
}

function flCompare(name: string, test: (a: number, b: number) => boolean) {
  return pure(name, 0, -1, function (this: unknown): Value {
    const n = arguments.length;
    let result = true;
    let prev = n > 0 ? checkFl(arguments[0] as Value, 1) : 0;
    for (let i = 1; i < n; i++) {
      const x = checkFl(arguments[i] as Value, i + 1);
      if (result && !test(prev, x)) result = false;
      prev = x;
    }
    return result;
  });
}

function fl1(name: string, f: (a: number) => number) {
  return pure(name, 1, 1, (a: Value) => flo(f(checkFl(a, 1))));
}

function flPred(name: string, f: (a: number) => boolean) {
  return pure(name, 1, 1, (a: Value) => f(checkFl(a, 1)));
}

/** The binary exponent of x (C's ilogb, with glibc's values for 0, infinities and NaN). */
function ilogb(x: number): number {
  const a = Math.abs(x);
  if (a === 0 || a !== a) return -2147483648;
  if (a === Infinity) return 2147483647;
  return libm.ilogb(a);
}

function flonumPrims(): ReturnType<typeof pure>[] {
  return [
    flNary('fl+', 0, (a, b) => a + b, 0, (a) => a),
    flNary('fl-', 1, (a, b) => a - b, null, (a) => -a),
    flNary('fl*', 0, (a, b) => a * b, 1, (a) => a),
    flNary('fl/', 1, (a, b) => a / b, null, (a) => 1 / a),
    flNary('flmax', 1, Math.max, null, (a) => a),
    flNary('flmin', 1, Math.min, null, (a) => a),
    flCompare('fl=', (a, b) => a === b),
    flCompare('fl<', (a, b) => a < b),
    flCompare('fl>', (a, b) => a > b),
    flCompare('fl<=', (a, b) => a <= b),
    flCompare('fl>=', (a, b) => a >= b),
    fl1('flabs', Math.abs),
    fl1('flfloor', Math.floor),
    fl1('flceiling', Math.ceil),
    fl1('flround', flRound),
    fl1('fltruncate', flTruncate),
    fl1('flsqrt', Math.sqrt),
    fl1('flsquare', (a) => a * a),
    fl1('flexp', libm.exp),
    fl1('flexpm1', Math.expm1),
    fl1('fllog', libm.log),
    fl1('fllog1p', Math.log1p),
    fl1('flsin', libm.sin),
    fl1('flcos', libm.cos),
    fl1('fltan', libm.tan),
    fl1('flasin', libm.asin),
    fl1('flacos', libm.acos),
    pure('flatan', 1, 2, function (this: unknown, y: Value, x: Value): Value {
      const a = checkFl(y, 1);
      if (arguments.length === 1) return flo(libm.atan(a));
      return flo(libm.atan2(a, checkFl(x, 2)));
    }),
    fl1('flsinh', libm.sinh),
    fl1('flcosh', libm.cosh),
    fl1('fltanh', Math.tanh),
    fl1('flasinh', libm.asinh),
    fl1('flacosh', libm.acosh),
    fl1('flatanh', Math.atanh),
    pure('flexpt', 2, 2, (x: Value, y: Value) => flo(libm.pow(checkFl(x, 1), checkFl(y, 2)))),
    pure('flscalbn', 2, 2, (x: Value, n: Value) => {
      const a = checkFl(x, 1);
      const e = checkGFixnum(n, 2);
      return flo(libm.scalbn(a, Math.max(-3000, Math.min(3000, Number(e)))));
    }),
    pure('flilogb', 1, 1, (x: Value) => ilogb(checkFl(x, 1))),
    pure('flnumerator', 1, 1, (x: Value) => {
      checkFl(x, 1);
      return numerator(x);
    }),
    pure('fldenominator', 1, 1, (x: Value) => {
      checkFl(x, 1);
      return denominator(x);
    }),
    flPred('flzero?', (a) => a === 0),
    flPred('flpositive?', (a) => a > 0),
    flPred('flnegative?', (a) => a < 0),
    flPred('flnan?', (a) => a !== a),
    flPred('flinfinite?', (a) => a === Infinity || a === -Infinity),
    flPred('flfinite?', Number.isFinite),
    flPred('flinteger?', Number.isInteger),
    flPred('flodd?', (a) => Number.isInteger(a) && Math.abs(a % 2) === 1),
    flPred('fleven?', (a) => Number.isInteger(a) && a % 2 === 0),
  ];
}

export const fxflPrims: PrimFactory = () => [...fixnumPrims(), ...flonumPrims()];
