// Tests of runtime/equality.ts (eq?, eqv?, equal?). Expected answers were given by Gambit
// 4.9.3's gsi for the same expressions, except where a comment says otherwise.

import { expect } from 'chai';
import { isEq, isEqual, isEqv } from '../../runtime/equality.js';
import { Box, Flonum, MString, NIL, Pair, Ratnum, SVector, U8Vector, intern, list, makeChar, type Value } from '../../runtime/values.js';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

function longList(n: number, tail: Value = NIL): Value {
  let r = tail;
  for (let i = 0; i < n; i++) r = new Pair(i, r);
  return r;
}

describe('#eq?', () => {
  it('compares characters by code point, even above U+00FF', () => {
    expect(isEq(makeChar(955), makeChar(955))).to.equal(true);
    expect(s.ev('(eq? #\\x3bb (integer->char 955))')).to.equal('#t');
  });

  it('tells apart distinct flonum boxes and strings', () => {
    expect(isEq(new Flonum(1.5), new Flonum(1.5))).to.equal(false);
    expect(s.ev('(let ((x 1.5)) (eq? x x))')).to.equal('#t');
    expect(s.ev('(eq? "" (string))')).to.equal('#f');
    expect(s.ev("(eq? '() '())")).to.equal('#t');
    expect(s.ev('(eq? (void) (void))')).to.equal('#t');
  });

  it('takes exactly two arguments', () => {
    expect(s.ev("(eq? 'a 'a 'a)")).to.equal("ERR Wrong number of arguments passed to procedure\n(eq? 'a 'a 'a)");
  });
});

describe('#eqv?', () => {
  it('compares numbers by exactness and value', () => {
    const rows: Array<[string, string]> = [
      ['(eqv? 2 2.)', '#f'],
      ['(eqv? 0. -0.)', '#f'],
      ['(eqv? +nan.0 +nan.0)', '#t'],
      ['(eqv? 100000000000000000000 100000000000000000000)', '#t'],
      ['(eqv? 1/2 1/2)', '#t'],
      ['(eqv? 1+2i 1+2i)', '#t'],
      ['(eqv? "" "")', '#f'],
      ['(eqv? (string->uninterned-symbol "a") (string->uninterned-symbol "a"))', '#f'],
      ['(eqv? car car)', '#t'],
    ];
    for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
    expect(isEqv(new Ratnum(1n, 2n), new Ratnum(1n, 2n))).to.equal(true);
  });
});

describe('#equal?', () => {
  it('compares structure', () => {
    const rows: Array<[string, string]> = [
      ['(equal? (box 1) (box 1))', '#t'],
      ['(equal? 2 2.)', '#f'],
      ['(equal? (make-string 3 #\\a) "aaa")', '#t'],
      ['(equal? #(1 (2 "x")) (vector 1 (list 2 "x")))', '#t'],
      ['(equal? #u8(1 2) (u8vector 1 2))', '#t'],
      ['(equal? +nan.0 +nan.0)', '#t'],
      ['(equal? 0. -0.)', '#f'],
      ['(equal? (lambda (x) x) (lambda (x) x))', '#f'],
      ['(equal? (make-table) (make-table))', '#t'],
      ["(equal? (list->table '((a . 1) (b . 2))) (list->table '((b . 2) (a . 1))))", '#t'],
      ["(equal? (list->table '((a . 1))) (list->table '((a . 2))))", '#f'],
      ["(equal? (list->table '((a . 1))) (list->table '((a . 1)) test: eq?))", '#f'],
    ];
    for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
  });

  it('walks lists of 100000 elements without overflowing', () => {
    expect(isEqual(longList(100000), longList(100000))).to.equal(true);
    expect(isEqual(longList(100000, 1), longList(100000, 2))).to.equal(false);
  });

  it('walks deeply nested cars without overflowing', () => {
    let a: Value = NIL;
    let b: Value = NIL;
    for (let i = 0; i < 100000; i++) {
      a = new Pair(a, NIL);
      b = new Pair(b, NIL);
    }
    expect(isEqual(a, b)).to.equal(true);
  });

  it('compares vectors, u8vectors, strings and boxes by contents', () => {
    expect(isEqual(new SVector([1, new MString('a')]), new SVector([1, new MString('a')]))).to.equal(true);
    expect(isEqual(new SVector([1]), new SVector([1, 2]))).to.equal(false);
    expect(isEqual(new U8Vector(Uint8Array.of(1, 2)), new U8Vector(Uint8Array.of(1, 3)))).to.equal(false);
    expect(isEqual(new Box(list(intern('a'))), new Box(list(intern('a'))))).to.equal(true);
  });
});
