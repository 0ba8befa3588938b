// Tests of runtime/records.ts (the define-type / define-record-type expansion) and
// runtime/prims/records.ts. Expected printed forms and error texts were printed by Gambit
// 4.9.3's gsi for the same definitions; the expansion's shape follows what gsi's own
// `(##define-type-expand 'define-type #f #f '(...))` shows.

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';
import { expandDefineRecordType, expandDefineType } from '../../runtime/records.js';
import { writeString } from '../../runtime/printer.js';
import { Vm } from '../../runtime/vm.js';
import { MemoryHost } from './helpers/memory-host.js';
import { NIL, Pair, Sym, intern, internKeyword, list, type Value } from '../../runtime/values.js';

let s: SchemeSession;

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

const S = intern;
const K = internKeyword;

/** The expansion with the compiler's core symbols (uninterned) shown as plain symbols. */
function show(v: Value): string {
  const plainSyms = (x: Value): Value => {
    if (x instanceof Sym && !x.interned) return intern(x.name);
    if (x instanceof Pair) return new Pair(plainSyms(x.car), plainSyms(x.cdr));
    return x;
  };
  return writeString(new Vm(new MemoryHost()), plainSyms(v), false);
}

/** The names the expansion defines, in order. */
function definedNames(expansion: Value): string[] {
  const out: string[] = [];
  for (let x = (expansion as Pair).cdr; x instanceof Pair; x = x.cdr) {
    const form = x.car as Pair;
    const target = (form.cdr as Pair).car;
    out.push(target instanceof Pair ? (target.car as Sym).name : (target as Sym).name);
  }
  return out;
}

describe('#expandDefineType', () => {
  beforeEach(() => { s = schemeSession(); });
  it('defines the type, constructor, copier, predicate, accessors and setters', () => {
    const e = expandDefineType(list(S('define-type'), S('point'), S('x'), list(S('y'), K('read-only'))));
    expect(definedNames(e)).to.deep.equal([
      '##type-2-point', 'make-point', 'point-copy', 'point?', 'point-x', 'point-x-set!', 'point-x-set', 'point-y', 'point-y-set',
    ]);
  });

  it('writes the field descriptions as gsi does', () => {
    const e = expandDefineType(list(S('define-type'), S('point'), S('x'), list(S('y'), K('read-only')),
      list(S('z'), K('unprintable'), K('init'), 5)));
    const typeDef = ((e as Pair).cdr as Pair).car;
    expect(show(typeDef)).to.equal(
      `(define ##type-3-point (##make-record-type 'point "##type-3-point" #t #f 8 '#(x 0 #f y 2 #f z 9 5)))`);
  });

  it('leaves fields with init: out of the constructor', () => {
    const e = expandDefineType(list(S('define-type'), S('g'), K('constructor'), list(S('mk'), S('a')), S('a'),
      list(S('b'), K('init'), 7), S('c')));
    const ctor = (((e as Pair).cdr as Pair).cdr as Pair).car;
    expect(show(ctor)).to.equal("(define (mk p1) (##make-record ##type-3-g p1 '7 '#f))");
  });

  it('honours prefix:, predicate:, copier: and explicit accessor names', () => {
    expect(definedNames(expandDefineType(list(S('define-type'), S('pf'), K('prefix'), S('my-'), S('a')))))
      .to.deep.equal(['##type-1-pf', 'my-make-pf', 'my-pf-copy', 'my-pf?', 'my-pf-a', 'my-pf-a-set!', 'my-pf-a-set']);
    expect(definedNames(expandDefineType(list(S('define-type'), S('cc'), K('constructor'), false, K('predicate'), false,
      K('copier'), S('dup'), S('a'))))).to.deep.equal(['##type-1-cc', 'dup', 'cc-a', 'cc-a-set!', 'cc-a-set']);
    expect(definedNames(expandDefineType(list(S('define-type'), S('g'), list(S('a'), S('getta'))))))
      .to.deep.equal(['##type-1-g', 'make-g', 'g-copy', 'g?', 'getta']);
    expect(definedNames(expandDefineType(list(S('define-type'), S('g'), list(S('d'), S('gettd'), false, S('setd'))))))
      .to.deep.equal(['##type-1-g', 'make-g', 'g-copy', 'g?', 'gettd', 'setd']);
  });

  it('names the type after the id: when there is one', () => {
    const e = expandDefineType(list(S('define-type'), S('ser-stdin'), K('id'), S('FA2D330A-F35B-4B81-A5AD-D75B742D687D')));
    expect(definedNames(e)[0]).to.equal('##type-0-FA2D330A-F35B-4B81-A5AD-D75B742D687D');
  });

  it('rejects what gsi rejects', () => {
    const bad: Value[] = [
      list(S('define-type'), S('g'), S('a'), S('a')),
      list(S('define-type'), S('g'), K('id'), 5, S('a')),
      list(S('define-type'), S('g'), list(S('a'), K('init'), list(S('list'), 1))),
      list(S('define-type'), S('g'), list(S('c'), false, S('settc'))),
      list(S('define-type'), S('g'), list(S('b'), S('gettb'), S('settb'), K('read-only'))),
      list(S('define-type'), S('g'), K('unknown'), S('a')),
      list(S('define-type'), 5, S('a')),
      list(S('define-type')),
      new Pair(S('define-type'), new Pair(S('g'), S('a'))),
    ];
    for (const form of bad) expect(() => expandDefineType(form)).to.throw(Error);
    expect(() => expandDefineRecordType(list(S('define-record-type'), S('p'), list(S('mk'), S('x'), S('y')), S('p?'), list(S('x'), S('px')))))
      .to.throw(Error);
    expect(() => expandDefineType(list(S('define-type'), S('ok'), NIL))).to.throw(Error);
  });
});

describe('#define-type', () => {
  beforeEach(() => { s = schemeSession(); });
  it('makes records that print, compare and check their type as in gsi', () => {
    table([
      ['(define-type point x y)', 'point-y-set'],
      ['(make-point 1 2)', '#<point #2 x: 1 y: 2>'],
      ['(point? (make-point 1 2))', '#t'],
      ['(point? 5)', '#f'],
      ['(point-x (make-point 1 2))', '1'],
      ['(let ((p (make-point 1 2))) (point-x-set! p 10) p)', '#<point #3 x: 10 y: 2>'],
      ['(point-x-set (make-point 1 2) 5)', '#<point #4 x: 5 y: 2>'],
      ['(point-copy (make-point 1 2))', '#<point #5 x: 1 y: 2>'],
      ['(equal? (make-point 1 2) (make-point 1 2))', '#t'],
      ['(eqv? (make-point 1 2) (make-point 1 2))', '#f'],
    ]);
    expect(s.ev('(point-x 5)').split('\n')[0]).to.equal('ERR (Argument 1) Instance of #<type #6 point> expected');
    expect(s.ev('(make-point 1)').split('\n')[0]).to.equal('ERR Wrong number of arguments passed to procedure');
  });

  it('applies field options', () => {
    table([
      ['(define-type node (left unprintable:) (right read-only:) (val init: 42))', 'node-val-set'],
      ['(make-node 1 2)', '#<node #2 right: 2 val: 42>'],
      ['(node-left (make-node 1 2))', '1'],
      ['(define-type ff unprintable: a b printable: c)', 'ff-c-set'],
      ['(make-ff 1 2 3)', '#<ff #3 c: 3>'],
      ['(define-type op1 opaque: a)', 'op1-a-set'],
      ['(equal? (make-op1 1) (make-op1 1))', '#f'],
      ['(define-type sk a (b equality-skip:))', 'sk-b-set'],
      ['(equal? (make-sk 1 2) (make-sk 1 3))', '#t'],
      ['(define-type cc2 constructor: (new-cc2 b a) (a cc2-first) (b cc2-second cc2-second-set!))', 'cc2-second-set!'],
      ['(new-cc2 1 2)', '#<cc2 #4 a: 2 b: 1>'],
      ['(define-type empty)', 'empty?'],
      ['(make-empty)', '#<empty #5>'],
    ]);
  });

  it('extends a type with extender:', () => {
    table([
      ['(define-type animal extender: define-animal name)', 'animal-name-set'],
      ['(define-animal dog bark)', 'dog-bark-set'],
      ["(make-dog \"rex\" 'woof)", '#<dog #2 name: "rex" bark: woof>'],
      ["(animal? (make-dog \"rex\" 'woof))", '#t'],
      ["(animal-name (make-dog \"rex\" 'woof))", '"rex"'],
      ["(dog? (make-animal 'x))", '#f'],
    ]);
    expect(s.ev("(dog-bark (make-animal 'x))").split('\n')[0]).to.equal('ERR (Argument 1) Instance of #<type #3 dog> expected');
  });

  it('keeps one type per id:, and makes a new type each time otherwise', () => {
    table([
      ['(define-type idp id: abc x)', 'idp-x-set'],
      ['(define q1 (make-idp 1))', 'q1'],
      ['(define-type idp id: abc x)', 'idp-x-set'],
      ['(idp? q1)', '#t'],
      ['(define-type point x y)', 'point-y-set'],
      ['(define p1 (make-point 1 2))', 'p1'],
      ['(define-type point x y)', 'point-y-set'],
      ['(point? p1)', '#f'],
      ["(##type-id (##structure-type q1))", '##type-1-abc'],
      ["(##type-id (##structure-type p1))", '#:##type-2-point'],
    ]);
  });
});

describe('#define-record-type', () => {
  beforeEach(() => { s = schemeSession(); });
  it('is define-type with R7RS field specs', () => {
    table([
      ['(define-record-type pare (kons x y) pare? (x kar set-kar!) (y kdr))', 'kdr'],
      ['(kons 1 2)', '#<pare #2 x: 1 y: 2>'],
      ['(pare? (kons 1 2))', '#t'],
      ['(kar (kons 1 2))', '1'],
      ['(let ((p (kons 1 2))) (set-kar! p 3) (kar p))', '3'],
      ['(define-record-type <pare2> (kons2 x) pare2? (x kar2) (y kdr2 set-kdr2!))', 'set-kdr2!'],
      ['(kons2 1)', '#<<pare2> #3 x: 1 y: #f>'],
    ]);
    expect(s.ev('(kar 5)').split('\n')[0]).to.equal('ERR (Argument 1) Instance of #<type #4 pare> expected');
  });
});
