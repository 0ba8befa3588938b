// Gambit's tables (manual section 11): hash tables with a key comparison procedure (`test:`,
// equal? by default), an optional hash procedure, an optional default value (`init:`).
//
// Representation. Entries live in `order`, an insertion-ordered Set; lookup goes through one of
// two indexes:
//   atoms   Map from a normalized key to its entry, for keys the test compares by identity or
//           by value: eq? (characters by code point), eqv? (numbers by exactness and value),
//           string=? (string contents), string-ci=? (contents folded to lower case), and the
//           atomic keys of an equal? table (symbols, numbers, characters, booleans, ...).
//   buckets Map from a hash number to the entries with that hash, compared with the test: the
//           containers of an equal? table (pairs, strings, vectors, records...: structural hash,
//           bounded), and every key of a table whose test is another primitive (hash from the
//           `hash:` primitive, else 0: a linear search, as Gambit does for unknown tests).
// A normalized key is the value itself, or a JS string tagged by its first character ("c" char,
// "f" flonum, "r" ratnum, "z" cpxnum, "s" string contents); Scheme values are never JS strings.
//
// Iteration (table-for-each, table-search) visits entries in insertion order and table->list
// lists them newest first: for small tables of symbols that is what gsi shows. `weak-keys:` and
// `weak-values:` are accepted and ignored (entries are strong); `min-load:` / `max-load:` too.
// A table whose test or hash is not a primitive that can be called directly (a closure, say)
// is "custom": its bindings are a Scheme list of #(hash key value), oldest first, in
// `customItems`, searched by Scheme code (scheme-lib/prelude-data.scm) that calls the hash
// procedure once per operation and the test as (test key stored-key), as gsi does.

import { isEqual } from './equality.js';
import {
  Box, Char, Cpxnum, Flonum, Keyword, MString, NIL, Pair, Primitive, Ratnum, Record, SVector, Sym, Tag, intern,
  type HeapObject, type Value,
} from './values.js';
import { FNV_BASIS, hashCombine, stringHash } from './prims/data-util.js';
import { elemBytes } from './elem-kinds.js';
import { fieldOptions, FieldOpt, isOpaque } from './records.js';
import { typeError } from './errors.js';

export const enum TestKind {
  Eq = 0,
  Eqv,
  Equal,
  StringEq,
  StringCiEq,
  /** Another primitive of two arguments (e.g. `=`), called directly. */
  Other,
  /** A test or hash that must be called by the machine (a closure...): see customItems. */
  Custom,
}

export interface Entry {
  key: Value;
  value: Value;
}

/** The options a table is made with (make-table's keyword arguments, resolved). */
export interface TableOptions {
  /** The test procedure. */
  readonly test: Value;
  /** The hash procedure given with `hash:`, or null. */
  readonly hash: Value | null;
  /** The `init:` value, or undefined when none was given. */
  readonly init: Value | undefined;
  readonly weakKeys: boolean;
  readonly weakValues: boolean;
}

export class Table implements HeapObject {
  get tag(): Tag.Table { return Tag.Table; }
  readonly kind: TestKind;
  private readonly order = new Set<Entry>();
  private readonly atoms = new Map<unknown, Entry>();
  private readonly buckets = new Map<number, Entry[]>();
  /** For a custom table: its bindings, a Scheme list of #(hash key value), oldest first. */
  customItems: Value = NIL;

  constructor(readonly options: TableOptions) {
    this.kind = testKind(options.test, options.hash);
  }

  get size(): number {
    if (this.kind === TestKind.Custom) {
      let n = 0;
      for (let x = this.customItems; x instanceof Pair; x = x.cdr) n++;
      return n;
    }
    return this.order.size;
  }

  /** The entries, oldest first (a snapshot: the table may be changed while it is walked). */
  entries(): Entry[] {
    if (this.kind === TestKind.Custom) {
      const out: Entry[] = [];
      for (let x = this.customItems; x instanceof Pair; x = x.cdr) {
        const b = (x.car as SVector).items;
        out.push({ key: b[1]!, value: b[2]! });
      }
      return out;
    }
    return [...this.order];
  }

  /** Not for custom tables (their test must be called by Scheme code). */
  get(key: Value): Entry | undefined {
    const a = this.atomKey(key);
    if (a !== NO_ATOM) return this.atoms.get(a);
    const b = this.buckets.get(this.hashOf(key));
    if (b === undefined) return undefined;
    for (const e of b) if (this.same(e.key, key)) return e;
    return undefined;
  }

  set(key: Value, value: Value): void {
    const a = this.atomKey(key);
    if (a !== NO_ATOM) {
      const e = this.atoms.get(a);
      if (e !== undefined) { e.value = value; return; }
      const n: Entry = { key, value };
      this.atoms.set(a, n);
      this.order.add(n);
      return;
    }
    const h = this.hashOf(key);
    let b = this.buckets.get(h);
    if (b === undefined) {
      b = [];
      this.buckets.set(h, b);
    }
    for (const e of b) if (this.same(e.key, key)) { e.value = value; return; }
    const n: Entry = { key, value };
    b.push(n);
    this.order.add(n);
  }

  delete(key: Value): void {
    const a = this.atomKey(key);
    if (a !== NO_ATOM) {
      const e = this.atoms.get(a);
      if (e !== undefined) {
        this.atoms.delete(a);
        this.order.delete(e);
      }
      return;
    }
    const h = this.hashOf(key);
    const b = this.buckets.get(h);
    if (b === undefined) return;
    const i = b.findIndex((e) => this.same(e.key, key));
    if (i < 0) return;
    this.order.delete(b[i]!);
    b.splice(i, 1);
    if (b.length === 0) this.buckets.delete(h);
  }

  /** A table with the same options and entries. */
  copy(): Table {
    const t = new Table(this.options);
    if (this.kind === TestKind.Custom) {
      const items: Value[] = [];
      for (let x = this.customItems; x instanceof Pair; x = x.cdr) items.push(new SVector((x.car as SVector).items.slice()));
      let l: Value = NIL;
      for (let i = items.length - 1; i >= 0; i--) l = new Pair(items[i]!, l);
      t.customItems = l;
      return t;
    }
    for (const e of this.order) t.set(e.key, e.value);
    return t;
  }

  private atomKey(key: Value): unknown {
    switch (this.kind) {
      case TestKind.Eq: return key instanceof Char ? `c${key.code}` : key;
      case TestKind.Eqv: return eqvKey(key);
      case TestKind.Equal: return isContainer(key) ? NO_ATOM : eqvKey(key);
      case TestKind.StringEq: return `s${stringKey(key, 'string=?-hash')}`;
      case TestKind.StringCiEq: return `s${stringKey(key, 'string-ci=?-hash').replace(/[A-Z]+/g, (m) => m.toLowerCase())}`;
      case TestKind.Other: return NO_ATOM;
      case TestKind.Custom: throw new Error('custom table searched from TypeScript');
      default: {
        const never: never = this.kind;
        throw new Error(`unknown table test ${String(never)}`);
      }
    }
  }

  private hashOf(key: Value): number {
    if (this.kind === TestKind.Equal) return equalHash(key);
    const h = this.options.hash;
    if (!(h instanceof Primitive)) return 0;
    const r: unknown = h.fn(key);
    return typeof r === 'number' ? r : 0;
  }

  private same(a: Value, b: Value): boolean {
    if (this.kind === TestKind.Equal) return isEqual(a, b);
    return (this.options.test as Primitive).fn(b, a) !== false;
  }
}

const NO_ATOM = Symbol('no atom');

/** Can the primitive be called directly from TypeScript? */
function direct(p: Value): p is Primitive {
  return p instanceof Primitive && p.kind !== 'control';
}

function testKind(p: Value, hash: Value | null): TestKind {
  if (!direct(p) || (hash !== null && !direct(hash))) return TestKind.Custom;
  switch (p.name) {
    case 'eq?': return TestKind.Eq;
    case 'eqv?': return TestKind.Eqv;
    case 'equal?': return TestKind.Equal;
    case 'string=?': return TestKind.StringEq;
    case 'string-ci=?': return TestKind.StringCiEq;
    default: return TestKind.Other;
  }
}

/**
 * Keys of a string=? (string-ci=?) table must be strings. gsi's error comes from the table's
 * hash procedure, called from its ##table-access: `(Argument 1) STRING expected`, call form
 * `(string=?-hash 5)`, located `IN ##table-access`.
 */
function stringKey(key: Value, hash: 'string=?-hash' | 'string-ci=?-hash'): string {
  if (key instanceof MString) return key.s;
  const e = typeError(1, 'STRING');
  e.proc = intern(hash);
  e.args = [key];
  e.locProc = '##table-access';
  e.located = true;
  throw e;
}

/** The normalized key under which eqv? compares a value. */
export function eqvKey(v: Value): unknown {
  if (typeof v !== 'object') return v;
  switch (v.tag) {
    case Tag.Char: return `c${(v as Char).code}`;
    case Tag.Flonum: {
      const x = (v as Flonum).v;
      return Object.is(x, -0) ? 'f-0' : `f${x}`;
    }
    case Tag.Ratnum: return `r${(v as Ratnum).num}/${(v as Ratnum).den}`;
    case Tag.Cpxnum: return `z${String(eqvKey((v as Cpxnum).re))},${String(eqvKey((v as Cpxnum).im))}`;
    default: return v;
  }
}

function isContainer(v: Value): boolean {
  if (typeof v !== 'object') return false;
  const t = v.tag;
  return t === Tag.Pair || t === Tag.Str || t === Tag.Vector || t === Tag.U8Vector || t === Tag.NumVector || t === Tag.Box
    || t === Tag.Record || t === Tag.Table;
}

// ---------------------------------------------------------------------------------------------
// Hashing

const SALT = { pair: 171863262, vector: 314126733, table: 381975548, record: 473043521, box: 502140387 };

/**
 * Gambit's eqv?-hash for numbers and immediate values (fixnums, flonums and strings give gsi's
 * numbers); other objects hash by identity, which the caller provides (`identity`).
 */
export function eqvHash(v: Value, identity: (o: HeapObject) => number): number {
  if (typeof v === 'number') return hashCombine(v & 0x1fffffff, FNV_BASIS);
  if (typeof v === 'bigint') return Number(((v % 331804481n) + 331804481n) % 331804481n);
  if (typeof v === 'boolean') return v ? 1 : 0;
  switch (v.tag) {
    case Tag.Flonum: {
      const u = new Uint16Array(new Float64Array([(v as Flonum).v]).buffer);
      return hashCombine(u[0]!, hashCombine(u[1]!, hashCombine(u[2]!, u[3]!)));
    }
    case Tag.Ratnum:
      return hashCombine(eqvHash(bigNorm((v as Ratnum).num), identity), eqvHash(bigNorm((v as Ratnum).den), identity));
    case Tag.Cpxnum:
      return hashCombine(eqvHash((v as Cpxnum).re, identity), eqvHash((v as Cpxnum).im, identity));
    case Tag.Char:
      return (v as Char).code;
    case Tag.Sym:
      return stringHash((v as Sym).name);
    case Tag.Keyword:
      return stringHash((v as Keyword).name);
    default:
      return identity(v);
  }
}

function bigNorm(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/**
 * A structural hash consistent with equal?: strings and homogeneous vectors by contents, pairs, vectors,
 * boxes and records by their elements, visiting at most a bounded number of sub-objects.
 * Atoms without a value-based hash (procedures, ports...) hash to a constant.
 */
export function equalHash(v: Value): number {
  let budget = 64;
  const go = (x: Value): number => {
    if (--budget < 0) return 0;
    if (typeof x !== 'object') return eqvHash(x, () => 0);
    switch (x.tag) {
      case Tag.Pair: {
        let h = SALT.pair;
        let p: Value = x;
        while (p instanceof Pair && budget > 0) {
          h = hashCombine(h, go(p.car) >>> 5);
          p = p.cdr;
          budget--;
        }
        return hashCombine(h, go(p) >>> 5);
      }
      case Tag.Str:
        return stringHash((x as MString).s);
      case Tag.Vector: {
        const items = (x as SVector).items;
        let h = hashCombine(SALT.vector, items.length);
        for (let i = 0; i < items.length && budget > 0; i++) h = hashCombine(h, go(items[i]!) >>> 5);
        return h;
      }
      case Tag.U8Vector:
      case Tag.NumVector: {
        const b = elemBytes(x)!;
        let h = FNV_BASIS;
        for (let i = 0; i < b.length; i++) h = hashCombine(h, b[i]!);
        return h;
      }
      case Tag.Box:
        return hashCombine(SALT.box, go((x as Box).value) >>> 5);
      case Tag.Record: {
        const r = x as Record;
        if (isOpaque(r.type)) return SALT.record;
        let h = hashCombine(SALT.record, stringHash(r.type.name));
        for (let i = 0; i < r.fields.length && budget > 0; i++) {
          if ((fieldOptions(r.type, i) & FieldOpt.EqualitySkip) === 0) h = hashCombine(h, go(r.fields[i]!) >>> 5);
        }
        return h;
      }
      case Tag.Table:
        return hashCombine(SALT.table, (x as Table).size);
      default:
        return eqvHash(x, () => 0);
    }
  };
  return go(v);
}

// ---------------------------------------------------------------------------------------------
// equal? on tables (manual: same weakness, test, hash and length, and equal? values for each key)

export function tableEqual(a: Table, b: Table): boolean {
  if (a === b) return true;
  const x = a.options;
  const y = b.options;
  if (x.test !== y.test || x.hash !== y.hash || x.weakKeys !== y.weakKeys || x.weakValues !== y.weakValues) return false;
  if (a.size !== b.size) return false;
  if (a.kind === TestKind.Custom) {
    // The test cannot be called here: keys are compared with equal? instead.
    const bs = b.entries();
    return a.entries().every((e) => bs.some((f) => isEqual(e.key, f.key) && isEqual(e.value, f.value)));
  }
  for (const e of a.entries()) {
    const f = b.get(e.key);
    if (f === undefined || !isEqual(e.value, f.value)) return false;
  }
  return true;
}
