// The numeric tower (runtime/numbers*.ts), number printing (runtime/number-format.ts) and the
// numeric primitives (runtime/prims/numbers*.ts). Every expected value and error was recorded
// from Gambit 4.9.3's gsi, e.g. `gsi -e '(write (list (/ 1 3) (sqrt -4) (exact .1)))'`, and
// for errors `(with-exception-catcher (lambda (e) (display-exception e)) (lambda () ...))`.
// Inputs are written in Scheme syntax and read with parseNumber; results are compared in
// gsi's printed form, so that 2 and 2. and -0. are told apart.

import { expect } from 'chai';
import { ErrorObj } from '../../runtime/errors.js';
import { errorMessage } from '../../runtime/error-text.js';
import type { Host } from '../../runtime/host.js';
import { numberToString } from '../../runtime/number-format.js';
import { parseNumber } from '../../runtime/number-syntax.js';
import * as N from '../../runtime/numbers.js';
import * as D from '../../runtime/numbers-div.js';
import * as X from '../../runtime/numbers-expt.js';
import * as T from '../../runtime/numbers-transc.js';
import * as B from '../../runtime/numbers-bits.js';
import * as L from '../../runtime/numbers-libm.js';
import { RandomSource } from '../../runtime/numbers-random.js';
import { numberPrims } from '../../runtime/prims/numbers.js';
import { fxflPrims } from '../../runtime/prims/numbers-fxfl.js';
import { Flonum, MString, MultipleValues, Primitive, SVector, U8Vector, intern, type Value } from '../../runtime/values.js';
import { Vm } from '../../runtime/vm.js';

/** A number from its Scheme syntax. */
function n(text: string): Value {
  const v = parseNumber(text, 10);
  if (v === false) throw new Error(`not a number: ${text}`);
  return v;
}

/** gsi's printed form of a value (numbers, booleans, strings, multiple values). */
function w(v: Value): string {
  if (v === true) return '#t';
  if (v === false) return '#f';
  if (v instanceof MString) return JSON.stringify(v.s);
  if (v instanceof MultipleValues) return v.vals.map(w).join(' ');
  if (v instanceof U8Vector) return `#u8(${[...v.bytes].join(' ')})`;
  return numberToString(v);
}

function err(f: () => unknown): ErrorObj {
  try {
    f();
  } catch (e: unknown) {
    if (e instanceof ErrorObj) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const sym = intern('a');

const vm = new Vm({} as Host);
const prims = new Map<string, Primitive>([...numberPrims(vm), ...fxflPrims(vm)].map((p) => [p.name, p]));

/** Calls a primitive by name with arguments written in Scheme syntax ('a is a symbol). */
function call(name: string, ...args: string[]): Value {
  const p = prims.get(name);
  if (p === undefined) throw new Error(`no primitive ${name}`);
  if (args.length < p.min || (p.max >= 0 && args.length > p.max)) throw new Error(`arity of ${name}`);
  return p.fn(...args.map((a) => (a === "'a" ? sym : a.startsWith('"') ? new MString(JSON.parse(a)) : n(a)))) as Value;
}

/** [call, expected] pairs: the result printed as gsi prints it. */
function table(rows: [string[], string][]): void {
  for (const [[name, ...args], expected] of rows) {
    it(`(${name} ${args.join(' ')}) is ${expected}`, () => {
      expect(w(call(name, ...args))).to.equal(expected);
    });
  }
}

/** [call, kind, argNum, typeName] rows for errors. */
function errors(rows: [string[], string, number?, string?][]): void {
  for (const [[name, ...args], kind, argNum, typeName] of rows) {
    const what = kind === 'type' ? `(Argument ${argNum}) ${typeName} expected` : kind === 'range' ? `(Argument ${argNum}) Out of range` : kind;
    it(`(${name} ${args.join(' ')}) raises ${what}`, () => {
      const e = err(() => call(name, ...args));
      expect(e.kind).to.equal(kind);
      if (argNum !== undefined) expect(e.argNum).to.equal(argNum);
      if (typeName !== undefined) expect(e.typeName).to.equal(typeName);
    });
  }
}

describe('#numberToString', () => {
  // [double, what gsi prints]
  const flonums: [number, string][] = [
    [0.5, '.5'], [-0.25, '-.25'], [100, '100.'], [1e21, '1e21'], [1e20, '1e20'], [1e22, '1e22'],
    [123456789012345678901, '1.2345678901234568e20'], [1e-7, '1e-7'], [0.0001, '1e-4'],
    [1.5e-5, '1.5e-5'], [1234567890123456789012, '1.2345678901234568e21'], [1e-5, '1e-5'],
    [1e-10, '1e-10'], [1.5e-7, '1.5e-7'], [1e100, '1e100'], [3.14159, '3.14159'],
    [12345678.9, '12345678.9'], [-0, '-0.'], [0, '0.'], [1 / 3, '.3333333333333333'],
    [1e300, '1e300'], [1.7976931348623157e308, '1.7976931348623157e308'], [5e-324, '5e-324'],
    [-5e-324, '-5e-324'], [2.2250738585072014e-308, '2.2250738585072014e-308'], [123.456, '123.456'],
    [1e10, '1e10'], [12345678901234567890, '1.2345678901234567e19'], [1.2345e21, '1.2345e21'],
    [1.2345e20, '1.2345e20'], [0.001, '.001'], [0.01, '.01'], [0.1, '.1'], [0.0015, '.0015'],
    [1.234e-4, '1.234e-4'], [1.234e-12, '1.234e-12'], [123e-10, '1.23e-8'],
    [Math.SQRT2, '1.4142135623730951'], [Math.E, '2.718281828459045'],
    [9007199254740992, '9.007199254740992e15'], [9007199254740991, '9.007199254740991e15'],
    [1e15, '1e15'], [1.5e17, '1.5e17'], [2 ** 70, '1.1805916207174113e21'],
    [2 ** 80, '1.2089258196146292e24'], [-1e21, '-1e21'], [-1e-7, '-1e-7'], [4.35, '4.35'],
    [100.5, '100.5'], [1234567890, '1234567890.'], [12345678901, '1.2345678901e10'],
    [9999999999, '9999999999.'], [0.009, '.009'], [0.00999, '.00999'], [-1234.5, '-1234.5'],
    [65536, '65536.'], [4294967296, '4294967296.'], [6.02214076e23, '6.02214076e23'],
    [6.62607015e-34, '6.62607015e-34'], [2.5, '2.5'], [1, '1.'], [7, '7.'],
    [22 / 7, '3.142857142857143'], [2 ** 1023, '8.98846567431158e307'],
    [1 / 3e10, '3.3333333333333335e-11'], [Infinity, '+inf.0'], [-Infinity, '-inf.0'], [NaN, '+nan.0'],
    // the edges of the positional range, where String() is used
    [0.00099, '9.9e-4'], [0.0011, '.0011'], [9999999999.5, '9999999999.5'], [0.999999, '.999999'],
  ];
  for (const [x, s] of flonums) {
    it(`prints the flonum ${x} as ${s}`, () => {
      expect(numberToString(new Flonum(x))).to.equal(s);
    });
  }

  it('prints exact integers and ratios in the radix', () => {
    expect(numberToString(255, 16)).to.equal('ff');
    expect(numberToString(-255, 16)).to.equal('-ff');
    expect(numberToString(2n ** 64n, 16)).to.equal('10000000000000000');
    expect(numberToString(n('1/3'), 2)).to.equal('1/11');
    expect(numberToString(n('-7/2'))).to.equal('-7/2');
  });

  it('prints a flonum in decimal whatever the radix', () => {
    expect(numberToString(n('1.5'), 2)).to.equal('1.5');
    expect(numberToString(n('1e21'), 16)).to.equal('1e21');
  });

  it('prints complex numbers as gsi does', () => {
    expect(w(n('1+2i'))).to.equal('1+2i');
    expect(w(n('+i'))).to.equal('+i');
    expect(w(n('-i'))).to.equal('-i');
    expect(w(n('1.5-2.5i'))).to.equal('1.5-2.5i');
    expect(w(n('0.+i'))).to.equal('0.+i');
    expect(w(n('+0.i'))).to.equal('+0.i');
    expect(w(n('-0.-0.i'))).to.equal('-0.-0.i');
    expect(w(n('1/2-1/3i'))).to.equal('1/2-1/3i');
    expect(w(T.makeRectangular(n('1'), n('+nan.0')))).to.equal('1+nan.0i');
    expect(w(T.makeRectangular(n('+inf.0'), n('-inf.0')))).to.equal('+inf.0-inf.0i');
    expect(numberToString(n('1+2i'), 2)).to.equal('1+10i');
  });
});

describe('#add', () => {
  it('adds fixnums without leaving the number representation', () => {
    expect(N.add(2, 3)).to.equal(5);
    expect(N.add(-7, 7)).to.equal(0);
  });

  it('overflows into a bigint and normalizes back', () => {
    expect(N.add(9007199254740991, 1)).to.equal(9007199254740992n);
    expect(N.add(9007199254740992n, -1)).to.equal(9007199254740991);
    expect(N.sub(-9007199254740991, 1)).to.equal(-9007199254740992n);
  });

  it('adds across representations', () => {
    expect(w(N.add(n('1/2'), n('1/3')))).to.equal('5/6');
    expect(w(N.add(n('1/2'), n('1/2')))).to.equal('1');
    expect(w(N.add(n('1/2'), n('.5')))).to.equal('1.');
    expect(w(N.add(n('1+i'), n('1.')))).to.equal('2.+i');
    expect(w(N.add(n('1+2i'), n('1-2i')))).to.equal('2');
    expect(w(N.add(n('1+i'), n('-i')))).to.equal('1');
    expect(w(N.add(n('123456789012345678901234567890'), 1))).to.equal('123456789012345678901234567891');
  });

  it('returns the flonum itself when adding exact 0, as Gambit does', () => {
    expect(w(N.add(0, n('-0.')))).to.equal('-0.');
    expect(w(N.add(n('-0.'), 0))).to.equal('-0.');
    expect(w(N.add(n('-0.'), n('0.')))).to.equal('0.');
  });

  it('reports the non-number operand', () => {
    expect(err(() => N.add(1, sym))).to.include({ kind: 'type', argNum: 2, typeName: 'NUMBER' });
    expect(err(() => N.add(sym, 1))).to.include({ kind: 'type', argNum: 1, typeName: 'NUMBER' });
  });
});

describe('#sub, #mul, #neg', () => {
  it('multiplies with an exact zero giving exact 0 whatever the other factor', () => {
    expect(w(N.mul(0, n('1.5')))).to.equal('0');
    expect(w(N.mul(0, n('+inf.0')))).to.equal('0');
    expect(w(N.mul(n('1.+i'), 0))).to.equal('0');
    expect(w(N.mul(-1, n('0.')))).to.equal('-0.');
  });

  it('never produces a JS -0 for an exact result', () => {
    expect(Object.is(N.mul(0, -5), 0)).to.equal(true);
    expect(Object.is(N.neg(0), 0)).to.equal(true);
    expect(Object.is(D.intRemainder(-4, 2), 0)).to.equal(true);
  });

  it('multiplies into and out of bignums', () => {
    expect(w(N.mul(99999999999, 99999999999))).to.equal('9999999999800000000001');
    expect(N.mul(94906267, 94906267)).to.equal(9007199515875289n);
    expect(w(N.mul(2, n('1/2')))).to.equal('1');
    expect(w(N.mul(n('+i'), n('+i')))).to.equal('-1');
    expect(w(N.mul(2, n('1+i')))).to.equal('2+2i');
  });

  it('negates every representation', () => {
    expect(w(N.neg(n('0.')))).to.equal('-0.');
    expect(w(N.neg(n('1/2')))).to.equal('-1/2');
    expect(w(N.neg(n('+i')))).to.equal('-i');
    expect(N.neg(-9007199254740992n)).to.equal(9007199254740992n);
    expect(w(N.sub(0, n('0.')))).to.equal('-0.');
  });
});

describe('#div', () => {
  it('divides exactly into ratios and normalizes them', () => {
    expect(w(N.div(1, 3))).to.equal('1/3');
    expect(w(N.div(6, 4))).to.equal('3/2');
    expect(w(N.div(6, 3))).to.equal('2');
    expect(w(N.div(n('1/3'), n('1/3')))).to.equal('1');
    expect(w(N.div(1, n('1/3')))).to.equal('3');
    expect(w(N.div(1, -2))).to.equal('-1/2');
  });

  it('divides complex numbers', () => {
    expect(w(N.div(n('1+2i'), n('3+4i')))).to.equal('11/25+2/25i');
    expect(w(N.div(1, n('+i')))).to.equal('-i');
    expect(w(N.div(1, n('+2i')))).to.equal('-1/2i');
    expect(w(N.div(n('1.'), n('1+i')))).to.equal('.5-.5i');
  });

  it('raises divide-by-zero for an exact 0 divisor, even with a flonum dividend', () => {
    expect(err(() => N.div(1, 0)).kind).to.equal('divide-by-zero');
    expect(err(() => N.div(n('1.'), 0)).kind).to.equal('divide-by-zero');
    expect(err(() => N.div(n('0.'), 0)).kind).to.equal('divide-by-zero');
  });

  it('follows IEEE for an inexact 0 divisor', () => {
    expect(w(N.div(n('1.'), n('0.')))).to.equal('+inf.0');
    expect(w(N.div(1, n('0.')))).to.equal('+inf.0');
    expect(w(N.div(0, n('0.')))).to.equal('+nan.0');
  });
});

describe('#compare, #numEq', () => {
  it('compares exact and inexact numbers exactly', () => {
    expect(N.numEq(9007199254740993n, n('9007199254740992.'))).to.equal(false);
    expect(N.compare(n('9007199254740992.'), 9007199254740993n)).to.equal(-1);
    expect(N.numEq(n('1/3'), n('.3333333333333333'))).to.equal(false);
    expect(N.compare(n('1/3'), n('.3333333333333333'))).to.equal(1);
    expect(N.compare(n('-inf.0'), N.neg(10n ** 400n))).to.equal(-1);
    expect(N.compare(10n ** 400n, n('+inf.0'))).to.equal(-1);
  });

  it('is unordered with NaN', () => {
    expect(N.compare(n('+nan.0'), 1)).to.be.NaN;
    expect(N.numEq(n('+nan.0'), n('+nan.0'))).to.equal(false);
  });

  it('compares complex numbers for equality part by part', () => {
    expect(N.numEq(n('1+i'), n('1.+1.i'))).to.equal(true);
    expect(N.numEq(n('1+0.i'), 1)).to.equal(true);
  });

  it('requires reals for ordering and numbers for equality', () => {
    expect(err(() => N.compare(n('1+2i'), 3))).to.include({ kind: 'type', argNum: 1, typeName: 'REAL' });
    expect(err(() => N.numEq(1, sym))).to.include({ kind: 'type', argNum: 2, typeName: 'NUMBER' });
  });
});

describe('#toExact, #toInexact', () => {
  it('gives the exact value of a flonum', () => {
    expect(w(N.toExact(n('.1')))).to.equal('3602879701896397/36028797018963968');
    expect(w(N.toExact(n('1e20')))).to.equal('100000000000000000000');
    expect(w(N.toExact(n('-1.5e-5')))).to.equal('-8854437155380585/590295810358705651712');
    expect(w(N.toExact(n('-0.')))).to.equal('0');
    expect(w(N.toExact(n('1.+2.i')))).to.equal('1+2i');
    expect(w(N.toExact(n('5e-324')))).to.equal(`1/${2n ** 1074n}`);
  });

  it('refuses infinities and NaNs', () => {
    expect(err(() => N.toExact(n('+inf.0')))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => N.toExact(n('+nan.0')))).to.include({ kind: 'range', argNum: 1 });
  });

  it('rounds ratios correctly to the nearest double', () => {
    expect(w(N.toInexact(n('1/3')))).to.equal('.3333333333333333');
    expect(w(N.toInexact(n('-2/3')))).to.equal('-.6666666666666666');
    expect(w(N.toInexact(N.makeRat(3n ** 700n, 2n ** 1100n)))).to.equal('711.0220569369853');
    expect(w(N.toInexact(N.makeRat(1n, 2n ** 1074n)))).to.equal('5e-324');
    expect(w(N.toInexact(N.makeRat(1n, 2n ** 1075n)))).to.equal('0.');
    expect(w(N.toInexact(N.makeRat(3n, 2n ** 1076n)))).to.equal('5e-324');
    expect(w(N.toInexact(2n ** 1024n - 2n ** 969n))).to.equal('+inf.0');
    expect(w(N.toInexact(N.makeRat(2n ** 53n + 1n, 2n ** 53n)))).to.equal('1.');
    expect(w(N.toInexact(10n ** 400n))).to.equal('+inf.0');
    expect(w(N.toInexact(n('12345678901234567890123')))).to.equal('1.2345678901234568e22');
  });
});

describe('#roundReal', () => {
  const rows: [string, string, string, string, string][] = [
    // x, truncate, round, floor, ceiling
    ['-0.', '-0.', '-0.', '-0.', '-0.'], ['-.5', '0.', '-0.', '-1.', '-0.'], ['.5', '0.', '0.', '0.', '1.'],
    ['-.4', '0.', '-0.', '-1.', '-0.'], ['-1.5', '-1.', '-2.', '-2.', '-1.'], ['-2.5', '-2.', '-2.', '-3.', '-2.'],
    ['2.5', '2.', '2.', '2.', '3.'], ['1e300', '1e300', '1e300', '1e300', '1e300'],
    ['4503599627370497.', '4.503599627370497e15', '4.503599627370497e15', '4.503599627370497e15', '4.503599627370497e15'],
    ['-.9', '0.', '-1.', '-1.', '-0.'], ['5/2', '2', '2', '2', '3'], ['7/2', '3', '4', '3', '4'],
    ['-7/2', '-3', '-4', '-4', '-3'], ['1/2', '0', '0', '0', '1'], ['-1/2', '0', '0', '-1', '0'],
    ['-5/2', '-2', '-2', '-3', '-2'], ['7', '7', '7', '7', '7'],
  ];
  for (const [x, t, r, f, c] of rows) {
    it(`rounds ${x} in the four ways as gsi`, () => {
      expect([D.roundReal(n(x), 'truncate'), D.roundReal(n(x), 'round'), D.roundReal(n(x), 'floor'), D.roundReal(n(x), 'ceiling')].map(w)).to.deep.equal([t, r, f, c]);
    });
  }

  it('requires a finite real', () => {
    expect(err(() => D.roundReal(n('+inf.0'), 'floor'))).to.include({ kind: 'type', argNum: 1, typeName: 'Finite REAL' });
    expect(err(() => D.roundReal(n('1+i'), 'round'))).to.include({ kind: 'type', argNum: 1, typeName: 'Finite REAL' });
  });
});

describe('#sqrt', () => {
  const rows: [string, string][] = [
    ['16', '4'], ['15', '3.872983346207417'], ['1/4', '1/2'], ['-4', '+2i'], ['-2', '+1.4142135623730951i'],
    ['16.', '4.'], ['-4.', '+2.i'], ['-0.', '-0.'], ['2.25', '1.5'], ['1/3', '.5773502691896257'],
    ['-1/4', '+1/2i'], ['8/9', '.9428090415820634'], ['1e300', '1e150'], ['+inf.0', '+inf.0'],
    ['3+4i', '2+i'], ['-3-4i', '1-2i'], ['+i', '.7071067811865476+.7071067811865475i'],
    ['1+2i', '1.272019649514069+.7861513777574233i'], ['1.5+2.5i', '1.4858458781822983+.8412716408576514i'],
    ['-1+0.i', '0.+1.i'], ['0.+0.i', '0.+0.i'],
    [String(10n ** 40n), '100000000000000000000'], [String(10n ** 40n + 1n), '1e20'],
    ['1345744305975826034294098399266026', '3.668438776885646e16'],
    ['1476527164348214340837085897144274', '3.842560558206226e16'],
    [String(2n * 10n ** 100n), '1.414213562373095e50'],
  ];
  for (const [x, r] of rows) {
    it(`(sqrt ${x}) is ${r}`, () => {
      expect(w(T.sqrt(n(x)))).to.equal(r);
    });
  }
});

describe('#expt', () => {
  const rows: [string, string, string][] = [
    ['2', '100', '1267650600228229401496703205376'], ['2', '-2', '1/4'], ['2.', '3', '8.'],
    ['2', '.5', '1.4142135623730951'], ['0', '0', '1'], ['0.', '0', '1'], ['1/2', '3', '1/8'],
    ['-8', '1/3', '1+1.7320508075688772i'], ['4', '1/2', '2'], ['4', '3/2', '8'],
    ['-1', '.5', '6.123233995736766e-17+1.i'], ['0', '0.', '0.'], ['0.', '0.', '1.'],
    ['-1', '1/3', '1/2+.8660254037844386i'], ['-1', '1/6', '.8660254037844386+1/2i'],
    ['-4', '3/2', '-8i'], ['-1', '1/4', '.7071067811865476+.7071067811865475i'], ['-4.', '3/2', '-8.i'],
    ['-2.', '.5', '8.659560562354932e-17+1.414213562373095i'], ['9/4', '3/2', '27/8'],
    ['2/3', '1/2', '.816496580927726'], ['0.', '-1.', '+inf.0'], ['1', '+nan.0', '+nan.0'],
    ['-1.', '+inf.0', '+nan.0+nan.0i'], ['+nan.0', '0', '1'], ['2', '-1.5', '.3535533905932738'],
    ['+i', '+i', '.20787957635076193'], ['1+i', '3', '-2+2i'], ['1+i', '-1', '1/2-1/2i'],
    ['1.+i', '2', '1.2246467991473532e-16+2.i'], ['1.+i', '0', '1'], ['2', '2.', '4.'],
    ['-2', '.5', '8.659560562354932e-17+1.414213562373095i'], ['1/2', '-2', '4'], ['-1/2', '-3', '-8'],
    ['2.', '-1074', '5e-324'], ['2', '-1075.', '0.'], ['1.1', '1000', '2.4699329180060256e41'],
    ['2', '1.5', '2.8284271247461903'], ['-2', '3', '-8'], ['-2.', '3', '-8.'], ['10.', '-3', '.001'],
    ['2', '+i', '.7692389013639721+.6389612763136348i'], ['-1', '1000000000000000000000000000001', '-1'],
  ];
  for (const [x, y, r] of rows) {
    it(`(expt ${x} ${y}) is ${r}`, () => {
      expect(w(X.expt(n(x), n(y)))).to.equal(r);
    });
  }

  it('raises the errors gsi raises', () => {
    expect(err(() => X.expt(0, -1))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => X.expt(0, n('-1/2')))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => X.expt(0, n('-1.')))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => X.expt(0, n('+i')))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => X.expt(sym, sym))).to.include({ kind: 'type', argNum: 2, typeName: 'NUMBER' });
    expect(err(() => X.expt(sym, 2))).to.include({ kind: 'type', argNum: 1, typeName: 'NUMBER' });
  });

  it('raises Heap overflow instead of exhausting memory', () => {
    expect(err(() => X.expt(-6, 529025375026411020n))).to.include({ kind: 'error', message: 'Heap overflow' });
  });
});

describe('#log, #exp and trigonometry', () => {
  const rows: [string[], string][] = [
    [['exp', '0'], '1'], [['exp', '1'], '2.718281828459045'], [['exp', '1/2'], '1.6487212707001282'],
    [['exp', '+i'], '.5403023058681398+.8414709848078965i'], [['exp', '1+i'], '1.4686939399158851+2.2873552871788423i'],
    [['log', '1'], '0'], [['log', '1.'], '0.'], [['log', '0.'], '-inf.0'], [['log', '-1'], '+3.141592653589793i'],
    [['log', '-1.'], '0.+3.141592653589793i'], [['log', '-0.'], '-inf.0+3.141592653589793i'],
    [['log', '3'], '1.0986122886681098'], [['log', '1/3'], '-1.0986122886681098'],
    [['log', String(10n ** 400n)], '921.0340371976182'], [['log', '1e-320'], '-736.8272408909739'],
    [['log', '+i'], '+1.5707963267948966i'], [['log', '1+i'], '.34657359027997264+.7853981633974483i'],
    [['log', '3+4i'], '1.6094379124341003+.9272952180016122i'],
    [['log', '8', '2'], '3'], [['log', '2', '8'], '1/3'], [['log', '9', '3'], '2.'], [['log', '1024', '2'], '10'],
    [['log', '1000', '10'], '2.9999999999999996'], [['log', '1', '3'], '0.'], [['log', '1/8', '2'], '-3.'],
    [['log', '8', '0.'], '-0.'], [['log', '1', '1.'], '+nan.0'], [['log', String(2n ** 100n), '8'], '100/3'],
    [['log', '-8', '2'], '3.+4.532360141827194i'],
    [['sin', '0'], '0'], [['sin', '0.'], '0.'], [['cos', '0'], '1'], [['sin', '1'], '.8414709848078965'],
    [['tan', '1'], '1.5574077246549023'], [['asin', '2'], '1.5707963267948966-1.3169578969248166i'],
    [['acos', '2'], '0.+1.3169578969248166i'], [['acos', '1'], '0'], [['asin', '1/2'], '.5235987755982989'],
    [['atan', '1'], '.7853981633974483'], [['atan', '1', '1'], '.7853981633974483'], [['atan', '0', '1'], '0'],
    [['atan', '0', '-1'], '3.141592653589793'], [['atan', '-0.', '-1'], '-3.141592653589793'],
    [['atan', '+inf.0', '+inf.0'], '.7853981633974483'], [['atan', '-0.', '1'], '-0.'], [['atan', '0.', '0'], '0.'],
    [['atan', '+2i'], '1.5707963267948966+.5493061443340548i'], [['atan', '1+i'], '1.0172219678978514+.40235947810852507i'],
    [['sin', '+i'], '+1.1752011936438014i'], [['cos', '+i'], '1.5430806348152437'], [['tan', '+i'], '+.7615941559557649i'],
    [['sin', '1.+2.i'], '3.165778513216168+1.9596010414216063i'], [['cos', '1+2i'], '2.0327230070196656-3.0518977991518i'],
    [['tan', '1+i'], '.27175258531951174+1.0839233273386948i'], [['tanh', '1+i'], '1.0839233273386948+.27175258531951174i'],
    [['atanh', '1+i'], '.40235947810852507+1.0172219678978514i'], [['acos', '1+i'], '.9045568943023813-1.0612750619050357i'],
    [['asinh', '1+i'], '1.0612750619050357+.6662394324925153i'], [['acosh', '1+i'], '1.0612750619050357+.9045568943023813i'],
    [['sinh', '1+i'], '.6349639147847361+1.2984575814159773i'], [['cosh', '1+i'], '.8337300251311491+.9888977057628651i'],
    [['acosh', '0'], '+1.5707963267948966i'], [['atanh', '2'], '.5493061443340548-1.5707963267948966i'],
    [['acosh', '1'], '0'], [['asinh', '0'], '0'], [['sinh', '1'], '1.1752011936438014'],
  ];
  table(rows);

  errors([
    [['log', '0'], 'range', 1], [['log', '8', '0'], 'range', 2], [['log', '8', '1'], 'range', 2],
    [['log', '0', '1'], 'range', 1], [['log', "'a", '1'], 'type', 1, 'NUMBER'], [['log', '1', "'a"], 'type', 2, 'NUMBER'],
    [['atan', "'a", '1'], 'type', 1, 'REAL'], [['atan', '1', "'a"], 'type', 2, 'REAL'], [['atan', '+i'], 'range', 1],
    [['atanh', '1'], 'range', 1], [['sin', "'a"], 'type', 1, 'NUMBER'],
  ]);
});

describe('numbers-libm', () => {
  // Arguments for which V8's Math functions are one unit off gsi (glibc).
  const rows: [keyof typeof L, number, string][] = [
    ['exp', 173.69738210575457, '2.727812841668391e75'], ['exp', 0.5213468445631655, '1.6842946057700205'],
    ['log', 0.44219430089304623, '-.8160058987172699'], ['log', 1.5906118441252053, '.4641187498385892'],
    ['log', 3, '1.0986122886681098'], ['sin', -7.272793229382479, '-.835810785235155'],
    ['sin', 17.77806014287391, '-.8779176822813803'], ['cos', -19.48407748525769, '.8053554019656516'],
    ['cos', 92.2343075665387, '-.4283587944503494'], ['tan', -0.9437174827409907, '-1.3799762380216627'],
    ['tan', 97.0755146257689, '-.32458625514761424'], ['atan', -0.7371819844552165, '-.635246980407311'],
    ['atan', 3.954869118818616, '1.3231344188633247'], ['sinh', 173.69738210575457, '1.3639064208341955e75'],
    ['sinh', -48.213452932403065, '-4.343167375537724e20'], ['cosh', -1.8664556779559875, '3.310005693922023'],
    ['asinh', 941.4004614747587, '7.540516081819532'], ['asinh', -46.9557655921399, '-4.542466548919806'],
    ['asin', 0.5213468445631655, '.5484285032633244'], ['asin', -0.7571387640844751, '-.858921952517668'],
    ['acos', -0.7571387640844751, '2.429718279312565'], ['acos', 0.3255104879872164, '1.2392447575268493'],
    ['acosh', 436.59429027064965, '6.772150235327886'], ['acosh', 364.0141780624875, '6.590338111451472'],
  ];
  for (const [f, x, r] of rows) {
    it(`computes ${f} ${x} as gsi does: ${r}`, () => {
      expect(numberToString(new Flonum((L[f] as (x: number) => number)(x)))).to.equal(r);
    });
  }

  it('computes pow and atan2 as gsi does', () => {
    expect(numberToString(new Flonum(L.pow(-4.849709113735785, 6)))).to.equal('13010.504642992377');
    expect(numberToString(new Flonum(L.pow(0.10398877936794171, 26.5)))).to.equal('8.915418445476486e-27');
    expect(numberToString(new Flonum(L.pow(9.424846748896957, -8.809347343239384)))).to.equal('2.6138418593510948e-9');
    expect(numberToString(new Flonum(L.pow(0.20497783244292567, 2.3477331082209507)))).to.equal('.02421427622664809');
    expect(numberToString(new Flonum(L.atan2(6.39756701728569, 9.594763279686083)))).to.equal('.5880789512258899');
    expect(numberToString(new Flonum(L.atan2(-2.2241300975320777, -1.3465061596085293)))).to.equal('-2.115182813851862');
  });

  it('follows C99 for special values', () => {
    expect(L.pow(1, NaN)).to.equal(1);
    expect(L.pow(-1, Infinity)).to.equal(1);
    expect(L.pow(NaN, 0)).to.equal(1);
    expect(L.pow(-8, 1 / 3)).to.be.NaN;
    expect(Object.is(L.sin(-0), -0)).to.equal(true);
    expect(L.exp(-Infinity)).to.equal(0);
    expect(L.log(0)).to.equal(-Infinity);
  });
});

describe('#quotient, #remainder, #modulo and the floor/ and truncate/ families', () => {
  table([
    [['quotient', '7', '2'], '3'], [['quotient', '-7', '2'], '-3'], [['quotient', '7.', '2'], '3.'],
    [['modulo', '-7', '2'], '1'], [['remainder', '-7', '2'], '-1'], [['modulo', '7', '-2'], '-1'],
    [['modulo', '-7.', '2'], '1.'], [['remainder', '-4.', '2'], '0.'],
    [['quotient', String(10n ** 20n), '7'], '14285714285714285714'], [['remainder', String(10n ** 20n), '7'], '2'],
    [['modulo', String(-(10n ** 20n)), '7'], '5'], [['quotient', String(2n ** 70n), '3.'], '3.935305402391371e20'],
    [['quotient', '1e20', '7'], '1.4285714285714287e19'], [['modulo', '-1e20', '7'], '5.'], [['remainder', '1e300', '7.'], '1.'],
    [['floor/', '7', '2'], '3 1'], [['floor/', '-7', '2'], '-4 1'], [['truncate/', '-7', '2'], '-3 -1'],
    [['floor/', '7.', '2'], '3. 1.'], [['floor/', '-7', '2.'], '-4. 1.'], [['truncate/', '7', '-2.'], '-3. 1.'],
    [['floor-quotient', '7', '-2'], '-4'], [['floor-remainder', '7', '-2'], '-1'],
    [['truncate-quotient', '-7', '2'], '-3'], [['truncate-remainder', '-7', '2'], '-1'],
  ]);
  errors([
    [['quotient', '7', '0'], 'divide-by-zero'], [['quotient', '7', '0.'], 'divide-by-zero'], [['quotient', '7', '-0.'], 'divide-by-zero'],
    [['remainder', '7.', '0'], 'divide-by-zero'], [['floor/', '7', '0'], 'divide-by-zero'],
    [['quotient', '7.5', '2'], 'type', 1, 'INTEGER'], [['quotient', "'a", "'a"], 'type', 2, 'INTEGER'],
    [['quotient', '1/2', '2.5'], 'type', 1, 'INTEGER'], [['quotient', '7', '2.5'], 'type', 2, 'INTEGER'],
    [['quotient', "'a", '2.5'], 'type', 1, 'INTEGER'], [['quotient', '7', '+inf.0'], 'type', 2, 'INTEGER'],
    [['modulo', "'a", '1/2'], 'type', 2, 'INTEGER'], [['floor/', '7.5', '2'], 'type', 1, 'INTEGER'],
    [['floor/', "'a", "'a"], 'type', 2, 'INTEGER'],
  ]);
});

describe('#gcd, #lcm, #numerator, #denominator, #rationalize', () => {
  table([
    [['gcd'], '0'], [['gcd', '12', '18'], '6'], [['gcd', '-12', '18.'], '6.'], [['gcd', '-4'], '4'], [['gcd', '0', '5'], '5'],
    [['lcm'], '1'], [['lcm', '4', '6'], '12'], [['lcm', '4.', '6'], '12.'], [['lcm', '-4', '6'], '12'], [['lcm', '0', '5'], '0'],
    [['gcd', String(2n ** 100n), String(6n ** 50n)], String(2n ** 50n)],
    [['numerator', '6/4'], '3'], [['denominator', '6/4'], '2'], [['numerator', '.5'], '1.'], [['denominator', '.5'], '2.'],
    [['numerator', '-0.'], '-0.'], [['denominator', '0.'], '1.'], [['denominator', '1e-300'], '+inf.0'], [['numerator', '1e300'], '1e300'],
    [['rationalize', '1/3', '1/100'], '1/3'], [['rationalize', '.3', '1/10'], '.3333333333333333'], [['rationalize', '3/10', '1/10'], '1/3'],
    [['rationalize', '1/3', '+inf.0'], '0.'], [['rationalize', '3', '1'], '2'], [['rationalize', '-1/3', '1/10'], '-1/3'],
    [['rationalize', '5/7', '.01'], '.7142857142857143'],
  ]);
  errors([
    [['gcd', '1/2', '3'], 'type', 1, 'INTEGER'], [['gcd', '4', "'a"], 'type', 2, 'INTEGER'], [['lcm', '4', '1/2'], 'type', 2, 'INTEGER'],
    [['numerator', '+inf.0'], 'type', 1, 'RATIONAL'], [['denominator', '+nan.0'], 'type', 1, 'RATIONAL'],
    [['rationalize', "'a", '1'], 'type', 1, 'Finite REAL'], [['rationalize', '1/3', "'a"], 'type', 2, 'REAL'],
    [['rationalize', '1/3', '-1'], 'range', 2],
  ]);
});

describe('the n-ary arithmetic primitives', () => {
  table([
    [['+'], '0'], [['*'], '1'], [['-', '5'], '-5'], [['-', '0'], '0'], [['-', '0.'], '-0.'], [['/', '2'], '1/2'],
    [['/', '.5'], '2.'], [['/', '1/3'], '3'], [['/', '0.'], '+inf.0'], [['+', '1', '2', '3.'], '6.'],
    [['-', '10', '1', '2'], '7'], [['*', '2', '3', '1/6'], '1'], [['/', '1', '2', '3'], '1/6'],
    [['max', '1', '2.'], '2.'], [['max', '3', '2.'], '3.'], [['min', '1', '2.'], '1.'], [['max', '1', '2', '3.'], '3.'],
    [['max', '1/2', '1/3'], '1/2'], [['min', '1/2', '.25'], '.25'], [['max', '1', '+nan.0'], '+nan.0'], [['max', '+nan.0', '1'], '+nan.0'],
    [['abs', '-5'], '5'], [['abs', '-1/2'], '1/2'], [['abs', '-0.'], '0.'], [['abs', String(-(2n ** 60n))], String(2n ** 60n)],
    [['square', '5'], '25'], [['square', '1/2'], '1/4'], [['square', '-0.'], '0.'], [['square', '1+2i'], '-3+4i'],
    [['square', '1.+i'], '0.+2.i'], [['square', String(10n ** 10n)], String(10n ** 20n)],
    [['exact-integer-sqrt', '17'], '4 1'], [['exact-integer-sqrt', String(10n ** 41n)], '316227766016837933199 562477137586013626399'],
    [['exact-integer-sqrt', '0'], '0 0'], [['integer-sqrt', '17'], '4'], [['integer-nth-root', '1000', '3'], '10'],
    [['integer-nth-root', String(10n ** 30n), '7'], '19306'],
  ]);
  errors([
    [['+', '1', "'a"], 'type', 2, 'NUMBER'], [['+', "'a", '1'], 'type', 1, 'NUMBER'], [['+', '1', '2', "'a"], 'type', 3, 'NUMBER'],
    [['+', "'a"], 'type', 1, 'NUMBER'], [['-', "'a"], 'type', 1, 'NUMBER'], [['-', '1', "'a", '2'], 'type', 2, 'NUMBER'],
    [['*', '0', "'a"], 'type', 2, 'NUMBER'], [['*', "'a", '0'], 'type', 1, 'NUMBER'], [['/', "'a"], 'type', 1, 'NUMBER'],
    [['/', '1', '0'], 'divide-by-zero'], [['/', '0'], 'divide-by-zero'], [['/', '1', '0', "'a"], 'divide-by-zero'],
    [['/', "'a", '0'], 'type', 1, 'NUMBER'], [['/', '1', "'a", '0'], 'type', 2, 'NUMBER'],
    [['max', "'a"], 'type', 1, 'REAL'], [['max', '1', '2', "'a"], 'type', 3, 'REAL'], [['min', '1', "'a"], 'type', 2, 'REAL'],
    [['max', '1+0.i', '2'], 'type', 1, 'REAL'], [['abs', '1+i'], 'type', 1, 'REAL'], [['square', "'a"], 'type', 1, 'NUMBER'],
    [['exact-integer-sqrt', '-1'], 'range', 1], [['exact-integer-sqrt', '4.'], 'type', 1, 'Exact INTEGER'],
    [['integer-nth-root', '-8', '3'], 'range', 1], [['integer-nth-root', '8', '0'], 'range', 2],
  ]);

  it('returns multiple values from floor/ and exact-integer-sqrt', () => {
    expect(call('floor/', '7', '2')).to.be.instanceOf(MultipleValues);
    expect((call('exact-integer-sqrt', '17') as MultipleValues).vals).to.deep.equal([4, 1]);
  });
});

describe('the comparison primitives', () => {
  table([
    [['='], '#t'], [['<'], '#t'], [['>', '1'], '#t'], [['=', '1'], '#t'], [['=', '1', '1.', '1'], '#t'],
    [['<', '1', '2', '3', '3'], '#f'], [['<=', '1', '2', '3', '3'], '#t'], [['=', '+nan.0', '+nan.0'], '#f'],
    [['<', '+nan.0', '1'], '#f'], [['>=', '+nan.0', '1'], '#f'], [['<', '9007199254740992.', '9007199254740993'], '#t'],
    [['>', '1/3', '.3333333333333333'], '#t'], [['=', '1+i', '1.+1.i'], '#t'], [['>', '3', '2', '1'], '#t'], [['>=', '3', '3', '1'], '#t'],
  ]);
  errors([
    [['<', '1', "'a"], 'type', 2, 'REAL'], [['<', "'a", '1'], 'type', 1, 'REAL'], [['<', '1', '2', "'a"], 'type', 3, 'REAL'],
    [['<', '2', '1', "'a"], 'type', 3, 'REAL'], [['<', "'a"], 'type', 1, 'REAL'], [['<', '1+2i', '3'], 'type', 1, 'REAL'],
    [['=', '1', "'a"], 'type', 2, 'NUMBER'], [['=', '2', '1', "'a"], 'type', 3, 'NUMBER'], [['=', "'a", '1', '2'], 'type', 1, 'NUMBER'],
    [['>=', '1', "'a"], 'type', 2, 'REAL'], [['>=', '1', '2', "'a"], 'type', 3, 'REAL'],
    // gsi's > and <= compare the swapped pair, and report the swapped position.
    [['>', "'a", '1'], 'type', 2, 'REAL'], [['>', '1', "'a"], 'type', 1, 'REAL'], [['>', '3', "'a", '2'], 'type', 1, 'REAL'],
    [['>', '3', '2', "'a"], 'type', 2, 'REAL'], [['>', '1', '2', "'a"], 'type', 2, 'REAL'], [['<=', "'a", '1'], 'type', 2, 'REAL'],
    [['<=', '1', "'a", '2'], 'type', 1, 'REAL'], [['<=', '3', '2', "'a"], 'type', 2, 'REAL'], [['>', "'a", "'a"], 'type', 1, 'REAL'],
    [['>', '1+i', '2', '3'], 'type', 2, 'REAL'],
  ]);
});

describe('the numeric predicates', () => {
  table([
    [['integer?', '3.'], '#t'], [['integer?', '1/2'], '#f'], [['integer?', '1+0.i'], '#f'], [['integer?', '1e300'], '#t'],
    [['rational?', '+inf.0'], '#f'], [['rational?', '1.5'], '#t'], [['real?', '1+2i'], '#f'], [['real?', '1.5'], '#t'],
    [['complex?', "'a"], '#f'], [['number?', '1+i'], '#t'], [['exact?', '1/2+1/3i'], '#t'], [['inexact?', '1.+i'], '#t'],
    [['exact-integer?', '5'], '#t'], [['exact-integer?', '5.'], '#f'], [['exact-integer?', String(2n ** 70n)], '#t'],
    [['exact-integer?', "'a"], '#f'], [['nan?', '+nan.0'], '#t'], [['nan?', '1+nan.0i'], '#t'], [['nan?', '1+i'], '#f'],
    [['infinite?', '-inf.0'], '#t'], [['infinite?', '1+inf.0i'], '#t'], [['finite?', '1'], '#t'], [['finite?', '+inf.0+i'], '#f'],
    [['finite?', '1+i'], '#t'], [['zero?', '-0.'], '#t'], [['zero?', '0.+0.i'], '#t'], [['zero?', '1+i'], '#f'],
    [['positive?', '0'], '#f'], [['negative?', '-0.'], '#f'], [['odd?', '-3'], '#t'], [['odd?', '3.'], '#t'], [['even?', '0'], '#t'],
    [['fixnum?', String(2n ** 60n)], '#t'], [['fixnum?', '2305843009213693951'], '#t'], [['fixnum?', '2305843009213693952'], '#f'],
    [['fixnum?', '1.'], '#f'], [['flonum?', '1.'], '#t'], [['flonum?', '1'], '#f'],
  ]);
  errors([
    [['exact?', "'a"], 'type', 1, 'NUMBER'], [['nan?', "'a"], 'type', 1, 'NUMBER'], [['finite?', "'a"], 'type', 1, 'NUMBER'],
    [['zero?', "'a"], 'type', 1, 'NUMBER'], [['positive?', "'a"], 'type', 1, 'REAL'], [['positive?', '2+0.i'], 'type', 1, 'REAL'],
    [['odd?', '1.5'], 'type', 1, 'INTEGER'], [['even?', "'a"], 'type', 1, 'INTEGER'], [['odd?', '1+0.i'], 'type', 1, 'INTEGER'],
  ]);
});

describe('the complex-number primitives', () => {
  table([
    [['make-rectangular', '1', '2'], '1+2i'], [['make-rectangular', '1', '0'], '1'], [['make-rectangular', '1', '0.'], '1+0.i'],
    [['make-rectangular', '1.', '0'], '1.'], [['make-rectangular', '0', '1'], '+i'], [['make-polar', '1', '0'], '1'],
    [['make-polar', '2', '1'], '1.0806046117362795+1.682941969615793i'], [['make-polar', '1', '3.141592653589793'], '-1.+1.2246467991473532e-16i'],
    [['real-part', '1+2i'], '1'], [['imag-part', '1+2i'], '2'], [['imag-part', '5.'], '0'], [['magnitude', '3+4i'], '5'],
    [['magnitude', '1+i'], '1.4142135623730951'], [['magnitude', '3+4.i'], '5.'], [['magnitude', '+inf.0+i'], '+inf.0'],
    [['magnitude', '-5'], '5'], [['angle', '-1'], '3.141592653589793'], [['angle', '1'], '0'], [['angle', '0.'], '0.'],
    [['angle', '-0.'], '3.141592653589793'], [['angle', '+i'], '1.5707963267948966'], [['angle', '+nan.0'], '3.141592653589793'],
    [['conjugate', '1+2i'], '1-2i'], [['conjugate', '5'], '5'], [['exact', '1.+2.i'], '1+2i'], [['inexact', '1+2i'], '1.+2.i'],
    [['exact->inexact', '1/3+1/2i'], '.3333333333333333+.5i'],
  ]);
  errors([
    [['make-rectangular', "'a", '1'], 'type', 1, 'REAL'], [['make-rectangular', '1', "'a"], 'type', 2, 'REAL'],
    [['make-rectangular', '1+i', '1'], 'type', 1, 'REAL'], [['make-polar', '1', "'a"], 'type', 2, 'REAL'],
    [['real-part', "'a"], 'type', 1, 'NUMBER'], [['angle', "'a"], 'type', 1, 'NUMBER'], [['conjugate', "'a"], 'type', 1, 'NUMBER'],
  ]);
});

describe('#number->string and #string->number', () => {
  table([
    [['number->string', '255', '16'], '"ff"'], [['number->string', '-255', '16'], '"-ff"'], [['number->string', '1.5', '2'], '"1.5"'],
    [['number->string', '1/3', '2'], '"1/11"'], [['number->string', '-0.'], '"-0."'], [['number->string', '1+2i', '2'], '"1+10i"'],
    [['string->number', '"1e2"'], '100.'], [['string->number', '"#xff"'], '255'], [['string->number', '"ff"', '16'], '255'],
    [['string->number', '"abc"'], '#f'], [['string->number', '"1/2"'], '1/2'], [['string->number', '"10"', '2'], '2'],
    [['string->number', '"-0.0"'], '-0.'], [['string->number', '"#e1.5"'], '3/2'],
  ]);
  errors([
    [['number->string', '255', '3'], 'range', 2], [['number->string', "'a"], 'type', 1, 'NUMBER'],
    [['number->string', '10', "'a"], 'type', 2, 'Exact INTEGER'], [['number->string', '12', '2.'], 'type', 2, 'Exact INTEGER'],
    [['number->string', "'a", '3'], 'range', 2], [['string->number', "'a"], 'type', 1, 'STRING'],
    [['string->number', '"10"', '3'], 'range', 2], [['string->number', '"10"', "'a"], 'type', 2, 'Exact INTEGER'],
  ]);
});

describe('the bitwise primitives', () => {
  table([
    [['bitwise-and', '12', '10'], '8'], [['bitwise-ior', '12', '10'], '14'], [['bitwise-xor', '12', '10'], '6'],
    [['bitwise-not', '5'], '-6'], [['bitwise-and'], '-1'], [['bitwise-ior'], '0'], [['bitwise-xor'], '0'],
    [['bitwise-not', '9007199254740991'], '-9007199254740992'], [['bitwise-and', String(2n ** 70n + 5n), '-1'], String(2n ** 70n + 5n)],
    [['arithmetic-shift', '1', '100'], '1267650600228229401496703205376'], [['arithmetic-shift', '-5', '-1'], '-3'],
    [['arithmetic-shift', String(2n ** 100n), '-98'], '4'], [['arithmetic-shift', '-1', '-100'], '-1'], [['arithmetic-shift', '5', '-100'], '0'],
    [['bit-count', '7'], '3'], [['bit-count', '-1'], '0'], [['bit-count', String(2n ** 100n)], '1'], [['bit-count', String(-(2n ** 100n))], '100'],
    [['integer-length', '255'], '8'], [['integer-length', '-256'], '8'], [['integer-length', '0'], '0'], [['integer-length', '-1'], '0'],
    [['integer-length', String(2n ** 100n)], '101'], [['bit-set?', '1', '2'], '#t'], [['bit-set?', '100', '-1'], '#t'],
    [['bit-set?', '100', '1'], '#f'], [['bit-set?', '0', '5'], '#t'], [['first-bit-set', '0'], '-1'], [['first-bit-set', '8'], '3'],
    [['first-bit-set', '-8'], '3'], [['first-bit-set', String(2n ** 100n)], '100'], [['extract-bit-field', '4', '2', '255'], '15'],
    [['extract-bit-field', '4', '2', '-1'], '15'], [['test-bit-field?', '4', '2', '3'], '#f'], [['clear-bit-field', '4', '2', '255'], '195'],
    [['replace-bit-field', '4', '2', '0', '255'], '195'], [['copy-bit-field', '4', '2', '-1', '0'], '60'], [['any-bits-set?', '1', '3'], '#t'],
    [['all-bits-set?', '3', '7'], '#t'], [['bitwise-merge', '12', '5', '10'], '9'],
  ]);
  errors([
    [['bitwise-not', '1.'], 'type', 1, 'Exact INTEGER'], [['bitwise-ior', '1', '2', "'a"], 'type', 3, 'Exact INTEGER'],
    [['bitwise-and', '1', "'a"], 'type', 2, 'Exact INTEGER'], [['arithmetic-shift', '1.5', '1'], 'type', 1, 'Exact INTEGER'],
    [['arithmetic-shift', '1', '1.'], 'type', 2, 'Exact INTEGER'], [['bit-set?', '-1', '2'], 'range', 1],
    [['bit-set?', '0', "'a"], 'type', 2, 'Exact INTEGER'], [['extract-bit-field', '-1', '2', '3'], 'range', 1],
    [['extract-bit-field', "'a", '2', '3'], 'type', 1, 'Exact INTEGER'], [['extract-bit-field', '4', '2', "'a"], 'type', 3, 'Exact INTEGER'],
  ]);

  it('agrees with bigint arithmetic across the int32 boundary', () => {
    for (const [a, b] of [[2 ** 31, -1], [-(2 ** 31) - 1, 2 ** 40 + 3], [2 ** 52 + 1, 2 ** 33]] as [number, number][]) {
      expect(B.bitAnd(a, b)).to.equal(Number(BigInt(a) & BigInt(b)));
      expect(B.bitIor(a, b)).to.equal(Number(BigInt(a) | BigInt(b)));
      expect(B.bitXor(a, b)).to.equal(Number(BigInt(a) ^ BigInt(b)));
    }
  });
});

describe('the fixnum and flonum primitives', () => {
  table([
    [['fx+', '1', '2', '3'], '6'], [['fx-', '1', '2', '3'], '-4'], [['fx*', '1000000000', '1000000000'], '1000000000000000000'],
    [['fx+'], '0'], [['fx*'], '1'], [['fxmax', '1', '5', '3'], '5'], [['fxand'], '-1'], [['fxxor', '5', '3'], '6'],
    [['fxnot', '5'], '-6'], [['fxif', '12', '5', '10'], '6'], [['fxremainder', '-7', '2'], '-1'], [['fxmodulo', '-7', '2'], '1'],
    [['fx=', '1', '1', '1'], '#t'], [['fx<'], '#t'], [['fxbit-count', '-1'], '0'], [['fxlength', '255'], '8'],
    [['fxbit-set?', '62', '-1'], '#f'], [['fxbit-set?', '61', '-1'], '#t'], [['fxarithmetic-shift', '1', '60'], '1152921504606846976'],
    [['fxarithmetic-shift', '-8', '-62'], '-1'], [['fxarithmetic-shift-right', '8', '1000'], '0'],
    [['fxwraplogical-shift-right', '-1', '1'], '2305843009213693951'], [['fxwraparithmetic-shift', '1', '61'], '-2305843009213693952'],
    [['fxwraparithmetic-shift-left', '3', '61'], '-2305843009213693952'], [['fxwrap+', '2305843009213693951', '1'], '-2305843009213693952'],
    [['fxwrap*', '2305843009213693951', '2'], '-2'], [['fxwrap-', '-2305843009213693952'], '-2305843009213693952'],
    [['fxwrapsquare', '2305843009213693951'], '1'], [['fxwrapquotient', '-2305843009213693952', '-1'], '-2305843009213693952'],
    [['fixnum->flonum', '3'], '3.'], [['fixnum->flonum', String(2n ** 60n)], '1.152921504606847e18'],
    [['fl+', '1.', '2.', '3.'], '6.'], [['fl-', '1.'], '-1.'], [['fl/', '2.'], '.5'], [['fl+'], '0.'], [['fl*'], '1.'],
    [['fl/', '1.', '0.'], '+inf.0'], [['flsqrt', '-1.'], '+nan.0'], [['flexpt', '2.', '3.'], '8.'], [['flatan', '1.', '1.'], '.7853981633974483'],
    [['fl<', '1.', '2.', '3.'], '#t'], [['flmax', '1.', '+nan.0'], '+nan.0'], [['flround', '2.5'], '2.'], [['fltruncate', '-.5'], '0.'],
    [['flnumerator', '.5'], '1.'], [['fldenominator', '.5'], '2.'], [['flodd?', '3.'], '#t'], [['flodd?', '3.5'], '#f'],
    [['fllog', '-1.'], '+nan.0'], [['flscalbn', '1.', '10'], '1024.'], [['flscalbn', '1.', '2000'], '+inf.0'],
    [['flscalbn', '1e300', '-2000'], '8.709809816217217e-303'], [['flilogb', '8.'], '3'], [['flilogb', '0.'], '-2147483648'],
    [['flilogb', '1e-310'], '-1030'], [['flexpm1', '1e-10'], '1.00000000005e-10'], [['fllog1p', '1e-10'], '9.999999999500001e-11'],
  ]);
  errors([
    [['fx+', '2305843009213693951', '1'], 'fixnum-overflow'], [['fx+', '2305843009213693951', '1', "'a"], 'fixnum-overflow'],
    [['fx+', "'a", '2305843009213693951', '1'], 'type', 1, 'FIXNUM'], [['fx+', '1.', '2'], 'type', 1, 'FIXNUM'],
    [['fx-', '-2305843009213693952'], 'fixnum-overflow'], [['fxabs', '-2305843009213693952'], 'fixnum-overflow'],
    [['fxsquare', '2000000000'], 'fixnum-overflow'], [['fxquotient', '-2305843009213693952', '-1'], 'fixnum-overflow'],
    [['fxquotient', '7', '0'], 'divide-by-zero'], [['fx<', '1', '2', "'a"], 'type', 3, 'FIXNUM'],
    [['fxarithmetic-shift', '1', '61'], 'fixnum-overflow'], [['fxarithmetic-shift', '-8', '-63'], 'fixnum-overflow'],
    [['fxarithmetic-shift', '0', '100'], 'fixnum-overflow'], [['fxarithmetic-shift-left', '1', '-1'], 'range', 2],
    [['fxarithmetic-shift-right', '8', '-1'], 'range', 2], [['fxwraparithmetic-shift', '1', '63'], 'range', 2],
    [['fxbit-set?', '63', '-1'], 'range', 1], [['fixnum->flonum', '1.'], 'type', 1, 'FIXNUM'],
    [['fl+', '1', '2.'], 'type', 1, 'FLONUM'], [['fl+', '1.', "'a"], 'type', 2, 'FLONUM'], [['fl=', '1.', '1'], 'type', 2, 'FLONUM'],
    [['flexpt', '2.', '1/3'], 'type', 2, 'FLONUM'], [['flnumerator', '+inf.0'], 'type', 1, 'RATIONAL'],
    [['flscalbn', '1.', '1.'], 'type', 2, 'FIXNUM'],
  ]);
});

describe('#RandomSource', () => {
  it('draws the same numbers as a fresh gsi', () => {
    const r = new RandomSource();
    expect(r.integer(1000000)).to.equal(857595);
    expect(r.integer(10)).to.equal(2);
    expect(numberToString(new Flonum(r.real()))).to.equal('.7342236104231586');
    expect(r.integer(10n ** 30n)).to.equal(711292467528335835449246583961n);
  });

  it('follows gsi through small, fixnum-limit and power-of-two ranges', () => {
    const r = new RandomSource();
    expect(numberToString(new Flonum(r.real()))).to.equal('.8574025375628211');
    expect(r.integer(1)).to.equal(0);
    expect(r.integer(536870911)).to.equal(450495177);
    expect(r.integer(536870912)).to.equal(502140386);
    expect(r.integer(2n ** 100n)).to.equal(845418713039578039522862862804n);
    expect(r.integer(7)).to.equal(5);
  });

  it('fills random-u8vector from the end, as gsi', () => {
    const v = new Vm({} as Host);
    const p = numberPrims(v).find((q) => q.name === 'random-u8vector')!;
    const r = numberPrims(v).find((q) => q.name === 'random-real')!;
    const i = numberPrims(v).find((q) => q.name === 'random-integer')!;
    r.fn();
    for (const k of [1, 536870911, 536870912]) i.fn(k);
    i.fn(2n ** 100n);
    i.fn(7);
    expect(w(p.fn(5) as Value)).to.equal('#u8(103 53 192 40 176)');
  });

  it('rejects ranges that are not positive exact integers', () => {
    const r = new RandomSource();
    expect(err(() => r.integer(0))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => r.integer(-1))).to.include({ kind: 'range', argNum: 1 });
    expect(err(() => r.integer(new Flonum(1)))).to.include({ kind: 'type', argNum: 1, typeName: 'Exact INTEGER' });
  });
});

describe('the SRFI 27 random-source primitives', () => {
  const v = new Vm({} as Host);
  const ps = new Map(numberPrims(v).map((q) => [q.name, q]));
  const f = (name: string, ...args: Value[]): Value => ps.get(name)!.fn(...args) as Value;

  it('defines default-random-source and makes fresh sources in the initial state', () => {
    expect(f('random-source?', v.globalValue('default-random-source')!)).to.equal(true);
    const s = f('make-random-source');
    expect(f('random-source?', s)).to.equal(true);
    expect(f('random-source?', 5)).to.equal(false);
    expect((f('random-source-state-ref', s) as SVector).items).to.deep.equal([1062452522, 2961816100, 342112271, 2854655037, 3321940838, 3542344109]);
  });

  it('draws from a set state as gsi does', () => {
    const s = f('make-random-source');
    f('random-source-state-set!', s, new SVector([1, 2, 3, 4, 5, 6]));
    expect((f('random-source-make-integers', s) as Primitive).fn(100)).to.equal(0);
    expect(w((f('random-source-make-reals', s) as Primitive).fn() as Value)).to.equal('.9629540835261461');
    expect(w((f('random-source-make-reals', s, new Flonum(0.5)) as Primitive).fn() as Value)).to.equal('.3337313163597402');
    expect(w((f('random-source-make-reals', s, new Flonum(1e-20)) as Primitive).fn() as Value)).to.equal('.6997612582391352');
  });

  it('jumps to substreams with random-source-pseudo-randomize!', () => {
    const s = f('make-random-source');
    f('random-source-pseudo-randomize!', s, 1, 2);
    expect((f('random-source-state-ref', s) as SVector).items).to.deep.equal([1250826159, 3004357423, 431373563, 3322526864, 623307378, 2983662421]);
    expect((f('random-source-make-integers', s) as Primitive).fn(1000)).to.equal(653);
    f('random-source-pseudo-randomize!', s, 0, 0);
    expect(w((f('random-source-make-u8vectors', s) as Primitive).fn(4) as Value)).to.equal('#u8(208 187 73 219)');
    f('random-source-pseudo-randomize!', s, 3, 2n ** 70n);
    expect((f('random-source-state-ref', s) as SVector).items).to.deep.equal([950636385, 2474452705, 1978737351, 618471741, 2601145180, 3672766106]);
  });

  it('checks its arguments as gsi does', () => {
    const s = f('make-random-source');
    expect(err(() => f('random-source-state-ref', 5))).to.include({ kind: 'type', argNum: 1 });
    // The type is named, with its serial number, when the error is shown.
    expect(errorMessage(v, err(() => f('random-source-state-ref', 5)))).to.match(/^\(Argument 1\) Instance of #<type #\d+ random-source> expected$/);
    expect(err(() => f('random-source-state-set!', s, 5))).to.include({ kind: 'type', argNum: 2, typeName: 'RANDOM-SOURCE state' });
    expect(err(() => f('random-source-make-reals', s, 2))).to.include({ kind: 'range', argNum: 2 });
    expect(err(() => f('random-source-make-reals', s, sym))).to.include({ kind: 'type', argNum: 2, typeName: 'Finite REAL' });
    expect(err(() => f('random-source-pseudo-randomize!', s, -1, 0))).to.include({ kind: 'range', argNum: 2 });
    expect(err(() => f('random-source-pseudo-randomize!', s, sym, 0))).to.include({ kind: 'type', argNum: 2, typeName: 'Exact INTEGER' });
  });
});

describe('#ratToFloat', () => {
  it('rounds halfway cases to even, including subnormals', () => {
    expect(N.ratToFloat(2n ** 54n + 2n, 2n)).to.equal(2 ** 53); // 2^53 + 1 ties to even
    expect(N.ratToFloat(2n ** 54n + 6n, 2n)).to.equal(2 ** 53 + 4); // 2^53 + 3 ties up to even
    expect(N.ratToFloat(1n, 2n ** 1075n)).to.equal(0);
    expect(N.ratToFloat(3n, 2n ** 1076n)).to.equal(5e-324);
    expect(N.ratToFloat(-1n, 3n)).to.equal(-1 / 3);
  });
});
