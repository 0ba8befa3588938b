// Tests of runtime/prims/symbols.ts. Expected values were printed by Gambit 4.9.3's gsi.

import { expect } from 'chai';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';

let s: SchemeSession;
beforeEach(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#gensym', () => {
  it('numbers uninterned symbols from one counter per Vm', () => {
    table([
      ['(gensym)', '#:g0'],
      ['(gensym)', '#:g1'],
      ["(gensym 'foo)", '#:foo2'],
      ['(list (gensym) (gensym))', '(#:g3 #:g4)'],
      ['(symbol->string (gensym))', '"g5"'],
      ['(eq? (gensym) (gensym))', '#f'],
      ['(uninterned-symbol? (gensym))', '#t'],
      ['(gensym "foo")', 'ERR (Argument 1) SYMBOL expected\n(gensym "foo")'],
      ["(gensym 'a 'b)", "ERR Wrong number of arguments passed to procedure\n(gensym 'a 'b)"],
    ]);
  });
});

describe('#string->symbol', () => {
  it('interns, and string->uninterned-symbol does not', () => {
    table([
      ['(string->symbol "hello world")', '|hello world|'],
      ['(string->symbol "")', '||'],
      ['(string->symbol "1")', '|1|'],
      ["(eq? (string->symbol \"abc\") 'abc)", '#t'],
      ['(string->uninterned-symbol "abc")', '#:abc'],
      ["(eq? (string->uninterned-symbol \"abc\") 'abc)", '#f'],
      ["(uninterned-symbol? 'abc)", '#f'],
      ['(uninterned-symbol? 5)', '#f'],
      ['(string->symbol 5)', 'ERR (Argument 1) STRING expected\n(string->symbol 5)'],
      ['(symbol->string 1)', 'ERR (Argument 1) SYMBOL expected\n(symbol->string 1)'],
    ]);
  });
});

describe('#symbol=?', () => {
  it('compares any number of symbols', () => {
    table([
      ["(symbol=? 'a 'a)", '#t'],
      ["(symbol=? 'a 'a 'b)", '#f'],
      ['(symbol=?)', '#t'],
      ["(symbol=? 'a 1)", "ERR (Argument 2) SYMBOL expected\n(symbol=? 'a 1)"],
    ]);
  });
});

describe('#keyword->string', () => {
  it('converts between keywords and strings', () => {
    table([
      ["(keyword? 'a:)", '#t'],
      ['(keyword->string foo:)', '"foo"'],
      ['(string->keyword "bar")', 'bar:'],
      ['(string->keyword "hello world")', '|hello world|:'],
      ['(eq? (string->keyword "k") k:)', '#t'],
      ['(string->uninterned-keyword "bar")', '#:bar:'],
      ['(uninterned-keyword? (string->uninterned-keyword "bar"))', '#t'],
      ["(keyword->string 'a)", "ERR (Argument 1) KEYWORD expected\n(keyword->string 'a)"],
    ]);
  });
});

describe('#symbol-hash', () => {
  it('hashes the name as string=?-hash does', () => {
    table([
      ["(symbol-hash 'abc)", '440920331'],
      ['(keyword-hash abc:)', '440920331'],
    ]);
  });
});
