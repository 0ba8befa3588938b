// Symbols and keywords (R7RS 6.5; Gambit manual "Symbols and keywords"): symbol->string,
// string->symbol, symbol=?, gensym, uninterned symbols and keywords, symbol-hash and
// keyword-hash (FNV-1a of the name, the numbers gsi gives). gsi 4.9.3 has no symbol<? and no
// public symbol-append.
//
// gensym: `(gensym)` is #:g0, #:g1, ... and `(gensym 'foo)` #:foo2 — one counter per Vm
// (vm.gensymCounter), taken modulo 10^6 as gsi does.

import { typeError } from '../errors.js';
import { Keyword, MString, Sym, intern, internKeyword, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { T, stringHash } from './data-util.js';
import { stringArg } from './strings.js';

export function symbolArg(v: Value, arg: number): Sym {
  if (v instanceof Sym) return v;
  throw typeError(arg, T.symbol);
}

function keywordArg(v: Value, arg: number): Keyword {
  if (v instanceof Keyword) return v;
  throw typeError(arg, T.keyword);
}

export const symbolPrims: PrimFactory = (vm) => [
  pure('symbol?', 1, 1, (x: Value) => x instanceof Sym),
  pure('symbol->string', 1, 1, (s: Value) => new MString(symbolArg(s, 1).name)),
  pure('string->symbol', 1, 1, (s: Value) => intern(stringArg(s, 1).s)),
  pure('symbol=?', 0, -1, (...xs: Value[]) => {
    const ss = xs.map((x, i) => symbolArg(x, i + 1));
    for (let i = 0; i + 1 < ss.length; i++) if (ss[i] !== ss[i + 1]) return false;
    return true;
  }),
  plain('string->uninterned-symbol', 1, 1, (s: Value) => new Sym(stringArg(s, 1).s, false)),
  pure('uninterned-symbol?', 1, 1, (x: Value) => x instanceof Sym && !x.interned),
  plain('gensym', 0, 1, (prefix?: Value) => {
    const p = prefix === undefined ? 'g' : symbolArg(prefix, 1).name;
    const n = vm.gensymCounter;
    vm.gensymCounter = (n + 1) % 1000000;
    return new Sym(`${p}${n}`, false);
  }),
  pure('keyword?', 1, 1, (x: Value) => x instanceof Keyword),
  pure('keyword->string', 1, 1, (k: Value) => new MString(keywordArg(k, 1).name)),
  pure('string->keyword', 1, 1, (s: Value) => internKeyword(stringArg(s, 1).s)),
  plain('string->uninterned-keyword', 1, 1, (s: Value) => new Keyword(stringArg(s, 1).s, false)),
  pure('uninterned-keyword?', 1, 1, (x: Value) => x instanceof Keyword && !x.interned),
  pure('symbol-hash', 1, 1, (s: Value) => stringHash(symbolArg(s, 1).name)),
  pure('keyword-hash', 1, 1, (k: Value) => stringHash(keywordArg(k, 1).name)),
];
