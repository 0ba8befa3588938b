// object->u8vector: a heap walk that writes the flat entry table of serial-format.ts.
//
// The walk uses an explicit stack of items (one per object whose fields are being written), so
// a 10^5-long list or a 10^5-frame continuation never recurses in JS. Each object with identity
// gets an entry the first time it is reached (pre-order numbering); later references write
// [i]. The pairs of a list are written as one entry (the spine), each pair registered so that a
// shared tail or a cycle becomes [i, k].
//
// Closures carry only what their code can reach (serial-parts.ts: environments pruned to the
// slots their code uses, code units, frames); an object that cannot be written is reported with
// the path it was reached by (serial-path.ts).
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

import type { Frame } from '../interpreter/frames.js';
import { elemKindOf, littleEndianBytes } from './elem-kinds.js';
import { ErrorObj } from './errors.js';
import { DefinedType, fieldOptions } from './records.js';
import { Ent, Imm, MAGIC, NOT_IMMEDIATE, PAIR_K, VERSION, immediateField, textField } from './serial-format.js';
import { encodeCbor } from './serial-cbor.js';
import { PartWriter } from './serial-parts.js';
import { CK, IK, TooBig, Unserializable, tooBig, unserializableError, type Item } from './serial-path.js';
import { TestKind, type Table } from './table.js';
import {
  Box, Closure, Continuation, Keyword, MString, MultipleValues, Pair, Parameter, Record, RecordType, SPromise, STime, SVector,
  Sym, Tag, U8Vector, UNASSIGNED, type NumVector,
  type Dyn, type Env, type HandlerList, type ParamBinding, type Value, type WindList,
} from './values.js';
import type { Vm } from './vm.js';

export class Serializer extends PartWriter {
  private readonly rootOut: unknown[] = [undefined];
  private globalParams: Map<Parameter, string> | null = null;
  /** Encoder mode, while `children` runs: where the children go. */
  private collect: unknown[] | null = null;
  private pendKind: CK = CK.V;
  private pendDest: unknown[] = [];
  private pendAt = 0;
  /** The value waiting for the encoder (valid after run() returned 'call'). */
  pending: Value = false;

  constructor(vm: Vm, root: Value, private readonly cb: boolean) {
    super(vm);
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
    return encodeCbor([MAGIC, VERSION, this.rootOut[0], this.entries], true);
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
  protected emit(kind: CK, v: unknown, dest: unknown[], at: number, name: string): void {
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
  // Fields

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
      case Tag.NumVector: {
        const n = v as NumVector;
        return this.ref(this.newEntry(v, [Ent.NumVec, n.kind, littleEndianBytes(n.elems, elemKindOf(n)!.size)]));
      }
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

  /** `can't serialize ...`, with the path from the root to the object (serial-path.ts). */
  private error(obj: unknown): ErrorObj {
    return unserializableError(this.vm, obj, this.cur, this.curPos, this.curName);
  }
}

/** object->u8vector without an encoder. */
export function serialize(vm: Vm, obj: Value): Uint8Array {
  const s = new Serializer(vm, obj, false);
  s.run();
  return s.bytes();
}
