// u8vector->object: rebuilding objects from the entry table of serial-format.ts, and checking
// them, since the bytes may come from anywhere.
//
// Safety: any byte string either yields well-formed objects or a Scheme `deserialization
// error`; no JS exception escapes, nothing recurses on data, and work is bounded by the input
// size (serial-cbor.ts checks every length against the bytes left before allocating; `budget`
// pays for every element walked, `refBudget` for the environment checks). Everything the
// machine relies on is checked before any object is handed out: node shapes and lexical
// addresses (serial-code.ts), the environment chain under every closure and frame (each
// [depth, index] its code may touch exists), frame indices, acyclic frame / handler /
// parameter / environment chains, consistent dynamic-wind depths, record field counts, promise
// and table invariants. test/unit/serialize-fuzz.test.ts and bench/fuzz-serialization.ts
// check this on random and mutated messages, running what they decode.
//
// Passes over the (flat) entries, none recursive:
//   1. shells: every object is allocated with placeholder fields (so references, including
//      cycles, can be resolved in any order; frames: deserial-frames.ts);
//   2. code units (cached per Vm by content: the same code arriving again is shared), then
//      record types (parents first; types with an id are shared per Vm via makeRecordType);
//   3. fill: every field resolved (frames: deserial-frames.ts);
//   4. checks (deserial-checks.ts), then tables are filled (their keys must be complete to be
//      hashed).
// With a decoder procedure, a last walk (decoder-walk.ts) visits the objects depth first from
// the root and calls it post-order on each Scheme value newly built, replacing the value by the
// result where it is stored. It is resumable like the encoder's walk (serialize.ts).
// A reference to an object whose decoding is complete sees the decoder's result; one from
// inside the object's own cycle sees the object itself. (Gambit gives the object itself to
// every back-reference.)

import type { Frame } from '../interpreter/frames.js';
import { Op, type LambdaNode, type Node, type Src } from '../interpreter/nodes.js';
import { checkObjects, type FrameCheck } from './deserial-checks.js';
import { VOID_NODE, fillFrame, frameShell } from './deserial-frames.js';
import { elemKindNamed, fromLittleEndian } from './elem-kinds.js';
import { ErrorObj, type ErrorKind } from './errors.js';
import { makeRecordType, type FieldDef } from './records.js';
import {
  DecodeError, Ent, Imm, LAST_ENT, MAGIC, MAX_ENTRIES, VERSION, bad, boolOf, decodeImmediate, intOf, textOf,
  type ImmediateResolver,
} from './serial-format.js';
import { CborError, decodeCbor } from './serial-cbor.js';
import { receiveUnit, serialState, type DecodedUnit, type SerialState, type UnitResolver } from './serial-code.js';
import { Table, TestKind, type TableOptions } from './table.js';
import {
  Box, Closure, Continuation, EMPTY_DYN, Keyword, MString, MultipleValues, NIL, Pair, Parameter, Primitive, Record, RecordType, SPromise,
  STime, SVector, Sym, U8Vector, UNASSIGNED, VOID, intern,
  type Dyn, type Env, type HandlerList, type ParamBinding, type Value, type WindList,
} from './values.js';
import type { Vm } from './vm.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_TYPE = new RecordType('', '', true, null, []);
const NO_LAMBDA: LambdaNode = {
  op: Op.Lambda, src: null, name: null, nreq: 0, nopt: 0, rest: false, restAfterKeys: false, keys: [], isLet: false,
  slots: [], frameSize: 0, body: VOID_NODE, free: [], source: null,
};
/** Stands for a table's test or hash given by reference until the fill pass. */
const PENDING = new SVector([]);

/** Entry tags whose objects are Scheme values (may appear in a value field). */
function isValueTag(t: number): boolean {
  switch (t) {
    case Ent.List: case Ent.Str: case Ent.Str16: case Ent.Vec: case Ent.U8: case Ent.NumVec: case Ent.USym: case Ent.UKw: case Ent.Type:
    case Ent.Rec: case Ent.Table: case Ent.Promise: case Ent.Box: case Ent.Err: case Ent.Param: case Ent.Clo: case Ent.Cont:
    case Ent.MV: case Ent.Time:
      return true;
    default:
      return false;
  }
}

export class Deserializer implements ImmediateResolver {
  private readonly st: SerialState;
  private readonly entries: unknown[][];
  /** Entry tags. (Small arrays rather than typed arrays: allocating a typed array costs more than
   * decoding a small rpc message does.) */
  private readonly tags: number[];
  /** The object of each entry (for a list: its first pair). */
  private readonly objs: unknown[];
  /** The pairs of each list entry. */
  private readonly pairs: Array<Pair[] | undefined>;
  private readonly units: Array<DecodedUnit | undefined>;
  /** Per record type entry: 1 while being made, 2 made (null until a type is met). */
  private typeState: number[] | null = null;
  private readonly closures: Closure[] = [];
  /** Frames' nodes, for pass 4 (filled by deserial-frames.ts). */
  readonly frameChecks: FrameCheck[] = [];
  private readonly tables: number[] = [];
  private stubLambdas: Map<string, LambdaNode> | null = null;
  private budget: number;
  /** Steps allowed for the environment checks (see check). */
  private readonly refBudget: number;
  private primsFresh = false;
  readonly root: Value;
  /** The root's field (for the decoder walk). */
  readonly rootField: unknown;

  constructor(readonly vm: Vm, bytes: Uint8Array, deferTables: boolean) {
    this.st = serialState(vm);
    this.budget = 4 * bytes.length + 4096;
    this.refBudget = 64 * bytes.length + 100_000;
    let msg: unknown;
    try {
      msg = decodeCbor(bytes);
    } catch (e: unknown) {
      if (e instanceof CborError) bad(`not a serialized object (${e.why})`);
      throw e;
    }
    if (!Array.isArray(msg) || msg.length !== 4 || msg[0] !== MAGIC) bad('not a serialized object');
    if (msg[1] !== VERSION) bad(`unsupported format version ${String(msg[1])}`);
    const entries = msg[3];
    if (!Array.isArray(entries) || entries.length > MAX_ENTRIES || entries.length > bytes.length) bad('bad entry table');
    const n = entries.length;
    this.entries = entries as unknown[][];
    this.tags = new Array<number>(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      if (!Array.isArray(e) || e.length === 0 || typeof e[0] !== 'number' || !Number.isInteger(e[0]) || e[0] < Ent.List || e[0] > LAST_ENT) bad(`bad entry ${i}`);
      total += e.length;
      this.tags[i] = e[0];
    }
    this.spend(total);
    this.objs = new Array(n);
    this.pairs = new Array(n);
    this.units = new Array(n);
    for (let i = 0; i < n; i++) this.shell(i);
    for (let i = 0; i < n; i++) if (this.tags[i] === Ent.Unit) this.unit(i);
    for (let i = 0; i < n; i++) if (this.tags[i] === Ent.Type) this.type(i);
    for (let i = 0; i < n; i++) this.fill(i);
    this.rootField = msg[2];
    this.root = this.val(msg[2]);
    this.check();
    if (!deferTables) for (let j = this.tables.length - 1; j >= 0; j--) this.fillTable(this.tables[j]!);
  }

  spend(n: number): void {
    this.budget -= n;
    if (this.budget < 0) bad('more work than the input size allows');
  }

  // -------------------------------------------------------------------------------------------
  // Immediates and references

  prim(name: string): Value {
    let m = this.st.prims;
    if (m === null || (!m.has(name) && !this.primsFresh)) {
      m = new Map();
      for (const cell of this.vm.globals.values()) {
        const v = cell.value;
        if (v instanceof Primitive && !m.has(v.name)) m.set(v.name, v);
      }
      this.st.prims = m;
      this.primsFresh = true;
    }
    const p = m.get(name);
    if (p === undefined) bad(`unknown primitive ${name}`);
    return p;
  }

  gparam(name: string): Value {
    const c = this.vm.globals.get(intern(name));
    if (c === undefined || !(c.value instanceof Parameter)) bad(`no parameter ${name} here`);
    return c.value;
  }

  /** Entry index of a reference field [i] or [i, k]. */
  private refIndex(f: unknown): number {
    if (!Array.isArray(f) || f.length === 0 || f.length > 2) bad('reference expected');
    return intOf(f[0], 0, this.entries.length - 1, 'entry reference');
  }

  /** The object of entry `f` (an index: internal links are not reference fields), of kind `tag`. */
  refTo(f: unknown, tag: Ent): unknown {
    return this.objs[this.refIndexTag(f, tag)];
  }

  /** A field holding a Scheme value. */
  val(f: unknown): Value {
    switch (typeof f) {
      case 'number':
        if (!Number.isSafeInteger(f)) bad('bad fixnum');
        return f === 0 ? 0 : f;
      case 'boolean': return f;
      case 'string': return intern(f);
      case 'object': break;
      default: return bad('bad field');
    }
    if (f === null) return NIL;
    if (!Array.isArray(f) || f.length === 0 || typeof f[0] !== 'number') return bad('bad field');
    if (f[0] >= 0) {
      const i = this.refIndex(f);
      const t = this.tags[i]!;
      if (f.length === 2) {
        if (t !== Ent.List) bad('bad pair reference');
        const ps = this.pairs[i]!;
        return ps[intOf(f[1], 1, ps.length - 1, 'pair reference')]!;
      }
      if (!isValueTag(t)) bad('reference to an internal entry as a value');
      if (t === Ent.Type) return this.type(i);
      if (t === Ent.Clo && this.entries[i]![1] === null) bad('stub closure used as a value');
      return this.objs[i] as Value;
    }
    if (f[0] <= Imm.CList) bad('code constant outside code');
    this.spend(f.length);
    return decodeImmediate(f, this);
  }

  /** A value field that may be absent (undefined). */
  private opt(f: unknown): Value | undefined {
    return f === undefined ? undefined : this.val(f);
  }

  arr(f: unknown, what: string): unknown[] {
    if (!Array.isArray(f)) bad(`${what} expected`);
    this.spend(f.length);
    return f;
  }

  src(f: unknown): Src | null {
    if (f === null) return null;
    const a = this.arr(f, 'source location');
    if (a.length !== 4 || typeof a[0] !== 'string' || !(a[3] === null || typeof a[3] === 'string')) bad('bad source location');
    return { container: a[0], line: intOf(a[1], 0, 2 ** 31, 'line'), col: intOf(a[2], 0, 2 ** 31, 'column'), proc: a[3] as string | null };
  }

  // -------------------------------------------------------------------------------------------
  // Pass 1: shells

  private shell(i: number): void {
    const e = this.entries[i]!;
    const len = e.length;
    const o = this.objs;
    switch (e[0] as Ent) {
      case Ent.List: {
        if (len < 3) bad('bad list entry');
        const n = len - 2;
        const ps = new Array<Pair>(n);
        let next: Pair | null = null;
        for (let j = n - 1; j >= 0; j--) {
          const p: Pair = new Pair(false, next ?? false);
          ps[j] = p;
          next = p;
        }
        this.pairs[i] = ps;
        o[i] = ps[0];
        return;
      }
      case Ent.Str:
      case Ent.Str16:
        if (len !== 2) bad('bad string entry');
        o[i] = new MString(textOf(e[1]));
        return;
      case Ent.Vec: o[i] = new SVector(new Array<Value>(len - 1)); return;
      case Ent.U8:
        if (len !== 2 || !(e[1] instanceof Uint8Array)) bad('bad u8vector entry');
        o[i] = new U8Vector(e[1].slice()); // decodeCbor's byte strings are views into the message
        return;
      case Ent.NumVec: {
        // Any bytes are valid elements (every bit pattern is a number of the kind); the kind must
        // be one of NumVector's and the bytes whole elements. fromLittleEndian copies them.
        const k = len === 3 && typeof e[1] === 'string' && e[1] !== 'u8' ? elemKindNamed(e[1]) : undefined;
        const v = k !== undefined && e[2] instanceof Uint8Array ? fromLittleEndian(k, e[2]) : null;
        if (v === null) bad('bad homogeneous vector entry');
        o[i] = v;
        return;
      }
      case Ent.USym: if (len !== 2) bad('bad symbol entry'); o[i] = new Sym(textOf(e[1]), false); return;
      case Ent.UKw: if (len !== 2) bad('bad keyword entry'); o[i] = new Keyword(textOf(e[1]), false); return;
      case Ent.Type: if (len < 6) bad('bad type entry'); return; // made in pass 2
      case Ent.Rec: if (len < 2) bad('bad record entry'); o[i] = new Record(NO_TYPE, new Array<Value>(len - 2)); return;
      case Ent.Table: {
        if (len < 7) bad('bad table entry');
        const custom = boolOf(e[6]);
        if (custom ? len !== 8 : (len - 7) % 2 !== 0) bad('bad table entry');
        // The test and hash decide the table's kind when it is made: references (closures) give
        // a custom table, which the flag must confirm (checked in pass 4).
        const isRef = (f: unknown): boolean => Array.isArray(f) && typeof f[0] === 'number' && f[0] >= 0;
        const options: Mutable<TableOptions> = {
          test: isRef(e[1]) ? PENDING : this.val(e[1]),
          hash: e[2] === null ? null : isRef(e[2]) ? PENDING : this.val(e[2]),
          init: undefined,
          weakKeys: boolOf(e[4]),
          weakValues: boolOf(e[5]),
        };
        const t = new Table(options);
        if ((t.kind === TestKind.Custom) !== custom) bad('table kind mismatch');
        o[i] = t;
        this.tables.push(i);
        return;
      }
      case Ent.Promise:
        if (len !== 4) bad('bad promise entry');
        o[i] = new SPromise(boolOf(e[1]), VOID, null);
        return;
      case Ent.Box: if (len !== 2) bad('bad box entry'); o[i] = new Box(VOID); return;
      case Ent.Err: {
        if (len !== 12) bad('bad exception entry');
        const kind = e[1], msg = e[2], typeName = e[5];
        if (typeof kind !== 'string' || !/^[a-z][a-z-]{0,40}$/.test(kind) || typeof msg !== 'string' || typeof typeName !== 'string') bad('bad exception entry');
        const irritants = this.arr(e[3], 'irritants');
        o[i] = new ErrorObj(kind as ErrorKind, msg, new Array<Value>(irritants.length), intOf(e[4], 0, 2 ** 31, 'argument number'), typeName, null);
        return;
      }
      case Ent.Param: if (len !== 3) bad('bad parameter entry'); o[i] = new Parameter(VOID, null); return;
      case Ent.Clo: if (len !== 5) bad('bad closure entry'); o[i] = new Closure(NO_LAMBDA, []); return;
      case Ent.Env: o[i] = new Array<Value>(len - 1); return;
      case Ent.Unit: if (len !== 3 || !(e[1] instanceof Uint8Array)) bad('bad code unit entry'); return;
      case Ent.Cont: if (len !== 4) bad('bad continuation entry'); o[i] = new Continuation(null, EMPTY_DYN, boolOf(e[3])); return;
      case Ent.Frame: o[i] = frameShell(e); return;
      case Ent.Dyn: if (len !== 4) bad('bad dynamic environment entry'); o[i] = { params: null, handlers: null, winds: null }; return;
      case Ent.PBind: if (len !== 4) bad('bad binding entry'); o[i] = { param: NO_PARAM, cell: { value: VOID }, next: null }; return;
      case Ent.HList: if (len !== 6) bad('bad handler entry'); o[i] = { handler: VOID, r7rs: boolOf(e[2]), catcher: null, next: null }; return;
      case Ent.WList: if (len !== 5) bad('bad wind entry'); o[i] = { before: VOID, after: VOID, depth: intOf(e[3], 1, 2 ** 31, 'depth'), next: null }; return;
      case Ent.MV: o[i] = new MultipleValues(new Array<Value>(len - 1)); return;
      case Ent.Time: {
        if (len !== 2 || typeof e[1] !== 'number') bad('bad time entry');
        o[i] = new STime(e[1]);
        return;
      }
      default: bad(`unknown entry tag ${String(e[0])}`);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Pass 2: code units and record types

  private unit(i: number): DecodedUnit {
    const u = this.units[i];
    if (u !== undefined) return u;
    const e = this.entries[i]!;
    const external = boolOf(e[2]);
    const resolver: UnitResolver = {
      prim: (name) => this.prim(name),
      gparam: (name) => this.gparam(name),
      cell: (name) => this.vm.cell(name),
      ref: (f) => {
        if (!external) bad('reference in a code unit');
        return this.val(f);
      },
      spend: (n) => this.spend(n),
    };
    const unit = receiveUnit(this.st, e[1] as Uint8Array, external, resolver);
    this.units[i] = unit;
    return unit;
  }

  /** The record type of entry i, made (once) after its parent. */
  private type(i: number): RecordType {
    const ts = this.typeState ??= new Array<number>(this.tags.length).fill(0);
    if (ts[i] === 2) return this.objs[i] as RecordType;
    if (ts[i] === 1) bad('cyclic record type');
    ts[i] = 1;
    const e = this.entries[i]!;
    const name = textOf(e[1]);
    const gid = e[2];
    if (typeof gid !== 'string') bad('bad type id');
    const generative = boolOf(e[3]);
    let parent: RecordType | null = null;
    if (e[4] !== null) parent = this.type(this.refIndexTag(e[4], Ent.Type));
    const flags = intOf(e[5], 0, 255, 'type flags');
    const own: FieldDef[] = [];
    for (let j = 6; j < e.length; j++) {
      const f = this.arr(e[j], 'field');
      if (f.length !== 3) bad('bad field');
      const options = intOf(f[1], 0, 255, 'field options');
      own.push({ name: textOf(f[0]), printable: (options & 1) === 0, mutable: (options & 2) === 0, options, init: this.val(f[2]) });
    }
    const count = (parent === null ? 0 : parent.fields.length) + own.length;
    const m = /^##type-(\d+)-/.exec(gid);
    if (!generative && m !== null && Number(m[1]) !== count) bad('type id does not match its fields');
    const t = makeRecordType(this.vm, name, gid, generative, parent, flags, own);
    // A type with this id may exist already: it must have the same shape.
    if (t.fields.length !== count) bad(`type ${name} differs from the local one`);
    this.objs[i] = t;
    ts[i] = 2;
    return t;
  }

  // -------------------------------------------------------------------------------------------
  // Pass 3: fill

  private fill(i: number): void {
    const e = this.entries[i]!;
    const o = this.objs[i];
    const len = e.length;
    switch (e[0] as Ent) {
      case Ent.List: {
        const ps = this.pairs[i]!;
        for (let j = 0; j < ps.length; j++) ps[j]!.car = this.val(e[j + 1]);
        ps[ps.length - 1]!.cdr = this.val(e[len - 1]);
        return;
      }
      case Ent.Vec: {
        const items = (o as SVector).items;
        for (let j = 1; j < len; j++) items[j - 1] = this.val(e[j]);
        return;
      }
      case Ent.Rec: {
        const r = o as Mutable<Record>;
        const t = this.type(this.refIndexTag(e[1], Ent.Type));
        if (t.fields.length !== len - 2) bad('record does not match its type');
        r.type = t;
        for (let j = 2; j < len; j++) r.fields[j - 2] = this.val(e[j]);
        return;
      }
      case Ent.Table: {
        const t = o as Table;
        const opts = t.options as Mutable<TableOptions>;
        if (opts.test === PENDING) opts.test = this.val(e[1]);
        if (opts.hash === PENDING) opts.hash = this.val(e[2]);
        opts.init = this.opt(e[3]);
        if (t.kind === TestKind.Custom) t.customItems = this.val(e[7]);
        return;
      }
      case Ent.Promise: {
        const p = o as SPromise;
        p.value = this.val(e[2]);
        p.thunk = e[3] === null ? null : this.val(e[3]);
        if (!p.done && p.thunk === null) bad('promise without a thunk');
        return;
      }
      case Ent.Box: (o as Box).value = this.val(e[1]); return;
      case Ent.Err: {
        const x = o as Mutable<ErrorObj>;
        const irritants = e[3] as unknown[];
        for (let j = 0; j < irritants.length; j++) x.irritants[j] = this.val(irritants[j]);
        x.datum = this.opt(e[6]) ?? null;
        // error-text.ts shows an unbound variable's name without checking for one.
        if (x.kind === 'unbound-global' && x.datum === null) bad('unbound-global exception without a variable');
        x.proc = this.opt(e[7]) ?? null;
        x.args = e[8] === null ? null : this.arr(e[8], 'arguments').map((a) => this.val(a));
        if (e[9] !== null) {
          const l = this.arr(e[9], 'location');
          if (l.length !== 3 || typeof l[0] !== 'string') bad('bad location');
          x.loc = { container: l[0], line: intOf(l[1], 0, 2 ** 31, 'line'), col: intOf(l[2], 0, 2 ** 31, 'column') };
        }
        if (e[10] !== null && typeof e[10] !== 'string') bad('bad location');
        x.locProc = e[10] as string | null;
        x.located = boolOf(e[11]);
        return;
      }
      case Ent.Param: {
        const p = o as Mutable<Parameter>;
        p.value = this.val(e[1]);
        p.converter = e[2] === null ? null : this.val(e[2]);
        return;
      }
      case Ent.Clo: {
        const c = o as Mutable<Closure>;
        const name = e[3];
        if (name !== null && typeof name !== 'string') bad('bad closure name');
        if (e[1] === null) {
          c.lambda = this.stubLambda(name as string | null, boolOf(e[4]));
        } else {
          const root = this.unit(this.refIndexTag(e[1], Ent.Unit)).root;
          if (root.op !== Op.Lambda) bad('closure code is not a lambda');
          c.lambda = root;
          this.closures.push(c as Closure);
        }
        c.env = this.refTo(e[2], Ent.Env) as Env;
        return;
      }
      case Ent.Env: {
        const env = o as Value[];
        if (len > 1) {
          const s0 = e[1];
          env[0] = s0 === undefined ? UNASSIGNED : (this.refTo(s0, Ent.Clo) as Closure);
        }
        for (let j = 2; j < len; j++) env[j - 1] = e[j] === undefined ? UNASSIGNED : this.val(e[j]);
        return;
      }
      case Ent.Cont: {
        const c = o as Mutable<Continuation>;
        c.k = e[1] === null ? null : (this.refTo(e[1], Ent.Frame) as Frame);
        c.dyn = this.refTo(e[2], Ent.Dyn) as Dyn;
        return;
      }
      case Ent.Frame: fillFrame(this, e, o as Frame); return;
      case Ent.Dyn: {
        const d = o as Mutable<Dyn>;
        d.params = e[1] === null ? null : (this.refTo(e[1], Ent.PBind) as ParamBinding);
        d.handlers = e[2] === null ? null : (this.refTo(e[2], Ent.HList) as HandlerList);
        d.winds = e[3] === null ? null : (this.refTo(e[3], Ent.WList) as WindList);
        return;
      }
      case Ent.PBind: {
        const b = o as Mutable<ParamBinding>;
        const p = this.val(e[1]);
        if (!(p instanceof Parameter)) bad('binding of a non-parameter');
        b.param = p;
        b.cell.value = this.val(e[2]);
        b.next = e[3] === null ? null : (this.refTo(e[3], Ent.PBind) as ParamBinding);
        return;
      }
      case Ent.HList: {
        const h = o as Mutable<HandlerList>;
        h.handler = this.val(e[1]);
        if (e[3] !== undefined) {
          const k = e[3] === null ? null : (this.refTo(e[3], Ent.Frame) as Frame);
          h.catcher = { k, dyn: this.refTo(e[4], Ent.Dyn) as Dyn };
        }
        h.next = e[5] === null ? null : (this.refTo(e[5], Ent.HList) as HandlerList);
        return;
      }
      case Ent.WList: {
        const w = o as Mutable<WindList>;
        w.before = this.val(e[1]);
        w.after = this.val(e[2]);
        w.next = e[4] === null ? null : (this.refTo(e[4], Ent.WList) as WindList);
        return;
      }
      case Ent.MV: {
        const vals = (o as MultipleValues).vals;
        for (let j = 1; j < len; j++) vals[j - 1] = this.val(e[j]);
        return;
      }
      case Ent.Str: case Ent.Str16: case Ent.U8: case Ent.NumVec: case Ent.USym: case Ent.UKw: case Ent.Type: case Ent.Unit: case Ent.Time:
        return;
      default: bad('bad entry');
    }
  }

  private refIndexTag(f: unknown, tag: Ent): number {
    const i = intOf(f, 0, this.entries.length - 1, 'entry index');
    if (this.tags[i] !== tag) bad('link to the wrong kind of entry');
    return i;
  }

  private stubLambda(name: string | null, isLet: boolean): LambdaNode {
    const key = `${isLet ? 'l' : 'p'}${name ?? ''}`;
    this.stubLambdas ??= new Map();
    let l = this.stubLambdas.get(key);
    if (l === undefined) {
      l = { ...NO_LAMBDA, name, isLet };
      this.stubLambdas.set(key, l);
    }
    return l;
  }

  /** [unitEntry, nodeIndex] */
  nodeAt(f: unknown): { unit: DecodedUnit; idx: number; node: Node } {
    const a = this.arr(f, 'code reference');
    if (a.length !== 2) bad('bad code reference');
    const unit = this.unit(this.refIndexTag(a[0], Ent.Unit));
    const idx = intOf(a[1], 0, unit.nodes.length - 1, 'node index');
    return { unit, idx, node: unit.nodes[idx]! };
  }


  // -------------------------------------------------------------------------------------------
  // Pass 4: checks

  private check(): void {
    checkObjects(this.tags, this.objs, this.closures, this.frameChecks, this.tables, this.refBudget);
  }


  /** Enters the bindings of a (non-custom) table. Keys must be complete, hence last. */
  fillTable(i: number): void {
    const t = this.objs[i] as Table;
    if (t.kind === TestKind.Custom) return;
    const e = this.entries[i]!;
    for (let j = 7; j < e.length; j += 2) this.tableSet(t, this.val(e[j]), this.val(e[j + 1]));
  }

  tableSet(t: Table, k: Value, v: Value): void {
    try {
      t.set(k, v);
    } catch (x: unknown) {
      if (x instanceof ErrorObj) bad('table key refused by its test');
      throw x;
    }
  }

  // For the decoder walk (DecoderWalk).
  get entryTable(): ReadonlyArray<unknown[]> { return this.entries; }
  get entryTags(): readonly number[] { return this.tags; }
  get entryObjects(): ReadonlyArray<unknown> { return this.objs; }
  get listPairs(): ReadonlyArray<Pair[] | undefined> { return this.pairs; }
  get tableEntries(): readonly number[] { return this.tables; }
}

const NO_PARAM = new Parameter(VOID, null);

/** u8vector->object without a decoder. Throws ErrorObj('deserialization'). */
export function deserialize(vm: Vm, bytes: Uint8Array): Value {
  try {
    return new Deserializer(vm, bytes, false).root;
  } catch (e: unknown) {
    throw deserializationError(e);
  }
}

/** Any failure while decoding as gsi's `deserialization error` (with the reason). */
export function deserializationError(e: unknown): ErrorObj {
  let why: string;
  if (e instanceof DecodeError) why = e.why;
  else if (e instanceof RangeError) why = 'input nested too deeply';
  else if (e instanceof ErrorObj) why = e.kind === 'deserialization' ? e.message : 'bad value';
  else why = 'malformed input';
  if (e instanceof ErrorObj && e.kind === 'deserialization') return e;
  const err = new ErrorObj('deserialization', `deserialization error: ${why}`);
  err.locProc = '##u8vector->object';
  err.located = true;
  return err;
}
