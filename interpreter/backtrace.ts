// What a debugger shows of a continuation — the REPL's `,b` backtrace, `,y`, `,e` environment,
// and display-continuation-backtrace (runtime/prims/backtrace.ts) — and the environment of a
// frame (the nested REPL sees the variables of the frame where the error happened, as gsi's
// does).
//
// A backtrace frame is a continuation frame waiting for the value of an expression that has a
// source location (an argument, an `if` test, a body form...). gsi 4.9.3 shows one line per
// such frame, innermost first:
//   0  h                       (console)@3:20          (car x)
// index, procedure name (`(interaction)` for top-level code), location, and the expression,
// cut to the terminal width. Frames of the REPL's own machinery have no location and are skipped.

import { FOp, frameAwait, type Frame } from './frames.js';
import { procName } from './machine.js';
import { Op, inProcedure, type Node, type Src } from './nodes.js';
import { FrameScope } from './scope.js';
import { decompile } from '../runtime/pretty.js';
import { objectToString, writeString } from '../runtime/printer.js';
import {
  Closure, NIL, Pair, Sym, UNASSIGNED, arrayToList, intern, list, type Env, type Value,
} from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';

/** One line of a backtrace. */
export interface BtFrame {
  /** The continuation frame itself: returning a value to it continues from there (`,(c X)`). */
  readonly frame: Frame;
  /** Where the awaited expression is (null: a procedure without location, e.g. a prelude's). */
  readonly src: Src | null;
  /** The environment the frame's code runs in (null for top-level code). */
  readonly env: Env | null;
  /** The awaited expression, when known. */
  readonly node: Node | null;
}

/**
 * The environment a Top frame's code runs in, when the REPL knows it: a form typed at a nested
 * level runs in the scope of the selected frame, and gsi shows that scope's variables for the
 * form's `(interaction)` frame.
 */
export type TopEnvLookup = (f: Frame) => Env | undefined;

/** The frame's location and the expression it waits for, or null for frames that have none. */
function frameInfo(f: Frame, topEnv?: TopEnvLookup): BtFrame | null {
  const a = frameAwait(f);
  if (a === null) return null;
  const env = f.op === FOp.Top ? topEnv?.(f) ?? null : a.env;
  return { frame: f, src: a.src, env, node: a.node };
}

/** The frames of continuation `k` that a backtrace shows, innermost first (at most `max`). */
export function backtraceFrames(k: Frame | null, max = 100_000, topEnv?: TopEnvLookup): BtFrame[] {
  const out: BtFrame[] = [];
  // gsi shows one frame per call in progress. Here a frame waits for an expression: when the
  // frame inside it belongs to that very expression (the arguments of a call not yet made, the
  // value of a set!), the inner frame stands for both.
  let inner: Node | null = null;
  for (let f = k; f !== null && out.length < max; f = f.next) {
    const info = frameInfo(f, topEnv);
    const own = ownNode(f);
    const skip = info !== null && info.node !== null && info.node === inner;
    inner = own;
    if (skip || info === null || info.src === null) continue;
    if (info.src.container === '' && info.src.proc === null) continue; // REPL and prelude plumbing
    // A top-level call in tail position of a loaded file's form is marked by a Top frame just
    // above the Load frame of that same form: one line, the Load frame's (it has the form).
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.frame.op === FOp.Top && f.op === FOp.Load && sameSrc(prev.src, info.src)) out.pop();
    out.push(info);
    // gsi's force calls ##force-out-of-line: both wait while a promise's body runs.
    if (f.op === FOp.Force && out.length < max) out.push({ frame: f, src: IN_FORCE_CALLER, env: null, node: null });
  }
  return out;
}

const IN_FORCE_CALLER = inProcedure('force');

function sameSrc(a: Src | null, b: Src): boolean {
  return a !== null && a.container === b.container && a.line === b.line && a.col === b.col;
}

/** The code node a frame is part of (a call for an argument's frame, a set!...), if any. */
function ownNode(f: Frame): Node | null {
  switch (f.op) {
    case FOp.If: case FOp.Seq: case FOp.Arg: case FOp.LocalSet: case FOp.GlobalSet: case FOp.Or:
      return f.node;
    default:
      return null;
  }
}

/**
 * The environment in which the code of the innermost frame of `k` runs ([] at top level, when
 * the innermost frame is the base of an evaluation, and in library code without locations,
 * whose variables gsi does not show either).
 */
export function innermostEnv(k: Frame | null, topEnv?: TopEnvLookup): Env {
  for (let f = k; f !== null; f = f.next) {
    const info = frameInfo(f, topEnv);
    if (info === null) continue;
    if (info.src !== null && info.src.container === '') return [];
    return info.env ?? [];
  }
  return [];
}

/** gsi's column width for the name and location columns, from the terminal width. */
function columnWidth(width: number): number {
  return Math.max(10, Math.floor((width - 8) / 3));
}

/**
 * The text of the expression a frame waits for: the datum the REPL read at that location when
 * there is one (shown decompiled, as gsi does), else a reconstruction from the code node.
 */
export type FormLookup = (src: Src) => Value | undefined;

function frameForm(f: BtFrame, lookup: FormLookup): Value | null {
  if (f.src !== null) {
    const d = lookup(f.src);
    if (d !== undefined) return decompile(d);
  }
  return f.node === null ? null : nodeDatum(f.node);
}

/** One backtrace line (`sep` is ':' for ,b and '.' for ,y, as in gsi). */
export function frameLine(vm: Vm, i: number, f: BtFrame, width: number, lookup: FormLookup, sep = ':'): string {
  const w = columnWidth(width);
  // A Top frame names the primitive running code (an encoder in ##object->u8vector), or the REPL.
  const top = f.src !== null && f.src.container === '' && f.src.proc !== null ? f.src.proc : '(interaction)';
  const name = f.src === null ? '?' : f.frame.op === FOp.Top ? top : (procName(vm, f.src, f.env) || '(interaction)');
  let line = `${String(i).padEnd(3)}${name.padEnd(w - 1)} `;
  if (f.src !== null && f.src.container !== '') {
    const c = f.src.container.startsWith('(') ? f.src.container : `"${f.src.container}"`;
    line += `${c}@${f.src.line}${sep}${f.src.col}`.padEnd(w - 1) + ' ';
    const form = frameForm(f, lookup);
    // gsi fills at most width - 1 columns, as pp does.
    if (form !== null) line += objectToString(vm, form, Math.max(10, width - 1 - line.length));
  }
  return line.replace(/\s+$/, '');
}

/** gsi's backtrace shows this many frames at its head and at its tail, and `...` between. */
export const BACKTRACE_HEAD = 10;
const BACKTRACE_TAIL = 4;

/**
 * The lines of `,b` (`,be` with `withEnv`): frames `from` and up, each followed by its
 * variables indented 8 columns for `,be`; with more than head + tail + 1 frames, only the
 * first `head` (10) and the last `tail` (4), with `...` between (as gsi 4.9.3 does).
 */
export function backtraceLines(vm: Vm, frames: BtFrame[], from: number, width: number, lookup: FormLookup, withEnv: boolean,
  head = BACKTRACE_HEAD, tail = BACKTRACE_TAIL): string[] {
  const out: string[] = [];
  const n = frames.length - from;
  const elide = n > head + tail + 1;
  for (let i = from; i < frames.length; i++) {
    if (elide && i === from + head) {
      out.push('...');
      i = frames.length - tail;
    }
    const f = frames[i]!;
    out.push(frameLine(vm, i, f, width, lookup));
    if (withEnv) for (const l of environmentLines(vm, f.env ?? [])) out.push(`        ${l}`);
  }
  return out;
}

/** `,e`: the variables of `env` and its enclosing environments, innermost first. */
export function environmentLines(vm: Vm, env: Env): string[] {
  const out: string[] = [];
  for (let e = env; e.length > 0 && e[0] instanceof Closure; e = (e[0] as Closure).env) {
    const lam = (e[0] as Closure).lambda;
    lam.slots.forEach((name, i) => {
      const v = e[i + 1] as Value;
      out.push(`${writeString(vm, name, false)} = ${v === UNASSIGNED ? '#!unbound' : writeString(vm, v, false)}`);
    });
  }
  return out;
}

/** The compile-time scope matching run-time environment `env` (null for the top level). */
export function scopeOfEnv(env: Env): FrameScope | null {
  if (env.length === 0 || !(env[0] instanceof Closure)) return null;
  const clo = env[0];
  const s = new FrameScope(scopeOfEnv(clo.env));
  for (const name of clo.lambda.slots) s.addSlot(name, true);
  return s;
}

/** Whether `name` is a variable of `env` (then a nested REPL's `define` of it is ill-placed). */
export function isLocal(env: Env, name: Sym): boolean {
  for (let e = env; e.length > 0 && e[0] instanceof Closure; e = (e[0] as Closure).env) {
    if ((e[0] as Closure).lambda.slots.includes(name)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Code nodes back to expressions (for frames whose source datum the REPL did not read: files)

const sym = (s: string): Sym => intern(s);

function quoted(v: Value): Value {
  return v instanceof Pair || v instanceof Sym || v === NIL ? list(sym('quote'), v) : v;
}

export function nodeDatum(n: Node): Value {
  switch (n.op) {
    case Op.Const: return quoted(n.value);
    case Op.LocalRef: return n.name;
    case Op.GlobalRef: return n.cell.name;
    case Op.PrimApp: return arrayToList([n.cell.name, ...n.args.map(nodeDatum)]);
    case Op.Call: return arrayToList([nodeDatum(n.fn), ...n.args.map(nodeDatum)]);
    case Op.LocalSet: return list(sym('set!'), sym('?'), nodeDatum(n.value));
    case Op.GlobalSet: return list(sym('set!'), n.cell.name, nodeDatum(n.value));
    case Op.GlobalDef: return list(sym('define'), n.cell.name, nodeDatum(n.value));
    case Op.If: return list(sym('if'), nodeDatum(n.test), nodeDatum(n.then), nodeDatum(n.else));
    case Op.Lambda: return n.source !== null ? decompile(n.source) : list(sym('lambda'), arrayToList(n.slots.slice(0, n.nreq)), sym('...'));
    case Op.Seq: return arrayToList([sym('begin'), ...n.body.map(nodeDatum)]);
    case Op.Or: return arrayToList([sym('or'), ...n.exprs.map(nodeDatum)]);
    default: {
      const never: never = n;
      throw new Error(`unknown node ${String(never)}`);
    }
  }
}
