// The byte format of object->u8vector / u8vector->object (written by serialize.ts and
// serial-code.ts, read by deserialize.ts; CBOR itself by serial-cbor.ts).
//
// A message is one CBOR value:
//
//   ["gsi-ts", VERSION, root, entries]
//
// `root` is a field (below); `entries` is a flat array with one entry per heap object that has
// identity, may be shared or cyclic, or is internal to closures and continuations, numbered in
// the order the encoder reached them (pre-order). An entry is a flat array `[TAG, field...]`
// (layouts under Ent). Nothing nests deeper than a few levels except code units, whose depth is
// that of the source, so neither the CBOR codec nor our walks recurse on data.
//
// Fields (where a Scheme value goes):
//   CBOR integer              fixnum
//   true / false              #t / #f
//   null                      ()
//   text string               interned symbol
//   [i]                       entry i (i >= 0)
//   [i, k]                    the k-th pair of the list entry i (k >= 1: a shared list tail)
//   [CODE, arg...]            an immediate (CODE < 0, see Imm)
//   undefined                 "absent": a pruned environment slot, a hole in a frame's values
// Links (where an internal part goes: a record's type, a closure's code and environment, a
// frame's next frame and environment, a dynamic environment...) are plain entry indices, as
// their kind is known from the position. A frame names a node of code as [unitEntry,
// nodeIndex] (pre-order index in the unit).
//
// Code travels in units (see serial-code.ts): a closure's lambda, or for a frame of top-level
// code the node the frame waits in. A unit is its own small CBOR document, embedded as a byte
// string, so both sides can cache code by content (serialState in serial-code.ts).

import { NamedParameter } from './ports.js';
import { core, coreName } from '../interpreter/core-syms.js';
import {
  Char, Cpxnum, DEFAULT, EOF, Flonum, KEY, Keyword, NIL, OPTIONAL, Primitive, REST, Ratnum, SEnvironment, Special, Sym,
  UNASSIGNED, VOID, intern, internKeyword, makeChar, normBig, type Value,
} from './values.js';

/** Bumped whenever the format changes incompatibly; decoders refuse other versions. */
export const VERSION = 1;
export const MAGIC = 'gsi-ts';

/** Entry tags (first element of an entry). Field lists are documented per tag. */
export const enum Ent {
  /** [LIST, car1, ..., carN, tail]: N >= 1 pairs linked by their cdrs; pair k is [i, k - 1]. */
  List = 1,
  /** [STR, text] a mutable string. */
  Str = 2,
  /** [VEC, item...] */
  Vec = 3,
  /** [U8, bytes] */
  U8 = 4,
  /** [USYM, name] an uninterned symbol (name: text, or UTF-16LE bytes if not well-formed). */
  USym = 5,
  /** [UKW, name] an uninterned keyword. */
  UKw = 6,
  /** [TYPE, name, gambitId, generative, parentLink|null, flags, [fieldName, options, init]...] (own fields only). */
  Type = 7,
  /** [REC, typeLink, field...] */
  Rec = 8,
  /** [TABLE, test, hash|null, init|absent, weakKeys, weakValues, custom, k1, v1, ...] (custom: customItems instead of pairs). */
  Table = 9,
  /** [PROMISE, done, value, thunk|null] */
  Promise = 10,
  /** [BOX, value] */
  Box = 11,
  /** [ERR, kind, message, [irritant...], argNum, typeName, datum|absent, proc|absent, [arg...]|null, loc|null, locProc|null, located] */
  Err = 12,
  /** [PARAM, value, converter|null] a parameter object that is not the value of a global. */
  Param = 13,
  /** [CLO, unitLink|null, envLink, name|null, isLet]: no unit = a stub (an environment link only). */
  Clo = 14,
  /** [ENV, closureLink|absent, slot1, ...]: slot 0 is the closure running in it; pruned slots are absent. */
  Env = 15,
  /** [UNIT, bytes, external]: a code unit; external = it refers to entries of this message (never cached). */
  Unit = 16,
  /** [CONT, frameLink|null, dynLink, isProcedure] */
  Cont = 17,
  /** [FRAME, fop, nextLink|null, ...]: fields per FOp, see serial-parts.ts frameChildren and deserial-frames.ts fillFrame. */
  Frame = 18,
  /** [DYN, pbindLink|null, hlistLink|null, wlistLink|null] */
  Dyn = 19,
  /** [PBIND, param, value, nextLink|null] a parameterize binding (param: a field holding a parameter). */
  PBind = 20,
  /** [HLIST, handler, r7rs, catcherFrameLink|null|absent, catcherDynLink|absent, nextLink|null] (absent: no catcher). */
  HList = 21,
  /** [WLIST, before, after, depth, nextLink|null] */
  WList = 22,
  /** [MV, value...] multiple values */
  MV = 23,
  /** [TIME, seconds] */
  Time = 24,
  /** [STR16, bytes] a string that is not well-formed UTF-16 (lone surrogates): UTF-16LE code units. */
  Str16 = 25,
  /** [NUMVEC, kind, bytes] an s8vector ... f64vector (kind: 's8' ... 'f64'): its elements, little-endian. */
  NumVec = 26,
}

/** The last entry tag (decoders refuse others). */
export const LAST_ENT = Ent.NumVec;

/** Immediate codes (first element of a field array; always negative). */
export const enum Imm {
  Void = -1,
  Eof = -2,
  Default = -3,
  Optional = -4,
  Rest = -5,
  Key = -6,
  Unbound = -7,
  Environment = -8,
  /** [FLO, x] */
  Flo = -10,
  /** [NEG0] the flonum -0. (CBOR would fold it into the integer 0.) */
  NegZero = -11,
  /** [CHAR, codePoint] */
  Char = -12,
  /** [KW, name] an interned keyword */
  Kw = -13,
  /** [PRIM, name] a primitive, by name: the receiver's own primitive of that name */
  Prim = -14,
  /** [BIG, hex] an exact integer outside the fixnum range (hex with optional '-') */
  Big = -15,
  /** [CORE, name] one of the compiler's core symbols (interpreter/core-syms.ts) */
  Core = -16,
  /** [GPARAM, name] the parameter object held by global `name` (the receiver's own) */
  GParam = -17,
  /** [RAT, numHex, denHex] */
  Rat = -18,
  /** [CPX, re, im] (both fields are real numbers) */
  Cpx = -19,
  /** [SYM16, bytes] an interned symbol whose name is not well-formed UTF-16 */
  Sym16 = -20,
  /** [LSYM, name]: inside a code unit only, a variable name that is an uninterned symbol (debug info) */
  LocalSym = -21,
  // Inside code units only: constants are self-contained (no entries), so units can be cached.
  /** [C_LIST, car..., tail] */
  CList = -30,
  /** [C_STR, text] */
  CStr = -31,
  /** [C_VEC, item...] */
  CVec = -32,
  /** [C_U8, bytes] */
  CU8 = -33,
  /** [C_STR16, bytes] */
  CStr16 = -34,
}

/** Most entries in a message (the decoder also wants at least a byte per entry). */
export const MAX_ENTRIES = 10_000_000;
/** Longest exact integer accepted, in hex digits (4 million bits). */
export const MAX_BIG_HEX = 1_000_000;
/** Code units cached per Vm before the cache is emptied (a crude bound on its memory). */
export const MAX_CACHED_UNITS = 20_000;
/** The encoder packs a pair's place (entry, k) into one number: entry + k * PAIR_K (entry < PAIR_K). */
export const PAIR_K = 0x4000000;

// ---------------------------------------------------------------------------------------------
// Immediates: values without identity, written in place. Shared by the message encoder and the
// code-unit encoder (constants inside code).

/** Returned by immediateField for values that need an entry (or are not serializable). */
export const NOT_IMMEDIATE: unique symbol = Symbol('not immediate');

/** ES2024 String.prototype.isWellFormed (Node >= 20): no lone surrogates. */
function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** A name as CBOR: the text when it is well-formed UTF-16 (CBOR text is UTF-8), else UTF-16LE bytes. */
export function textField(s: string): string | Uint8Array {
  if (isWellFormed(s)) return s;
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    b[2 * i] = c & 0xff;
    b[2 * i + 1] = c >> 8;
  }
  return b;
}

/** The field of an immediate value, or NOT_IMMEDIATE. */
export function immediateField(v: Value): unknown {
  switch (typeof v) {
    case 'number': return v;
    case 'boolean': return v;
    case 'bigint': return [Imm.Big, v.toString(16)];
    default: break;
  }
  if (v instanceof Sym) {
    if (v.interned) {
      const t = textField(v.name);
      return typeof t === 'string' ? t : [Imm.Sym16, t];
    }
    return coreName(v) !== null ? [Imm.Core, v.name] : NOT_IMMEDIATE;
  }
  if (v instanceof Special) {
    switch (v) {
      case NIL: return null;
      case VOID: return [Imm.Void];
      case EOF: return [Imm.Eof];
      case DEFAULT: return [Imm.Default];
      case OPTIONAL: return [Imm.Optional];
      case REST: return [Imm.Rest];
      case KEY: return [Imm.Key];
      case UNASSIGNED: return [Imm.Unbound];
      default: return NOT_IMMEDIATE;
    }
  }
  if (v instanceof Flonum) return Object.is(v.v, -0) ? [Imm.NegZero] : [Imm.Flo, v.v];
  if (v instanceof Char) return [Imm.Char, v.code];
  if (v instanceof Keyword) return v.interned ? [Imm.Kw, textField(v.name)] : NOT_IMMEDIATE;
  if (v instanceof Primitive) return [Imm.Prim, v.name];
  if (v instanceof Ratnum) return [Imm.Rat, v.num.toString(16), v.den.toString(16)];
  if (v instanceof Cpxnum) return [Imm.Cpx, immediateField(v.re), immediateField(v.im)];
  if (v instanceof NamedParameter) return [Imm.GParam, v.name];
  if (v instanceof SEnvironment) return [Imm.Environment];
  return NOT_IMMEDIATE;
}

/** Thrown by decoders on malformed input; becomes a Scheme `deserialization error`. */
export class DecodeError {
  constructor(readonly why: string) {}
}

export function bad(why: string): never {
  throw new DecodeError(why);
}

/** A name field: text, or UTF-16LE bytes. */
export function textOf(f: unknown): string {
  if (typeof f === 'string') return f;
  if (f instanceof Uint8Array && (f.length & 1) === 0) {
    let s = '';
    for (let i = 0; i < f.length; i += 2) s += String.fromCharCode(f[i]! | (f[i + 1]! << 8));
    return s;
  }
  return bad('name expected');
}

export function intOf(f: unknown, min: number, max: number, what: string): number {
  if (typeof f !== 'number' || !Number.isInteger(f) || f < min || f > max) bad(`${what} out of range`);
  return f === 0 ? 0 : f;
}

export function boolOf(f: unknown): boolean {
  if (typeof f !== 'boolean') bad('boolean expected');
  return f;
}

function bigOf(f: unknown): bigint {
  if (typeof f !== 'string' || f.length === 0 || f.length > MAX_BIG_HEX + 1 || !/^-?[0-9a-f]+$/.test(f)) bad('bad big integer');
  return f.startsWith('-') ? -BigInt(`0x${f.slice(1)}`) : BigInt(`0x${f}`);
}

function isReal(v: Value): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof Flonum || v instanceof Ratnum;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** What immediates need from the receiving Vm. */
export interface ImmediateResolver {
  prim(name: string): Value;
  gparam(name: string): Value;
}

/** Decodes an immediate field array (f[0] < 0) that is not a unit-only container. */
export function decodeImmediate(f: unknown[], r: ImmediateResolver): Value {
  const code = f[0] as number;
  switch (code) {
    case Imm.Void: return VOID;
    case Imm.Eof: return EOF;
    case Imm.Default: return DEFAULT;
    case Imm.Optional: return OPTIONAL;
    case Imm.Rest: return REST;
    case Imm.Key: return KEY;
    case Imm.Unbound: return UNASSIGNED;
    case Imm.Environment: return new SEnvironment();
    case Imm.Flo: {
      const x = f[1];
      if (typeof x !== 'number') bad('flonum expected');
      return new Flonum(x);
    }
    case Imm.NegZero: return new Flonum(-0);
    case Imm.Char: {
      const c = intOf(f[1], 0, 0x10ffff, 'character');
      return makeChar(c);
    }
    case Imm.Kw: return internKeyword(textOf(f[1]));
    case Imm.Prim: {
      if (typeof f[1] !== 'string') bad('primitive name expected');
      return r.prim(f[1]);
    }
    case Imm.Big: {
      const b = bigOf(f[1]);
      return normBig(b);
    }
    case Imm.Core: {
      if (typeof f[1] !== 'string') bad('core symbol name expected');
      const s = core(f[1]);
      return s;
    }
    case Imm.GParam: {
      if (typeof f[1] !== 'string') bad('parameter name expected');
      return r.gparam(f[1]);
    }
    case Imm.Rat: {
      if (typeof f[1] !== 'string' || typeof f[2] !== 'string' || f[1].length + f[2].length > MAX_RAT_HEX) bad('bad ratnum');
      const num = bigOf(f[1]), den = bigOf(f[2]);
      if (den <= 1n || num === 0n || gcd(num, den) !== 1n) bad('ratnum not normalized');
      return new Ratnum(num, den);
    }
    case Imm.Cpx: {
      const re = f[1], im = f[2];
      const a = Array.isArray(re) && re.length > 0 && typeof re[0] === 'number' && re[0] < 0 ? decodeImmediate(re, r) : re;
      const b = Array.isArray(im) && im.length > 0 && typeof im[0] === 'number' && im[0] < 0 ? decodeImmediate(im, r) : im;
      if (typeof a === 'number' && !Number.isSafeInteger(a)) bad('bad complex part');
      if (typeof b === 'number' && !Number.isSafeInteger(b)) bad('bad complex part');
      if (!isReal(a as Value) || !isReal(b as Value) || b === 0) bad('bad complex number');
      return new Cpxnum(a as Value, b as Value);
    }
    case Imm.Sym16: return intern(textOf(f[1]));
    default: return bad(`unknown immediate ${String(code)}`);
  }
}

/** Ratnums are checked for lowest terms (a gcd): their size is bounded to keep that cheap. */
export const MAX_RAT_HEX = 20_000;
