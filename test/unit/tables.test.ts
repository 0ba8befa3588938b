// Tests of runtime/table.ts, runtime/prims/tables.ts and table-for-each / table-search of
// scheme-lib/prelude-data.scm. Expected values and error texts were printed by Gambit 4.9.3's
// gsi, except the order of table->list, which gsi leaves unspecified (see the comment there).

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';
import { Table, equalHash } from '../../runtime/table.js';
import { EQ, EQUAL } from '../../runtime/prims/misc.js';
import { MString, U8Vector, intern, list, makeChar, Flonum } from '../../runtime/values.js';

let s: SchemeSession;
beforeEach(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#make-table', () => {
  it('makes a table that compares keys with equal? by default', () => {
    table([
      ['(define t (make-table))', 't'],
      ['(table? t)', '#t'],
      ['(table? 123)', '#f'],
      ["(table-set! t (list 1 2) 3)", '#!void'],
      ["(table-ref t (list 1 2))", '3'],
      ['(table-set! t (string #\\a #\\b) 1)', '#!void'],
      ['(table-ref t "ab")', '1'],
      ['(table-set! t #u8(192 168 0 1) 2)', '#!void'],
      ['(table-ref t (u8vector 192 168 0 1))', '2'],
      ['(table-length t)', '3'],
    ]);
  });

  it('parses its keyword arguments as gsi does', () => {
    table([
      ['(make-table test: 5)', 'ERR (Argument 2) PROCEDURE expected\n(make-table test: 5)'],
      ['(make-table hash: 5)', 'ERR (Argument 2) PROCEDURE expected\n(make-table hash: 5)'],
      ['(make-table foo: 5)', 'ERR Unknown keyword argument passed to procedure\n(make-table foo: 5)'],
      ['(make-table size: -1)', 'ERR (Argument 2) Out of range\n(make-table size: -1)'],
      ['(make-table size: 1.5)', 'ERR (Argument 2) Exact INTEGER expected\n(make-table size: 1.5)'],
      ['(make-table 5)', 'ERR Wrong number of arguments passed to procedure\n(make-table 5)'],
      ['(make-table test:)', 'ERR Wrong number of arguments passed to procedure\n(make-table test:)'],
      ['(make-table size: 5 6)', 'ERR Wrong number of arguments passed to procedure\n(make-table size: 5 6)'],
      ["(make-table 'a 5)", "ERR Keyword argument expected\n(make-table 'a 5)"],
      ['(table? (make-table weak-keys: #t weak-values: #t size: 10 min-load: .1 max-load: .9))', '#t'],
    ]);
  });

  it('uses the test given', () => {
    table([
      ['(let ((h (make-table test: eq?))) (table-set! h "a" 1) (table-ref h "a" \'no))', 'no'],
      ['(let ((h (make-table test: eq?))) (table-set! h #\\x3bb 1) (table-ref h (integer->char 955) \'no))', '1'],
      ['(let ((h (make-table test: eqv?))) (table-set! h (expt 10 30) 1) (table-ref h (expt 10 30) \'no))', '1'],
      ['(let ((h (make-table))) (table-set! h 1. 1) (table-ref h 1 \'no))', 'no'],
      ['(let ((h (make-table test: string=?))) (table-set! h "a" \'one) (table-ref h "a"))', 'one'],
      ['(let ((h (make-table test: string-ci=?))) (table-set! h "a" \'one) (table-ref h "A"))', 'one'],
      ["(let ((h (make-table test: =))) (table-set! h 1 'one) (table-ref h 1. 'no))", 'one'],
      ["(let ((h (make-table test: = hash: equal?-hash))) (table-set! h 1 'one) (list (table-ref h 1 'no) (table-ref h 2 'no)))", '(one no)'],
      ['(let ((h (make-table))) (table-set! h (make-table) 1) (table-ref h (make-table) \'no))', '1'],
    ]);
    expect(s.ev('(table-set! (make-table test: string=?) 1 2)').split('\n')[0]).to.equal('ERR (Argument 1) STRING expected');
  });
});

describe('#make-table with a closure test', () => {
  it('calls the hash once per operation and the test on older bindings first', () => {
    table([
      ["(define h (make-table test: (lambda (a b) (display (list 'test a b)) (= a b)) hash: (lambda (x) (display (list 'hash x)) 0)))", 'h'],
      ["(table-set! h 1 'one)", '(hash 1)#!void'],
      ["(table-set! h 2 'two)", '(hash 2)(test 2 1)#!void'],
      ['(table-ref h 1.)', '(hash 1.)(test 1. 1)one'],
      ['(table-ref h 2.)', '(hash 2.)(test 2. 1)(test 2. 2)two'],
      ['(table-set! h 2.)', '(hash 2.)(test 2. 1)(test 2. 2)#!void'],
      ['(table-length h)', '1'],
      ["(table-ref h 5 'none)", '(hash 5)(test 5 1)none'],
      ['(table-ref (make-table test: (lambda (a b) #f)) 1)', "ERR Unbound table key\n(table-ref '#<table #2> 1)"],
    ]);
  });

  it('supports list->table, copies and merges', () => {
    table([
      ["(define h2 (list->table '((1 . a) (2 . b) (1. . c)) test: (lambda (a b) (= a b))))", 'h2'],
      ['(table->list h2)', '((2 . b) (1 . a))'],
      ["(begin (table-set! h2 1.5 'x) (table-length h2))", '3'],
      ['(table-ref (table-copy h2) 1.5)', 'x'],
      ["(table-ref (table-merge h2 (list->table '((3 . z) (1 . q)))) 1)", 'a'],
      ["(table-ref (table-merge h2 (list->table '((3 . z) (1 . q))) #t) 1)", 'q'],
      ['(table-search (lambda (k v) (and (= k 2) v)) h2)', 'b'],
      ["(table-ref (make-table test: (lambda (a b) #f) init: 0) 1)", '0'],
    ]);
  });
});

describe('#table-ref', () => {
  it('falls back on the default, then init:, then raises Unbound table key', () => {
    table([
      ['(define t (make-table))', 't'],
      ["(table-ref t 'a 5)", '5'],
      ["(table-ref (make-table init: 7) 'a)", '7'],
      ["(table-ref (make-table init: 7) 'a 8)", '8'],
      ["(table-ref t 'a)", "ERR Unbound table key\n(table-ref '#<table #2> 'a)"],
      ['(table-ref 5 1)', 'ERR (Argument 1) Instance of #<type #3 table> expected\n(table-ref 5 1)'],
      ['(table-ref)', 'ERR Wrong number of arguments passed to procedure\n(table-ref)'],
    ]);
  });
});

describe('#table-set!', () => {
  it('deletes the key when given no value', () => {
    table([
      ['(define t (make-table))', 't'],
      ["(table-set! t 'a 1)", '#!void'],
      ["(table-set! t 'b 2)", '#!void'],
      ["(table-set! t 'b)", '#!void'],
      ["(table-set! t 'zz)", '#!void'],
      ['(table-length t)', '1'],
      ["(table-ref t 'b 'gone)", 'gone'],
      ["(begin (table-set! t 'a 2) (table->list t))", '((a . 2))'],
      ['(table-set! 5 1 2)', 'ERR (Argument 1) Instance of #<type #2 table> expected\n(table-set! 5 1 2)'],
    ]);
  });
});

describe('#table->list', () => {
  // gsi leaves the order unspecified; for small tables of symbols it lists the newest binding
  // first, as gsi-ts always does.
  it('lists the bindings newest first', () => {
    table([
      ["(define t (list->table '((b . 2) (a . 1) (c . 3) (a . 4))))", 't'],
      ['(table->list t)', '((c . 3) (a . 1) (b . 2))'],
      ["(table-ref t 'a)", '1'],
      ["(let ((t (make-table))) (table-set! t 'a 1) (table-set! t 'b 2) (table-set! t 'c 3) (table->list t))", '((c . 3) (b . 2) (a . 1))'],
      ['(table->list 5)', 'ERR (Argument 1) Instance of #<type #2 table> expected\n(table->list 5)'],
    ]);
  });
});

describe('#list->table', () => {
  it('checks the list and takes the same options as make-table', () => {
    table([
      ['(list->table 5)', 'ERR (Argument 1) LIST expected\n(list->table 5)'],
      ["(list->table '(1 2))", "ERR (Argument 1) PAIR LIST expected\n(list->table '(1 2))"],
      ["(list->table '((a . 1) . 5))", "ERR (Argument 1) LIST expected\n(list->table '((a . 1) . 5))"],
      ["(list->table '((a . 1)) 5)", "ERR Wrong number of arguments passed to procedure\n(list->table '((a . 1)) 5)"],
      ["(table-ref (list->table '((a . 1)) init: 5) 'b)", '5'],
    ]);
  });
});

describe('#table-copy', () => {
  it('copies bindings and options', () => {
    table([
      ["(define t (list->table '((b . 2) (a . 1) (c . 3)) init: 0))", 't'],
      ['(define x (table-copy t))', 'x'],
      ["(table-set! t 'b 99)", '#!void'],
      ["(list (table-ref x 'b) (table-ref x 'zz))", '(2 0)'],
      ['(table-copy 5)', 'ERR (Argument 1) Instance of #<type #2 table> expected\n(table-copy 5)'],
    ]);
  });
});

describe('#table-merge!', () => {
  it('keeps the first table\'s bindings unless told otherwise', () => {
    table([
      ["(define t1 (list->table '((a . 1) (b . 2) (c . 3))))", 't1'],
      ["(define t2 (list->table '((a . 4) (b . 5) (z . 6))))", 't2'],
      ["(map (lambda (k) (table-ref (table-merge t1 t2) k)) '(a b c z))", '(1 2 3 6)'],
      ["(map (lambda (k) (table-ref (table-merge t1 t2 #t) k)) '(a b c z))", '(4 5 3 6)'],
      ['(table-length t1)', '3'],
      ['(eq? (table-merge! t1 t2) t1)', '#t'],
      ['(table-length t1)', '4'],
      ['(table-merge! 5 t1)', "ERR (Argument 1) Instance of #<type #2 table> expected\n(table-merge! 5 '#<table #3>)"],
    ]);
  });
});

describe('#table-for-each', () => {
  it('visits every binding', () => {
    table([
      ['(define sq (make-table))', 'sq'],
      ['(begin (table-set! sq 2 4) (table-set! sq 3 9))', '#!void'],
      ['(table-for-each (lambda (k v) (write (list k v))) sq)', '(2 4)(3 9)#!void'],
      ['(table-search (lambda (k v) (and (odd? k) v)) sq)', '9'],
      ['(table-search (lambda (k v) #f) sq)', '#f'],
    ]);
    expect(s.ev('(table-for-each 5 sq)').split('\n')[0]).to.equal('ERR (Argument 1) PROCEDURE expected');
    expect(s.ev('(table-for-each list 5)').split('\n')[0]).to.match(/^ERR \(Argument 2\) Instance of #<type #\d+ table> expected$/);
  });
});

describe('#Table', () => {
  it('finds structurally equal keys in an equal? table', () => {
    const t = new Table({ test: EQUAL, hash: null, init: undefined, weakKeys: false, weakValues: false });
    t.set(list(1, new MString('x')), 1);
    t.set(new U8Vector(Uint8Array.of(10, 0, 0, 1)), 2);
    t.set(new Flonum(1.5), 3);
    expect(t.get(list(1, new MString('x')))?.value).to.equal(1);
    expect(t.get(new U8Vector(Uint8Array.of(10, 0, 0, 1)))?.value).to.equal(2);
    expect(t.get(new Flonum(1.5))?.value).to.equal(3);
    t.delete(list(1, new MString('x')));
    expect(t.size).to.equal(2);
    expect(t.entries().map((e) => e.value)).to.deep.equal([2, 3]);
  });

  it('compares characters by code point in an eq? table', () => {
    const t = new Table({ test: EQ, hash: null, init: undefined, weakKeys: false, weakValues: false });
    t.set(makeChar(0x3bb), 1);
    expect(t.get(makeChar(0x3bb))?.value).to.equal(1);
    expect(t.get(intern('a'))).to.equal(undefined);
  });

  it('hashes equal structures alike', () => {
    expect(equalHash(list(1, new MString('ab')))).to.equal(equalHash(list(1, new MString('ab'))));
  });
});

describe('#eq?-hash', () => {
  it('gives the numbers gsi gives for fixnums, flonums, strings and symbols', () => {
    table([
      ['(eq?-hash 5)', '5'],
      ["(eq?-hash 'abc)", '440920331'],
      ['(eqv?-hash 5)', '808256'],
      ['(eqv?-hash 1.5)', '362620328'],
      ['(equal?-hash "abc")', '440920331'],
      ['(equal?-hash 5)', '808256'],
    ]);
  });
});
