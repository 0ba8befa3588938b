// Continuation frames: a linked list of plain-data records, newest first. A continuation is just
// a pointer into this list (plus the dynamic environment), so capturing one is O(1) and frames
// are never copied: they are immutable once pushed (FArg copies its value array before filling
// it, so a re-entered continuation cannot see the writes of another entry).

import { inProcedure, type Node, type CallNode, type IfNode, type OrNode, type LocalSetNode, type GlobalSetNode, type GlobalDefNode, type PrimAppNode, type SeqNode, type Src } from './nodes.js';
import type { Dyn, Env, SPromise, Value, WindList } from '../runtime/values.js';

export const enum FOp {
  If = 0,
  Seq,
  Arg,
  LocalSet,
  GlobalSet,
  Top,
  RestoreDyn,
  CallWithValues,
  WindBefore,
  WindBody,
  ReturnValue,
  Rewind,
  Force,
  Apply,
  Or,
  Load,
}

/** Waiting for the test of an `if`. */
export interface FIf { readonly op: FOp.If; readonly next: Frame | null; readonly node: IfNode; readonly env: Env }

/** Waiting for body[i] of a sequence (i < last). */
export interface FSeq { readonly op: FOp.Seq; readonly next: Frame | null; readonly node: SeqNode; readonly i: number; readonly env: Env }

/**
 * Waiting for the value of the operator (i = 0) or argument i (1-based) of a call. `vals` holds
 * the operator and arguments computed so far; it is copied before being written.
 */
export interface FArg {
  readonly op: FOp.Arg;
  readonly next: Frame | null;
  readonly node: CallNode | PrimAppNode;
  readonly i: number;
  readonly vals: Value[];
  readonly env: Env;
  /** vm.captures when pushed: if it still matches on return, no continuation can hold this frame. */
  readonly gen: number;
}

export interface FLocalSet { readonly op: FOp.LocalSet; readonly next: Frame | null; readonly node: LocalSetNode; readonly env: Env }

export interface FGlobalSet { readonly op: FOp.GlobalSet; readonly next: Frame | null; readonly node: GlobalSetNode | GlobalDefNode }

/** The bottom of one top-level evaluation: passes the value through; locates errors at `src`. */
export interface FTop { readonly op: FOp.Top; readonly next: Frame | null; readonly src: Src | null }

/** Restores the dynamic environment (end of parameterize, with-exception-handler, a handler call). */
export interface FRestoreDyn { readonly op: FOp.RestoreDyn; readonly next: Frame | null; readonly dyn: Dyn }

/** call-with-values: apply `consumer` to the values returned. */
export interface FCallWithValues { readonly op: FOp.CallWithValues; readonly next: Frame | null; readonly consumer: Value }

/** dynamic-wind: `before` has returned; enter the extent and call `thunk`. */
export interface FWindBefore {
  readonly op: FOp.WindBefore;
  readonly next: Frame | null;
  readonly before: Value;
  readonly thunk: Value;
  readonly after: Value;
}

/** dynamic-wind: `thunk` has returned; leave the extent (winds = `outer`) and call `after`. */
export interface FWindBody { readonly op: FOp.WindBody; readonly next: Frame | null; readonly after: Value; readonly outer: WindList | null }

/** Ignore the value returned and return `value` instead. */
export interface FReturnValue { readonly op: FOp.ReturnValue; readonly next: Frame | null; readonly value: Value }

/** One step of winding to another continuation: which thunk to run, with which wind list current. */
export interface WindStep { readonly thunk: Value; readonly winds: WindList | null }

/**
 * Winding between continuations: run steps[i..] (after-thunks of extents being left, then
 * before-thunks of extents being entered), then transfer to `target` (with `targetDyn`),
 * either returning `value` or, if `fn` is not null, applying `fn` to `args` there.
 */
export interface FRewind {
  readonly op: FOp.Rewind;
  readonly next: Frame | null;
  readonly steps: WindStep[];
  readonly i: number;
  readonly target: Frame | null;
  readonly targetDyn: Dyn;
  readonly value: Value;
  readonly fn: Value | null;
  readonly args: Value[];
}

/** Forcing a promise: the thunk's value (or promise, for delay-force) arrives here. */
export interface FForce { readonly op: FOp.Force; readonly next: Frame | null; readonly promise: SPromise }

/** Apply `fn` to `args` once the current computation returns (its value is ignored). */
export interface FApply { readonly op: FOp.Apply; readonly next: Frame | null; readonly fn: Value; readonly args: Value[] }

/** Waiting for exprs[i] of an `or` (i < last). */
export interface FOr { readonly op: FOp.Or; readonly next: Frame | null; readonly node: OrNode; readonly i: number; readonly env: Env }

/**
 * Loading a file: form i is being evaluated; then run form i + 1. As gsi does, the whole file
 * is compiled before any of it runs (so a syntax error anywhere stops it all).
 */
export interface FLoad {
  readonly op: FOp.Load;
  readonly next: Frame | null;
  readonly forms: ReadonlyArray<{ readonly node: Node; readonly loc: Src }>;
  readonly i: number;
  /** What `load` returns once the last form is done. */
  readonly result: Value;
}

export type Frame =
  | FIf
  | FSeq
  | FArg
  | FLocalSet
  | FGlobalSet
  | FTop
  | FRestoreDyn
  | FCallWithValues
  | FWindBefore
  | FWindBody
  | FReturnValue
  | FRewind
  | FForce
  | FApply
  | FOr
  | FLoad;

/** What a frame waits for: where the awaited expression is, the environment of its code (null
 * for top-level code), and the expression when known. */
export interface FrameAwait {
  readonly src: Src | null;
  readonly env: Env | null;
  readonly node: Node | null;
}

// gsi's force waits in a procedure of its own (##force-out-of-line): an error in the tail of a
// promise's body is located there, and a backtrace shows it (with force, see backtrace.ts).
const IN_FORCE = inProcedure('##force-out-of-line');

/** What frame `f` waits for, or null for frames that wait for no expression of their own. */
export function frameAwait(f: Frame): FrameAwait | null {
  switch (f.op) {
    case FOp.If: return { src: f.node.test.src, env: f.env, node: f.node.test };
    case FOp.Seq: return { src: f.node.body[f.i]!.src, env: f.env, node: f.node.body[f.i]! };
    case FOp.Arg: {
      const n = f.i === 0 ? f.node.fn : f.node.args[f.i - 1]!;
      return { src: n.src, env: f.env, node: n };
    }
    case FOp.LocalSet: return { src: f.node.value.src, env: f.env, node: f.node.value };
    case FOp.GlobalSet: return { src: f.node.value.src, env: null, node: f.node.value };
    // A Top frame without location is the base of an eval or of one REPL evaluation.
    case FOp.Top: return { src: f.src, env: null, node: null };
    case FOp.Or: return { src: f.node.exprs[f.i]!.src, env: f.env, node: f.node.exprs[f.i]! };
    case FOp.Load: return { src: f.forms[f.i]!.loc, env: null, node: f.forms[f.i]!.node };
    case FOp.Force: return { src: IN_FORCE, env: null, node: null };
    case FOp.RestoreDyn:
    case FOp.CallWithValues:
    case FOp.WindBefore:
    case FOp.WindBody:
    case FOp.ReturnValue:
    case FOp.Rewind:
    case FOp.Apply:
      return null;
    default: {
      const never: never = f;
      throw new Error(`unknown frame ${String(never)}`);
    }
  }
}

/**
 * Where the innermost pending computation stands in the source (for error locations), and the
 * environment of its code (null for frames of top-level code or without one).
 */
export function frameSite(f: Frame | null): { src: Src | null; env: Env | null } {
  for (; f !== null; f = f.next) {
    const a = frameAwait(f);
    if (a !== null) return { src: a.src, env: a.env };
  }
  return { src: null, env: null };
}
