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

/**
 * A field of an entry: the value there now, the entry it refers to (or -1), and where it is
 * stored: `holder[key]` (an array and an index, or an object and a property name; no closure
 * per field, as a small message's walk allocated more for those than for anything else).
 */
interface Edge {
  readonly v: Value | undefined;
  readonly ref: number;
  readonly k: number;
  /** A value field (the decoder's results go there); else an internal link (only walked). */
  readonly value: boolean;
  /** Null for an internal link. */
  readonly holder: Slots | null;
  readonly key: string | number;
}

/** What holds a field: an array or an object, written as `holder[key] = x`. */
type Slots = { [key: string | number]: unknown };

function store(e: Edge, x: Value): void {
  e.holder![e.key] = x;
}

/** refOf's results (written by it, read at once by its caller: no array per field). */
let refJ = -1;
let refK = 0;

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
  Ent.List, Ent.Str, Ent.Str16, Ent.Vec, Ent.U8, Ent.NumVec, Ent.USym, Ent.UKw, Ent.Rec, Ent.Table, Ent.Promise, Ent.Box, Ent.Err,
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
    this.visited = zeros(n);
    this.applies = zeros(n);
    this.results = new Array(n);
    this.root = d.root;
    refOf(rootField);
    this.rootEdge = { v: d.root, ref: refJ, k: refK, value: true, holder: this as unknown as Slots, key: 'root' };
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
        store(this.pendingEdge!, x);
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
    if (via.value && via.holder !== null) store(via, this.resultOf(top.j, via.k));
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
      } else if (this.visited[j] === 2 && e.value && e.holder !== null) {
        store(e, this.resultOf(j, e.k));
      }
      return 'more';
    }
    if (e.value && e.holder !== null && e.v !== undefined && e.v !== UNASSIGNED) {
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
    switch (e[0] as Ent) {
      case Ent.List: {
        const ps = this.d.listPairs[j]!;
        for (let k = 0; k < ps.length; k++) val(out, e[k + 1], ps[k]!.car, ps[k]! as unknown as Slots, 'car');
        const last = ps[ps.length - 1]!;
        val(out, e[e.length - 1], last.cdr, last as unknown as Slots, 'cdr');
        break;
      }
      case Ent.Vec: vals(out, e, 1, (o as SVector).items); break;
      case Ent.Rec:
        link(out, e[1]);
        vals(out, e, 2, (o as Record).fields);
        break;
      case Ent.Type: {
        link(out, e[4]);
        for (let i = 6; i < e.length; i++) inner(out, (e[i] as unknown[])[2]);
        break;
      }
      case Ent.Table: {
        inner(out, e[1]);
        inner(out, e[2]);
        inner(out, e[3]);
        if (e[6] === true) {
          inner(out, e[7]);
        } else {
          const kv: Value[] = [];
          this.tableKV.set(j, kv);
          for (let i = 7; i < e.length; i++) {
            const at = kv.length;
            const v = this.d.val(e[i]);
            kv.push(v);
            val(out, e[i], v, kv as unknown as Slots, at);
          }
        }
        break;
      }
      case Ent.Promise: {
        const p = o as SPromise;
        val(out, e[2], p.value, p as unknown as Slots, 'value');
        if (p.thunk !== null) val(out, e[3], p.thunk, p as unknown as Slots, 'thunk');
        break;
      }
      case Ent.Box: val(out, e[1], (o as Box).value, o as Slots, 'value'); break;
      case Ent.Err: {
        const x = o as ErrorObj;
        const irritants = e[3] as unknown[];
        for (let i = 0; i < x.irritants.length; i++) val(out, irritants[i], x.irritants[i], x.irritants as unknown as Slots, i);
        if (x.datum !== null) val(out, e[6], x.datum, x as unknown as Slots, 'datum');
        if (x.proc !== null) val(out, e[7], x.proc, x as unknown as Slots, 'proc');
        if (x.args !== null) {
          const args = e[8] as unknown[];
          for (let i = 0; i < x.args.length; i++) val(out, args[i], x.args[i], x.args as unknown as Slots, i);
        }
        break;
      }
      case Ent.Param: {
        const p = o as Parameter;
        val(out, e[1], p.value, p as unknown as Slots, 'value');
        if (p.converter !== null) val(out, e[2], p.converter, p as unknown as Slots, 'converter');
        break;
      }
      case Ent.Clo: link(out, e[2]); break;
      case Ent.Env: {
        if (e.length > 1) link(out, e[1]);
        vals(out, e, 2, o as Value[], 1); // slot i at e[i + 1]
        break;
      }
      case Ent.Cont: link(out, e[1]); link(out, e[2]); break;
      case Ent.Frame: frameEdges(out, e, o as Frame); break;
      case Ent.Dyn: link(out, e[1]); link(out, e[2]); link(out, e[3]); break;
      case Ent.PBind: {
        const b = o as ParamBinding;
        inner(out, e[1]);
        val(out, e[2], b.cell.value, b.cell as unknown as Slots, 'value');
        link(out, e[3]);
        break;
      }
      case Ent.HList: {
        val(out, e[1], (o as HandlerList).handler, o as Slots, 'handler');
        link(out, e[3]);
        link(out, e[4]);
        link(out, e[5]);
        break;
      }
      case Ent.WList: {
        const w = o as WindList;
        val(out, e[1], w.before, o as Slots, 'before');
        val(out, e[2], w.after, o as Slots, 'after');
        link(out, e[4]);
        break;
      }
      case Ent.MV: vals(out, e, 1, (o as MultipleValues).vals); break;
      default:
        break;
    }
    return out;
  }
}

/** A value field: `f` as written, `v` the value there now, stored at holder[key]. */
function val(out: Edge[], f: unknown, v: Value | undefined, holder: Slots, key: string | number): void {
  refOf(f);
  out.push({ v, ref: refJ, k: refK, value: true, holder, key });
}

/** The value fields items[from..] written at e[at..] (e[at + i - from] for items[i]). */
function vals(out: Edge[], e: unknown[], at: number, items: Value[], from = 0): void {
  for (let i = from; i < items.length; i++) val(out, e[at + i - from], items[i], items as unknown as Slots, i);
}

/** An internal link: an entry index (or null / absent). */
function link(out: Edge[], f: unknown): void {
  if (typeof f === 'number') out.push({ v: undefined, ref: f, k: 0, value: false, holder: null, key: 0 });
}

/** A value in an internal position (a table's test, a type's field defaults...): walked, not replaced. */
function inner(out: Edge[], f: unknown): void {
  refOf(f);
  if (refJ >= 0) out.push({ v: undefined, ref: refJ, k: refK, value: false, holder: null, key: 0 });
}

function frameEdges(out: Edge[], e: unknown[], fr: Frame): void {
  const f = fr as unknown as Slots;
  const field = (i: number, name: string): void => val(out, e[i], f[name] as Value, f, name);
  switch (fr.op) {
    case FOp.If: case FOp.LocalSet: link(out, e[4]); break;
    case FOp.Seq: case FOp.Or: link(out, e[5]); break;
    case FOp.Arg: {
      link(out, e[5]);
      const fs = e[6] as unknown[];
      for (let i = 0; i < fr.i; i++) val(out, fs[i], fr.vals[i], fr.vals as unknown as Slots, i);
      break;
    }
    case FOp.GlobalSet: case FOp.Top: break;
    case FOp.RestoreDyn: link(out, e[3]); break;
    case FOp.CallWithValues: field(3, 'consumer'); break;
    case FOp.WindBefore: field(3, 'before'); field(4, 'thunk'); field(5, 'after'); break;
    case FOp.WindBody: field(3, 'after'); link(out, e[4]); break;
    case FOp.ReturnValue: field(3, 'value'); break;
    case FOp.Rewind: {
      link(out, e[4]);
      link(out, e[5]);
      field(6, 'value');
      if (fr.fn !== null) field(7, 'fn');
      const steps = e[8] as unknown[];
      for (let i = 0; i < fr.steps.length; i++) {
        const st = fr.steps[i]!;
        val(out, steps[2 * i], st.thunk, st as unknown as Slots, 'thunk');
        link(out, steps[2 * i + 1]);
      }
      const args = e[9] as unknown[];
      for (let i = 0; i < fr.args.length; i++) val(out, args[i], fr.args[i], fr.args as unknown as Slots, i);
      break;
    }
    case FOp.Force: inner(out, e[3]); break;
    case FOp.Apply:
      field(3, 'fn');
      vals(out, e, 4, fr.args);
      break;
    case FOp.Load: field(4, 'result'); break;
    default: break;
  }
  link(out, e[2]);
}

/** n zeros, as a packed array (Array.prototype.fill on a new holey array is a slow builtin call). */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/** The entry (refJ) and pair (refK) a field refers to; refJ -1 for an immediate. */
function refOf(f: unknown): void {
  if (Array.isArray(f) && f.length > 0 && typeof f[0] === 'number' && f[0] >= 0) {
    refJ = f[0];
    refK = f.length > 1 ? (f[1] as number) : 0;
  } else {
    refJ = -1;
    refK = 0;
  }
}
