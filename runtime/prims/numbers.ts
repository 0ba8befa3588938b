// The numeric primitives, with Gambit 4.9.3's names and argument checks (Gambit manual ch. 8
// "Numbers"; R7RS 6.2). The arithmetic itself is in runtime/numbers*.ts.
//
// Hot path: the interpreter's benchmarks spend their time in 2-argument + - < = on fixnums,
// so those primitives are plain `function`s that test `arguments.length === 2` and
// `typeof a === 'number' && typeof b === 'number'` before anything else: no allocation and no
// dispatch. The n-ary forms fold over `arguments` and renumber the operand position of a type
// error ((+ 1 2 'a) is "(Argument 3) NUMBER expected").

import { ErrorObj, rangeError, typeError } from '../errors.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import type { Vm } from '../vm.js';
import { Cpxnum, Flonum, MString, MultipleValues, NumVector, SVector, U8Vector, VOID, isNumber, type Value } from '../values.js';
import { MAX_ALLOC } from './data-util.js';
import {
  abs, add, compare, div, isExactInt, isExactNum, isInteger, isRational, isReal, isZero, max2, min2,
  mul, neg, numEq, sign, sub, toExact, toInexact, type ExactInt,
} from '../numbers.js';
import {
  denominator, divPair, exactIntegerSqrt, floorQuotient, gcd2, lcm2, modulo, numerator, quotient,
  rationalize, remainder, roundReal,
} from '../numbers-div.js';
import {
  acos, acosh, angle, asin, asinh, atan, atan2, atanh, conjugate, cos, cosh, exp, imagPart, log,
  logBase, magnitude, makePolar, makeRectangular, realPart, sin, sinh, sqrt, square, tan, tanh,
} from '../numbers-transc.js';
import { expt, integerNthRoot, integerSqrt } from '../numbers-expt.js';
import {
  arithmeticShift, bitAnd, bitCount, bitIor, bitIsSet, bitNot, bitXor, bitwiseMerge, checkExactInt,
  checkIndexArg, copyBitField, extractBitField, firstBitSet, integerLength, isGFixnum, replaceBitField,
} from '../numbers-bits.js';
import {
  checkRandomSource, defaultRandomSource, isRandomSource, makeRandomSource, type RandomSource,
} from '../numbers-random.js';
import { numberToString } from '../number-format.js';
import { parseNumber } from '../number-syntax.js';

/** Re-raises a type error of a 2-operand step as one at the operands' positions in the call. */
function renumber(e: unknown, first: number, second: number): never {
  if (e instanceof ErrorObj && e.kind === 'type' && (e.argNum === 1 || e.argNum === 2)) {
    throw typeError(e.argNum === 1 ? first : second, e.typeName);
  }
  throw e;
}

type Step = (a: Value, b: Value) => Value;

/** Left fold of `step` over args[0..n), n >= 2, with argument positions in errors. */
function fold(args: IArguments, step: Step): Value {
  const n = args.length;
  let acc: Value = step(args[0] as Value, args[1] as Value);
  for (let i = 2; i < n; i++) {
    try {
      acc = step(acc, args[i] as Value);
    } catch (e: unknown) {
      renumber(e, i, i + 1);
    }
  }
  return acc;
}

function checkNum(v: Value, arg: number): Value {
  if (isNumber(v)) return v;
  throw typeError(arg, 'NUMBER');
}

function checkReal(v: Value, arg: number): Value {
  if (isReal(v)) return v;
  throw typeError(arg, 'REAL');
}

// ---------------------------------------------------------------------------------------------
// + - * /

function plus(a: Value, b: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      if (Number.isSafeInteger(r)) return r;
    }
    return add(a, b);
  }
  switch (arguments.length) {
    case 0: return 0;
    case 1: return checkNum(a, 1);
    default: return fold(arguments, add);
  }
}

function minus(a: Value, b: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a - b;
      if (Number.isSafeInteger(r)) return r;
    }
    return sub(a, b);
  }
  if (arguments.length === 1) return neg(a);
  return fold(arguments, sub);
}

function times(a: Value, b: Value): Value {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a * b;
      if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
    }
    return mul(a, b);
  }
  switch (arguments.length) {
    case 0: return 1;
    case 1: return checkNum(a, 1);
    default: return fold(arguments, mul);
  }
}

function divide(a: Value, b: Value): Value {
  if (arguments.length === 2) return div(a, b);
  if (arguments.length === 1) {
    try {
      return div(1, a);
    } catch (e: unknown) {
      return renumber(e, 0, 1);
    }
  }
  return fold(arguments, div);
}

// ---------------------------------------------------------------------------------------------
// = < > <= >=. Like Gambit, every adjacent pair is compared even after the result is known
// (so every argument is type-checked), and `>` and `<=` compare the swapped pair, which swaps
// the argument positions in their type errors: (> 1 'a) is "(Argument 1) REAL expected".

type Test = (c: number) => boolean;

function chain(args: IArguments, test: Test, swapped: boolean): boolean {
  const n = args.length;
  if (n === 1) checkReal(args[0] as Value, 1);
  let result = true;
  for (let i = 0; i < n - 1; i++) {
    const x = args[i] as Value;
    const y = args[i + 1] as Value;
    let c: number;
    try {
      c = swapped ? -compare(y, x) : compare(x, y);
    } catch (e: unknown) {
      return renumber(e, i + 1, i + 2);
    }
    if (!test(c)) result = false;
  }
  return result;
}

const lt: Test = (c) => c < 0;
const gt: Test = (c) => c > 0;
const le: Test = (c) => c <= 0;
const ge: Test = (c) => c >= 0;

function numLt(a: Value, b: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a < b;
    return compare(a, b) < 0;
  }
  return chain(arguments, lt, false);
}

function numGt(a: Value, b: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a > b;
    return compare(b, a) < 0;
  }
  return chain(arguments, gt, true);
}

function numLe(a: Value, b: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a <= b;
    return compare(b, a) >= 0;
  }
  return chain(arguments, le, true);
}

function numGe(a: Value, b: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a >= b;
    return compare(a, b) >= 0;
  }
  return chain(arguments, ge, false);
}

function numEquals(a: Value, b: Value): boolean {
  if (arguments.length === 2) {
    if (typeof a === 'number' && typeof b === 'number') return a === b;
    return numEq(a, b);
  }
  const n = arguments.length;
  if (n === 1) checkNum(a, 1);
  let result = true;
  for (let i = 0; i < n - 1; i++) {
    try {
      if (!numEq(arguments[i] as Value, arguments[i + 1] as Value)) result = false;
    } catch (e: unknown) {
      renumber(e, i + 1, i + 2);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Predicates

function isFinitePart(v: Value): boolean {
  return !(v instanceof Flonum) || Number.isFinite(v.v);
}

function isInfPart(v: Value): boolean {
  return v instanceof Flonum && (v.v === Infinity || v.v === -Infinity);
}

function isNanPart(v: Value): boolean {
  return v instanceof Flonum && v.v !== v.v;
}

/** A predicate on the parts of a number (both parts of a cpxnum, combined with `both`). */
function partPred(name: string, f: (v: Value) => boolean, both: boolean) {
  return pure(name, 1, 1, (x: Value) => {
    checkNum(x, 1);
    if (x instanceof Cpxnum) return both ? f(x.re) && f(x.im) : f(x.re) || f(x.im);
    return f(x);
  });
}

function parity(x: Value): boolean {
  if (typeof x === 'number') return x % 2 !== 0;
  if (typeof x === 'bigint') return (x & 1n) === 1n;
  if (x instanceof Flonum && Number.isInteger(x.v)) return Math.abs(x.v % 2) === 1;
  throw typeError(1, 'INTEGER');
}

// ---------------------------------------------------------------------------------------------
// n-ary helpers for max/min, gcd/lcm and the bitwise operations

function naryReal(step: Step) {
  return function (this: unknown, a: Value): Value {
    if (arguments.length === 1) return checkReal(a, 1);
    return fold(arguments, step);
  };
}

function naryInt(step: Step, unit: Value) {
  return function (this: unknown, a: Value): Value {
    switch (arguments.length) {
      case 0: return unit;
      case 1:
        if (!isInteger(a)) throw typeError(1, 'INTEGER');
        return abs(a);
      default: return fold(arguments, step);
    }
  };
}

function naryBits(op: (a: ExactInt, b: ExactInt) => ExactInt, unit: ExactInt) {
  const step = (a: Value, b: Value): Value => op(checkExactInt(a, 1), checkExactInt(b, 2));
  return function (this: unknown, a: Value): Value {
    switch (arguments.length) {
      case 0: return unit;
      case 1: return checkExactInt(a, 1);
      default: return fold(arguments, step);
    }
  };
}

// ---------------------------------------------------------------------------------------------
// number->string, string->number

function checkRadix(r: Value | undefined): number {
  if (r === undefined) return 10;
  if (!isExactInt(r)) throw typeError(2, 'Exact INTEGER');
  if (r !== 2 && r !== 8 && r !== 10 && r !== 16) throw rangeError(2);
  return r;
}

function numberToStringPrim(n: Value, r?: Value): Value {
  const radix = checkRadix(r);
  checkNum(n, 1);
  return new MString(numberToString(n, radix));
}

function stringToNumberPrim(s: Value, r?: Value): Value {
  if (!(s instanceof MString)) throw typeError(1, 'STRING');
  return parseNumber(s.s, checkRadix(r));
}

// ---------------------------------------------------------------------------------------------
// SRFI 27 random sources. random-integer, random-real, random-u8vector and random-f64vector
// draw from default-random-source; random-source-make-... make the same procedures for another
// source. The vectors are filled from the last element down, as gsi does (so (random-f64vector 3)
// holds the next three random-real values in reverse).

function integersOf(src: RandomSource) {
  return plain('random-integer', 1, 1, (n: Value) => src.integer(n));
}

function realsOf(src: RandomSource, precision: number) {
  return plain('random-real', 0, 0, () => new Flonum(src.realWithPrecision(precision)));
}

/** The length of a random vector: an exact integer, at least 0 (gsi: `Out of range` below). */
function randomLength(n: Value): number {
  if (!isExactInt(n)) throw typeError(1, 'Exact INTEGER');
  if (typeof n !== 'number' || n < 0 || n > MAX_ALLOC / 8) throw rangeError(1);
  return n;
}

function u8vectorsOf(src: RandomSource) {
  return plain('random-u8vector', 1, 1, (n: Value) => {
    const bytes = new Uint8Array(randomLength(n));
    for (let i = bytes.length - 1; i >= 0; i--) bytes[i] = src.randFixnum32(256);
    return new U8Vector(bytes);
  });
}

function f64vectorsOf(src: RandomSource, precision: number) {
  return plain('random-f64vector', 1, 1, (n: Value) => {
    const xs = new Float64Array(randomLength(n));
    for (let i = xs.length - 1; i >= 0; i--) xs[i] = src.realWithPrecision(precision);
    return new NumVector('f64', xs);
  });
}

/** The optional precision of random-source-make-reals and -f64vectors: in (0, 1), 1 if absent. */
function precisionArg(p: Value | undefined): number {
  if (p === undefined) return 1;
  if (!isRational(p)) throw typeError(2, 'Finite REAL');
  const precision = (toInexact(p) as Flonum).v;
  if (!(precision > 0 && precision < 1)) throw rangeError(2);
  return precision;
}

function randomPrims(vm: Vm) {
  const dflt = checkRandomSource(vm, defaultRandomSource(vm), 1);
  vm.define('default-random-source', defaultRandomSource(vm));
  return [
    integersOf(dflt),
    realsOf(dflt, 1),
    u8vectorsOf(dflt),
    f64vectorsOf(dflt, 1),
    plain('make-random-source', 0, 0, () => makeRandomSource(vm)),
    plain('random-source?', 1, 1, (v: Value) => isRandomSource(vm, v)),
    plain('random-source-state-ref', 1, 1, (r: Value) => new SVector(checkRandomSource(vm, r, 1).getState())),
    plain('random-source-state-set!', 2, 2, (r: Value, st: Value) => {
      const src = checkRandomSource(vm, r, 1);
      if (!(st instanceof SVector) || !src.setState(st.items)) throw typeError(2, 'RANDOM-SOURCE state');
      return VOID;
    }),
    plain('random-source-randomize!', 1, 1, (r: Value) => {
      checkRandomSource(vm, r, 1).randomize(vm.host.now() / 1000);
      return VOID;
    }),
    plain('random-source-pseudo-randomize!', 3, 3, (r: Value, i: Value, j: Value) => {
      const src = checkRandomSource(vm, r, 1);
      const a = checkExactInt(i, 2);
      const b = checkExactInt(j, 3);
      if (a < 0) throw rangeError(2);
      if (b < 0) throw rangeError(3);
      src.pseudoRandomize(BigInt(a), BigInt(b));
      return VOID;
    }),
    plain('random-source-make-integers', 1, 1, (r: Value) => integersOf(checkRandomSource(vm, r, 1))),
    plain('random-source-make-reals', 1, 2, (r: Value, p?: Value) => {
      const src = checkRandomSource(vm, r, 1);
      return realsOf(src, precisionArg(p));
    }),
    plain('random-source-make-u8vectors', 1, 1, (r: Value) => u8vectorsOf(checkRandomSource(vm, r, 1))),
    plain('random-source-make-f64vectors', 1, 2, (r: Value, p?: Value) => {
      const src = checkRandomSource(vm, r, 1);
      return f64vectorsOf(src, precisionArg(p));
    }),
  ];
}

// ---------------------------------------------------------------------------------------------

export const numberPrims: PrimFactory = (vm) => [
  pure('+', 0, -1, plus),
  pure('-', 1, -1, minus),
  pure('*', 0, -1, times),
  pure('/', 1, -1, divide),
  pure('=', 0, -1, numEquals),
  pure('<', 0, -1, numLt),
  pure('>', 0, -1, numGt),
  pure('<=', 0, -1, numLe),
  pure('>=', 0, -1, numGe),

  pure('number?', 1, 1, (x: Value) => isNumber(x)),
  pure('complex?', 1, 1, (x: Value) => isNumber(x)),
  pure('real?', 1, 1, (x: Value) => isReal(x)),
  pure('rational?', 1, 1, (x: Value) => isRational(x)),
  pure('integer?', 1, 1, (x: Value) => isInteger(x)),
  pure('exact-integer?', 1, 1, (x: Value) => isExactInt(x)),
  pure('exact?', 1, 1, (x: Value) => isExactNum(checkNum(x, 1))),
  pure('inexact?', 1, 1, (x: Value) => !isExactNum(checkNum(x, 1))),
  pure('fixnum?', 1, 1, (x: Value) => isGFixnum(x)),
  pure('flonum?', 1, 1, (x: Value) => x instanceof Flonum),
  partPred('nan?', isNanPart, false),
  partPred('infinite?', isInfPart, false),
  partPred('finite?', isFinitePart, true),
  pure('zero?', 1, 1, (x: Value) => (typeof x === 'number' ? x === 0 : isZero(x))),
  pure('positive?', 1, 1, (x: Value) => (typeof x === 'number' ? x > 0 : sign(x) > 0)),
  pure('negative?', 1, 1, (x: Value) => (typeof x === 'number' ? x < 0 : sign(x) < 0)),
  pure('odd?', 1, 1, (x: Value) => parity(x)),
  pure('even?', 1, 1, (x: Value) => !parity(x)),

  pure('max', 1, -1, naryReal(max2)),
  pure('min', 1, -1, naryReal(min2)),
  pure('abs', 1, 1, (x: Value) => abs(x)),
  pure('quotient', 2, 2, quotient),
  pure('remainder', 2, 2, remainder),
  pure('modulo', 2, 2, modulo),
  pure('floor/', 2, 2, (x: Value, y: Value) => new MultipleValues(divPair(x, y, true))),
  pure('floor-quotient', 2, 2, floorQuotient),
  pure('floor-remainder', 2, 2, modulo),
  pure('truncate/', 2, 2, (x: Value, y: Value) => new MultipleValues(divPair(x, y, false))),
  pure('truncate-quotient', 2, 2, quotient),
  pure('truncate-remainder', 2, 2, remainder),
  pure('gcd', 0, -1, naryInt(gcd2, 0)),
  pure('lcm', 0, -1, naryInt(lcm2, 1)),
  pure('numerator', 1, 1, numerator),
  pure('denominator', 1, 1, denominator),
  pure('floor', 1, 1, (x: Value) => roundReal(x, 'floor')),
  pure('ceiling', 1, 1, (x: Value) => roundReal(x, 'ceiling')),
  pure('truncate', 1, 1, (x: Value) => roundReal(x, 'truncate')),
  pure('round', 1, 1, (x: Value) => roundReal(x, 'round')),
  pure('rationalize', 2, 2, rationalize),

  pure('exp', 1, 1, exp),
  pure('log', 1, 2, function (this: unknown, x: Value, y: Value): Value {
    return arguments.length === 1 ? log(x) : logBase(x, y);
  }),
  pure('sin', 1, 1, sin),
  pure('cos', 1, 1, cos),
  pure('tan', 1, 1, tan),
  pure('asin', 1, 1, asin),
  pure('acos', 1, 1, acos),
  pure('atan', 1, 2, function (this: unknown, y: Value, x: Value): Value {
    if (arguments.length === 1) return atan(y);
    checkReal(y, 1);
    checkReal(x, 2);
    return atan2(y, x);
  }),
  pure('sinh', 1, 1, sinh),
  pure('cosh', 1, 1, cosh),
  pure('tanh', 1, 1, tanh),
  pure('asinh', 1, 1, asinh),
  pure('acosh', 1, 1, acosh),
  pure('atanh', 1, 1, atanh),
  pure('sqrt', 1, 1, sqrt),
  pure('exact-integer-sqrt', 1, 1, (x: Value) => new MultipleValues(exactIntegerSqrt(x))),
  pure('integer-sqrt', 1, 1, integerSqrt),
  pure('integer-nth-root', 2, 2, integerNthRoot),
  pure('expt', 2, 2, expt),
  pure('square', 1, 1, (x: Value) => (typeof x === 'number' ? mul(x, x) : square(x))),
  pure('exact', 1, 1, (x: Value) => toExact(x)),
  pure('inexact', 1, 1, (x: Value) => toInexact(x)),
  pure('inexact->exact', 1, 1, (x: Value) => toExact(x)),
  pure('exact->inexact', 1, 1, (x: Value) => toInexact(x)),
  pure('make-rectangular', 2, 2, makeRectangular),
  pure('make-polar', 2, 2, makePolar),
  pure('real-part', 1, 1, realPart),
  pure('imag-part', 1, 1, imagPart),
  pure('magnitude', 1, 1, magnitude),
  pure('angle', 1, 1, angle),
  pure('conjugate', 1, 1, conjugate),

  pure('number->string', 1, 2, numberToStringPrim),
  pure('string->number', 1, 2, stringToNumberPrim),

  pure('bitwise-and', 0, -1, naryBits(bitAnd, -1)),
  pure('bitwise-ior', 0, -1, naryBits(bitIor, 0)),
  pure('bitwise-xor', 0, -1, naryBits(bitXor, 0)),
  pure('bitwise-not', 1, 1, (x: Value) => bitNot(checkExactInt(x, 1))),
  pure('bitwise-merge', 3, 3, (x: Value, y: Value, z: Value) =>
    bitwiseMerge(checkExactInt(x, 1), checkExactInt(y, 2), checkExactInt(z, 3))),
  pure('arithmetic-shift', 2, 2, (x: Value, n: Value) => arithmeticShift(checkExactInt(x, 1), checkExactInt(n, 2))),
  pure('bit-count', 1, 1, (x: Value) => bitCount(checkExactInt(x, 1))),
  pure('integer-length', 1, 1, (x: Value) => integerLength(checkExactInt(x, 1))),
  pure('bit-set?', 2, 2, (i: Value, n: Value) => {
    const k = checkExactInt(i, 1);
    const m = checkExactInt(n, 2);
    if (k < 0) throw rangeError(1);
    return bitIsSet(k, m);
  }),
  pure('any-bits-set?', 2, 2, (x: Value, y: Value) => bitAnd(checkExactInt(x, 1), checkExactInt(y, 2)) !== 0),
  pure('all-bits-set?', 2, 2, (x: Value, y: Value) => {
    const a = checkExactInt(x, 1);
    return bitAnd(a, checkExactInt(y, 2)) === a;
  }),
  pure('first-bit-set', 1, 1, (x: Value) => firstBitSet(checkExactInt(x, 1))),
  pure('extract-bit-field', 3, 3, (s: Value, p: Value, n: Value) =>
    extractBitField(checkIndexArg(s, 1), checkIndexArg(p, 2), checkExactInt(n, 3))),
  pure('test-bit-field?', 3, 3, (s: Value, p: Value, n: Value) =>
    extractBitField(checkIndexArg(s, 1), checkIndexArg(p, 2), checkExactInt(n, 3)) !== 0),
  pure('clear-bit-field', 3, 3, (s: Value, p: Value, n: Value) =>
    replaceBitField(checkIndexArg(s, 1), checkIndexArg(p, 2), 0, checkExactInt(n, 3))),
  pure('replace-bit-field', 4, 4, (s: Value, p: Value, f: Value, n: Value) =>
    replaceBitField(checkIndexArg(s, 1), checkIndexArg(p, 2), checkExactInt(f, 3), checkExactInt(n, 4))),
  pure('copy-bit-field', 4, 4, (s: Value, p: Value, f: Value, t: Value) =>
    copyBitField(checkIndexArg(s, 1), checkIndexArg(p, 2), checkExactInt(f, 3), checkExactInt(t, 4))),

  ...randomPrims(vm),
];

// The checked n-ary forms, for the tests and for modules that call them directly.
export { plus, minus, times, divide, numEquals, numLt, numGt, numLe, numGe };
