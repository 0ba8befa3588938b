// Continuation frames in u8vector->object (deserialize.ts): the shell of each frame entry, made in
// pass 1 with the machine's field order, and its fields, filled and checked in pass 3. The
// layouts are those serial-parts.ts writes: [FRAME, op, next, ...fields of the op]. A frame's
// node is given as [unitEntry, nodeIndex]; whether its code may run in the frame's
// environment is checked in pass 4 (deserial-checks.ts).

import { FOp, type Frame } from '../interpreter/frames.js';
import { Op, type CallNode, type IfNode, type LocalSetNode, type Node, type OrNode, type PrimAppNode, type SeqNode, type Src } from '../interpreter/nodes.js';
import type { Deserializer } from './deserialize.js';
import { Ent, bad, boolOf, intOf } from './serial-format.js';
import { EMPTY_DYN, SPromise, Sym, VOID, type Env, type Value, type WindList } from './values.js';

/** The value node of a GlobalSet frame (and the body of placeholder lambdas). */
export const VOID_NODE: Node = { op: Op.Const, src: null, value: VOID };

/** A frame object with its fields in the order the machine creates them (same hidden class). */
export function frameShell(e: unknown[]): Frame {
  if (e.length < 3) bad('bad frame entry');
  const op = intOf(e[1], 0, FOp.Load, 'frame op');
  const x = null as unknown;
  switch (op as FOp) {
    case FOp.If: return { op: FOp.If, next: null, node: x, env: x } as unknown as Frame;
    case FOp.Seq: return { op: FOp.Seq, next: null, node: x, i: 0, env: x } as unknown as Frame;
    case FOp.Arg: return { op: FOp.Arg, next: null, node: x, i: 0, vals: x, env: x, gen: -1 } as unknown as Frame;
    case FOp.LocalSet: return { op: FOp.LocalSet, next: null, node: x, env: x } as unknown as Frame;
    case FOp.GlobalSet: return { op: FOp.GlobalSet, next: null, node: x } as unknown as Frame;
    case FOp.Top: return { op: FOp.Top, next: null, src: null };
    case FOp.RestoreDyn: return { op: FOp.RestoreDyn, next: null, dyn: EMPTY_DYN };
    case FOp.CallWithValues: return { op: FOp.CallWithValues, next: null, consumer: VOID };
    case FOp.WindBefore: return { op: FOp.WindBefore, next: null, before: VOID, thunk: VOID, after: VOID };
    case FOp.WindBody: return { op: FOp.WindBody, next: null, after: VOID, outer: null };
    case FOp.ReturnValue: return { op: FOp.ReturnValue, next: null, value: VOID };
    case FOp.Rewind: return { op: FOp.Rewind, next: null, steps: [], i: 0, target: null, targetDyn: EMPTY_DYN, value: VOID, fn: null, args: [] };
    case FOp.Force: return { op: FOp.Force, next: null, promise: x } as unknown as Frame;
    case FOp.Apply: return { op: FOp.Apply, next: null, fn: VOID, args: [] };
    case FOp.Or: return { op: FOp.Or, next: null, node: x, i: 0, env: x } as unknown as Frame;
    case FOp.Load: return { op: FOp.Load, next: null, forms: [], i: 0, result: VOID };
    default: return bad('bad frame op');
  }
}


/** A frame's node, of kind `op`, whose code runs in `env` (checked in pass 4). */
function frameNode<N extends Node>(d: Deserializer, f: unknown, op: Op, env: Env): N {
  const at = d.nodeAt(f);
  if (at.node.op !== op && !(op === Op.Call && at.node.op === Op.PrimApp)) bad('frame node of the wrong kind');
  d.frameChecks.push({ unit: at.unit, idx: at.idx, env });
  return at.node as N;
}

/** Pass 3 for a frame entry: its fields, checked against the layout of its op. */
export function fillFrame(d: Deserializer, e: unknown[], fr: Frame): void {
  const f = fr as unknown as { [k: string]: unknown };
  const len = e.length;
  f.next = e[2] === null ? null : d.refTo(e[2], Ent.Frame);
  const env = (j: number): Env => d.refTo(e[j], Ent.Env) as Env;
  const want = (n: number): void => {
    if (len !== n) bad('bad frame entry');
  };
  switch (fr.op) {
    case FOp.If: want(5); f.env = env(4); f.node = frameNode<IfNode>(d, e[3], Op.If, f.env as Env); return;
    case FOp.Seq: case FOp.Or: {
      want(6);
      f.env = env(5);
      const n = frameNode<SeqNode | OrNode>(d, e[3], fr.op === FOp.Seq ? Op.Seq : Op.Or, f.env as Env);
      f.node = n;
      f.i = intOf(e[4], 0, (n.op === Op.Seq ? n.body.length : n.exprs.length) - 2, 'frame index');
      return;
    }
    case FOp.Arg: {
      want(7);
      f.env = env(5);
      const n = frameNode<CallNode | PrimAppNode>(d, e[3], Op.Call, f.env as Env);
      f.node = n;
      const i = intOf(e[4], 0, n.args.length, 'frame index');
      f.i = i;
      const vs = d.arr(e[6], 'values');
      if (vs.length !== n.args.length + 1) bad('bad frame values');
      const vals = new Array<Value>(vs.length);
      for (let j = 0; j < vs.length; j++) {
        if (vs[j] === undefined) {
          if (j < i) bad('missing frame value');
        } else vals[j] = d.val(vs[j]);
      }
      f.vals = vals;
      f.gen = -1; // never the current capture count: returning here always copies `vals`
      return;
    }
    case FOp.LocalSet: want(5); f.env = env(4); f.node = frameNode<LocalSetNode>(d, e[3], Op.LocalSet, f.env as Env); return;
    case FOp.GlobalSet: {
      want(6);
      const name = d.val(e[3]);
      if (!(name instanceof Sym)) bad('bad global name');
      f.node = { op: boolOf(e[4]) ? Op.GlobalDef : Op.GlobalSet, src: d.src(e[5]), cell: d.vm.cell(name), value: VOID_NODE };
      return;
    }
    case FOp.Top: want(4); f.src = d.src(e[3]); return;
    case FOp.RestoreDyn: want(4); f.dyn = d.refTo(e[3], Ent.Dyn); return;
    case FOp.CallWithValues: want(4); f.consumer = d.val(e[3]); return;
    case FOp.WindBefore: want(6); f.before = d.val(e[3]); f.thunk = d.val(e[4]); f.after = d.val(e[5]); return;
    case FOp.WindBody: want(5); f.after = d.val(e[3]); f.outer = e[4] === null ? null : d.refTo(e[4], Ent.WList); return;
    case FOp.ReturnValue: want(4); f.value = d.val(e[3]); return;
    case FOp.Rewind: {
      want(10);
      const steps = d.arr(e[8], 'steps');
      if (steps.length % 2 !== 0) bad('bad steps');
      const out: Array<{ thunk: Value; winds: WindList | null }> = [];
      for (let j = 0; j < steps.length; j += 2) {
        out.push({ thunk: d.val(steps[j]), winds: steps[j + 1] === null ? null : (d.refTo(steps[j + 1], Ent.WList) as WindList) });
      }
      f.steps = out;
      f.i = intOf(e[3], 0, out.length, 'frame index');
      f.target = e[4] === null ? null : d.refTo(e[4], Ent.Frame);
      f.targetDyn = d.refTo(e[5], Ent.Dyn);
      f.value = d.val(e[6]);
      f.fn = e[7] === undefined ? null : d.val(e[7]);
      f.args = d.arr(e[9], 'arguments').map((a) => d.val(a));
      return;
    }
    case FOp.Force: {
      want(4);
      const p = d.val(e[3]);
      if (!(p instanceof SPromise)) bad('bad promise');
      f.promise = p;
      return;
    }
    case FOp.Apply: {
      if (len < 4) bad('bad frame entry');
      f.fn = d.val(e[3]);
      const args: Value[] = [];
      for (let j = 4; j < len; j++) args.push(d.val(e[j]));
      f.args = args;
      return;
    }
    case FOp.Load: {
      if (len < 6) bad('bad frame entry');
      const forms: Array<{ node: Node; loc: Src }> = [];
      for (let j = 5; j < len; j++) {
        const form = d.arr(e[j], 'form');
        if (form.length !== 2) bad('bad form');
        const at = d.nodeAt(form[0]);
        const loc = d.src(form[1]);
        if (loc === null) bad('form without a location');
        d.frameChecks.push({ unit: at.unit, idx: at.idx, env: [] });
        forms.push({ node: at.node, loc });
      }
      f.forms = forms;
      f.i = intOf(e[3], 0, forms.length - 1, 'frame index');
      f.result = d.val(e[4]);
      return;
    }
    default: bad('bad frame');
  }
}
