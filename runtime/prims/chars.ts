// Characters (R7RS 6.6). gsi 4.9.3's character classes and case mappings are ASCII-only:
// char-alphabetic? is true of A-Z a-z only, char-numeric? of 0-9, char-whitespace? of
// tab, newline, vtab, page, return and space; char-upcase of #\xe4 is #\xe4. (Checked over
// every code point below U+10000.) The comparisons take any number of arguments and check them
// all before comparing; the -ci ones fold with char-downcase. gsi 4.9.3 has no char-foldcase
// or digit-value.

import { rangeError, typeError } from '../errors.js';
import { Char, makeChar, type Value } from '../values.js';
import { pure, type PrimFactory } from '../primitive.js';
import { T } from './data-util.js';

export function charArg(v: Value, arg: number): Char {
  if (v instanceof Char) return v;
  throw typeError(arg, T.char);
}

export function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function downcase(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

export function upcase(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** An n-ary comparison: every argument is checked, then adjacent pairs are compared. */
function compare(name: string, key: (c: number) => number, ok: (a: number, b: number) => boolean) {
  return pure(name, 0, -1, (...xs: Value[]) => {
    const codes = xs.map((x, i) => key(charArg(x, i + 1).code));
    for (let i = 0; i + 1 < codes.length; i++) if (!ok(codes[i]!, codes[i + 1]!)) return false;
    return true;
  });
}

const id = (c: number): number => c;
const ORDERS: Array<[string, (a: number, b: number) => boolean]> = [
  ['=?', (a, b) => a === b],
  ['<?', (a, b) => a < b],
  ['>?', (a, b) => a > b],
  ['<=?', (a, b) => a <= b],
  ['>=?', (a, b) => a >= b],
];

export const charPrims: PrimFactory = () => [
  pure('char?', 1, 1, (x: Value) => x instanceof Char),
  pure('char->integer', 1, 1, (c: Value) => charArg(c, 1).code),
  pure('integer->char', 1, 1, (n: Value) => {
    if (typeof n === 'bigint') throw rangeError(1);
    if (typeof n !== 'number') throw typeError(1, T.exactInt);
    if (n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) throw rangeError(1);
    return makeChar(n);
  }),
  pure('char-upcase', 1, 1, (c: Value) => makeChar(upcase(charArg(c, 1).code))),
  pure('char-downcase', 1, 1, (c: Value) => makeChar(downcase(charArg(c, 1).code))),
  pure('char-alphabetic?', 1, 1, (c: Value) => isAlpha(charArg(c, 1).code)),
  pure('char-numeric?', 1, 1, (c: Value) => {
    const n = charArg(c, 1).code;
    return n >= 48 && n <= 57;
  }),
  pure('char-whitespace?', 1, 1, (c: Value) => isWhitespace(charArg(c, 1).code)),
  pure('char-upper-case?', 1, 1, (c: Value) => {
    const n = charArg(c, 1).code;
    return n >= 65 && n <= 90;
  }),
  pure('char-lower-case?', 1, 1, (c: Value) => {
    const n = charArg(c, 1).code;
    return n >= 97 && n <= 122;
  }),
  ...ORDERS.map(([suffix, ok]) => compare(`char${suffix}`, id, ok)),
  ...ORDERS.map(([suffix, ok]) => compare(`char-ci${suffix}`, downcase, ok)),
];
