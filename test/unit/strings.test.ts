// Tests of runtime/prims/strings.ts and string-map / string-for-each of
// scheme-lib/prelude-data.scm. Expected values and error texts were printed by Gambit 4.9.3's gsi.

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';
import { decodeUtf8 } from '../../runtime/prims/strings.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#make-string', () => {
  it('fills with NUL by default', () => {
    table([
      ['(make-string 3)', '"\\x0;\\x0;\\x0;"'],
      ['(make-string 3 #\\a)', '"aaa"'],
      ['(make-string -1)', 'ERR (Argument 1) Out of range\n(make-string -1)'],
      ['(make-string 2 1)', 'ERR (Argument 2) CHARACTER expected\n(make-string 2 1)'],
      ['(string #\\a #\\b)', '"ab"'],
      ['(string)', '""'],
      ['(string 1)', 'ERR (Argument 1) CHARACTER expected\n(string 1)'],
    ]);
  });
});

describe('#string-ref', () => {
  it('checks the index as gsi does', () => {
    table([
      ['(string-ref "abc" 1)', '#\\b'],
      ['(string-ref "abc" 3)', 'ERR (Argument 2) Out of range\n(string-ref "abc" 3)'],
      ['(string-ref "abc" -1)', 'ERR (Argument 2) Out of range\n(string-ref "abc" -1)'],
      ['(string-ref "abc" 1.)', 'ERR (Argument 2) Exact INTEGER expected\n(string-ref "abc" 1.)'],
      ["(string-ref 'a 1)", "ERR (Argument 1) STRING expected\n(string-ref 'a 1)"],
      ['(string-ref "abc" 100000000000000000000)', 'ERR (Argument 2) Out of range\n(string-ref "abc" 100000000000000000000)'],
      ['(string-length 5)', 'ERR (Argument 1) STRING expected\n(string-length 5)'],
    ]);
  });
});

describe('#string-set!', () => {
  it('mutates, and string-set makes a copy', () => {
    table([
      ['(let ((s (make-string 2 #\\a))) (string-set! s 0 #\\x) s)', '"xa"'],
      ['(string-set! (make-string 2 #\\a) 0 #\\x)', '#!void'],
      ['(string-set "abc" 0 #\\x)', '"xbc"'],
      ['(string-set! "abc" 3 #\\a)', 'ERR (Argument 2) Out of range\n(string-set! "abc" 3 #\\a)'],
      ['(string-set! "abc" 1 1)', 'ERR (Argument 3) CHARACTER expected\n(string-set! "abc" 1 1)'],
    ]);
  });
});

describe('#substring', () => {
  it('checks start against the length, then end against start', () => {
    table([
      ['(substring "hello" 1 3)', '"el"'],
      ['(substring "hello" 3 1)', 'ERR (Argument 3) Out of range\n(substring "hello" 3 1)'],
      ['(substring "hello" 1 9)', 'ERR (Argument 3) Out of range\n(substring "hello" 1 9)'],
      ['(substring "abc" -1 2)', 'ERR (Argument 2) Out of range\n(substring "abc" -1 2)'],
      ['(substring "abc" 4 5)', 'ERR (Argument 2) Out of range\n(substring "abc" 4 5)'],
      ["(substring \"abc\" 0 'a)", "ERR (Argument 3) Exact INTEGER expected\n(substring \"abc\" 0 'a)"],
      ['(substring "hello" 1)', 'ERR Wrong number of arguments passed to procedure\n(substring "hello" 1)'],
      ['(string-copy "hello" 1)', '"ello"'],
      ['(string-copy "hello" 1 3)', '"el"'],
      ['(string-copy "abc" 4)', 'ERR (Argument 2) Out of range\n(string-copy "abc" 4)'],
    ]);
  });
});

describe('#string-append', () => {
  it('names the first argument that is not a string', () => {
    table([
      ['(string-append "a" "b" "c")', '"abc"'],
      ['(string-append)', '""'],
      ['(string-append "a" "b" 5 \'c)', 'ERR (Argument 3) STRING expected\n(string-append "a" "b" 5 \'c)'],
      ["(append-strings '(\"a\" \"b\"))", '"ab"'],
      ["(append-strings '(1))", "ERR (Argument 1) STRING LIST expected\n(append-strings '(1))"],
    ]);
  });
});

describe('#string-copy!', () => {
  it('copies overlapping ranges and needs room at the destination', () => {
    table([
      ['(let ((s (make-string 5 #\\-))) (list (string-copy! s 1 "ab") s))', '(#!void "-ab--")'],
      ['(let ((s (make-string 5 #\\-))) (list (string-copy! s 1 "abcd" 1 3) s))', '(#!void "-bc--")'],
      ['(let ((s (string-copy "abcde"))) (string-copy! s 1 s 0 3) s)', '"aabce"'],
      ['(string-copy! (make-string 3 #\\-) 0 "abcd")', 'ERR (Argument 2) Out of range\n(string-copy! "---" 0 "abcd")'],
      ['(string-copy! (make-string 3 #\\-) 0 "abc" 2 1)', 'ERR (Argument 5) Out of range\n(string-copy! "---" 0 "abc" 2 1)'],
      ['(let ((s (make-string 5 #\\-))) (list (substring-move! "abc" 0 2 s 1) s))', '(#!void "-ab--")'],
    ]);
  });
});

describe('#string-fill!', () => {
  it('fills a range', () => {
    table([
      ['(let ((s (make-string 5 #\\-))) (list (string-fill! s #\\x) s))', '(#!void "xxxxx")'],
      ['(let ((s (make-string 5 #\\-))) (list (string-fill! s #\\x 1 3) s))', '(#!void "-xx--")'],
      ['(let ((s (make-string 5 #\\-))) (list (substring-fill! s 1 3 #\\x) s))', '(#!void "-xx--")'],
      ['(string-fill! (make-string 3 #\\-) #\\a 2 1)', 'ERR (Argument 4) Out of range\n(string-fill! "---" #\\a 2 1)'],
      ['(let ((s (string-copy "abcdef"))) (string-shrink! s 2) s)', '"ab"'],
    ]);
  });
});

describe('#string->list', () => {
  it('converts between strings, lists and vectors', () => {
    table([
      ['(string->list "abcde" 1 3)', '(#\\b #\\c)'],
      ['(string->list "abc" 4)', 'ERR (Argument 2) Out of range\n(string->list "abc" 4)'],
      ["(list->string '(#\\a #\\b))", '"ab"'],
      ["(list->string '(#\\a 1))", "ERR (Argument 1) CHARACTER LIST expected\n(list->string '(#\\a 1))"],
      ["(list->string '(#\\a . 1))", "ERR (Argument 1) LIST expected\n(list->string '(#\\a . 1))"],
      ['(string->vector "abc")', '#(#\\a #\\b #\\c)'],
      ['(vector->string #(#\\a #\\b #\\c) 1)', '"bc"'],
      ['(vector->string #(1))', 'ERR (Argument 1) CHARACTER VECTOR expected\n(vector->string #(1))'],
    ]);
  });
});

describe('#string<?', () => {
  it('compares any number of strings; the -ci versions fold ASCII to lower case', () => {
    table([
      ['(string=?)', '#t'],
      ['(string=? "a" "a" "a")', '#t'],
      ['(string<? "a" "b" "c")', '#t'],
      ['(string<? "abc" "ab")', '#f'],
      ['(string<? "ab" "abc")', '#t'],
      ['(string<? "Z" "a")', '#t'],
      ['(string<? "a" 1)', 'ERR (Argument 2) STRING expected\n(string<? "a" 1)'],
      ['(string-ci=? "aBc" "AbC")', '#t'],
      ['(string-ci<? "_" "a")', '#t'],
      ['(string-ci=? (string (integer->char 196)) (string (integer->char 228)))', '#f'],
    ]);
  });
});

describe('#string=?-hash', () => {
  it('gives the FNV-1a numbers gsi gives', () => {
    table([
      ['(string=?-hash "abc")', '440920331'],
      ['(string=?-hash "")', '18652613'],
      ['(string=?-hash "abcdefghijklmnopqrstuvwxyz")', '280759426'],
      ['(string-ci=?-hash "ABC")', '440920331'],
    ]);
  });
});

describe('#string->utf8', () => {
  it('encodes and strictly decodes UTF-8', () => {
    table([
      ['(string->utf8 "abc" 1)', '#u8(98 99)'],
      ['(string->utf8 (string (integer->char 128512)))', '#u8(240 159 152 128)'],
      ['(utf8->string (u8vector 97 195 169))', '"a\\xe9;"'],
      ['(utf8->string (u8vector 97 98 99) 1 2)', '"b"'],
      ['(utf8->string (u8vector 255))', 'ERR Invalid UTF-8 encoding'],
      ['(utf8->string (u8vector 97) 2)', 'ERR (Argument 2) Out of range\n(utf8->string #u8(97) 2)'],
    ]);
    expect(decodeUtf8(Uint8Array.of(0xed, 0xa0, 0x80))).to.equal(null);
    expect(decodeUtf8(Uint8Array.of(0xc0, 0x80))).to.equal(null);
    expect(decodeUtf8(Uint8Array.of(0xe2, 0x82))).to.equal(null);
  });
});

describe('#string-map', () => {
  it('maps characters and stops at the shortest string', () => {
    table([
      ['(string-map char-upcase "abc")', '"ABC"'],
      ['(string-map (lambda (a b) a) "abc" "de")', '"ab"'],
      ['(string-for-each (lambda (c) (display c)) "abc")', 'abc#!void'],
      ['(string-for-each (lambda (a b) (display (list a b))) "ab" "c")', '(a c)#!void'],
    ]);
    expect(s.ev('(string-map char-upcase 5)').split('\n')[0]).to.equal('ERR (Argument 2) STRING expected');
    expect(s.ev('(string-map char-upcase "ab" 5)').split('\n')[0]).to.equal('ERR (Argument 3) STRING expected');
    expect(s.ev('(string-map (lambda (c) 1) "abc")').split('\n')[0]).to.equal('ERR CHARACTER expected');
  });
});
