// Scheme values.
//
// Representation (chosen for speed of the common cases):
//   exact integer in the safe range  -> JS number (always an integer; never -0)
//   exact integer outside that range -> JS bigint (normalized: a bigint is never in the safe range)
//   flonum                           -> Flonum box (so that `2` and `2.` stay distinct)
//   exact rational                   -> Ratnum (normalized: den > 1, gcd(num, den) = 1)
//   #t / #f                          -> JS true / false
//   everything else                  -> an object with a numeric `tag` (see Tag)
//
// Heap objects are classes with a readonly `tag` so code can switch on it; classes declared in
// other files (threads, ports, tables) take their tag from the Tag enum below.

import type { LambdaNode } from '../interpreter/nodes.js';
import type { Frame } from '../interpreter/frames.js';

export const enum Tag {
  Pair = 1,
  Sym,
  Keyword,
  Str,
  Char,
  Flonum,
  Ratnum,
  Special,
  Closure,
  Primitive,
  Continuation,
  Parameter,
  Values,
  Promise,
  Record,
  RecordType,
  Table,
  Box,
  ErrorObj,
  Thread,
  Mutex,
  CondVar,
  Port,
  Will,
  Host,
  Environment,
  Macro,
  Cpxnum,
  Vector,
  U8Vector,
  Time,
  ThreadGroup,
  NumVector,
}

/** The lexical environment of a closure: slot 0 is the parent environment (or null). */
export type Env = unknown[];

/** A heap object: anything with a tag. Concrete classes are below and in other runtime files. */
export interface HeapObject {
  readonly tag: Tag;
}

export type Value = number | bigint | boolean | HeapObject;

// ---------------------------------------------------------------------------------------------
// Pairs and the special constants

export class Pair implements HeapObject {
  get tag(): Tag.Pair { return Tag.Pair; }
  constructor(public car: Value, public cdr: Value) {}
}

export class Special implements HeapObject {
  get tag(): Tag.Special { return Tag.Special; }
  /** `name` is the printed form, e.g. "()" or "#!void". */
  constructor(readonly name: string) {}
}

export const NIL = new Special('()');
export const VOID = new Special('#!void');
export const EOF = new Special('#!eof');
export const DEFAULT = new Special('#!default');
export const OPTIONAL = new Special('#!optional');
export const REST = new Special('#!rest');
export const KEY = new Special('#!key');
/** Marks an unassigned variable (letrec before initialisation, unbound global). Never visible. */
export const UNASSIGNED = new Special('#!unbound');

// ---------------------------------------------------------------------------------------------
// Symbols and keywords. Interned ones are unique by name across the process: the intern tables
// are the one piece of module-level state, and they are harmless to share between several Vms
// (like JS's Symbol.for) because a symbol carries nothing but its name.

export class Sym implements HeapObject {
  get tag(): Tag.Sym { return Tag.Sym; }
  constructor(readonly name: string, readonly interned: boolean) {}
}

export class Keyword implements HeapObject {
  get tag(): Tag.Keyword { return Tag.Keyword; }
  constructor(readonly name: string, readonly interned: boolean) {}
}

const symbolTable = new Map<string, Sym>();
const keywordTable = new Map<string, Keyword>();

export function intern(name: string): Sym {
  let s = symbolTable.get(name);
  if (s === undefined) {
    s = new Sym(name, true);
    symbolTable.set(name, s);
  }
  return s;
}

export function internKeyword(name: string): Keyword {
  let k = keywordTable.get(name);
  if (k === undefined) {
    k = new Keyword(name, true);
    keywordTable.set(name, k);
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Strings and characters. Scheme strings are mutable: the box holds an immutable JS string that
// `string-set!` and friends replace (O(n) per mutation; mutation is rare in practice).

export class MString implements HeapObject {
  get tag(): Tag.Str { return Tag.Str; }
  constructor(public s: string) {}
}

/** A character: one Unicode code point. */
export class Char implements HeapObject {
  get tag(): Tag.Char { return Tag.Char; }
  constructor(readonly code: number) {}
}

const charCache: Char[] = [];
for (let i = 0; i < 256; i++) charCache.push(new Char(i));

export function makeChar(code: number): Char {
  return code < 256 ? charCache[code]! : new Char(code);
}

// ---------------------------------------------------------------------------------------------
// Vectors

export class SVector implements HeapObject {
  get tag(): Tag.Vector { return Tag.Vector; }
  constructor(public items: Value[]) {}
}

export class U8Vector implements HeapObject {
  get tag(): Tag.U8Vector { return Tag.U8Vector; }
  constructor(public bytes: Uint8Array) {}
}

/** Gambit's homogeneous vectors other than u8vectors, by element kind (`#s8(...)` ... `#f64(...)`). */
export type NumKind = 's8' | 'u16' | 's16' | 'u32' | 's32' | 'u64' | 's64' | 'f32' | 'f64';

/**
 * The typed array of a homogeneous vector's elements, seen generically: every typed array is an
 * `Elems<number>`, but BigInt64Array and BigUint64Array, which are `Elems<bigint>`.
 */
export interface Elems<E extends number | bigint> {
  readonly length: number;
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly byteLength: number;
  [i: number]: E;
  fill(x: E, start?: number, end?: number): this;
  slice(start?: number, end?: number): this;
  set(src: ArrayLike<E>, offset?: number): void;
}

/**
 * An s8vector, u16vector, ..., f64vector: `elems` is the typed array of its `kind` (Int8Array
 * for s8, BigUint64Array for u64, Float32Array for f32...; runtime/elem-kinds.ts makes them
 * and is the one place that relies on this invariant). u8vectors stay U8Vector, which ports,
 * sockets and serialization use as raw bytes.
 */
export class NumVector implements HeapObject {
  get tag(): Tag.NumVector { return Tag.NumVector; }
  constructor(readonly kind: NumKind, public elems: Elems<number> | Elems<bigint>) {}
}

// ---------------------------------------------------------------------------------------------
// Numbers other than JS numbers and bigints.

export class Flonum implements HeapObject {
  get tag(): Tag.Flonum { return Tag.Flonum; }
  constructor(readonly v: number) {}
}

export class Ratnum implements HeapObject {
  get tag(): Tag.Ratnum { return Tag.Ratnum; }
  /** Invariant: den > 1n and gcd(num, den) = 1n. */
  constructor(readonly num: bigint, readonly den: bigint) {}
}

/** A complex number with a non-zero imaginary part (parts are any real numbers). */
export class Cpxnum implements HeapObject {
  get tag(): Tag.Cpxnum { return Tag.Cpxnum; }
  constructor(readonly re: Value, readonly im: Value) {}
}

// ---------------------------------------------------------------------------------------------
// Procedures

export class Closure implements HeapObject {
  get tag(): Tag.Closure { return Tag.Closure; }
  /** (Not readonly: `trace` swaps a closure's code in place, runtime/prims/trace.ts.) */
  constructor(public lambda: LambdaNode, readonly env: Env) {}
}

/**
 * How a primitive is called by the machine:
 * - `pure`: a JS function of its arguments, with no side effects and no access to the machine.
 *   The compiler may call it inline (and even call it again if it must fall back).
 * - `plain`: a JS function of its arguments (and the Vm as `this`-free extra context through
 *   the closure that made it); may have side effects; returns the result.
 * - `control`: receives the machine and manipulates its registers (call/cc, apply, raise...).
 */
export type PrimKind = 'pure' | 'plain' | 'control';

export class Primitive implements HeapObject {
  get tag(): Tag.Primitive { return Tag.Primitive; }
  constructor(
    readonly name: string,
    /** Minimum number of arguments. */
    readonly min: number,
    /** Maximum number of arguments, or -1 for any number. */
    readonly max: number,
    readonly kind: PrimKind,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly fn: (...args: any[]) => any,
  ) {}
}

/** A first-class continuation: the frame stack plus the dynamic environment it runs in. */
export class Continuation implements HeapObject {
  get tag(): Tag.Continuation { return Tag.Continuation; }
  constructor(
    readonly k: Frame | null,
    readonly dyn: Dyn,
    /** call/cc's continuations are procedures; continuation-capture's are not (as in Gambit). */
    readonly isProcedure: boolean,
  ) {}
}

/**
 * A parameter object (R7RS make-parameter). Its current value lives in the dynamic environment
 * (see Dyn.params) when parameterized, else in `value`.
 */
export class Parameter implements HeapObject {
  get tag(): Tag.Parameter { return Tag.Parameter; }
  constructor(public value: Value, readonly converter: Value | null) {}
}

/** The value of parameter `p` in the dynamic environment `dyn`. */
export function paramRead(dyn: Dyn, p: Parameter): Value {
  for (let b = dyn.params; b !== null; b = b.next) if (b.param === p) return b.cell.value;
  return p.value;
}

/** Multiple values (other than exactly one) returned to a continuation. */
export class MultipleValues implements HeapObject {
  get tag(): Tag.Values { return Tag.Values; }
  constructor(readonly vals: Value[]) {}
}

/** A promise: `done` holds the value once forced; otherwise `thunk` is the code to run. */
export class SPromise implements HeapObject {
  get tag(): Tag.Promise { return Tag.Promise; }
  constructor(public done: boolean, public value: Value, public thunk: Value | null) {}
}

/** A point in time (Gambit's time objects: current-time, timeouts). */
export class STime implements HeapObject {
  get tag(): Tag.Time { return Tag.Time; }
  constructor(readonly seconds: number) {}
}

/** An environment specifier for eval (there is only the global environment). */
export class SEnvironment implements HeapObject {
  get tag(): Tag.Environment { return Tag.Environment; }
}

export class Box implements HeapObject {
  get tag(): Tag.Box { return Tag.Box; }
  constructor(public value: Value) {}
}

// ---------------------------------------------------------------------------------------------
// Records (define-type, define-record-type)

export interface FieldSpec {
  readonly name: string;
  readonly printable: boolean;
  readonly mutable: boolean;
}

export class RecordType implements HeapObject {
  get tag(): Tag.RecordType { return Tag.RecordType; }
  constructor(
    readonly name: string,
    /** Identity: from `id:` (stable across processes) or generated (generative type). */
    readonly id: string,
    readonly generative: boolean,
    readonly parent: RecordType | null,
    /** All fields, the parent's first. */
    readonly fields: FieldSpec[],
  ) {}
}

export class Record implements HeapObject {
  get tag(): Tag.Record { return Tag.Record; }
  constructor(readonly type: RecordType, readonly fields: Value[]) {}
}

// ---------------------------------------------------------------------------------------------
// The dynamic environment of a running thread. Immutable: capturing a continuation just keeps a
// reference, and changing it (parameterize, with-exception-handler, dynamic-wind) makes a new one.

/** A parameterize binding: a linked list searched from the newest. */
export interface ParamBinding {
  readonly param: Parameter;
  /** A mutable cell: (param new-value) inside a parameterize sets it. */
  readonly cell: { value: Value };
  readonly next: ParamBinding | null;
}

/** An installed exception handler: a linked list, innermost first. */
export interface HandlerList {
  readonly handler: Value;
  /** Called with the outer handler installed (R7RS) rather than itself (Gambit 4.9.3). */
  readonly r7rs: boolean;
  /** with-exception-catcher: escape to this continuation, then call the handler. */
  readonly catcher: { readonly k: Frame | null; readonly dyn: Dyn } | null;
  readonly next: HandlerList | null;
}

/** The dynamic-wind list: innermost first; `depth` counts entries so common ancestors are cheap to find. */
export interface WindList {
  readonly before: Value;
  readonly after: Value;
  readonly depth: number;
  readonly next: WindList | null;
}

export interface Dyn {
  readonly params: ParamBinding | null;
  readonly handlers: HandlerList | null;
  readonly winds: WindList | null;
}

export const EMPTY_DYN: Dyn = { params: null, handlers: null, winds: null };

// ---------------------------------------------------------------------------------------------
// Small helpers used everywhere

export function isPair(v: Value): v is Pair {
  return v instanceof Pair;
}

export function cons(a: Value, b: Value): Pair {
  return new Pair(a, b);
}

export function list(...items: Value[]): Value {
  let r: Value = NIL;
  for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i]!, r);
  return r;
}

/** A proper list to an array; returns null for an improper or circular list. */
export function listToArray(v: Value): Value[] | null {
  const out: Value[] = [];
  let slow = v;
  while (v instanceof Pair) {
    out.push(v.car);
    v = v.cdr;
    if (out.length % 2 === 0) {
      slow = (slow as Pair).cdr;
      if (slow === v && v instanceof Pair) return null;
    }
  }
  return v === NIL ? out : null;
}

export function arrayToList(items: readonly Value[], tail: Value = NIL): Value {
  let r = tail;
  for (let i = items.length - 1; i >= 0; i--) r = new Pair(items[i]!, r);
  return r;
}

export function isProcedure(v: Value): boolean {
  if (typeof v !== 'object') return false;
  const t = v.tag;
  return t === Tag.Closure || t === Tag.Primitive || t === Tag.Parameter || (t === Tag.Continuation && (v as Continuation).isProcedure);
}

export function str(s: string): MString {
  return new MString(s);
}

export function truthy(v: Value): boolean {
  return v !== false;
}

export function isSymbol(v: Value): v is Sym {
  return v instanceof Sym;
}

export function isFixnum(v: Value): v is number {
  return typeof v === 'number';
}

export function isExactInteger(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

export function isNumber(v: Value): boolean {
  if (typeof v === 'number' || typeof v === 'bigint') return true;
  if (typeof v !== 'object') return false;
  return v.tag === Tag.Flonum || v.tag === Tag.Ratnum || v.tag === Tag.Cpxnum;
}

/** Normalizes a bigint result to a JS number when it is in the safe-integer range. */
export function normBig(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/** Normalizes a JS number that should be an exact integer but may have left the safe range. */
export function normInt(n: number, a: () => bigint): number | bigint {
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : a();
}
