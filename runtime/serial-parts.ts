// The entry table of object->u8vector, and the internal parts of procedures and continuations:
// closures, their environments, code units, frames. The walk itself (serialize.ts) extends this
// class; the items it pushes here are in serial-path.ts.
//
// Closures carry only what their code can reach: the lambda's `free` list names the [depth,
// index] slots of the enclosing environments it uses; those environments are written with the
// other slots absent, and their slot 0 (the closure that made them) as a stub: no code, just
// the link to the next environment. Environments are entries, so two closures sharing a
// variable still share it after the trip: an environment reached by several closures carries
// the union of what they need. A frame of a continuation carries its whole environment, and the
// closure running there in full (its code is where the frame's node lives).

import { FOp, type Frame } from '../interpreter/frames.js';
import { Op, type Node, type Src } from '../interpreter/nodes.js';
import { Ent, Imm, MAX_ENTRIES } from './serial-format.js';
import { encodeCbor } from './serial-cbor.js';
import { encodeUnitTree, serialState, type EncodedUnit, type SerialState } from './serial-code.js';
import { CK, IK, TooBig, Unserializable, type Item } from './serial-path.js';
import { Closure, type Env, type Value } from './values.js';
import type { Vm } from './vm.js';

/** Marks an environment slot queued for writing (replaced by its field). */
const QUEUED = [Imm.Unbound];

/** The serializer's table of entries and its writers of internal parts (see serialize.ts). */
export abstract class PartWriter {
  protected readonly st: SerialState;
  protected readonly entries: unknown[][] = [];
  /** The entry of each object written (closures, environments, frames...; also code units,
   * keyed by their root node: one map rather than one per kind, as a small message's walk
   * spent more on making maps than on using them). */
  protected readonly seen = new Map<object, number>();
  /** Environments written in full (continuations' frames): made on first use. */
  private fullEnvs: Set<Env> | null = null;
  /** The encoded code unit of each unit entry (by entry index). */
  private readonly unitCode: EncodedUnit[] = [];
  private readonly refs: unknown[][] = [];
  protected readonly stack: Item[] = [];
  // The child being written (for resume and for error paths).
  protected cur: Item | null = null;
  protected curPos = 0;
  protected curName = '';

  constructor(protected readonly vm: Vm) {
    this.st = serialState(vm);
  }

  /** The field of a Scheme value, making its entry on first sight. */
  abstract field(v: Value): unknown;

  /** A child of a generic item: written now, or (encoder mode) collected. */
  protected abstract emit(kind: CK, v: unknown, dest: unknown[], at: number, name: string): void;

  // -------------------------------------------------------------------------------------------
  // Entries

  protected ref(i: number): unknown[] {
    let r = this.refs[i];
    if (r === undefined) {
      r = [i];
      this.refs[i] = r;
    }
    return r;
  }

  protected newEntry(obj: object, out: unknown[]): number {
    const i = this.entries.length;
    if (i >= MAX_ENTRIES) throw new TooBig();
    this.entries.push(out);
    this.seen.set(obj, i);
    return i;
  }

  protected push(ik: IK, obj: unknown, out: unknown[], idx: number, slots: number[] | null = null, via: Closure | null = null): Item {
    const it: Item = {
      ik, obj, out, idx, pos: 0, k: 0, kids: null, slots, via,
      parent: this.cur, parentPos: this.curPos, parentName: this.curName,
    };
    this.stack.push(it);
    return it;
  }

  /** An entry whose fields are all written by `children`. */
  protected entryRef(obj: object, ik: IK, out: unknown[]): number {
    const s = this.seen.get(obj);
    if (s !== undefined) return s;
    const i = this.newEntry(obj, out);
    this.push(ik, obj, out, i);
    return i;
  }


  // -------------------------------------------------------------------------------------------
  // Closures and environments

  /** A closure: in full (with its code) or as a stub (an environment link). */
  protected closureRef(c: Closure, full: boolean): number {
    let idx = this.seen.get(c);
    if (idx === undefined) {
      const out: unknown[] = [Ent.Clo, null, undefined, c.lambda.name, c.lambda.isLet];
      idx = this.newEntry(c, out);
      out[2] = this.envRef(c.env);
    }
    const out = this.entries[idx]!;
    if (full && out[1] === null) {
      // Written in full from now on (its unit link set before `need` may reach it again).
      out[1] = this.unit(c.lambda);
      this.need(c.env, c.lambda.free, c);
    }
    return idx;
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
  protected envFull(e: Env): number {
    const out = this.envOut(e);
    const idx = this.seen.get(e)!;
    const full = this.fullEnvs ??= new Set();
    if (!full.has(e)) {
      full.add(e);
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
  private unit(root: Node): number {
    const seen = this.seen.get(root);
    if (seen !== undefined) return seen;
    const out: unknown[] = [Ent.Unit, undefined, false];
    const idx = this.newEntry(root, out);
    const cached = this.st.sent.get(root);
    if (cached !== undefined) {
      out[1] = cached.bytes;
      this.unitCode[idx] = cached;
    } else {
      const tree = encodeUnitTree(root, (v) => this.field(v));
      const bytes = encodeCbor(tree.doc, false);
      out[1] = bytes;
      out[2] = tree.external;
      const eu: EncodedUnit = { bytes, nodes: tree.nodes, index: null };
      if (!tree.external) this.st.sent.set(root, eu);
      this.unitCode[idx] = eu;
    }
    return idx;
  }

  /** [unitEntry, nodeIndex] for a frame's node: in the code of the closure running there, else a unit of its own. */
  private nodeRef(node: Node, env: Env | null): unknown {
    const c = env === null ? undefined : env[0];
    if (c instanceof Closure) {
      const u = this.unit(c.lambda);
      const eu = this.unitCode[u]!;
      if (eu.index === null) eu.index = new Map(eu.nodes.map((n, i) => [n, i]));
      const j = eu.index.get(node);
      if (j !== undefined) return [u, j];
    }
    return [this.unit(node), 0];
  }

  // -------------------------------------------------------------------------------------------
  // Continuations

  protected frameRef(f: Frame): number {
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

  /** A frame's fields (layouts in deserial-frames.ts fillFrame); the next frame last. */
  protected frameChildren(f: Frame, out: unknown[]): void {
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
}

function src(s: Src | null): unknown {
  return s === null ? null : [s.container, s.line, s.col, s.proc];
}
