// eq?, eqv? and equal? (R7RS 6.1, with Gambit 4.9.3's answers where R7RS leaves a choice).
//
// eq?    identity; characters are compared by code point (Gambit's are immediate values, ours
//        are boxes above U+00FF), exact integers by value (a bignum is a JS bigint here, so two
//        equal bignums are eq?, where gsi says #f).
// eqv?   eq?, or numbers of the same exactness and value: flonums by bit pattern as far as
//        Object.is goes (0. and -0. differ, +nan.0 is eqv? to itself), ratnums and cpxnums by parts.
// equal? eqv?, or same-shape pairs, strings, vectors, homogeneous vectors (same kind and element bits), boxes, records of the same type
//        (field by field, skipping `equality-skip:` fields; opaque types compare with eqv?) and
//        tables (same test, hash and weakness, same keys with equal? values). It walks with an
//        explicit stack, so neither long lists nor deep nesting overflow the JS stack; on cyclic
//        data it loops, as gsi does.

import { Box, Char, Cpxnum, Flonum, MString, Pair, Ratnum, Record, SVector, Tag, type Value } from './values.js';
import { sameElems } from './elem-kinds.js';
import { Table, tableEqual } from './table.js';
import { fieldOptions, FieldOpt, isOpaque } from './records.js';

export function isEq(a: Value, b: Value): boolean {
  return a === b || (a instanceof Char && b instanceof Char && a.code === b.code);
}

export function isEqv(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  switch (a.tag) {
    case Tag.Char:
      return b instanceof Char && (a as Char).code === b.code;
    case Tag.Flonum:
      return b instanceof Flonum && Object.is((a as Flonum).v, b.v);
    case Tag.Ratnum:
      return b instanceof Ratnum && (a as Ratnum).num === b.num && (a as Ratnum).den === b.den;
    case Tag.Cpxnum:
      return b instanceof Cpxnum && isEqv((a as Cpxnum).re, b.re) && isEqv((a as Cpxnum).im, b.im);
    default:
      return false;
  }
}

export function isEqual(a: Value, b: Value): boolean {
  // Pending comparisons, two entries each. The cdr of a pair is followed in the inner loop, the
  // car pushed (or compared at once when it is not a container).
  const stack: Value[] = [];
  let x = a;
  let y = b;
  for (;;) {
    inner: for (;;) {
      if (x === y) break;
      if (typeof x !== 'object' || typeof y !== 'object' || x.tag !== y.tag) return false;
      switch (x.tag) {
        case Tag.Pair: {
          const p = x as Pair;
          const q = y as Pair;
          const ca = p.car;
          const cb = q.car;
          if (ca !== cb) {
            if (typeof ca === 'object' && typeof cb === 'object' && isContainer(ca.tag)) stack.push(ca, cb);
            else if (!isEqv(ca, cb)) return false;
          }
          x = p.cdr;
          y = q.cdr;
          continue inner;
        }
        case Tag.Str:
          if ((x as MString).s !== (y as MString).s) return false;
          break inner;
        case Tag.Vector: {
          const u = (x as SVector).items;
          const v = (y as SVector).items;
          if (u.length !== v.length) return false;
          for (let i = u.length - 1; i >= 0; i--) stack.push(u[i]!, v[i]!);
          break inner;
        }
        case Tag.U8Vector:
        case Tag.NumVector:
          if (!sameElems(x, y)) return false;
          break inner;
        case Tag.Box:
          x = (x as Box).value;
          y = (y as Box).value;
          continue inner;
        case Tag.Record: {
          const r = x as Record;
          const s = y as Record;
          if (r.type !== s.type || isOpaque(r.type)) return false;
          for (let i = r.fields.length - 1; i >= 0; i--) {
            if ((fieldOptions(r.type, i) & FieldOpt.EqualitySkip) === 0) stack.push(r.fields[i]!, s.fields[i]!);
          }
          break inner;
        }
        case Tag.Table:
          if (!tableEqual(x as Table, y as Table)) return false;
          break inner;
        default:
          if (!isEqv(x, y)) return false;
          break inner;
      }
    }
    if (stack.length === 0) return true;
    y = stack.pop()!;
    x = stack.pop()!;
  }
}

function isContainer(t: Tag): boolean {
  return t === Tag.Pair || t === Tag.Str || t === Tag.Vector || t === Tag.U8Vector || t === Tag.NumVector || t === Tag.Box
    || t === Tag.Record || t === Tag.Table;
}
