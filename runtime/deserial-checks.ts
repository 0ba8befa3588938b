// Pass 4 of u8vector->object (deserialize.ts): the checks made once every object is filled and
// before any is handed out. Chains the runtime walks in loops must end, dynamic-wind depths
// must count down, every variable a closure's or a frame's code may touch must exist in its
// environments, and a custom table's bindings must have the shape table.ts reads.

import type { Frame } from '../interpreter/frames.js';
import type { DecodedUnit } from './serial-code.js';
import { Ent, bad } from './serial-format.js';
import { TestKind, type Table } from './table.js';
import { Closure, NIL, Pair, SVector, type Env, type HandlerList, type ParamBinding, type WindList } from './values.js';

/** A frame's node, to be checked against the environment the frame runs it in. */
export interface FrameCheck {
  readonly unit: DecodedUnit;
  readonly idx: number;
  readonly env: Env;
}

/** Throws a DecodeError (bad) unless the decoded objects are safe to hand out. */
export function checkObjects(
  tags: readonly number[], objs: ReadonlyArray<unknown>, closures: readonly Closure[], frameChecks: readonly FrameCheck[], tables: readonly number[],
  refBudget: number,
): void {
  const n = tags.length;
  // Chains the runtime walks in loops must end: frames, handlers, parameter bindings, and
  // environments (through their closures). Dynamic-wind lists: depths must count down to 1.
  if (!shortChains(tags, objs)) checkChains(tags, objs);
  for (let i = 0; i < n; i++) {
    if (tags[i] !== Ent.WList) continue;
    const w = objs[i] as WindList;
    if (w.depth !== (w.next === null ? 0 : w.next.depth) + 1) bad('inconsistent dynamic-wind depth');
  }
  // Every variable a closure's code may touch exists in its environments. (Walking up for
  // each reference costs its depth: bounded by a budget proportional to the input.)
  const steps = { left: refBudget };
  for (const c of closures) checkRefs(c.env, c.lambda.free, steps);
  // A frame's node runs in the frame's environment: inside a lambda, that is the lambda's own
  // frame (slot 0 the closure, checked above); in top-level code, its references must exist.
  for (const fc of frameChecks) {
    const l = fc.unit.encl[fc.idx]!;
    if (l !== null) {
      const c = fc.env[0];
      if (!(c instanceof Closure) || c.lambda !== l || fc.env.length !== l.frameSize + 1) bad('frame environment does not match its code');
    } else {
      checkRefs(fc.env, fc.unit.topRefs, steps);
    }
  }
  for (const i of tables) {
    const t = objs[i] as Table;
    if (t.kind === TestKind.Custom) {
      // Its bindings are a list of #(hash key value) that TypeScript code reads (table.ts).
      let x = t.customItems;
      let count = 0;
      while (x instanceof Pair) {
        const b = x.car;
        if (!(b instanceof SVector) || b.items.length < 3 || ++count > n) bad('bad custom table');
        x = x.cdr;
      }
      if (x !== NIL) bad('bad custom table');
    }
  }
}

/** The kinds of entries whose objects link to a next one of their kind (frames, handlers,
 * parameter bindings, closures through their environments). */
function isChain(t: number): boolean {
  return t === Ent.Frame || t === Ent.HList || t === Ent.PBind || t === Ent.Clo;
}

function nextInChain(t: number, o: unknown): unknown {
  switch (t) {
    case Ent.Frame: return (o as Frame).next;
    case Ent.HList: return (o as HandlerList).next;
    case Ent.PBind: return (o as ParamBinding).next;
    default: {
      const up = (o as Closure).env[0];
      return up instanceof Closure ? up : null;
    }
  }
}

/**
 * True when a message with few chain entries (an rpc's) has no cycle: a chain links only
 * objects of its message, so one that ends within that many steps has none. Saves the index
 * (a Map keyed by objects, which gives each an identity hash) that checkChains builds. False
 * when it cannot tell (many entries, or a chain that did not end): checkChains decides.
 */
function shortChains(tags: readonly number[], objs: ReadonlyArray<unknown>): boolean {
  const n = tags.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (isChain(tags[i]!)) m++;
  if (m > 16) return false;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (!isChain(t)) continue;
    let x: unknown = objs[i];
    let k = 0;
    while (x !== null && k <= m) {
      x = nextInChain(t, x);
      k++;
    }
    if (x !== null) return false;
  }
  return true;
}

/** Throws unless every chain of the message ends. */
function checkChains(tags: readonly number[], objs: ReadonlyArray<unknown>): void {
  const n = tags.length;
  const mark = new Uint8Array(n);
  const index = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (isChain(t)) index.set(objs[i], i);
  }
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    if (!isChain(t) || mark[i] === 2) continue;
    let j: number | undefined = i;
    while (j !== undefined && mark[j] === 0) {
      mark[j] = 1;
      path.push(j);
      const x = nextInChain(t, objs[j]);
      j = x === null ? undefined : index.get(x);
    }
    if (j !== undefined && mark[j] === 1) bad('cyclic chain');
    for (const p of path) mark[p] = 2;
    path.length = 0;
  }
}

/** Each [depth, index] must exist in the environment chain from `env`. */
function checkRefs(env: Env, refs: ReadonlyArray<readonly [number, number]>, steps: { left: number }): void {
  for (const [d, i] of refs) {
    steps.left -= d + 1;
    if (steps.left < 0) bad('environment checks exceed the input size');
    let e = env;
    for (let k = 0; k < d; k++) {
      const c = e[0];
      if (!(c instanceof Closure)) bad('environment too shallow for its code');
      e = c.env;
    }
    if (i >= e.length) bad('environment too small for its code');
  }
}
