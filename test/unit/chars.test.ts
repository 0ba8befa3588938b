// Tests of runtime/prims/chars.ts. The expected answers were given by Gambit 4.9.3's gsi,
// whose character classes and case conversions are ASCII-only (checked over U+0000..U+FFFF).

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#integer->char', () => {
  it('accepts scalar values and rejects surrogates and out-of-range codes', () => {
    table([
      ['(char->integer #\\A)', '65'],
      ['(integer->char 955)', '#\\x3bb'],
      ['(integer->char -1)', 'ERR (Argument 1) Out of range\n(integer->char -1)'],
      ['(integer->char #x110000)', 'ERR (Argument 1) Out of range\n(integer->char 1114112)'],
      ['(integer->char #xd800)', 'ERR (Argument 1) Out of range\n(integer->char 55296)'],
      ['(integer->char 1.)', 'ERR (Argument 1) Exact INTEGER expected\n(integer->char 1.)'],
      ['(char->integer 1)', 'ERR (Argument 1) CHARACTER expected\n(char->integer 1)'],
    ]);
  });
});

describe('#char-upcase', () => {
  it('converts ASCII letters only', () => {
    table([
      ['(char-upcase #\\a)', '#\\A'],
      ['(char-downcase #\\A)', '#\\a'],
      ['(char-upcase (integer->char 228))', '#\\xe4'],
      ['(char-downcase (integer->char 931))', '#\\x3a3'],
      ['(char-upcase 1)', 'ERR (Argument 1) CHARACTER expected\n(char-upcase 1)'],
      ['(char-upcase #\\a #\\b)', 'ERR Wrong number of arguments passed to procedure\n(char-upcase #\\a #\\b)'],
    ]);
  });
});

describe('#char-alphabetic?', () => {
  it('classifies ASCII characters only', () => {
    table([
      ['(char-alphabetic? #\\a)', '#t'],
      ['(char-alphabetic? (integer->char 955))', '#f'],
      ['(char-numeric? #\\5)', '#t'],
      ['(char-numeric? (integer->char 1635))', '#f'],
      ['(char-whitespace? #\\xb)', '#t'],
      ['(char-whitespace? #\\xa0)', '#f'],
      ['(char-upper-case? #\\A)', '#t'],
      ['(char-upper-case? (integer->char 931))', '#f'],
      ['(char-lower-case? #\\1)', '#f'],
      ['(char-alphabetic? 1)', 'ERR (Argument 1) CHARACTER expected\n(char-alphabetic? 1)'],
    ]);
  });
});

describe('#char<?', () => {
  it('takes any number of arguments and checks them all first', () => {
    table([
      ['(char=? #\\a)', '#t'],
      ['(char=?)', '#t'],
      ['(char<? #\\a #\\b #\\c)', '#t'],
      ['(char<? #\\a #\\b #\\b)', '#f'],
      ['(char<? #\\a 1)', 'ERR (Argument 2) CHARACTER expected\n(char<? #\\a 1)'],
      ['(char<? #\\b #\\a 1)', 'ERR (Argument 3) CHARACTER expected\n(char<? #\\b #\\a 1)'],
      ['(char-ci=? #\\a #\\A #\\a)', '#t'],
      ['(char-ci<? #\\a #\\B)', '#t'],
      ['(char-ci<? #\\_ #\\a)', '#t'],
    ]);
  });
});
