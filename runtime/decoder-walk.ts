// The decoder procedure of u8vector->object (Gambit manual, "Serialization"): called post-order
// on each Scheme value newly built, its result replacing the value where it is stored.
//
// Runs after deserialize.ts has built and checked everything, as a depth-first walk of the
// entry table from the root (the order the encoder walked it in). Only value fields are
// replaced (elements, fields, variables, values held by frames...), never the internal parts
// of closures and continuations, so the result stays safe to run. Immediates (numbers,
// symbols, characters...) in value fields are given to the decoder too, as gsi does. The walk
// is resumable: run() stops with 'call' when the decoder must be called (the caller has the
// machine call it) and resume(result) continues.

import { FOp, type Frame } from '../interpreter/frames.js';
import type { Deserializer } from './deserialize.js';
import { Ent } from './serial-format.js';
import type { Table } from './table.js';
import {
  Box, MultipleValues, Parameter, Record, SPromise, SVector, UNASSIGNED,
  type HandlerList, type ParamBinding, type Value, type WindList,
} from './values.js';
import { ErrorObj } from './errors.js';

/** A field of an entry: the value there now, the entry it refers to (or -1), how to replace it. */
interface Edge {
  readonly v: Value | undefined;
  readonly ref: number;
  readonly k: number;
  /** A value field (the decoder's results go there); else an internal link (only walked). */
  readonly value: boolean;
  readonly set: ((x: Value) => void) | null;
}

interface Visit {
  readonly j: number;
  readonly edges: Edge[];
  pos: number;
  readonly via: Edge;
  /** Lists: the next pair to give to the decoder (from the last); -2 before, -1 after. */
  pk: number;
}

type Pending = 'edge' | 'pair' | 'entry';

const VALUE_TAGS = new Set<number>([
  Ent.List, Ent.Str, Ent.Str16, Ent.Vec, Ent.U8, Ent.USym, Ent.UKw, Ent.Rec, Ent.Table, Ent.Promise, Ent.Box, Ent.Err,
  Ent.Param, Ent.Clo, Ent.Cont, Ent.MV, Ent.Time,
]);

export class DecoderWalk {
  private readonly visited: number[];
  private readonly applies: number[];
  private readonly results: Array<Value | undefined>;
  // Made on first use (most messages have neither lists given to the decoder nor tables).
  private pairResultsMap: Map<number, Value[]> | null = null;
  private tableKVMap: Map<number, Value[]> | null = null;
  private tableDoneSet: Set<number> | null = null;
  private readonly stack: Visit[] = [];
  private rootStarted = false;
  private pendingKind: Pending = 'edge';
  private pendingEdge: Edge | null = null;
  /** The value waiting for the decoder (after run() returned 'call'). */
  pending: Value = false;
  /** The result, once run() returned 'done'. */
  root: Value;
  private readonly rootEdge: Edge;

  constructor(private readonly d: Deserializer, rootField: unknown) {
    const n = d.entryTable.length;
    this.visited = new Array<number>(n).fill(0);
    this.applies = new Array<number>(n).fill(0);
    this.results = new Array(n);
    this.root = d.root;
    const [ref, k] = refOf(rootField);
    this.rootEdge = { v: d.root, ref, k, value: true, set: (x) => { this.root = x; } };
  }

  private get pairResults(): Map<number, Value[]> { return this.pairResultsMap ??= new Map(); }
  private get tableKV(): Map<number, Value[]> { return this.tableKVMap ??= new Map(); }
  private get tableDone(): Set<number> { return this.tableDoneSet ??= new Set(); }

  run(): 'done' | 'call' {
    for (;;) {
      if (this.stack.length === 0) {
        if (!this.rootStarted) {
          this.rootStarted = true;
          if (this.edge(this.rootEdge) === 'call') return 'call';
          continue;
        }
        for (const j of this.d.tableEntries) if (!this.tableDone.has(j)) this.d.fillTable(j);
        return 'done';
      }
      const top = this.stack[this.stack.length - 1]!;
      if (top.pos < top.edges.length) {
        if (this.edge(top.edges[top.pos++]!) === 'call') return 'call';
        continue;
      }
      const j = top.j;
      const tag = this.d.entryTags[j]!;
      if (tag === Ent.List && this.applies[j] === 1) {
        // The pairs, from the last: (1 2) gives 1, 2, (), (2), (1 2) as in gsi.
        const ps = this.d.listPairs[j]!;
        if (top.pk === -2) top.pk = ps.length - 1;
        if (top.pk >= 0) {
          this.pending = ps[top.pk]!;
          this.pendingKind = 'pair';
          return 'call';
        }
        this.finish(top);
        continue;
      }
      if (tag === Ent.Table) this.completeTable(j);
      if (this.applies[j] === 1) {
        this.pending = this.d.entryObjects[j] as Value;
        this.pendingKind = 'entry';
        return 'call';
      }
      this.finish(top);
    }
  }

  resume(x: Value): void {
    switch (this.pendingKind) {
      case 'edge':
        this.pendingEdge!.set!(x);
        return;
      case 'pair': {
        const top = this.stack[this.stack.length - 1]!;
        const ps = this.d.listPairs[top.j]!;
        let rs = this.pairResults.get(top.j);
        if (rs === undefined) {
          rs = ps.slice();
          this.pairResults.set(top.j, rs);
        }
        rs[top.pk] = x;
        if (top.pk > 0) ps[top.pk - 1]!.cdr = x;
        top.pk--;
        return;
      }
      case 'entry': {
        const top = this.stack[this.stack.length - 1]!;
        this.results[top.j] = x;
        this.finish(top);
        return;
      }
      default: {
        const never: never = this.pendingKind;
        throw new Error(String(never));
      }
    }
  }

  private finish(top: Visit): void {
    this.stack.pop();
    this.visited[top.j] = 2;
    const via = top.via;
    if (via.value && via.set !== null) via.set(this.resultOf(top.j, via.k));
  }

  private resultOf(j: number, k: number): Value {
    if (this.d.entryTags[j] === Ent.List) {
      const rs = this.pairResultsMap?.get(j);
      return rs !== undefined ? rs[k]! : this.d.listPairs[j]![k]!;
    }
    return this.results[j] ?? (this.d.entryObjects[j] as Value);
  }

  private edge(e: Edge): 'call' | 'more' {
    if (e.ref >= 0) {
      const j = e.ref;
      if (this.visited[j] === 0) {
        this.visited[j] = 1;
        const tag = this.d.entryTags[j]!;
        this.applies[j] = e.value && VALUE_TAGS.has(tag) && !(tag === Ent.Clo && this.d.entryTable[j]![1] === null) ? 1 : 0;
        this.stack.push({ j, edges: this.edges(j), pos: 0, via: e, pk: -2 });
      } else if (this.visited[j] === 2 && e.value && e.set !== null) {
        e.set(this.resultOf(j, e.k));
      }
      return 'more';
    }
    if (e.value && e.set !== null && e.v !== undefined && e.v !== UNASSIGNED) {
      this.pending = e.v;
      this.pendingKind = 'edge';
      this.pendingEdge = e;
      return 'call';
    }
    return 'more';
  }

  private completeTable(j: number): void {
    const kv = this.tableKV.get(j);
    this.tableDone.add(j);
    if (kv === undefined) {
      this.d.fillTable(j);
      return;
    }
    const t = this.d.entryObjects[j] as Table;
    for (let i = 0; i < kv.length; i += 2) this.d.tableSet(t, kv[i]!, kv[i + 1]!);
  }

  /** The fields of entry j, in the order the encoder wrote them. */
  private edges(j: number): Edge[] {
    const e = this.d.entryTable[j]!;
    const o = this.d.entryObjects[j];
    const out: Edge[] = [];
    const val = (f: unknown, v: Value | undefined, set: (x: Value) => void): void => {
      const [ref, k] = refOf(f);
      out.push({ v, ref, k, value: true, set });
    };
    // An internal link: an entry index (or null / absent).
    const link = (f: unknown): void => {
      if (typeof f === 'number') out.push({ v: undefined, ref: f, k: 0, value: false, set: null });
    };
    // A value in an internal position (a table's test, a type's field defaults...): walked, not replaced.
    const inner = (f: unknown): void => {
      const [ref, k] = refOf(f);
      if (ref >= 0) out.push({ v: undefined, ref, k, value: false, set: null });
    };
    switch (e[0] as Ent) {
      case Ent.List: {
        const ps = this.d.listPairs[j]!;
        ps.forEach((p, k) => val(e[k + 1], p.car, (x) => { p.car = x; }));
        const last = ps[ps.length - 1]!;
        val(e[e.length - 1], last.cdr, (x) => { last.cdr = x; });
        break;
      }
      case Ent.Vec: {
        const items = (o as SVector).items;
        items.forEach((v, i) => val(e[i + 1], v, (x) => { items[i] = x; }));
        break;
      }
      case Ent.Rec: {
        const fields = (o as Record).fields;
        link(e[1]);
        fields.forEach((v, i) => val(e[i + 2], v, (x) => { fields[i] = x; }));
        break;
      }
      case Ent.Type: {
        link(e[4]);
        for (let i = 6; i < e.length; i++) inner((e[i] as unknown[])[2]);
        break;
      }
      case Ent.Table: {
        inner(e[1]);
        inner(e[2]);
        inner(e[3]);
        if (e[6] === true) {
          inner(e[7]);
        } else {
          const kv: Value[] = [];
          this.tableKV.set(j, kv);
          for (let i = 7; i < e.length; i++) {
            const at = kv.length;
            const v = this.d.val(e[i]);
            kv.push(v);
            val(e[i], v, (x) => { kv[at] = x; });
          }
        }
        break;
      }
      case Ent.Promise: {
        const p = o as SPromise;
        val(e[2], p.value, (x) => { p.value = x; });
        if (p.thunk !== null) val(e[3], p.thunk, (x) => { p.thunk = x; });
        break;
      }
      case Ent.Box: val(e[1], (o as Box).value, (x) => { (o as Box).value = x; }); break;
      case Ent.Err: {
        const x = o as ErrorObj & { datum: Value | null; proc: Value | null };
        x.irritants.forEach((v, i) => val((e[3] as unknown[])[i], v, (y) => { x.irritants[i] = y; }));
        if (x.datum !== null) val(e[6], x.datum, (y) => { x.datum = y; });
        if (x.proc !== null) val(e[7], x.proc, (y) => { x.proc = y; });
        if (x.args !== null) x.args.forEach((v, i) => val((e[8] as unknown[])[i], v, (y) => { x.args![i] = y; }));
        break;
      }
      case Ent.Param: {
        const p = o as Parameter & { converter: Value | null };
        val(e[1], p.value, (x) => { p.value = x; });
        if (p.converter !== null) val(e[2], p.converter, (x) => { p.converter = x; });
        break;
      }
      case Ent.Clo: link(e[2]); break;
      case Ent.Env: {
        const env = o as Value[];
        if (e.length > 1) link(e[1]);
        for (let i = 1; i < env.length; i++) val(e[i + 1], env[i], (x) => { env[i] = x; });
        break;
      }
      case Ent.Cont: link(e[1]); link(e[2]); break;
      case Ent.Frame: this.frameEdges(e, o as Frame, val, link, inner); break;
      case Ent.Dyn: link(e[1]); link(e[2]); link(e[3]); break;
      case Ent.PBind: {
        const b = o as ParamBinding;
        inner(e[1]);
        val(e[2], b.cell.value, (x) => { b.cell.value = x; });
        link(e[3]);
        break;
      }
      case Ent.HList: {
        const h = o as HandlerList & { handler: Value };
        val(e[1], h.handler, (x) => { h.handler = x; });
        link(e[3]);
        link(e[4]);
        link(e[5]);
        break;
      }
      case Ent.WList: {
        const w = o as WindList & { before: Value; after: Value };
        val(e[1], w.before, (x) => { w.before = x; });
        val(e[2], w.after, (x) => { w.after = x; });
        link(e[4]);
        break;
      }
      case Ent.MV: {
        const vals = (o as MultipleValues).vals;
        vals.forEach((v, i) => val(e[i + 1], v, (x) => { vals[i] = x; }));
        break;
      }
      default:
        break;
    }
    return out;
  }

  private frameEdges(e: unknown[], fr: Frame, val: (f: unknown, v: Value | undefined, set: (x: Value) => void) => void, link: (f: unknown) => void, inner: (f: unknown) => void): void {
    const f = fr as unknown as { [k: string]: Value };
    const field = (i: number, name: string): void => val(e[i], f[name], (x) => { f[name] = x; });
    switch (fr.op) {
      case FOp.If: case FOp.LocalSet: link(e[4]); break;
      case FOp.Seq: case FOp.Or: link(e[5]); break;
      case FOp.Arg: {
        link(e[5]);
        const vals = fr.vals;
        const fs = e[6] as unknown[];
        for (let i = 0; i < fr.i; i++) val(fs[i], vals[i], (x) => { vals[i] = x; });
        break;
      }
      case FOp.GlobalSet: case FOp.Top: break;
      case FOp.RestoreDyn: link(e[3]); break;
      case FOp.CallWithValues: field(3, 'consumer'); break;
      case FOp.WindBefore: field(3, 'before'); field(4, 'thunk'); field(5, 'after'); break;
      case FOp.WindBody: field(3, 'after'); link(e[4]); break;
      case FOp.ReturnValue: field(3, 'value'); break;
      case FOp.Rewind: {
        link(e[4]);
        link(e[5]);
        field(6, 'value');
        if (fr.fn !== null) field(7, 'fn');
        const steps = e[8] as unknown[];
        fr.steps.forEach((s, i) => {
          val(steps[2 * i], s.thunk, (x) => { (s as { thunk: Value }).thunk = x; });
          link(steps[2 * i + 1]);
        });
        const args = fr.args;
        args.forEach((v, i) => val((e[9] as unknown[])[i], v, (x) => { args[i] = x; }));
        break;
      }
      case FOp.Force: inner(e[3]); break;
      case FOp.Apply: {
        field(3, 'fn');
        const args = fr.args;
        args.forEach((v, i) => val(e[i + 4], v, (x) => { args[i] = x; }));
        break;
      }
      case FOp.Load: field(4, 'result'); break;
      default: break;
    }
    link(e[2]);
  }
}

function refOf(f: unknown): [number, number] {
  if (Array.isArray(f) && f.length > 0 && typeof f[0] === 'number' && f[0] >= 0) return [f[0], f.length > 1 ? (f[1] as number) : 0];
  return [-1, 0];
}
