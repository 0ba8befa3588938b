// Tests of runtime/prims/hvectors.ts (the homogeneous vector procedures of every kind) and
// runtime/elem-kinds.ts (the kinds' element checks and byte order). Expected values and error
// texts were printed by Gambit 4.9.3's gsi; test/golden/cases/58-homogeneous-vectors has more.

import { expect } from 'chai';
import { ELEM_KINDS, elemKindNamed, fromLittleEndian, littleEndianBytes, type ElemKind } from '../../runtime/elem-kinds.js';
import { Flonum, NumVector, U8Vector, type Elems } from '../../runtime/values.js';
import { schemeSession, type SchemeSession } from './helpers/scheme-eval.js';

let s: SchemeSession;
before(() => { s = schemeSession(); });

function table(rows: Array<[string, string]>): void {
  for (const [src, want] of rows) expect(s.ev(src), src).to.equal(want);
}

describe('#make-u8vector', () => {
  it('holds bytes only', () => {
    table([
      ['(make-u8vector 3)', '#u8(0 0 0)'],
      ['(make-u8vector 3 255)', '#u8(255 255 255)'],
      ['(make-u8vector 3 256)', 'ERR (Argument 2) Unsigned 8 bit exact INTEGER expected\n(make-u8vector 3 256)'],
      ['(u8vector 1 2 256)', 'ERR (Argument 3) Unsigned 8 bit exact INTEGER expected\n(u8vector 1 2 256)'],
      ['(u8vector 1.)', 'ERR (Argument 1) Unsigned 8 bit exact INTEGER expected\n(u8vector 1.)'],
      ['(u8vector-ref (u8vector 1 2) 2)', 'ERR (Argument 2) Out of range\n(u8vector-ref #u8(1 2) 2)'],
      ['(let ((v (u8vector 1 2))) (u8vector-set! v 0 300) v)',
        'ERR (Argument 3) Unsigned 8 bit exact INTEGER expected\n(u8vector-set! #u8(1 2) 0 300)'],
      ["(list->u8vector '(1 2 300))", "ERR (Argument 1) Unsigned 8 bit exact INTEGER LIST expected\n(list->u8vector '(1 2 300))"],
      ['(u8vector-length 5)', 'ERR (Argument 1) U8VECTOR expected\n(u8vector-length 5)'],
    ]);
  });

  it('copies, appends and converts', () => {
    table([
      ['(u8vector->list (u8vector 1 2 3) 1)', '(2 3)'],
      ['(subu8vector (u8vector 1 2 3) 1 2)', '#u8(2)'],
      ['(u8vector-append (u8vector 1) (u8vector 2))', '#u8(1 2)'],
      ['(append-u8vectors (list (u8vector 1) (u8vector 2)))', '#u8(1 2)'],
      ['(u8vector-copy (u8vector 1 2 3) 1)', '#u8(2 3)'],
      ['(let ((v (u8vector 1 2 3))) (u8vector-copy! v 0 (u8vector 9 9) 1) v)', '#u8(9 2 3)'],
      ['(let ((v (u8vector 1 2 3))) (u8vector-fill! v 7 1 2) v)', '#u8(1 7 3)'],
      ['(let ((v (u8vector 1 2 3))) (u8vector-shrink! v 1) v)', '#u8(1)'],
      ['(u8vector-set (u8vector 1 2 3) 0 9)', '#u8(9 2 3)'],
      ['(u8vector-copy! (u8vector 1 2) 1 (u8vector 1 2))', 'ERR (Argument 2) Out of range\n(u8vector-copy! #u8(1 2) 1 #u8(1 2))'],
    ]);
  });

  it('answers to the R7RS bytevector names too', () => {
    table([
      ['(bytevector 1 2)', '#u8(1 2)'],
      ['(bytevector-u8-ref (bytevector 1 2) 1)', '2'],
      ['(make-bytevector 2 7)', '#u8(7 7)'],
      ['(bytevector-append (bytevector 1) (bytevector 2))', '#u8(1 2)'],
      ['(u8vector? (bytevector 1))', '#t'],
      ['(vector? #u8(1))', '#f'],
    ]);
  });
});

describe('#s8vector and the other kinds', () => {
  // [kind, lowest element, highest element, gsi's name of an element]
  const RANGES: Array<[string, string, string, string]> = [
    ['s8', '-128', '127', 'Signed 8 bit exact INTEGER'],
    ['u8', '0', '255', 'Unsigned 8 bit exact INTEGER'],
    ['s16', '-32768', '32767', 'Signed 16 bit exact INTEGER'],
    ['u16', '0', '65535', 'Unsigned 16 bit exact INTEGER'],
    ['s32', '-2147483648', '2147483647', 'Signed 32 bit exact INTEGER'],
    ['u32', '0', '4294967295', 'Unsigned 32 bit exact INTEGER'],
    ['s64', '-9223372036854775808', '9223372036854775807', 'Signed 64 bit exact INTEGER'],
    ['u64', '0', '18446744073709551615', 'Unsigned 64 bit exact INTEGER'],
  ];

  it('accepts the ends of each integer kind\'s range and refuses one beyond, as gsi words it', () => {
    for (const [k, lo, hi, what] of RANGES) {
      table([
        [`(${k}vector ${lo} ${hi})`, `#${k}(${lo} ${hi})`],
        [`(${k}vector-ref (${k}vector ${lo} ${hi}) 1)`, hi],
        [`(${k}vector 0 (+ ${hi} 1))`, `ERR (Argument 2) ${what} expected\n(${k}vector 0 ${BigInt(hi) + 1n})`],
        [`(${k}vector (- ${lo} 1))`, `ERR (Argument 1) ${what} expected\n(${k}vector ${BigInt(lo) - 1n})`],
        [`(make-${k}vector 1 1.)`, `ERR (Argument 2) ${what} expected\n(make-${k}vector 1 1.)`],
      ]);
    }
  });

  it('holds flonums only in f32 and f64 vectors, rounding f32 elements to single precision', () => {
    table([
      ['(f32vector .1 1e40 -0.)', '#f32(.10000000149011612 +inf.0 -0.)'],
      ['(f64vector .1 1e40 -0.)', '#f64(.1 1e40 -0.)'],
      ['(f64vector 1)', 'ERR (Argument 1) Inexact REAL expected\n(f64vector 1)'],
      ["(list->f32vector '(1. 1/2))", "ERR (Argument 1) Inexact REAL LIST expected\n(list->f32vector '(1. 1/2))"],
      ['(let ((v (make-f64vector 2))) (f64vector-set! v 1 2.5) v)', '#f64(0. 2.5)'],
    ]);
  });

  it('gives back 64-bit elements beyond 2^53 exactly, and those within as fixnums', () => {
    table([
      ['(u64vector-ref (u64vector (+ 1 (expt 2 53))) 0)', '9007199254740993'],
      ['(fixnum? (s64vector-ref (s64vector -5) 0))', '#t'],
      ['(= (expt 2 63) (+ 1 (s64vector-ref (s64vector (- (expt 2 63) 1)) 0)))', '#t'],
    ]);
  });

  it('names each kind in its type errors', () => {
    table([
      ['(s16vector-ref (u16vector 1) 0)', 'ERR (Argument 1) S16VECTOR expected\n(s16vector-ref #u16(1) 0)'],
      ['(append-f32vectors (list (f64vector)))', "ERR (Argument 1) F32VECTOR LIST expected\n(append-f32vectors '(#f64()))"],
      ['(append-u8vectors 5)', 'ERR (Argument 1) U8VECTOR LIST expected\n(append-u8vectors 5)'],
    ]);
  });
});

describe('elem-kinds', () => {
  it('has the ten kinds, found by name, u8vectors among them as U8Vector objects', () => {
    expect(ELEM_KINDS.map((k) => k.name)).to.deep.equal(['s8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64']);
    expect((elemKindNamed('u8') as ElemKind<number>).wrap(new Uint8Array(2))).to.be.instanceOf(U8Vector);
    expect((elemKindNamed('s8') as ElemKind<number>).wrap(new Int8Array(2))).to.be.instanceOf(NumVector);
    expect(elemKindNamed('f16')).to.equal(undefined);
  });

  it('checks elements: type and range, no exact number in a float kind', () => {
    const u64 = elemKindNamed('u64') as ElemKind<bigint>;
    expect(u64.elem(2n ** 64n - 1n)).to.equal(2n ** 64n - 1n);
    expect(u64.elem(5)).to.equal(5n);
    expect(u64.elem(-1)).to.equal(null);
    expect(u64.elem(2n ** 64n)).to.equal(null);
    const f64 = elemKindNamed('f64') as ElemKind<number>;
    expect(f64.elem(new Flonum(1.5))).to.equal(1.5);
    expect(f64.elem(1)).to.equal(null);
  });

  it('writes elements little-endian and reads them back, refusing bytes that are not whole elements', () => {
    const u16 = elemKindNamed('u16')!;
    expect(Array.from(littleEndianBytes(Uint16Array.of(0x0102, 0xfffe) as Elems<number>, 2))).to.deep.equal([2, 1, 0xfe, 0xff]);
    const back = fromLittleEndian(u16, Uint8Array.of(2, 1, 0xfe, 0xff)) as NumVector;
    expect(back.kind).to.equal('u16');
    expect(Array.from(back.elems as Uint16Array)).to.deep.equal([0x0102, 0xfffe]);
    expect(fromLittleEndian(u16, Uint8Array.of(1, 2, 3))).to.equal(null);
    const s64 = elemKindNamed('s64')!;
    expect(fromLittleEndian(s64, new Uint8Array(7))).to.equal(null);
    const m1 = fromLittleEndian(s64, new Uint8Array(8).fill(255)) as NumVector;
    expect(Array.from(m1.elems as BigInt64Array)).to.deep.equal([-1n]);
  });

  it('copies the bytes it reads', () => {
    const bytes = Uint8Array.of(1, 0, 0, 0);
    const v = fromLittleEndian(elemKindNamed('s32')!, bytes) as NumVector;
    bytes[0] = 9;
    expect((v.elems as Int32Array)[0]).to.equal(1);
  });
});
