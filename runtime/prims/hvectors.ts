// Homogeneous vectors (Gambit manual, "Homogeneous vectors"; SRFI 4): for each kind X of
// runtime/elem-kinds.ts (u8 s8 u16 s16 u32 s32 u64 s64 f32 f64), gsi 4.9.3's procedures
//   X? make-X X X-length X-ref X-set! X-set X->list list->X X-fill! subX-fill! X-copy subX
//   X-copy! subX-move! X-append append-Xs X-shrink!      (X = s8vector, ...)
// made once from the kind's table entry. The u8vector procedures also go by their R7RS
// bytevector names (defined in scheme-lib/prelude-core.scm). X-set is functional (a copy with
// one element changed).
//
// Argument checks are gsi's (test/golden/cases/58-homogeneous-vectors): an element of the
// wrong type or range is `(Argument N) Signed 8 bit exact INTEGER expected` (X-fill! checks it
// before its range); a range `start end` has start in [0, len] then end in [start, len]; the
// copy! procedures also need the destination to have room (else `Out of range` of the
// destination position). Lengths are limited to MAX_ALLOC bytes.

import { rangeError, typeError } from '../errors.js';
import { NIL, Pair, VOID, type Elems, type HeapObject, type Primitive, type Value } from '../values.js';
import { plain, pure, type PrimFactory } from '../primitive.js';
import { ELEM_KINDS, type ElemKind } from '../elem-kinds.js';
import { MAX_ALLOC, index, intIn, startEnd } from './data-util.js';

function family<E extends number | bigint>(k: ElemKind<E>): Primitive[] {
  const X = `${k.name}vector`;
  const arg = (v: Value, n: number): Elems<E> => {
    const a = k.elemsOf(v);
    if (a === null) throw typeError(n, k.typeName);
    return a;
  };
  const elem = (x: Value, n: number): E => {
    const e = k.elem(x);
    if (e === null) throw typeError(n, k.elemType);
    return e;
  };
  const fromElems = (es: readonly E[]): Value => {
    const a = k.alloc(es.length);
    a.set(es);
    return k.wrap(a);
  };
  const concat = (parts: readonly Elems<E>[]): Value => {
    const out = k.alloc(parts.reduce((n, p) => n + p.length, 0));
    let pos = 0;
    for (const p of parts) {
      out.set(p, pos);
      pos += p.length;
    }
    return k.wrap(out);
  };
  /** Copies src[s, e) into dst at `pos`, which must leave room (else Out of range of `posArg`). */
  const move = (src: Elems<E>, s: number, e: number, dst: Elems<E>, pos: number, posArg: number): Value => {
    if (pos + (e - s) > dst.length) throw rangeError(posArg);
    dst.set(src.slice(s, e), pos);
    return VOID;
  };
  const prims: Primitive[] = [
    pure(`${X}?`, 1, 1, (x: Value) => k.elemsOf(x) !== null),
    pure(`make-${X}`, 1, 2, (n: Value, fill?: Value) => {
      // At most MAX_ALLOC bytes (beyond: Out of range, as gsi says of lengths beyond its own limit).
      const a = k.alloc(intIn(n, 0, MAX_ALLOC / k.size, 1));
      if (fill !== undefined) a.fill(elem(fill, 2));
      return k.wrap(a);
    }),
    pure(X, 0, -1, (...xs: Value[]) => fromElems(xs.map((x, i) => elem(x, i + 1)))),
    pure(`${X}-length`, 1, 1, (v: Value) => arg(v, 1).length),
    pure(`${X}-ref`, 2, 2, (v: Value, i: Value) => {
      const a = arg(v, 1);
      return k.value(a[index(i, a.length, 2)]!);
    }),
    plain(`${X}-set!`, 3, 3, (v: Value, i: Value, x: Value) => {
      const a = arg(v, 1);
      const j = index(i, a.length, 2);
      a[j] = elem(x, 3);
      return VOID;
    }),
    pure(`${X}-set`, 3, 3, (v: Value, i: Value, x: Value) => {
      const a = arg(v, 1).slice();
      const j = index(i, a.length, 2);
      a[j] = elem(x, 3);
      return k.wrap(a);
    }),
    pure(`${X}->list`, 1, 3, (v: Value, start?: Value, end?: Value) => {
      const a = arg(v, 1);
      const [s, e] = startEnd(a.length, start, end, 2);
      let r: Value = NIL;
      for (let i = e - 1; i >= s; i--) r = new Pair(k.value(a[i]!), r);
      return r;
    }),
    pure(`list->${X}`, 1, 1, (lst: Value) => {
      const es: E[] = [];
      let x = lst;
      for (; x instanceof Pair; x = x.cdr) {
        const e = k.elem(x.car);
        if (e === null) throw typeError(1, `${k.elemType} LIST`);
        es.push(e);
      }
      if (x !== NIL) throw typeError(1, 'LIST');
      return fromElems(es);
    }),
    plain(`${X}-fill!`, 2, 4, (v: Value, x: Value, start?: Value, end?: Value) => {
      const a = arg(v, 1);
      const e = elem(x, 2);
      const [s, t] = startEnd(a.length, start, end, 3);
      a.fill(e, s, t);
      return VOID;
    }),
    plain(`sub${X}-fill!`, 4, 4, (v: Value, start: Value, end: Value, x: Value) => {
      const a = arg(v, 1);
      const [s, t] = startEnd(a.length, start, end, 2);
      a.fill(elem(x, 4), s, t);
      return VOID;
    }),
    pure(`${X}-copy`, 1, 3, (v: Value, start?: Value, end?: Value) => {
      const a = arg(v, 1);
      const [s, e] = startEnd(a.length, start, end, 2);
      return k.wrap(a.slice(s, e));
    }),
    pure(`sub${X}`, 3, 3, (v: Value, start: Value, end: Value) => {
      const a = arg(v, 1);
      const [s, e] = startEnd(a.length, start, end, 2);
      return k.wrap(a.slice(s, e));
    }),
    plain(`${X}-copy!`, 3, 5, (to: Value, at: Value, from: Value, start?: Value, end?: Value) => {
      const dst = arg(to, 1);
      const pos = intIn(at, 0, dst.length, 2);
      const src = arg(from, 3);
      const [s, e] = startEnd(src.length, start, end, 4);
      return move(src, s, e, dst, pos, 2);
    }),
    plain(`sub${X}-move!`, 5, 5, (from: Value, start: Value, end: Value, to: Value, at: Value) => {
      const src = arg(from, 1);
      const [s, e] = startEnd(src.length, start, end, 2);
      const dst = arg(to, 4);
      return move(src, s, e, dst, intIn(at, 0, dst.length, 5), 5);
    }),
    pure(`${X}-append`, 0, -1, (...vs: Value[]) => concat(vs.map((v, i) => arg(v, i + 1)))),
    pure(`append-${X}s`, 1, 1, (lst: Value) => {
      const parts: Elems<E>[] = [];
      let x = lst;
      for (; x instanceof Pair; x = x.cdr) {
        const a = k.elemsOf(x.car);
        if (a === null) throw typeError(1, `${k.typeName} LIST`);
        parts.push(a);
      }
      if (x !== NIL) throw typeError(1, `${k.typeName} LIST`); // (not LIST, in gsi)
      return concat(parts);
    }),
    plain(`${X}-shrink!`, 2, 2, (v: Value, n: Value) => {
      const a = arg(v, 1);
      k.replace(v as HeapObject, a.slice(0, intIn(n, 0, a.length, 2)));
      return VOID;
    }),
  ];
  return prims;
}

export const hvectorPrims: PrimFactory = () => ELEM_KINDS.flatMap((k) => family<number | bigint>(k));
