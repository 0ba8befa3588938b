// object->u8vector: a heap walk that writes the flat entry table of serial-format.ts.
//
// The walk uses an explicit stack of items (one per object whose fields are being written), so
// a 10^5-long list or a 10^5-frame continuation never recurses in JS. Each object with identity
// gets an entry the first time it is reached (pre-order numbering); later references write
// [i]. The pairs of a list are written as one entry (the spine), each pair registered so that a
// shared tail or a cycle becomes [i, k].
//
// Closures carry only what their code can reach: the lambda's `free` list names the [depth,
// index] slots of the enclosing environments it uses; those environments are written with the
// other slots absent, and their slot 0 (the closure that made them) as a stub: no code, just
// the link to the next environment. Environments are entries, so two closures sharing a
// variable still share it after the trip: an environment reached by several closures carries
// the union of what they need. A frame of a continuation carries its whole environment, and the
// closure running there in full (its code is where the frame's node lives).
//
// The encoder procedure. Gambit calls it on every sub-object, pre-order, root included, and
// again on each repeated reference, and serializes its result instead. Here it is called on the
// Scheme-visible values (the root, elements of pairs, vectors, records, tables, boxes,
// promises, error objects, multiple values, variables of closures and frames, values held by
// frames and the dynamic environment), not on the internal parts of procedures and
// continuations (environments, frames, code and its constants, record types, a table's test).
// Sharing is decided on the encoder's results. The walk is resumable: `run()` stops with
// 'call' when a value needs the encoder, the caller (prims/serialization.ts) has the machine
// call it, and `resume(result)` continues. Without an encoder no Scheme code runs, and each
// item is written in one go (`fill`); with one, items are written a field at a time, depth
// first (`stepOne`, from the `kids` list that `children` collects).

import { FOp, type Frame } from '../interpreter/frames.js';
import { Op, type Node, type Src } from '../interpreter/nodes.js';
import { ErrorObj } from './errors.js';
import { Style, writeLimited } from './printer.js';
import { DefinedType, fieldOptions } from './records.js';
import { Ent, Imm, MAGIC, MAX_ENTRIES, NOT_IMMEDIATE, PAIR_K, VERSION, immediateField, textField } from './serial-format.js';
import { encodeCbor } from './serial-cbor.js';
import { encodeUnitTree, serialState, type EncodedUnit, type SerialState } from './serial-code.js';
import { TestKind, type Table } from './table.js';
import {
  Box, Closure, Continuation, Keyword, MString, MultipleValues, Pair, Parameter, Record, RecordType, SPromise, STime, SVector,
  Sym, Tag, U8Vector, UNASSIGNED,
  type Dyn, type Env, type HandlerList, type ParamBinding, type Value, type WindList,
} from './values.js';
import type { Vm } from './vm.js';

/** How a child is written: a Scheme value (goes through the encoder) or an internal part. */
const enum CK {
  /** A Scheme value. */
  V = 0,
  /** A Scheme value in an internal position (not given to the encoder). */
  I,
  /** A frame's environment: all of it, and the closure running in it in full. */
  EnvFull,
  /** A frame or null. */
  Frame,
  Dyn,
  PBind,
  HList,
  WList,
  /** The cdr of the pair a List item is at. */
  ListCdr,
}

/** Kinds of items: which object's fields an item writes. */
const enum IK {
  Root = 0, List, Vec, Rec, Promise, Box, Err, Param, MV, Type, Table, Cont, Frame, Dyn, PBind, HList, WList, Env,
}

/** One object whose fields are being written. */
interface Item {
  readonly ik: IK;
  /** The object (for List: the pair reached so far). */
  obj: unknown;
  /** Its entry. */
  readonly out: unknown[];
  readonly idx: number;
  /** Encoder mode: next child (List: even = a car, odd = a cdr). -1 = finished. */
  pos: number;
  /** List: pairs registered so far; Frame: its number from the innermost. */
  k: number;
  /** Encoder mode: the children, as flat [dest, at, kind, value, name] runs. */
  kids: unknown[] | null;
  /** Env: the slots to write (null: every slot). */
  readonly slots: number[] | null;
  /** Env: the closure whose code needs these slots (named in error paths). */
  readonly via: Closure | null;
  // Where it was reached from, for error paths.
  readonly parent: Item | null;
  readonly parentPos: number;
  readonly parentName: string;
}

/** A code unit of this message. */
interface MsgUnit {
  readonly idx: number;
  readonly eu: EncodedUnit;
}

interface CloInfo {
  readonly idx: number;
  full: boolean;
}

/** Marks an environment slot queued for writing (replaced by its field). */
const QUEUED = [Imm.Unbound];

/** Thrown inside the walk for an object that cannot be serialized. */
class Unserializable {
  constructor(readonly obj: unknown) {}
}

/** Thrown inside the walk when the message would have more entries than a decoder accepts. */
class TooBig {}

export class Serializer {
  private readonly st: SerialState;
  private readonly entries: unknown[][] = [];
  private readonly seen = new Map<object, number>();
  private readonly fullEnvs = new Set<Env>();
  private readonly closures = new Map<Closure, CloInfo>();
  private readonly units = new Map<Node, MsgUnit>();
  private readonly refs: unknown[][] = [];
  private readonly stack: Item[] = [];
  private readonly rootOut: unknown[] = [undefined];
  private globalParams: Map<Parameter, string> | null = null;
  /** Encoder mode, while `children` runs: where the children go. */
  private collect: unknown[] | null = null;
  // The child being written (for resume and for error paths).
  private cur: Item | null = null;
  private curPos = 0;
  private curName = '';
  private pendKind: CK = CK.V;
  private pendDest: unknown[] = [];
  private pendAt = 0;
  /** The value waiting for the encoder (valid after run() returned 'call'). */
  pending: Value = false;

  constructor(private readonly vm: Vm, root: Value, private readonly cb: boolean) {
    this.st = serialState(vm);
    this.push(IK.Root, root, this.rootOut, -1);
  }

  /** Walks until done or until a value needs the encoder. Throws ErrorObj('serialization'). */
  run(): 'done' | 'call' {
    try {
      return this.loop();
    } catch (e: unknown) {
      if (e instanceof Unserializable) throw this.error(e.obj);
      if (e instanceof TooBig) throw tooBig();
      throw e;
    }
  }

  /** Continue with the encoder's result for `pending`. */
  resume(x: Value): void {
    try {
      this.store(this.pendKind, x, this.pendDest, this.pendAt);
    } catch (e: unknown) {
      if (e instanceof Unserializable) throw this.error(e.obj);
      if (e instanceof TooBig) throw tooBig();
      throw e;
    }
  }

  /** The message, once run() returned 'done'. */
  bytes(): Uint8Array {
    return encodeCbor([MAGIC, VERSION, this.rootOut[0], this.entries]);
  }

  // -------------------------------------------------------------------------------------------
  // The walk

  private loop(): 'done' | 'call' {
    const stack = this.stack;
    if (!this.cb) {
      while (stack.length > 0) this.fill(stack.pop()!);
      return 'done';
    }
    for (;;) {
      while (stack.length > 0 && stack[stack.length - 1]!.pos === -1) stack.pop();
      if (stack.length === 0) return 'done';
      const it = stack[stack.length - 1]!;
      const r = this.stepOne(it);
      if (r === 'call') return 'call';
      if (r === 'done') it.pos = -1;
    }
  }

  /** Writes all of an item's children (no encoder). */
  private fill(it: Item): void {
    this.cur = it;
    switch (it.ik) {
      case IK.List: {
        let p = it.obj as Pair;
        const out = it.out;
        const seen = this.seen;
        for (;;) {
          this.curPos = it.k;
          const a = p.car;
          out.push(typeof a === 'number' ? a : this.field(a));
          const d = p.cdr;
          if (d instanceof Pair && !seen.has(d)) {
            it.k++;
            seen.set(d, it.idx + it.k * PAIR_K);
            p = d;
            continue;
          }
          this.curPos = -1;
          out.push(this.field(d));
          return;
        }
      }
      case IK.Vec: {
        const items = (it.obj as SVector).items;
        const out = it.out;
        for (let i = out.length - 1; i < items.length; i++) {
          this.curPos = i;
          const x = items[i]!;
          out.push(typeof x === 'number' ? x : this.field(x));
        }
        return;
      }
      case IK.Rec: {
        const out = it.out;
        const fields = (it.obj as Record).fields;
        for (let i = out.length - 2; i < fields.length; i++) {
          this.curPos = i;
          const x = fields[i]!;
          out.push(typeof x === 'number' ? x : this.field(x));
        }
        return;
      }
      default:
        this.children(it);
    }
  }

  /**
   * Writes the next child of an item, in encoder mode: returns 'call' when the child is a value
   * for the encoder, 'done' when the item has no more children, else 'more'.
   */
  private stepOne(it: Item): 'call' | 'done' | 'more' {
    this.cur = it;
    switch (it.ik) {
      case IK.List: {
        const p = it.obj as Pair;
        const i = it.pos++;
        if (i % 2 === 0) {
          this.curPos = it.k;
          return this.child(CK.V, p.car, it.out, it.out.push(undefined) - 1);
        }
        this.curPos = -1;
        const r = this.child(CK.ListCdr, p.cdr, it.out, -1);
        return r === 'call' ? r : it.pos === -1 ? 'done' : r;
      }
      case IK.Vec: {
        const items = (it.obj as SVector).items;
        if (it.pos >= items.length) return 'done';
        const i = it.pos++;
        this.curPos = i;
        return this.child(CK.V, items[i], it.out, it.out.push(undefined) - 1);
      }
      case IK.Rec: {
        const r = it.obj as Record;
        if (it.pos >= r.fields.length) return 'done';
        const i = it.pos++;
        this.curPos = i;
        return this.child(CK.V, r.fields[i], it.out, it.out.push(undefined) - 1);
      }
      default: {
        if (it.kids === null) {
          const kids: unknown[] = [];
          this.collect = kids;
          try {
            this.children(it);
          } finally {
            this.collect = null;
          }
          it.kids = kids;
        }
        const kids = it.kids;
        if (it.pos >= kids.length) return 'done';
        const i = it.pos;
        it.pos += 5;
        const at = kids[i + 1] as number;
        this.curPos = at;
        this.curName = kids[i + 4] as string;
        return this.child(kids[i + 2] as CK, kids[i + 3] as Value, kids[i] as unknown[], at);
      }
    }
  }

  /** One child in encoder mode. */
  private child(kind: CK, v: Value | undefined, dest: unknown[], at: number): 'call' | 'more' {
    if ((kind === CK.V || kind === CK.ListCdr) && v !== undefined && v !== UNASSIGNED) {
      this.pending = v;
      this.pendKind = kind;
      this.pendDest = dest;
      this.pendAt = at;
      return 'call';
    }
    this.store(kind, v as Value, dest, at);
    return 'more';
  }

  /** A child of a generic item: written now, or (encoder mode) collected. */
  private emit(kind: CK, v: unknown, dest: unknown[], at: number, name: string): void {
    if (this.collect !== null) {
      this.collect.push(dest, at, kind, v, name);
      return;
    }
    this.curPos = at;
    this.curName = name;
    this.store(kind, v as Value, dest, at);
  }

  /** Writes child `v` (after the encoder, if any) into dest[at]. */
  private store(kind: CK, v: Value, dest: unknown[], at: number): void {
    switch (kind) {
      case CK.V:
      case CK.I:
        dest[at] = v === undefined ? undefined : this.field(v);
        return;
      case CK.ListCdr: {
        const it = this.cur!;
        if (v instanceof Pair && !this.seen.has(v)) {
          it.k++;
          this.seen.set(v, it.idx + it.k * PAIR_K);
          it.obj = v;
          return;
        }
        it.out.push(this.field(v));
        it.pos = -1;
        return;
      }
      case CK.EnvFull: dest[at] = this.envFull(v as unknown as Env); return;
      case CK.Frame: dest[at] = v === null ? null : this.frameRef(v as unknown as Frame); return;
      case CK.Dyn: dest[at] = this.entryRef(v as unknown as object, IK.Dyn, [Ent.Dyn, null, null, null]); return;
      case CK.PBind: dest[at] = v === null ? null : this.entryRef(v as unknown as object, IK.PBind, [Ent.PBind, undefined, undefined, null]); return;
      case CK.HList: {
        const h = v as unknown as HandlerList | null;
        dest[at] = h === null ? null : this.entryRef(h, IK.HList, [Ent.HList, undefined, h.r7rs, undefined, undefined, null]);
        return;
      }
      case CK.WList: {
        const w = v as unknown as WindList | null;
        dest[at] = w === null ? null : this.entryRef(w, IK.WList, [Ent.WList, undefined, undefined, w.depth, null]);
        return;
      }
      default: {
        const never: never = kind;
        throw new Error(`unknown child kind ${String(never)}`);
      }
    }
  }

  /** The fields of an item other than a list, vector or record (through `emit`). */
  private children(it: Item): void {
    const out = it.out;
    const o = it.obj;
    switch (it.ik) {
      case IK.Root: this.emit(CK.V, o, out, 0, ''); return;
      case IK.Promise: {
        const p = o as SPromise;
        this.emit(CK.V, p.value, out, 2, 'value');
        if (p.thunk !== null) this.emit(CK.V, p.thunk, out, 3, 'thunk');
        return;
      }
      case IK.Box: this.emit(CK.V, (o as Box).value, out, 1, 'contents'); return;
      case IK.Err: {
        const e = o as ErrorObj;
        const irritants = out[3] as unknown[];
        e.irritants.forEach((x, j) => this.emit(CK.V, x, irritants, j, `irritant ${j + 1}`));
        if (e.datum !== null) this.emit(CK.V, e.datum, out, 6, 'datum');
        if (e.proc !== null) this.emit(CK.V, e.proc, out, 7, 'procedure');
        const args = out[8] as unknown[] | null;
        if (args !== null) e.args!.forEach((x, j) => this.emit(CK.V, x, args, j, `argument ${j + 1}`));
        return;
      }
      case IK.Param: {
        const p = o as Parameter;
        this.emit(CK.V, p.value, out, 1, 'value');
        if (p.converter !== null) this.emit(CK.V, p.converter, out, 2, 'converter');
        return;
      }
      case IK.MV: {
        const vals = (o as MultipleValues).vals;
        for (let j = 0; j < vals.length; j++) this.emit(CK.V, vals[j], out, j + 1, `value ${j + 1}`);
        return;
      }
      case IK.Type: {
        const t = o as RecordType;
        if (t.parent !== null) this.emit(CK.I, t.parent, out, 4, 'parent type');
        const n0 = t.parent === null ? 0 : t.parent.fields.length;
        for (let j = n0; j < t.fields.length; j++) {
          const init = (t.fields[j] as { init?: Value }).init;
          if (init !== undefined) this.emit(CK.I, init, out[6 + j - n0] as unknown[], 2, `initial value of ${t.fields[j]!.name}`);
        }
        return;
      }
      case IK.Table: {
        const t = o as Table;
        const opts = t.options;
        this.emit(CK.I, opts.test, out, 1, 'test');
        if (opts.hash !== null) this.emit(CK.I, opts.hash, out, 2, 'hash');
        if (opts.init !== undefined) this.emit(CK.I, opts.init, out, 3, 'default value');
        if (t.kind === TestKind.Custom) {
          out.push(undefined);
          this.emit(CK.I, t.customItems, out, 7, 'bindings');
          return;
        }
        for (const e of t.entries()) {
          out.push(undefined, undefined);
          this.emit(CK.V, e.key, out, out.length - 2, 'key');
          this.emit(CK.V, e.value, out, out.length - 1, 'value');
        }
        return;
      }
      case IK.Cont: {
        const c = o as Continuation;
        this.emit(CK.Dyn, c.dyn, out, 2, 'dynamic environment');
        if (c.k !== null) this.emit(CK.Frame, c.k, out, 1, '');
        return;
      }
      case IK.Frame: this.frameChildren(o as Frame, out); return;
      case IK.Dyn: {
        const d = o as Dyn;
        if (d.params !== null) this.emit(CK.PBind, d.params, out, 1, 'parameters');
        if (d.handlers !== null) this.emit(CK.HList, d.handlers, out, 2, 'exception handlers');
        if (d.winds !== null) this.emit(CK.WList, d.winds, out, 3, 'dynamic-wind list');
        return;
      }
      case IK.PBind: {
        const b = o as ParamBinding;
        this.emit(CK.I, b.param, out, 1, 'parameter');
        this.emit(CK.V, b.cell.value, out, 2, 'parameter value');
        if (b.next !== null) this.emit(CK.PBind, b.next, out, 3, '');
        return;
      }
      case IK.HList: {
        const h = o as HandlerList;
        this.emit(CK.V, h.handler, out, 1, 'exception handler');
        if (h.catcher !== null) {
          out[3] = null;
          if (h.catcher.k !== null) this.emit(CK.Frame, h.catcher.k, out, 3, 'catcher');
          this.emit(CK.Dyn, h.catcher.dyn, out, 4, 'catcher');
        }
        if (h.next !== null) this.emit(CK.HList, h.next, out, 5, '');
        return;
      }
      case IK.WList: {
        const w = o as WindList;
        this.emit(CK.V, w.before, out, 1, 'before thunk');
        this.emit(CK.V, w.after, out, 2, 'after thunk');
        if (w.next !== null) this.emit(CK.WList, w.next, out, 4, '');
        return;
      }
      case IK.Env: {
        const e = o as Env;
        const slots = it.slots;
        if (slots === null) {
          for (let s = 1; s < e.length; s++) this.emit(CK.V, e[s], out, s + 1, '');
        } else {
          for (const s of slots) this.emit(CK.V, e[s], out, s + 1, '');
        }
        return;
      }
      case IK.List: case IK.Vec: case IK.Rec:
        throw new Error('internal error: children of a list, vector or record');
      default: {
        const never: never = it.ik;
        throw new Error(`unknown item ${String(never)}`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Fields and entries

  private ref(i: number): unknown[] {
    let r = this.refs[i];
    if (r === undefined) {
      r = [i];
      this.refs[i] = r;
    }
    return r;
  }

  private newEntry(obj: object, out: unknown[]): number {
    const i = this.entries.length;
    if (i >= MAX_ENTRIES) throw new TooBig();
    this.entries.push(out);
    this.seen.set(obj, i);
    return i;
  }

  private push(ik: IK, obj: unknown, out: unknown[], idx: number, slots: number[] | null = null, via: Closure | null = null): Item {
    const it: Item = {
      ik, obj, out, idx, pos: 0, k: 0, kids: null, slots, via,
      parent: this.cur, parentPos: this.curPos, parentName: this.curName,
    };
    this.stack.push(it);
    return it;
  }

  /** An entry whose fields are all written by `children`. */
  private entryRef(obj: object, ik: IK, out: unknown[]): number {
    const s = this.seen.get(obj);
    if (s !== undefined) return s;
    const i = this.newEntry(obj, out);
    this.push(ik, obj, out, i);
    return i;
  }

  /** The field of a Scheme value, making its entry on first sight. */
  field(v: Value): unknown {
    if (typeof v === 'number') return v;
    if (v instanceof Pair) {
      const s = this.seen.get(v);
      if (s !== undefined) return s < PAIR_K ? this.ref(s) : [s % PAIR_K, Math.floor(s / PAIR_K)];
      // Pair k of the list is registered as i + k * PAIR_K as the walk reaches it; the first is i.
      const out: unknown[] = [Ent.List];
      const i = this.newEntry(v, out);
      this.push(IK.List, v, out, i);
      return this.ref(i);
    }
    if (typeof v !== 'object') return immediateField(v);
    // A closure known as a stub (an environment link) must now be written in full.
    if (v instanceof Closure) return this.ref(this.closureRef(v, true));
    const s = this.seen.get(v);
    if (s !== undefined) return this.ref(s);
    switch (v.tag) {
      case Tag.Str: {
        const t = textField((v as MString).s);
        return this.ref(this.newEntry(v, typeof t === 'string' ? [Ent.Str, t] : [Ent.Str16, t]));
      }
      case Tag.Vector: {
        const out: unknown[] = [Ent.Vec];
        const i = this.newEntry(v, out);
        // Without an encoder, fixnums are written at once; an item does the rest, if any.
        const items = (v as SVector).items;
        if (!this.cb) {
          let j = 0;
          for (; j < items.length; j++) {
            const x = items[j];
            if (typeof x !== 'number') break;
            out.push(x);
          }
          if (j === items.length) return this.ref(i);
        }
        this.push(IK.Vec, v, out, i);
        return this.ref(i);
      }
      case Tag.U8Vector:
        return this.ref(this.newEntry(v, [Ent.U8, (v as U8Vector).bytes.slice()]));
      case Tag.Record: {
        // The type first: its (smaller) index is written in every record of the type.
        const out: unknown[] = [Ent.Rec, this.typeRef((v as Record).type)];
        const i = this.newEntry(v, out);
        const fields = (v as Record).fields;
        if (!this.cb) {
          let j = 0;
          for (; j < fields.length; j++) {
            const x = fields[j];
            if (typeof x !== 'number') break;
            out.push(x);
          }
          if (j === fields.length) return this.ref(i);
        }
        this.push(IK.Rec, v, out, i);
        return this.ref(i);
      }
      case Tag.Sym: {
        const f = immediateField(v);
        return f !== NOT_IMMEDIATE ? f : this.ref(this.newEntry(v, [Ent.USym, textField((v as Sym).name)]));
      }
      case Tag.Keyword: {
        const f = immediateField(v);
        return f !== NOT_IMMEDIATE ? f : this.ref(this.newEntry(v, [Ent.UKw, textField((v as Keyword).name)]));
      }
      case Tag.RecordType: return this.ref(this.typeRef(v as RecordType));
      case Tag.Table: {
        const t = v as Table;
        const o = t.options;
        return this.ref(this.entryRef(t, IK.Table, [Ent.Table, undefined, null, undefined, o.weakKeys, o.weakValues, t.kind === TestKind.Custom]));
      }
      case Tag.Promise: return this.ref(this.entryRef(v, IK.Promise, [Ent.Promise, (v as SPromise).done, undefined, null]));
      case Tag.Box: return this.ref(this.entryRef(v, IK.Box, [Ent.Box, undefined]));
      case Tag.ErrorObj: {
        const e = v as ErrorObj;
        const loc = e.loc === null ? null : [e.loc.container, e.loc.line, e.loc.col];
        const args = e.args === null ? null : new Array<unknown>(e.args.length);
        return this.ref(this.entryRef(v, IK.Err, [Ent.Err, e.kind, e.message, new Array<unknown>(e.irritants.length), e.argNum, e.typeName,
          undefined, undefined, args, loc, e.locProc, e.located]));
      }
      case Tag.Parameter: return this.parameter(v as Parameter);
      case Tag.Values: {
        const out: unknown[] = new Array((v as MultipleValues).vals.length + 1);
        out[0] = Ent.MV;
        return this.ref(this.entryRef(v, IK.MV, out));
      }
      case Tag.Time: return this.ref(this.newEntry(v, [Ent.Time, (v as STime).seconds]));
      case Tag.Continuation: return this.ref(this.entryRef(v, IK.Cont, [Ent.Cont, null, undefined, (v as Continuation).isProcedure]));
      default: {
        const f = immediateField(v);
        if (f === NOT_IMMEDIATE) throw new Unserializable(v);
        return f;
      }
    }
  }

  /** A record type's entry index (a record's type field is an index, not a reference field). */
  private typeRef(t: RecordType): number {
    const s = this.seen.get(t);
    if (s !== undefined) return s;
    const n0 = t.parent === null ? 0 : t.parent.fields.length;
    const out: unknown[] = [Ent.Type, t.name, t instanceof DefinedType ? t.gambitId : t.id, t.generative, null, t instanceof DefinedType ? t.flags : 0];
    for (let j = n0; j < t.fields.length; j++) out.push([t.fields[j]!.name, fieldOptions(t, j), false]);
    return this.entryRef(t, IK.Type, out);
  }

  /** A parameter: by global name when a global holds it (the receiver uses its own), else an entry. */
  private parameter(p: Parameter): unknown {
    const f = immediateField(p);
    if (f !== NOT_IMMEDIATE) return f;
    if (this.globalParams === null) {
      this.globalParams = new Map();
      for (const cell of this.vm.globals.values()) {
        if (cell.value instanceof Parameter && cell.name.interned && !this.globalParams.has(cell.value)) this.globalParams.set(cell.value, cell.name.name);
      }
    }
    const name = this.globalParams.get(p);
    if (name !== undefined) return [Imm.GParam, name];
    return this.ref(this.entryRef(p, IK.Param, [Ent.Param, undefined, null]));
  }

  // -------------------------------------------------------------------------------------------
  // Closures and environments

  /** A closure: in full (with its code) or as a stub (an environment link). */
  private closureRef(c: Closure, full: boolean): number {
    let info = this.closures.get(c);
    if (info === undefined) {
      const out: unknown[] = [Ent.Clo, null, undefined, c.lambda.name, c.lambda.isLet];
      const idx = this.newEntry(c, out);
      info = { idx, full: false };
      this.closures.set(c, info);
      out[2] = this.envRef(c.env);
    }
    if (full && !info.full) {
      info.full = true;
      this.entries[info.idx]![1] = this.unit(c.lambda).idx;
      this.need(c.env, c.lambda.free, c);
    }
    return info.idx;
  }

  /** The entry of an environment: [ENV, slot0, slot1, ...], slots absent until needed. */
  private envOut(e: Env): unknown[] {
    const s = this.seen.get(e);
    if (s !== undefined) return this.entries[s]!;
    const out: unknown[] = new Array(e.length + 1);
    out[0] = Ent.Env;
    this.newEntry(e, out);
    return out;
  }

  private envRef(e: Env): number {
    this.envOut(e);
    return this.seen.get(e)!;
  }

  /** The slots `free` of the environments from `e` up, reached by `via`'s code. */
  private need(e: Env, free: ReadonlyArray<readonly [number, number]>, via: Closure): void {
    if (free.length === 0) return;
    let max = 0;
    for (const [d] of free) if (d > max) max = d;
    let env = e;
    for (let d = 0; d <= max; d++) {
      const out = this.envOut(env);
      let slots: number[] | null = null;
      for (const [fd, s] of free) {
        if (fd !== d || s >= env.length || s < 1 || out[s + 1] !== undefined) continue;
        out[s + 1] = QUEUED;
        (slots ??= []).push(s);
      }
      if (slots !== null) this.push(IK.Env, env, out, this.seen.get(env)!, slots, via);
      if (d === max) break;
      const up = env[0];
      if (!(up instanceof Closure)) throw new Unserializable(env);
      if (out[1] === undefined) out[1] = this.closureRef(up, false);
      env = up.env;
    }
  }

  /** A frame's environment: every slot, and the closure running in it in full. */
  private envFull(e: Env): number {
    const out = this.envOut(e);
    const idx = this.seen.get(e)!;
    if (!this.fullEnvs.has(e)) {
      this.fullEnvs.add(e);
      let slots: number[] | null = null;
      let some = false;
      for (let s = 1; s < e.length; s++) if (out[s + 1] !== undefined) some = true;
      if (some) {
        slots = [];
        for (let s = 1; s < e.length; s++) if (out[s + 1] === undefined) slots.push(s);
      }
      for (let s = 1; s < e.length; s++) if (out[s + 1] === undefined) out[s + 1] = QUEUED;
      if (e.length > 1 && (slots === null || slots.length > 0)) this.push(IK.Env, e, out, idx, slots, null);
      const c = e[0];
      if (c instanceof Closure) out[1] = this.closureRef(c, true);
    }
    return idx;
  }

  // -------------------------------------------------------------------------------------------
  // Code

  /** The entry of the code unit rooted at `root` (made once per message; bytes cached per Vm). */
  private unit(root: Node): MsgUnit {
    let u = this.units.get(root);
    if (u !== undefined) return u;
    const out: unknown[] = [Ent.Unit, undefined, false];
    const idx = this.entries.length;
    this.entries.push(out);
    const cached = this.st.sent.get(root);
    if (cached !== undefined) {
      out[1] = cached.bytes;
      u = { idx, eu: cached };
    } else {
      const tree = encodeUnitTree(root, (v) => this.field(v));
      const bytes = encodeCbor(tree.doc);
      out[1] = bytes;
      out[2] = tree.external;
      const eu: EncodedUnit = { bytes, nodes: tree.nodes, index: null };
      if (!tree.external) this.st.sent.set(root, eu);
      u = { idx, eu };
    }
    this.units.set(root, u);
    return u;
  }

  /** [unitEntry, nodeIndex] for a frame's node: in the code of the closure running there, else a unit of its own. */
  private nodeRef(node: Node, env: Env | null): unknown {
    const c = env === null ? undefined : env[0];
    if (c instanceof Closure) {
      const u = this.unit(c.lambda);
      const eu = u.eu;
      if (eu.index === null) eu.index = new Map(eu.nodes.map((n, i) => [n, i]));
      const j = eu.index.get(node);
      if (j !== undefined) return [u.idx, j];
    }
    return [this.unit(node).idx, 0];
  }

  // -------------------------------------------------------------------------------------------
  // Continuations

  private frameRef(f: Frame): number {
    const s = this.seen.get(f);
    if (s !== undefined) return s;
    const out: unknown[] = [Ent.Frame, f.op, null];
    const i = this.newEntry(f, out);
    // Frames are numbered from the innermost; in a chain, a frame's path shows only its number.
    const c = this.cur;
    const chained = c !== null && c.ik === IK.Frame && this.curName === '';
    const it: Item = {
      ik: IK.Frame, obj: f, out, idx: i, pos: 0, k: chained ? c.k + 1 : 1, kids: null, slots: null, via: null,
      parent: chained ? c.parent : c, parentPos: chained ? c.parentPos : this.curPos, parentName: chained ? c.parentName : this.curName,
    };
    this.stack.push(it);
    return i;
  }

  /** A frame's fields (layouts in deserialize.ts fillFrame); the next frame last. */
  private frameChildren(f: Frame, out: unknown[]): void {
    const v = (x: unknown, name: string): void => {
      out.push(undefined);
      this.emit(CK.V, x, out, out.length - 1, name);
    };
    const env = (e: Env): void => {
      out.push(undefined);
      this.emit(CK.EnvFull, e, out, out.length - 1, '');
    };
    switch (f.op) {
      case FOp.If: out.push(this.nodeRef(f.node, f.env)); env(f.env); break;
      case FOp.Seq: out.push(this.nodeRef(f.node, f.env), f.i); env(f.env); break;
      case FOp.Arg: {
        out.push(this.nodeRef(f.node, f.env), f.i);
        env(f.env);
        const vals: unknown[] = new Array(f.vals.length);
        out.push(vals);
        for (let j = 0; j < f.vals.length && j < f.i; j++) this.emit(CK.V, f.vals[j], vals, j, j === 0 ? 'operator' : `argument ${j}`);
        break;
      }
      case FOp.LocalSet: out.push(this.nodeRef(f.node, f.env)); env(f.env); break;
      case FOp.GlobalSet: out.push(this.field(f.node.cell.name), f.node.op === Op.GlobalDef, src(f.node.src)); break;
      case FOp.Top: out.push(src(f.src)); break;
      case FOp.RestoreDyn: out.push(undefined); this.emit(CK.Dyn, f.dyn, out, 3, 'dynamic environment'); break;
      case FOp.CallWithValues: v(f.consumer, 'consumer'); break;
      case FOp.WindBefore: v(f.before, 'before thunk'); v(f.thunk, 'thunk'); v(f.after, 'after thunk'); break;
      case FOp.WindBody:
        v(f.after, 'after thunk');
        out.push(null);
        if (f.outer !== null) this.emit(CK.WList, f.outer, out, 4, 'dynamic-wind list');
        break;
      case FOp.ReturnValue: v(f.value, 'value'); break;
      case FOp.Rewind: {
        out.push(f.i, null, undefined);
        if (f.target !== null) this.emit(CK.Frame, f.target, out, 4, 'target');
        this.emit(CK.Dyn, f.targetDyn, out, 5, 'target dynamic environment');
        v(f.value, 'value');
        if (f.fn === null) out.push(undefined);
        else v(f.fn, 'procedure');
        const steps: unknown[] = [];
        out.push(steps);
        f.steps.forEach((s, j) => {
          steps.push(undefined, null);
          this.emit(CK.V, s.thunk, steps, 2 * j, 'dynamic-wind thunk');
          if (s.winds !== null) this.emit(CK.WList, s.winds, steps, 2 * j + 1, 'dynamic-wind list');
        });
        const args: unknown[] = new Array(f.args.length);
        out.push(args);
        f.args.forEach((x, j) => this.emit(CK.V, x, args, j, `argument ${j + 1}`));
        break;
      }
      case FOp.Force: out.push(undefined); this.emit(CK.I, f.promise, out, 3, 'promise'); break;
      case FOp.Apply: {
        v(f.fn, 'procedure');
        f.args.forEach((x, j) => v(x, `argument ${j + 1}`));
        break;
      }
      case FOp.Or: out.push(this.nodeRef(f.node, f.env), f.i); env(f.env); break;
      case FOp.Load: {
        out.push(f.i, undefined);
        this.emit(CK.V, f.result, out, 4, 'result');
        for (const form of f.forms) out.push([this.nodeRef(form.node, null), src(form.loc)]);
        break;
      }
      default: {
        const never: never = f;
        throw new Error(`unknown frame ${String(never)}`);
      }
    }
    if (f.next !== null) this.emit(CK.Frame, f.next, out, 2, '');
  }

  // -------------------------------------------------------------------------------------------
  // Errors: `can't serialize #<...> (reached via closure p > variable port)`

  private closureName(c: Closure): string {
    if (c.lambda.name !== null) return `closure ${c.lambda.name}`;
    for (const cell of this.vm.globals.values()) if (cell.value === c) return `closure ${cell.name.name}`;
    return `closure ${this.vm.describe(c)}`;
  }

  private what(it: Item): string {
    switch (it.ik) {
      case IK.Root: case IK.PBind: case IK.HList: case IK.WList: return '';
      case IK.List: return 'list';
      case IK.Vec: return 'vector';
      case IK.Rec: return `record ${(it.obj as Record).type.name}`;
      case IK.Promise: return 'promise';
      case IK.Box: return 'box';
      case IK.Err: return 'exception object';
      case IK.Param: return 'parameter';
      case IK.MV: return 'multiple values';
      case IK.Type: return `type ${(it.obj as RecordType).name}`;
      case IK.Table: return 'table';
      case IK.Cont: return 'continuation';
      case IK.Frame: return `frame ${it.k}`;
      case IK.Dyn: return 'dynamic environment';
      case IK.Env: return it.via === null ? '' : this.closureName(it.via);
      default: {
        const never: never = it.ik;
        throw new Error(String(never));
      }
    }
  }

  private childName(it: Item, pos: number, name: string): string {
    switch (it.ik) {
      case IK.List: return pos < 0 ? 'tail' : `element ${pos + 1}`;
      case IK.Vec: return `element ${pos + 1}`;
      case IK.Rec: {
        const f = (it.obj as Record).type.fields[pos];
        return f === undefined ? `field ${pos + 1}` : `field ${f.name}`;
      }
      case IK.Env: {
        const env = it.obj as Env;
        const slot = pos - 1;
        const c = env[0];
        const s = c instanceof Closure ? c.lambda.slots[slot - 1] : undefined;
        return `variable ${s === undefined ? `#${slot}` : s.name}`;
      }
      default: return name;
    }
  }

  private error(obj: unknown): ErrorObj {
    const segs: string[] = [];
    let it: Item | null = this.cur;
    let pos = this.curPos;
    let name = this.curName;
    while (it !== null) {
      const c = this.childName(it, pos, name);
      if (c !== '') segs.push(c);
      const w = this.what(it);
      if (w !== '') segs.push(w);
      pos = it.parentPos;
      name = it.parentName;
      it = it.parent;
    }
    const shown = obj !== null && typeof obj === 'object' && 'tag' in obj
      ? writeLimited(this.vm, obj as Value, Style.Write, 200)
      : `#<${Array.isArray(obj) ? 'environment' : typeof obj}>`;
    const path = segs.reverse().join(' > ');
    const irritants = obj !== null && typeof obj === 'object' && 'tag' in obj ? [obj as Value] : [];
    const e = new ErrorObj('serialization', `can't serialize ${shown}${path === '' ? '' : ` (reached via ${path})`}`, irritants);
    e.locProc = '##object->u8vector';
    e.located = true;
    return e;
  }
}

function tooBig(): ErrorObj {
  const e = new ErrorObj('serialization', `can't serialize: more than ${MAX_ENTRIES} objects`);
  e.locProc = '##object->u8vector';
  e.located = true;
  return e;
}

function src(s: Src | null): unknown {
  return s === null ? null : [s.container, s.line, s.col, s.proc];
}

/** object->u8vector without an encoder. */
export function serialize(vm: Vm, obj: Value): Uint8Array {
  const s = new Serializer(vm, obj, false);
  s.run();
  return s.bytes();
}
