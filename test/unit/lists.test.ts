// Tests of runtime/prims/lists.ts and the list procedures of scheme-lib/prelude-data.scm.
// Every expected value and error text was printed by Gambit 4.9.3's gsi for the same
// expression (errors as `display-exception` shows them: the message, then the call form).

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';
import { listPrims, listLength } from '../../runtime/prims/lists.js';
import { Vm } from '../../runtime/vm.js';
import { NIL, Pair, list, type Primitive, type Value } from '../../runtime/values.js';
import { ErrorObj } from '../../runtime/errors.js';
import { MemoryHost } from './helpers/memory-host.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

/** Each [expression, what gsi printed]. */
function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

/** The message line only (the call form of an error raised in a Scheme-defined procedure names the procedure). */
function message(src: string): string {
  return s.ev(src).split('\n')[0]!;
}

describe('#car', () => {
  it('returns the car and reports a non-pair as argument 1', () => {
    table([
      ["(car '(1 2))", '1'],
      ['(car 5)', 'ERR (Argument 1) PAIR expected\n(car 5)'],
      ["(cadr '(1))", "ERR (Argument 1) PAIR expected\n(cadr '(1))"],
      ["(caddr '(1 2))", "ERR (Argument 1) PAIR expected\n(caddr '(1 2))"],
      ["(cdddr '(1 2 3 4))", '(4)'],
      ["(cadadr '(1 (2 3)))", '3'],
    ]);
  });

  it('defines every c[ad]r of two to four letters', () => {
    const names = listPrims(new Vm(new MemoryHost())).map((p) => p.name).filter((n) => /^c[ad]{2,4}r$/.test(n));
    expect(names).to.have.length(28);
  });
});

describe('#length', () => {
  it('counts a proper list and rejects an improper one', () => {
    table([
      ["(length '(1 2 3))", '3'],
      ["(length '(1 2 . 3))", "ERR (Argument 1) LIST expected\n(length '(1 2 . 3))"],
      ['(length 5)', 'ERR (Argument 1) LIST expected\n(length 5)'],
    ]);
  });

  it('handles a list of 100000 elements', () => {
    expect(s.ev('(length (make-list 100000 0))')).to.equal('100000');
  });

  it('reports a circular list as not a list (gsi would loop)', () => {
    const p = new Pair(1, NIL);
    p.cdr = p;
    expect(listLength(p)).to.equal(-1);
    expect(s.ev('(list? (circular-list 1 2))')).to.equal('#f');
  });
});

describe('#append', () => {
  it('copies all but the last argument, which may be anything', () => {
    table([
      ["(append '(1) '(2) 3)", '(1 2 . 3)'],
      ['(append)', '()'],
      ['(append 5)', '5'],
      ["(append '() 5)", '5'],
      ["(append '(1 . 2) '(3))", "ERR (Argument 1) LIST expected\n(append '(1 . 2) '(3))"],
      ["(append 3 '(3))", "ERR (Argument 1) LIST expected\n(append 3 '(3))"],
    ]);
  });
});

describe('#reverse', () => {
  it('reverses proper lists only', () => {
    table([
      ["(reverse '(1 2 3))", '(3 2 1)'],
      ["(reverse '(1 . 2))", "ERR (Argument 1) LIST expected\n(reverse '(1 . 2))"],
      ['(reverse! (list 1 2 3))', '(3 2 1)'],
    ]);
  });
});

describe('#list-tail', () => {
  it('follows k cdrs and reports running off the list as a bad argument 1', () => {
    table([
      ["(list-tail '(1 2 3) 3)", '()'],
      ['(list-tail 5 0)', '5'],
      ["(list-tail '(1 2) 3)", "ERR (Argument 1) PAIR expected\n(list-tail '(1 2) 3)"],
      ["(list-tail '(1 2) -1)", "ERR (Argument 2) Out of range\n(list-tail '(1 2) -1)"],
      ["(list-ref '(1 2) 2)", "ERR (Argument 1) PAIR expected\n(list-ref '(1 2) 2)"],
      ["(list-ref '(1 2) 'a)", "ERR (Argument 2) Exact INTEGER expected\n(list-ref '(1 2) 'a)"],
      ["(list-ref '(1 2) -1)", "ERR (Argument 2) Out of range\n(list-ref '(1 2) -1)"],
    ]);
  });
});

describe('#memq', () => {
  it('finds an element before an improper tail and reports the tail otherwise', () => {
    table([
      ["(memq 'a '(a . 3))", '(a . 3)'],
      ["(memq 'c '(a b . c))", "ERR (Argument 2) LIST expected\n(memq 'c '(a b . c))"],
      ["(memv 3 '(1 2 . 3))", "ERR (Argument 2) LIST expected\n(memv 3 '(1 2 . 3))"],
      ["(memv 1.5 '(1 1.5 2))", '(1.5 2)'],
      ['(member "b" \'("a" "b"))', '("b")'],
    ]);
  });
});

describe('#assq', () => {
  it('reports an element that is not a pair as PAIR LIST', () => {
    table([
      ["(assq 'a '((a . 1) 5 (b . 2)))", '(a . 1)'],
      ["(assq 'b '((a . 1) 5 (b . 2)))", "ERR (Argument 2) PAIR LIST expected\n(assq 'b '((a . 1) 5 (b . 2)))"],
      ["(assq 'c 5)", "ERR (Argument 2) LIST expected\n(assq 'c 5)"],
      ["(assv 3 '((1 . 2) . 3))", "ERR (Argument 2) LIST expected\n(assv 3 '((1 . 2) . 3))"],
      ["(assoc '(1) '(((1) . x)))", '((1) . x)'],
    ]);
  });
});

describe('#member', () => {
  it('calls the test with the key first, in list order', () => {
    table([
      ["(member 2. '(1 2 3) =)", '(2 3)'],
      ["(member 2 '(1 2 3) (lambda (a b) (display (list a b)) (= a b)))", '(2 1)(2 2)(2 3)'],
      ["(assoc 2 '((1 . a) (2 . b)) (lambda (a b) (display (list a b)) (= a b)))", '(2 1)(2 2)(2 . b)'],
      ["(assoc 2. '((1 . a) (2 . b)) =)", '(2 . b)'],
      ["(member 2 '(1 2 . 3) =)", '(2 . 3)'],
    ]);
  });

  it('reports a bad test or list with the message gsi gives', () => {
    expect(message("(member 1 '(1 2) 5)")).to.equal('ERR (Argument 3) PROCEDURE expected');
    expect(message('(member 1 5 =)')).to.equal('ERR (Argument 2) LIST expected');
    expect(message("(assoc 1 '(1) =)")).to.equal('ERR (Argument 2) PAIR LIST expected');
    expect(message("(assoc 3 '((1 . 2) . 3) =)")).to.equal('ERR (Argument 2) LIST expected');
  });
});

describe('#iota', () => {
  it('counts from start by step, with any numbers', () => {
    table([
      ['(iota 5)', '(0 1 2 3 4)'],
      ['(iota 5 1)', '(1 2 3 4 5)'],
      ['(iota 5 0 2)', '(0 2 4 6 8)'],
      ['(iota 5 0. .5)', '(0. .5 1. 1.5 2.)'],
      ['(iota 3 1/2)', '(1/2 3/2 5/2)'],
      ['(iota -1)', 'ERR (Argument 1) Out of range\n(iota -1)'],
      ["(iota 'a)", "ERR (Argument 1) Exact INTEGER expected\n(iota 'a)"],
      ["(iota 3 'a)", "ERR (Argument 2) NUMBER expected\n(iota 3 'a)"],
      ['(iota 100000000000000000000)', 'ERR (Argument 1) Out of range\n(iota 100000000000000000000)'],
    ]);
  });
});

describe('#make-list', () => {
  it('fills with 0 by default', () => {
    table([
      ['(make-list 3)', '(0 0 0)'],
      ["(make-list 3 'a)", '(a a a)'],
      ['(make-list -1)', 'ERR (Argument 1) Out of range\n(make-list -1)'],
    ]);
  });
});

describe('#cons*', () => {
  it('needs at least one argument', () => {
    table([
      ["(cons* 1 2 '(3 4))", '(1 2 3 4)'],
      ['(cons* 1)', '1'],
      ['(cons*)', 'ERR Wrong number of arguments passed to procedure\n(cons*)'],
      ['(xcons 1 2)', '(2 . 1)'],
    ]);
  });
});

describe('#list-set!', () => {
  it('sets in place, and list-set makes a copy', () => {
    table([
      ["(let ((l (list 1 2 3))) (list-set! l 1 'x) l)", '(1 x 3)'],
      ["(list-set! (list 1 2 3) 1 'x)", '#!void'],
      ["(list-set (list 1 2 3) 1 'x)", '(1 x 3)'],
      ["(let* ((l (list 1 2 3)) (m (list-set l 0 'x))) (list l m (eq? (cddr l) (cddr m))))", '((1 2 3) (x 2 3) #t)'],
      ['(list-set! (list 1 2) 5 0)', "ERR (Argument 1) PAIR expected\n(list-set! '(1 2) 5 0)"],
      ['(list-set! (list 1 2) -1 0)', "ERR (Argument 2) Out of range\n(list-set! '(1 2) -1 0)"],
    ]);
  });
});

describe('#last-pair', () => {
  it('needs a pair', () => {
    table([
      ["(last-pair '(1 2 . 3))", '(2 . 3)'],
      ["(last '(1 2 3 4))", '4'],
      ["(last-pair '())", "ERR (Argument 1) PAIR expected\n(last-pair '())"],
      ["(last '())", "ERR (Argument 1) PAIR expected\n(last '())"],
      ["(list-copy '(1 2 . 3))", '(1 2 . 3)'],
      ['(list-copy 5)', '5'],
    ]);
  });
});

describe('#take', () => {
  it('takes and drops k elements', () => {
    table([
      ["(take '(1 2 3 4) 2)", '(1 2)'],
      ["(drop '(1 2 3 4) 2)", '(3 4)'],
      ["(take '(1 2) 3)", "ERR (Argument 1) PAIR expected\n(take '(1 2) 3)"],
      ["(take '(1 2) -1)", "ERR (Argument 2) Out of range\n(take '(1 2) -1)"],
      ["(drop '(1 2) 3)", "ERR (Argument 1) PAIR expected\n(drop '(1 2) 3)"],
    ]);
  });
});

describe('#map', () => {
  it('calls the procedure in order and stops at the shortest list', () => {
    table([
      ["(map + '(1 2 3) '(10 20))", '(11 22)'],
      ["(map (lambda (x) (display x) x) '(1 2 3))", '123(1 2 3)'],
      ["(map (lambda (x) x) '())", '()'],
      ["(apply map list '((1 2 3) (4 5 6)))", '((1 4) (2 5) (3 6))'],
    ]);
  });

  it('reports an improper list when it reaches its end', () => {
    expect(s.ev("(map display '(1 2 . 3))").split('\n')[0]).to.equal('12ERR (Argument 2) LIST expected');
    expect(message("(map + '(1) '(1 . 2))")).to.equal('ERR (Argument 3) LIST expected');
    expect(message("(map car '() 5)")).to.equal('ERR (Argument 3) LIST expected');
    expect(message("(map 5 '(1 2))")).to.equal('ERR (Argument 1) PROCEDURE expected');
    expect(message('(map car 5)')).to.equal('ERR (Argument 2) LIST expected');
  });

  it('names the procedure that failed inside it', () => {
    expect(s.ev("(map car '(1 2))")).to.equal('ERR (Argument 1) PAIR expected\n(car 1)');
  });

  it('maps a list of 100000 elements', () => {
    expect(s.ev('(length (map (lambda (x) x) (make-list 100000 1)))')).to.equal('100000');
  });
});

describe('#for-each', () => {
  it('returns void and stops at the shortest list', () => {
    table([
      ["(for-each display '(1 2 3))", '123#!void'],
      ["(for-each display '())", '#!void'],
      ["(for-each (lambda (a b) (display (+ a b))) '(1 2 3) '(10 20))", '1122#!void'],
    ]);
    expect(message("(for-each (lambda (x y) x) '(1 2) 5)")).to.equal('ERR (Argument 3) LIST expected');
  });
});

describe('#fold', () => {
  it('folds left, the accumulator last', () => {
    table([
      ["(fold + 0 '(1 2 3))", '6'],
      ["(fold cons '() '(1 2 3))", '(3 2 1)'],
      ["(fold cons* '() '(a b c) '(1 2 3))", '(c 3 b 2 a 1)'],
    ]);
    expect(message("(fold + 0 '(1 . 2))")).to.equal('ERR (Argument 3) LIST expected');
    expect(message("(fold 5 0 '(1))")).to.equal('ERR (Argument 1) PROCEDURE expected');
    expect(message("(fold + 0 '(1) '(1 . 2))")).to.equal('ERR (Argument 4) LIST expected');
  });

  it('folds right, stopping at the shortest list', () => {
    table([
      ["(fold-right cons '() '(1 2 3))", '(1 2 3)'],
      ["(fold-right list 'z '(1 2 3) '(a b c d))", '(1 a (2 b (3 c z)))'],
      ["(fold-right cons* '() '(a b c) '(1 2 3))", '(a 1 b 2 c 3)'],
    ]);
    expect(message("(fold-right + 0 '(1 . 2))")).to.equal('ERR (Argument 3) LIST expected');
    expect(message("(fold-right 5 0 '())")).to.equal('ERR (Argument 1) PROCEDURE expected');
  });
});

describe('#list-tabulate', () => {
  it('calls the procedure from the last index down', () => {
    table([
      ['(list-tabulate 4 (lambda (i) (* i i)))', '(0 1 4 9)'],
      ['(list-tabulate 3 (lambda (i) (display i) i))', '210(0 1 2)'],
    ]);
    expect(message('(list-tabulate -1 list)')).to.equal('ERR (Argument 1) Out of range');
    expect(message("(list-tabulate 'a list)")).to.equal('ERR (Argument 1) Exact INTEGER expected');
    expect(message('(list-tabulate 3 5)')).to.equal('ERR (Argument 2) PROCEDURE expected');
  });
});

describe('###cars+cdrs', () => {
  it('steps several lists at once and names the first improper one', () => {
    const p = listPrims(new Vm(new MemoryHost())).find((x) => x.name === '##cars+cdrs') as Primitive;
    const step = p.fn(list(list(1, 2), list(3)), 2, false, NIL) as Pair;
    expect(step.car).to.deep.equal(list(1, 3));
    expect(p.fn(list(NIL, list(3)), 2, false, NIL)).to.equal(false);
    let err: unknown = null;
    try { p.fn(list(NIL, 5 as Value), 2, false, list(1, 2)); } catch (e: unknown) { err = e; }
    expect(err).to.be.instanceOf(ErrorObj);
    expect((err as ErrorObj).argNum).to.equal(3);
    expect((err as ErrorObj).args).to.deep.equal([1, 2]);
  });
});
