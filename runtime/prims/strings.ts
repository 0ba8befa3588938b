// Strings (R7RS 6.7) and gsi 4.9.3's string extras: string-set (functional), append-strings,
// substring-fill!, substring-move!, string-shrink!, string->vector, vector->string,
// string=?-hash, string-ci=?-hash, string->utf8 / utf8->string (R7RS 6.9).
//
// A string is an MString box around a JS string; positions count UTF-16 code units, so a
// character above U+FFFF occupies two positions (gsi counts code points; such characters are
// rare in practice). Comparisons are n-ary and check every argument first; the -ci ones fold
// ASCII letters to lower case, as gsi 4.9.3 does (its case folding is ASCII-only). gsi 4.9.3
// has no string-upcase, string-downcase, string-index, string-search-forward, string-prefix?,
// string-split, string-join...: they are not defined here either.
// Optional [start [end]] ranges: start in [0, len], then end in [start, len].

import { ErrorObj, rangeError, typeError } from '../errors.js';
import { Char, MString, NIL, Pair, SVector, U8Vector, VOID, makeChar, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { T, count, index, intIn, startEnd, stringHash } from './data-util.js';
import { charArg } from './chars.js';

export function stringArg(v: Value, arg: number): MString {
  if (v instanceof MString) return v;
  throw typeError(arg, T.string);
}

/** A character as a JS string (one or two code units). */
export function charString(c: Char): string {
  return String.fromCodePoint(c.code);
}

/** ASCII-only lower-casing, as gsi's string-ci procedures and string-ci=?-hash do. */
export function foldAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function compare(name: string, key: (s: string) => string, ok: (a: string, b: string) => boolean) {
  return pure(name, 0, -1, (...xs: Value[]) => {
    const ss = xs.map((x, i) => key(stringArg(x, i + 1).s));
    for (let i = 0; i + 1 < ss.length; i++) if (!ok(ss[i]!, ss[i + 1]!)) return false;
    return true;
  });
}

const ORDERS: Array<[string, (a: string, b: string) => boolean]> = [
  ['=?', (a, b) => a === b],
  ['<?', (a, b) => a < b],
  ['>?', (a, b) => a > b],
  ['<=?', (a, b) => a <= b],
  ['>=?', (a, b) => a >= b],
];

function charsToString(items: Value[], typeName: string): string {
  let s = '';
  for (const c of items) {
    if (!(c instanceof Char)) throw typeError(1, typeName);
    s += charString(c);
  }
  return s;
}

function stringToList(s: string): Value {
  let r: Value = NIL;
  for (let i = s.length - 1; i >= 0; i--) r = new Pair(makeChar(s.charCodeAt(i)), r);
  return r;
}

/** Strict UTF-8 decoding (no overlongs, surrogates or code points above U+10FFFF). */
export function decodeUtf8(b: Uint8Array): string | null {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let n: number;
    if (c < 0x80) { cp = c; n = 0; }
    else if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; n = 1; }
    else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; n = 2; }
    else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; n = 3; }
    else return null;
    if (i + n >= b.length) return null;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k]!;
      if ((d & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff))) return null;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

export function encodeUtf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export const stringPrims: PrimFactory = () => [
  pure('string?', 1, 1, (x: Value) => x instanceof MString),
  pure('make-string', 1, 2, (n: Value, c?: Value) => {
    const len = count(n, 1);
    const fill = c === undefined ? '\0' : charString(charArg(c, 2));
    return new MString(fill.repeat(len));
  }),
  pure('string', 0, -1, (...cs: Value[]) => new MString(cs.map((c, i) => charString(charArg(c, i + 1))).join(''))),
  pure('string-length', 1, 1, (s: Value) => stringArg(s, 1).s.length),
  pure('string-ref', 2, 2, (s: Value, k: Value) => {
    const str = stringArg(s, 1).s;
    return makeChar(str.charCodeAt(index(k, str.length, 2)));
  }),
  plain('string-set!', 3, 3, (s: Value, k: Value, c: Value) => {
    const m = stringArg(s, 1);
    const i = index(k, m.s.length, 2);
    const ch = charString(charArg(c, 3));
    m.s = m.s.slice(0, i) + ch + m.s.slice(i + 1);
    return VOID;
  }),
  pure('string-set', 3, 3, (s: Value, k: Value, c: Value) => {
    const str = stringArg(s, 1).s;
    const i = index(k, str.length, 2);
    return new MString(str.slice(0, i) + charString(charArg(c, 3)) + str.slice(i + 1));
  }),
  pure('substring', 3, 3, (s: Value, start: Value, end: Value) => {
    const str = stringArg(s, 1).s;
    const [a, b] = startEnd(str.length, start, end, 2);
    return new MString(str.slice(a, b));
  }),
  pure('string-copy', 1, 3, (s: Value, start?: Value, end?: Value) => {
    const str = stringArg(s, 1).s;
    const [a, b] = startEnd(str.length, start, end, 2);
    return new MString(str.slice(a, b));
  }),
  plain('string-copy!', 3, 5, (to: Value, at: Value, from: Value, start?: Value, end?: Value) => {
    const dst = stringArg(to, 1);
    const pos = intIn(at, 0, dst.s.length, 2);
    const src = stringArg(from, 3).s;
    const [a, b] = startEnd(src.length, start, end, 4);
    if (pos + (b - a) > dst.s.length) throw rangeError(2);
    dst.s = dst.s.slice(0, pos) + src.slice(a, b) + dst.s.slice(pos + (b - a));
    return VOID;
  }),
  plain('substring-move!', 5, 5, (from: Value, start: Value, end: Value, to: Value, at: Value) => {
    const src = stringArg(from, 1).s;
    const [a, b] = startEnd(src.length, start, end, 2);
    const dst = stringArg(to, 4);
    const pos = intIn(at, 0, dst.s.length, 5);
    if (pos + (b - a) > dst.s.length) throw rangeError(5);
    dst.s = dst.s.slice(0, pos) + src.slice(a, b) + dst.s.slice(pos + (b - a));
    return VOID;
  }),
  plain('string-fill!', 2, 4, (s: Value, c: Value, start?: Value, end?: Value) => {
    const m = stringArg(s, 1);
    const ch = charString(charArg(c, 2));
    const [a, b] = startEnd(m.s.length, start, end, 3);
    m.s = m.s.slice(0, a) + ch.repeat(b - a) + m.s.slice(b);
    return VOID;
  }),
  plain('substring-fill!', 4, 4, (s: Value, start: Value, end: Value, c: Value) => {
    const m = stringArg(s, 1);
    const [a, b] = startEnd(m.s.length, start, end, 2);
    const ch = charString(charArg(c, 4));
    m.s = m.s.slice(0, a) + ch.repeat(b - a) + m.s.slice(b);
    return VOID;
  }),
  plain('string-shrink!', 2, 2, (s: Value, k: Value) => {
    const m = stringArg(s, 1);
    m.s = m.s.slice(0, intIn(k, 0, m.s.length, 2));
    return VOID;
  }),
  pure('string-append', 0, -1, (...ss: Value[]) => new MString(ss.map((s, i) => stringArg(s, i + 1).s).join(''))),
  pure('append-strings', 1, 1, (lst: Value) => {
    const parts: string[] = [];
    let x = lst;
    while (x instanceof Pair) {
      if (!(x.car instanceof MString)) throw typeError(1, 'STRING LIST');
      parts.push(x.car.s);
      x = x.cdr;
    }
    if (x !== NIL) throw typeError(1, 'STRING LIST');
    return new MString(parts.join(''));
  }),
  pure('string->list', 1, 3, (s: Value, start?: Value, end?: Value) => {
    const str = stringArg(s, 1).s;
    const [a, b] = startEnd(str.length, start, end, 2);
    return stringToList(str.slice(a, b));
  }),
  pure('list->string', 1, 1, (lst: Value) => {
    const items: Value[] = [];
    let x = lst;
    while (x instanceof Pair) {
      items.push(x.car);
      x = x.cdr;
    }
    if (x !== NIL) throw typeError(1, T.list);
    return new MString(charsToString(items, T.charList));
  }),
  pure('string->vector', 1, 3, (s: Value, start?: Value, end?: Value) => {
    const str = stringArg(s, 1).s;
    const [a, b] = startEnd(str.length, start, end, 2);
    const items: Value[] = [];
    for (let i = a; i < b; i++) items.push(makeChar(str.charCodeAt(i)));
    return new SVector(items);
  }),
  pure('vector->string', 1, 3, (v: Value, start?: Value, end?: Value) => {
    if (!(v instanceof SVector)) throw typeError(1, T.vector);
    const [a, b] = startEnd(v.items.length, start, end, 2);
    return new MString(charsToString(v.items.slice(a, b), 'CHARACTER VECTOR'));
  }),
  ...ORDERS.map(([suffix, ok]) => compare(`string${suffix}`, (s) => s, ok)),
  ...ORDERS.map(([suffix, ok]) => compare(`string-ci${suffix}`, foldAscii, ok)),
  pure('string=?-hash', 1, 1, (s: Value) => stringHash(stringArg(s, 1).s)),
  pure('string-ci=?-hash', 1, 1, (s: Value) => stringHash(foldAscii(stringArg(s, 1).s))),
  pure('string->utf8', 1, 3, (s: Value, start?: Value, end?: Value) => {
    const str = stringArg(s, 1).s;
    const [a, b] = startEnd(str.length, start, end, 2);
    return new U8Vector(encodeUtf8(str.slice(a, b)));
  }),
  pure('utf8->string', 1, 3, (u: Value, start?: Value, end?: Value) => {
    if (!(u instanceof U8Vector)) throw typeError(1, T.u8vector);
    const [a, b] = startEnd(u.bytes.length, start, end, 2);
    const s = decodeUtf8(u.bytes.subarray(a, b));
    if (s === null) throw new ErrorObj('error', 'Invalid UTF-8 encoding');
    return new MString(s);
  }),
];
