// The element kinds of Gambit's homogeneous vectors (Gambit manual, "Homogeneous vectors";
// SRFI 4): u8vector, s8vector, u16vector, ..., f64vector. One entry per kind gives its Scheme
// names, its typed array, the check of an element and gsi 4.9.3's words for a bad one; the
// reader, the printers, equal?, hashing, serialization and the procedures
// (prims/hvectors.ts) all work from this table.
//
// Elements, as Scheme values and as stored:
//   u8 s8 u16 s16 u32 s32   fixnums (JS numbers), stored as they are
//   u64 s64                 exact integers, stored as bigints (an element within the safe range
//                           comes back as a JS number, beyond it as a bigint: values.ts normBig)
//   f32 f64                 flonums; an f32 element is rounded to single precision when stored,
//                           as in gsi: (f32vector .1) holds .10000000149011612
// A value of the wrong type or outside the kind's range is not an element (`elem` gives null);
// gsi says `(Argument 2) Signed 8 bit exact INTEGER expected`, `Inexact REAL expected` for
// the float kinds (which take no exact numbers), and its reader says the same in lower case
// (`Signed 8 bit exact integer expected`).
//
// Typing: ElemKind<E> is written with methods, which TypeScript checks bivariantly, so that an
// ElemKind<number> and an ElemKind<bigint> are both an AnyKind; elements only ever travel from
// a kind's own `elem` or array into the same kind's array.

import {
  Flonum, NumVector, U8Vector, normBig, type Elems, type HeapObject, type NumKind, type Value,
} from './values.js';

export interface ElemKind<E extends number | bigint> {
  /** The prefix of the Scheme names: `u8` gives `#u8(`, `u8vector-ref`, `subu8vector`... */
  readonly name: 'u8' | NumKind;
  /** gsi's type name: `(Argument 1) S8VECTOR expected`. */
  readonly typeName: string;
  /** gsi's name of an element: `(Argument 3) Signed 8 bit exact INTEGER expected`. */
  readonly elemType: string;
  /** The reader's message for a bad element: `Signed 8 bit exact integer expected`. */
  readonly readerMessage: string;
  /** Bytes per element. */
  readonly size: number;
  /** `n` zero elements. */
  alloc(n: number): Elems<E>;
  /** The elements in `bytes` (a whole buffer of `size`-byte elements in host order). */
  fromBuffer(bytes: ArrayBuffer): Elems<E>;
  /** `x` as an element, or null if it is not one of this kind (wrong type or out of range). */
  elem(x: Value): E | null;
  /** An element as a Scheme value. */
  value(e: E): Value;
  /** The elements of `v` when it is a vector of this kind; else null. */
  elemsOf(v: Value): Elems<E> | null;
  /** A new vector of this kind holding `a` (not copied). */
  wrap(a: Elems<E>): HeapObject;
  /** Gives vector `v` (of this kind) the elements `a` instead (the shrink! procedures). */
  replace(v: HeapObject, a: Elems<E>): void;
}

export type AnyKind = ElemKind<number> | ElemKind<bigint>;

/** What the typed-array classes (Int8Array, BigInt64Array...) offer a kind. */
interface ArrayClass<E extends number | bigint> {
  new (n: number): Elems<E>;
  new (b: ArrayBuffer): Elems<E>;
}

/** The parts of a kind that make and take apart its vectors, from the type name down. */
type Shell<E extends number | bigint> = Pick<ElemKind<E>, 'name' | 'typeName' | 'size' | 'alloc' | 'fromBuffer' | 'elemsOf' | 'wrap' | 'replace'>;

function shell<E extends number | bigint>(name: 'u8' | NumKind, size: number, array: ArrayClass<E>): Shell<E> {
  return {
    name,
    typeName: `${name.toUpperCase()}VECTOR`,
    size,
    alloc: (n) => new array(n),
    fromBuffer: (b) => new array(b),
    ...(name === 'u8' ? u8Holder<E>() : numHolder<E>(name)),
  };
}

/** u8vectors are U8Vector objects (their elements a Uint8Array: the u8 kind's own array). */
function u8Holder<E extends number | bigint>(): Pick<ElemKind<E>, 'elemsOf' | 'wrap' | 'replace'> {
  return {
    elemsOf: (v) => (v instanceof U8Vector ? (v.bytes as unknown as Elems<E>) : null),
    wrap: (a) => new U8Vector(a as unknown as Uint8Array),
    replace: (v, a) => { (v as U8Vector).bytes = a as unknown as Uint8Array; },
  };
}

/** The other kinds are NumVector objects whose `kind` names them. */
function numHolder<E extends number | bigint>(name: NumKind): Pick<ElemKind<E>, 'elemsOf' | 'wrap' | 'replace'> {
  return {
    elemsOf: (v) => (v instanceof NumVector && v.kind === name ? (v.elems as Elems<E>) : null),
    wrap: (a) => new NumVector(name, a as Elems<number> | Elems<bigint>),
    replace: (v, a) => { (v as NumVector).elems = a as Elems<number> | Elems<bigint>; },
  };
}

function elemWords(elemType: string): { elemType: string; readerMessage: string } {
  const words = elemType.split(' ');
  const last = words.pop()!.toLowerCase();
  return { elemType, readerMessage: `${[...words, last].join(' ')} expected` };
}

/** A kind of fixnum elements (at most 32 bits). */
function fixnumKind(name: 'u8' | NumKind, bits: number, signed: boolean, array: ArrayClass<number>): ElemKind<number> {
  const lo = signed ? -(2 ** (bits - 1)) : 0;
  const hi = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  return {
    ...shell(name, bits / 8, array),
    ...elemWords(`${signed ? 'Signed' : 'Unsigned'} ${bits} bit exact INTEGER`),
    elem: (x) => (typeof x === 'number' && x >= lo && x <= hi ? x : null),
    value: (e) => e,
  };
}

/** A 64-bit kind: exact integers stored as bigints. */
function bigKind(name: 'u64' | 's64', signed: boolean, array: ArrayClass<bigint>): ElemKind<bigint> {
  const lo = signed ? -(2n ** 63n) : 0n;
  const hi = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  return {
    ...shell(name, 8, array),
    ...elemWords(`${signed ? 'Signed' : 'Unsigned'} 64 bit exact INTEGER`),
    elem: (x) => {
      // A fixnum is within the signed range; a bigint (never a safe integer) is checked.
      if (typeof x === 'number') return signed || x >= 0 ? BigInt(x) : null;
      return typeof x === 'bigint' && x >= lo && x <= hi ? x : null;
    },
    value: (e) => normBig(e),
  };
}

/** A flonum kind. */
function floatKind(name: 'f32' | 'f64', array: ArrayClass<number>): ElemKind<number> {
  return {
    ...shell(name, name === 'f32' ? 4 : 8, array),
    ...elemWords('Inexact REAL'),
    elem: (x) => (x instanceof Flonum ? x.v : null),
    value: (e) => new Flonum(e),
  };
}

export const U8: ElemKind<number> = fixnumKind('u8', 8, false, Uint8Array);

/** The ten kinds: by element size, signed before unsigned, then the flonum kinds. */
export const ELEM_KINDS: readonly AnyKind[] = [
  fixnumKind('s8', 8, true, Int8Array),
  U8,
  fixnumKind('s16', 16, true, Int16Array),
  fixnumKind('u16', 16, false, Uint16Array),
  fixnumKind('s32', 32, true, Int32Array),
  fixnumKind('u32', 32, false, Uint32Array),
  bigKind('s64', true, BigInt64Array),
  bigKind('u64', false, BigUint64Array),
  floatKind('f32', Float32Array),
  floatKind('f64', Float64Array),
];

const BY_NAME = new Map<string, AnyKind>(ELEM_KINDS.map((k) => [k.name, k]));

/** The kind whose prefix is `name` ('u8', 's16'...), if any. */
export function elemKindNamed(name: string): AnyKind | undefined {
  return BY_NAME.get(name);
}

/** The kind of a homogeneous vector (u8vector or NumVector); null for other values. */
export function elemKindOf(v: Value): AnyKind | null {
  if (v instanceof U8Vector) return U8;
  if (v instanceof NumVector) return BY_NAME.get(v.kind)!;
  return null;
}

/** The elements of a homogeneous vector as Scheme values (for the printers). */
export function elemValues(v: Value): Value[] {
  const k: ElemKind<number | bigint> | null = elemKindOf(v);
  if (k === null) return [];
  const a = k.elemsOf(v)!;
  const out = new Array<Value>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = k.value(a[i]!);
  return out;
}

/** The bytes of a typed array (a view, in host order). */
export function bytesOf(a: Elems<number | bigint>): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The bytes of a homogeneous vector's elements (a view, in host order); null for other values. */
export function elemBytes(v: Value): Uint8Array | null {
  const k: ElemKind<number | bigint> | null = elemKindOf(v);
  return k === null ? null : bytesOf(k.elemsOf(v)!);
}

/**
 * equal? on homogeneous vectors: the same kind and the same element bits, as gsi compares them
 * (so (f64vector +nan.0) is equal? to itself, and (f64vector 0.) not to (f64vector -0.)).
 */
export function sameElems(a: Value, b: Value): boolean {
  const k = elemKindOf(a);
  if (k === null || k !== elemKindOf(b)) return false;
  const x = elemBytes(a)!;
  const y = elemBytes(b)!;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Element bytes in a fixed order (little-endian), for serialization: the typed arrays use the
// host's order, so a big-endian host swaps each element's bytes.

const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function swapped(bytes: Uint8Array, size: number): Uint8Array {
  if (HOST_LITTLE_ENDIAN || size === 1) return bytes;
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  return bytes;
}

/** The elements of `a` as little-endian bytes (a copy). */
export function littleEndianBytes(a: Elems<number | bigint>, size: number): Uint8Array {
  return swapped(bytesOf(a).slice(), size);
}

/** A vector of kind `k` from little-endian bytes (copied); null if they are not whole elements. */
export function fromLittleEndian(k: AnyKind, bytes: Uint8Array): HeapObject | null {
  if (bytes.length % k.size !== 0) return null;
  const copy = swapped(bytes.slice(), k.size);
  const kk: ElemKind<number | bigint> = k;
  return kk.wrap(kk.fromBuffer(copy.buffer as ArrayBuffer));
}
