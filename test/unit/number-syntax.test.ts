// parseNumber: expected values were checked against gsi 4.9.3 (`(write (quote TEXT))`).

import { expect } from 'chai';
import { parseNumber } from '../../runtime/number-syntax.js';
import { Cpxnum, Flonum, Ratnum, type Value } from '../../runtime/values.js';

/** A value as a short string that tells representations apart: 2, 2n, 2., 1/3, re+im i. */
function show(v: Value | false): string {
  if (v === false) return '#f';
  if (typeof v === 'number') return Object.is(v, -0) ? 'fixnum -0 (wrong)' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Flonum) {
    if (Object.is(v.v, -0)) return '-0.';
    if (Number.isNaN(v.v)) return '+nan.0';
    if (!Number.isFinite(v.v)) return v.v > 0 ? '+inf.0' : '-inf.0';
    return Number.isInteger(v.v) ? `${v.v}.` : String(v.v);
  }
  if (v instanceof Ratnum) return `${v.num}/${v.den}`;
  if (v instanceof Cpxnum) return `${show(v.re)}${/^[-+]/.test(show(v.im)) ? '' : '+'}${show(v.im)}i`;
  return `?${String(v)}`;
}

describe('#parseNumber', () => {
  describe('integers', () => {
    it('reads small decimal integers as JS numbers', () => {
      expect(parseNumber('0')).to.equal(0);
      expect(parseNumber('42')).to.equal(42);
      expect(parseNumber('-17')).to.equal(-17);
      expect(parseNumber('+5')).to.equal(5);
      expect(parseNumber('00012')).to.equal(12);
    });

    it('reads -0 and -00 as the exact integer 0, never -0', () => {
      expect(Object.is(parseNumber('-0'), 0)).to.equal(true);
      expect(Object.is(parseNumber('-00'), 0)).to.equal(true);
      expect(Object.is(parseNumber('#x-0'), 0)).to.equal(true);
    });

    it('keeps integers up to the safe range as numbers and beyond as bigints', () => {
      expect(parseNumber('9007199254740991')).to.equal(9007199254740991);
      expect(parseNumber('-9007199254740991')).to.equal(-9007199254740991);
      expect(parseNumber('9007199254740992')).to.equal(9007199254740992n);
      expect(parseNumber('12345678901234567890')).to.equal(12345678901234567890n);
      expect(parseNumber('-123456789012345678901234567890')).to.equal(-123456789012345678901234567890n);
    });

    it('reads radix prefixes in either case', () => {
      expect(parseNumber('#xff')).to.equal(255);
      expect(parseNumber('#XAbC')).to.equal(2748);
      expect(parseNumber('#x-ff')).to.equal(-255);
      expect(parseNumber('#b101')).to.equal(5);
      expect(parseNumber('#o17')).to.equal(15);
      expect(parseNumber('#d10')).to.equal(10);
      expect(parseNumber('#x1e2')).to.equal(482);
      expect(parseNumber('#xffffffffffffffffff')).to.equal(0xffffffffffffffffffn);
    });

    it('uses the radix argument unless the text has a radix prefix', () => {
      expect(parseNumber('ff', 16)).to.equal(255);
      expect(parseNumber('10', 2)).to.equal(2);
      expect(parseNumber('#d10', 16)).to.equal(10);
      expect(parseNumber('ff')).to.equal(false);
      expect(parseNumber('1.5', 16)).to.equal(false);
    });

    it('rejects digits outside the radix', () => {
      expect(parseNumber('#b102')).to.equal(false);
      expect(parseNumber('#o8')).to.equal(false);
    });
  });

  describe('decimals', () => {
    it('reads decimals and exponents as flonums', () => {
      expect(show(parseNumber('1.5'))).to.equal('1.5');
      expect(show(parseNumber('.5'))).to.equal('0.5');
      expect(show(parseNumber('-.5'))).to.equal('-0.5');
      expect(show(parseNumber('+.5'))).to.equal('0.5');
      expect(show(parseNumber('1.'))).to.equal('1.');
      expect(show(parseNumber('1e10'))).to.equal('10000000000.');
      expect(show(parseNumber('1E5'))).to.equal('100000.');
      expect(show(parseNumber('-1E-2'))).to.equal('-0.01');
      expect(show(parseNumber('1e+2'))).to.equal('100.');
      expect(show(parseNumber('0.1'))).to.equal('0.1');
      expect(show(parseNumber('-12.50'))).to.equal('-12.5');
      expect(show(parseNumber('+.5e5'))).to.equal('50000.');
    });

    it('accepts the exponent markers s f d l as well as e', () => {
      expect(show(parseNumber('1d5'))).to.equal('100000.');
      expect(show(parseNumber('1s2'))).to.equal('100.');
      expect(show(parseNumber('1f2'))).to.equal('100.');
      expect(show(parseNumber('1L2'))).to.equal('100.');
    });

    it('reads -0. as the flonum -0', () => {
      expect(show(parseNumber('-0.'))).to.equal('-0.');
      expect(show(parseNumber('-0.0'))).to.equal('-0.');
    });

    it('rounds correctly and overflows to infinity or zero', () => {
      expect(show(parseNumber('123456789012345678901234567890.'))).to.equal('1.2345678901234568e+29.');
      expect(show(parseNumber('1e400'))).to.equal('+inf.0');
      expect(show(parseNumber('1e-400'))).to.equal('0.');
      expect(show(parseNumber('0.30000000000000004'))).to.equal('0.30000000000000004');
    });

    it("reads R4RS '#' digit placeholders as 0 and the number as inexact", () => {
      expect(show(parseNumber('1#'))).to.equal('10.');
      expect(show(parseNumber('1##.#'))).to.equal('100.');
      expect(show(parseNumber('1.#'))).to.equal('1.');
      expect(show(parseNumber('1#e2'))).to.equal('1000.');
      expect(show(parseNumber('1/2#'))).to.equal('0.05');
      expect(show(parseNumber('1#/2'))).to.equal('5.');
      expect(parseNumber('#e1#')).to.equal(10);
    });

    it('rejects decimals in radixes other than 10', () => {
      expect(parseNumber('#x1.5')).to.equal(false);
      expect(parseNumber('#b1.1')).to.equal(false);
      expect(parseNumber('#b1e1')).to.equal(false);
    });
  });

  describe('rationals', () => {
    it('reads rationals in lowest terms', () => {
      expect(show(parseNumber('1/3'))).to.equal('1/3');
      expect(show(parseNumber('-6/4'))).to.equal('-3/2');
      expect(show(parseNumber('+6/4'))).to.equal('3/2');
      expect(show(parseNumber('#x1/F'))).to.equal('1/15');
      expect(show(parseNumber('#o1/7'))).to.equal('1/7');
    });

    it('reads a rational with an integral value as an integer', () => {
      expect(parseNumber('6/3')).to.equal(2);
      expect(parseNumber('0/5')).to.equal(0);
      expect(Object.is(parseNumber('-0/5'), 0)).to.equal(true);
      expect(parseNumber('246913578024691357802469135780/2')).to.equal(123456789012345678901234567890n);
    });

    it('does not read a zero denominator as a number unless inexact', () => {
      expect(parseNumber('1/0')).to.equal(false);
      expect(parseNumber('#e1/0')).to.equal(false);
      expect(parseNumber('#x1/0')).to.equal(false);
      expect(show(parseNumber('#i1/0'))).to.equal('+inf.0');
      expect(show(parseNumber('1#/0'))).to.equal('+inf.0');
    });

    it('rejects signed denominators and decimal parts', () => {
      expect(parseNumber('6/-4')).to.equal(false);
      expect(parseNumber('6/+4')).to.equal(false);
      expect(parseNumber('1/2.')).to.equal(false);
      expect(parseNumber('1.5/2')).to.equal(false);
      expect(parseNumber('1/2/3')).to.equal(false);
    });
  });

  describe('exactness prefixes', () => {
    it('makes decimals exact from their digits', () => {
      expect(show(parseNumber('#e1.5'))).to.equal('3/2');
      expect(show(parseNumber('#E1.5'))).to.equal('3/2');
      expect(show(parseNumber('#e.5'))).to.equal('1/2');
      expect(show(parseNumber('#e1.2e-3'))).to.equal('3/2500');
      expect(parseNumber('#e1.5e2')).to.equal(150);
      expect(parseNumber('#e1e30')).to.equal(1000000000000000000000000000000n);
      expect(parseNumber('#e0.1')).to.deep.equal(new Ratnum(1n, 10n));
      expect(Object.is(parseNumber('#e-0.0'), 0)).to.equal(true);
    });

    it('makes rationals and integers inexact with #i', () => {
      expect(show(parseNumber('#i1/3'))).to.equal('0.3333333333333333');
      expect(show(parseNumber('#i5'))).to.equal('5.');
      expect(show(parseNumber('#i-0'))).to.equal('0.');
    });

    it('accepts one radix and one exactness prefix in either order', () => {
      expect(parseNumber('#e#x10')).to.equal(16);
      expect(show(parseNumber('#x#i10'))).to.equal('16.');
      expect(show(parseNumber('#i#x10'))).to.equal('16.');
    });

    it('rejects repeated or conflicting prefixes and exact infinities', () => {
      expect(parseNumber('#e#e1')).to.equal(false);
      expect(parseNumber('#i#e1')).to.equal(false);
      expect(parseNumber('#x#x1')).to.equal(false);
      expect(parseNumber('#d#x1')).to.equal(false);
      expect(parseNumber('#x#e1.8')).to.equal(false);
      expect(parseNumber('#e+inf.0')).to.equal(false);
      expect(parseNumber('#x')).to.equal(false);
      expect(parseNumber('#')).to.equal(false);
      expect(parseNumber('#z1')).to.equal(false);
    });
  });

  describe('infinities and NaNs', () => {
    it('reads signed inf.0 and nan.0 in any case', () => {
      expect(show(parseNumber('+inf.0'))).to.equal('+inf.0');
      expect(show(parseNumber('-inf.0'))).to.equal('-inf.0');
      expect(show(parseNumber('+Inf.0'))).to.equal('+inf.0');
      expect(show(parseNumber('+nan.0'))).to.equal('+nan.0');
      expect(show(parseNumber('+NaN.0'))).to.equal('+nan.0');
      expect(show(parseNumber('#i+nan.0'))).to.equal('+nan.0');
    });

    it('keeps the sign of -nan.0 in the sign bit', () => {
      const v = parseNumber('-nan.0') as Flonum;
      const bits = new Uint32Array(new Float64Array([v.v]).buffer);
      expect(Number.isNaN(v.v)).to.equal(true);
      expect(bits[1]! >>> 31).to.equal(1);
    });

    it('does not read unsigned or malformed infinities', () => {
      expect(parseNumber('inf.0')).to.equal(false);
      expect(parseNumber('+inf.1')).to.equal(false);
      expect(parseNumber('-inf.0x')).to.equal(false);
    });
  });

  describe('complex numbers', () => {
    it('reads rectangular complex numbers', () => {
      expect(show(parseNumber('1+2i'))).to.equal('1+2i');
      expect(show(parseNumber('-1-2i'))).to.equal('-1-2i');
      expect(show(parseNumber('1/2+3/4i'))).to.equal('1/2+3/4i');
      expect(show(parseNumber('1e2+1e2i'))).to.equal('100.+100.i');
      expect(show(parseNumber('1.5e2+2i'))).to.equal('150.+2i');
      expect(show(parseNumber('#x1+fi'))).to.equal('1+15i');
      expect(show(parseNumber('1-i'))).to.equal('1-1i');
      expect(show(parseNumber('1+inf.0i'))).to.equal('1+inf.0i');
    });

    it('reads pure imaginary numbers only with a sign', () => {
      expect(show(parseNumber('+i'))).to.equal('0+1i');
      expect(show(parseNumber('-i'))).to.equal('0-1i');
      expect(show(parseNumber('+2i'))).to.equal('0+2i');
      expect(show(parseNumber('+1/2i'))).to.equal('0+1/2i');
      expect(show(parseNumber('-inf.0i'))).to.equal('0-inf.0i');
      expect(show(parseNumber('#x+i'))).to.equal('0+1i');
      expect(parseNumber('1i')).to.equal(false);
      expect(parseNumber('1.5i')).to.equal(false);
      expect(parseNumber('1/2i')).to.equal(false);
    });

    it('reads an exact zero imaginary part as a real, an inexact one as complex', () => {
      expect(parseNumber('1+0i')).to.equal(1);
      expect(show(parseNumber('1+0.i'))).to.equal('1+0.i');
      expect(show(parseNumber('1.+0.i'))).to.equal('1.+0.i');
    });

    it('applies the exactness prefix to both parts', () => {
      expect(show(parseNumber('#e1.5+2.5i'))).to.equal('3/2+5/2i');
      expect(show(parseNumber('#i1+2i'))).to.equal('1.+2.i');
      expect(show(parseNumber('#i+2i'))).to.equal('0.+2.i');
      expect(show(parseNumber('#i+i'))).to.equal('0.+1.i');
    });

    it('reads polar complex numbers', () => {
      expect(parseNumber('1@0')).to.equal(1);
      expect(show(parseNumber('1.@0'))).to.equal('1.');
      expect(show(parseNumber('#e1.5@0'))).to.equal('3/2');
      expect(show(parseNumber('#e1@1'))).to.equal(
        '1216652631687587/2251799813685248+3789648413623927/4503599627370496i',
      );
    });

    it('rejects malformed complex numbers', () => {
      expect(parseNumber('1+i+i')).to.equal(false);
      expect(parseNumber('1+2j')).to.equal(false);
      expect(parseNumber('+1i.')).to.equal(false);
      expect(parseNumber('+.i')).to.equal(false);
      expect(parseNumber('1@')).to.equal(false);
    });
  });

  describe('non-numbers', () => {
    it('returns false for symbols that look a little like numbers', () => {
      for (const s of ['+', '-', '.', '...', '1+', '-a', '.5a', '1e', '1e+', '1e2#', '1e1.5', '1#.5', '.#', '1.5.5',
        '1_000', '', 'abc', '+.', '-.e5', '.e5']) {
        expect(parseNumber(s), s).to.equal(false);
      }
    });

    it('reads a plain decimal integer quickly', () => {
      const texts = Array.from({ length: 100000 }, (_, i) => String(i * 7));
      const t0 = performance.now();
      let sum = 0;
      for (const t of texts) sum += parseNumber(t) as number;
      const ms = performance.now() - t0;
      expect(sum).to.equal(7 * (99999 * 100000) / 2);
      console.log(`      (10^5 integers parsed in ${ms.toFixed(1)} ms)`);
    });
  });
});
