// Tests of runtime/prims/vectors.ts (u8vectors: hvectors.test.ts) and vector-map / vector-for-each of
// scheme-lib/prelude-data.scm. Expected values and error texts were printed by Gambit 4.9.3's gsi.

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#make-vector', () => {
  it('fills with 0 by default and checks the length', () => {
    table([
      ['(make-vector 3)', '#(0 0 0)'],
      ["(make-vector 3 'a)", '#(a a a)'],
      ['(make-vector -1)', 'ERR (Argument 1) Out of range\n(make-vector -1)'],
      ["(make-vector 'a)", "ERR (Argument 1) Exact INTEGER expected\n(make-vector 'a)"],
      ["(make-vector 2 'x 3)", "ERR Wrong number of arguments passed to procedure\n(make-vector 2 'x 3)"],
    ]);
  });
});

describe('#vector-ref', () => {
  it('checks the vector and the index', () => {
    table([
      ['(vector-ref #(1 2) 1)', '2'],
      ['(vector-ref #(1 2) 2)', 'ERR (Argument 2) Out of range\n(vector-ref #(1 2) 2)'],
      ["(vector-ref #(1 2) 'a)", "ERR (Argument 2) Exact INTEGER expected\n(vector-ref #(1 2) 'a)"],
      ['(vector-ref #(1 2) 1/2)', 'ERR (Argument 2) Exact INTEGER expected\n(vector-ref #(1 2) 1/2)'],
      ["(vector-ref '(1) 0)", "ERR (Argument 1) VECTOR expected\n(vector-ref '(1) 0)"],
      ["(vector-set #(1 2 3) 0 'x)", '#(x 2 3)'],
    ]);
  });
});

describe('#vector->list', () => {
  it('takes an optional range', () => {
    table([
      ['(vector->list #(1 2 3) 1)', '(2 3)'],
      ['(vector->list #(1 2 3) 1 2)', '(2)'],
      ['(vector->list #(1 2 3) 2 1)', 'ERR (Argument 3) Out of range\n(vector->list #(1 2 3) 2 1)'],
      ["(list->vector '(1 . 2))", "ERR (Argument 1) LIST expected\n(list->vector '(1 . 2))"],
    ]);
  });
});

describe('#vector-fill!', () => {
  it('fills a range', () => {
    table([
      ['(let ((v (vector 1 2 3))) (list (vector-fill! v 0) v))', '(#!void #(0 0 0))'],
      ['(let ((v (vector 1 2 3))) (list (vector-fill! v 0 1 2) v))', '(#!void #(1 0 3))'],
      ['(vector-fill! (vector 1 2 3) 0 2 1)', 'ERR (Argument 4) Out of range\n(vector-fill! #(1 2 3) 0 2 1)'],
      ["(let ((v (vector 1 2 3 4))) (list (subvector-fill! v 1 3 'x) v))", '(#!void #(1 x x 4))'],
    ]);
  });
});

describe('#vector-copy!', () => {
  it('copies overlapping ranges in either direction', () => {
    table([
      ["(let ((v (vector 1 2 3 4 5))) (list (vector-copy! v 0 #(a b)) v))", '(#!void #(a b 3 4 5))'],
      ['(let ((v (vector 1 2 3 4 5))) (vector-copy! v 0 v 1) v)', '#(2 3 4 5 5)'],
      ['(let ((v (vector 1 2 3 4 5))) (vector-copy! v 1 v 0 3) v)', '#(1 1 2 3 5)'],
      ["(vector-copy! (vector 1 2) 1 #(a b))", 'ERR (Argument 2) Out of range\n(vector-copy! #(1 2) 1 #(a b))'],
      ["(let ((v (vector 1 2 3 4))) (list (subvector-move! #(a b c) 0 2 v 1) v))", '(#!void #(1 a b 4))'],
      ['(vector-copy #(1 2 3) 1 2)', '#(2)'],
      ['(subvector #(1 2 3 4) 1 3)', '#(2 3)'],
      ['(subvector #(1 2 3 4) 3 1)', 'ERR (Argument 3) Out of range\n(subvector #(1 2 3 4) 3 1)'],
    ]);
  });
});

describe('#vector-append', () => {
  it('appends vectors', () => {
    table([
      ['(vector-append #(1) #(2 3))', '#(1 2 3)'],
      ['(vector-append)', '#()'],
      ['(vector-append #(1) 2)', 'ERR (Argument 2) VECTOR expected\n(vector-append #(1) 2)'],
      ["(append-vectors (list #(1) #(2 3)))", '#(1 2 3)'],
      ["(append-vectors '(1))", "ERR (Argument 1) VECTOR LIST expected\n(append-vectors '(1))"],
    ]);
  });
});

describe('#vector-cas!', () => {
  it('returns the old value and swaps only on a match', () => {
    table([
      ["(let ((v (vector 1 2 3 4))) (list (vector-cas! v 0 'new 1) v))", '(1 #(new 2 3 4))'],
      ["(let ((v (vector 1 2))) (list (vector-cas! v 0 'new 5) v))", '(1 #(1 2))'],
      ['(let ((v (vector 1 2 3 4))) (list (vector-inc! v 0 10) v))', '(1 #(11 2 3 4))'],
      ["(vector-inc! (vector 'a) 0)", "ERR (Argument 1) FIXNUM expected\n(vector-inc! #(a) 0)"],
      ['(let ((v (vector 1 2 3 4))) (list (vector-shrink! v 2) v))', '(#!void #(1 2))'],
      ['(vector-shrink! (make-vector 3) 4)', 'ERR (Argument 2) Out of range\n(vector-shrink! #(0 0 0) 4)'],
    ]);
  });
});

describe('#vector-map', () => {
  it('maps in order and stops at the shortest vector', () => {
    table([
      ['(vector-map + #(1 2) #(10 20 30))', '#(11 22)'],
      ['(vector-map (lambda (x) (display x) x) #(1 2 3))', '123#(1 2 3)'],
      ['(vector-for-each display #(1 2))', '12#!void'],
      ['(vector-for-each (lambda (a b) (display (+ a b))) #(1 2) #(3))', '4#!void'],
    ]);
    expect(s.ev('(vector-map car 5)').split('\n')[0]).to.equal('ERR (Argument 2) VECTOR expected');
    expect(s.ev('(vector-map + #(1 2) 5)').split('\n')[0]).to.equal('ERR (Argument 3) VECTOR expected');
    expect(s.ev('(vector-map 5 #(1))').split('\n')[0]).to.equal('ERR (Argument 1) PROCEDURE expected');
  });
});
