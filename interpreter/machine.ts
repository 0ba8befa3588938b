// The CEK machine: one resumable loop. `run(vm, regs, fuel)` executes at most `fuel` steps of
// one thread and returns why it stopped. The continuation is the heap-allocated frame list in
// `regs.k`; no Scheme call ever uses the JS stack (only evaluation of "simple" expressions, by
// the closures of fast.ts, recurses, bounded by the nesting depth of the source).
//
// Registers (state table):
//   mode EVAL    evaluate `node` in `env`
//   mode RETURN  return `val` to the frame `k`
//   mode ARGS    evaluating the operator/arguments of call `cnode` into `vals`, next index `ai`
//   mode APPLY   apply vals[0] to vals[1..]; `site` is the call node (or null) for error locations
// The dynamic environment is vm.dyn while a thread runs (saved in regs.dyn otherwise).

import { Op, type CallNode, type GlobalCell, type LambdaNode, type Node, type PrimAppNode, type Src } from './nodes.js';
import { FOp, frameSite, type Frame, type WindStep } from './frames.js';
import { ErrorObj, RaiseSignal, unboundGlobal, wrongArgs } from '../runtime/errors.js';
import {
  Closure, Continuation, EMPTY_DYN, MultipleValues, NIL, arrayToList, Parameter, Primitive, SPromise, UNASSIGNED, VOID, DEFAULT, Keyword,
  type Dyn, type Env, type Value, type WindList,
} from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { DEOPT, evOf, evsOf, fixedFrame, testEvOf } from './fast.js';

export const enum Mode { Eval = 0, Return = 1, Args = 2, Apply = 3 }

export type RunResult = 'done' | 'yield' | 'blocked' | 'error';

/**
 * The registers' initial (empty) environment and value array, shared: no code writes into them
 * (an application always gets a fresh value array; only a closure's frame is written to).
 */
export const NO_ENV: Env = [];
export const NO_VALS: Value[] = [];

/** One thread's machine registers. */
export class Regs {
  mode: Mode = Mode.Return;
  node: Node | null = null;
  env: Env = NO_ENV;
  val: Value = VOID;
  k: Frame | null = null;
  dyn: Dyn = EMPTY_DYN;
  vals: Value[] = NO_VALS;
  cnode: CallNode | PrimAppNode | null = null;
  ai = 0;
  site: CallNode | PrimAppNode | null = null;
  /** After 'error': the uncaught object, where it was raised, and the continuation there. */
  errSrc: Src | null = null;
  /** Set by a control primitive that parks the thread (returns 'blocked'). */
  blocked = false;
  /** An object to raise as soon as the thread runs again (a timeout, an rpc failure...). */
  pending: Value | null = null;
}

/**
 * A control primitive manipulates the registers: it must leave them in a consistent state
 * (typically via ret/apply/raise below). Signature of its fn: (vm, regs, args) => void.
 */
export type ControlFn = (vm: Vm, r: Regs, args: Value[]) => void;

// ---------------------------------------------------------------------------------------------
// Register helpers for control primitives

export function ret(r: Regs, v: Value): void {
  r.val = v;
  r.mode = Mode.Return;
}

export function applyProc(r: Regs, f: Value, args: Value[]): void {
  const vals = new Array<Value>(args.length + 1);
  vals[0] = f;
  for (let i = 0; i < args.length; i++) vals[i + 1] = args[i]!;
  r.vals = vals;
  r.site = null;
  r.mode = Mode.Apply;
}

export function push(r: Regs, f: Frame): void {
  r.k = f;
}

/** Raise `obj` (an ErrorObj or any value) at the current point: call the innermost handler. */
export function raise(vm: Vm, r: Regs, obj: Value): void {
  const h = vm.dyn.handlers;
  if (obj instanceof ErrorObj && !obj.located && obj.loc === null) locate(vm, obj, r);
  if (h === null) {
    // The continuation at the error may be resumed (REPL): its frames may be returned into again.
    vm.captures++;
    r.val = obj;
    if (obj instanceof ErrorObj) {
      const loc = obj.loc;
      r.errSrc = loc === null ? null : obj.locProc === null && 'proc' in loc ? (loc as Src) : { ...loc, proc: obj.locProc };
    } else {
      const s = errorSite(r);
      r.errSrc = s.src === null ? null : lazySrc(vm, s.src, s.env);
    }
    r.mode = Mode.Return;
    throw UNCAUGHT;
  }
  if (h.catcher !== null) {
    // with-exception-catcher: unwind to the catcher, then call the handler there.
    invokeContinuation(vm, r, h.catcher.k, h.catcher.dyn, VOID, h.handler, [obj]);
    return;
  }
  // Gambit (4.9.3) calls a with-exception-handler handler with itself still installed; R7RS
  // (and our guard) calls it with the outer handler installed.
  if (h.r7rs) {
    r.k = { op: FOp.RestoreDyn, next: r.k, dyn: vm.dyn };
    vm.dyn = { params: vm.dyn.params, handlers: h.next, winds: vm.dyn.winds };
  }
  applyProc(r, h.handler, [obj]);
}

const UNCAUGHT = { uncaught: true };

/**
 * The source location to blame for an error at the current call: the call itself when it is
 * not a tail call, else the innermost pending frame. Also the environment of the code there,
 * whose slot 0 is the closure running it (to name an anonymous one).
 */
function errorSite(r: Regs): { src: Src | null; env: Env | null } {
  const site = r.site;
  if (site !== null && !site.tail) return { src: site.src, env: r.env };
  const f = frameSite(r.k);
  if (f.src !== null) return f;
  return { src: site?.src ?? null, env: r.env };
}

function locate(vm: Vm, e: ErrorObj, r: Regs): void {
  const s = errorSite(r);
  e.loc = s.src === null ? null : lazySrc(vm, s.src, s.env);
  e.locProc = null;
  e.located = true;
}

/**
 * `src` whose `proc` (the name of the procedure containing it) is found when first read: an
 * anonymous closure is named `#<procedure #N>`, and gsi gives it its serial number only when
 * the error is shown, not when an error is raised and caught or ends a thread silently.
 */
function lazySrc(vm: Vm, src: Src, env: Env | null): Src {
  if (src.proc !== null) return src;
  let name: string | null | undefined;
  return {
    container: src.container,
    line: src.line,
    col: src.col,
    get proc(): string | null { return name === undefined ? (name = procName(vm, src, env)) : name; },
  };
}

/** The name gsi gives the procedure containing `src`: its name, or `#<procedure #N>`. */
export function procName(vm: Vm, src: Src, env: Env | null): string | null {
  if (src.proc !== null) return src.proc;
  let clo = env?.[0];
  while (clo instanceof Closure && clo.lambda.isLet) clo = clo.env[0];
  return clo instanceof Closure ? vm.describe(clo) : null;
}

/**
 * Transfer control to continuation `c`, running dynamic-wind thunks on the way; there return
 * `value`, or (when fn is not null) apply fn to args.
 */
export function invokeContinuation(vm: Vm, r: Regs, target: Frame | null, targetDyn: Dyn, value: Value, fn: Value | null, args: Value[]): void {
  const from = vm.dyn.winds;
  const steps = from === targetDyn.winds ? NO_STEPS : windSteps(from, targetDyn.winds);
  if (steps.length === 0) {
    vm.dyn = targetDyn;
    r.k = target;
    if (fn !== null) applyProc(r, fn, args);
    else ret(r, value);
    return;
  }
  r.k = { op: FOp.Rewind, next: null, steps, i: 0, target, targetDyn, value, fn, args };
  ret(r, VOID);
}

const NO_STEPS: WindStep[] = [];

/** The after-thunks to leave `from` and the before-thunks to enter `to`, in order. */
function windSteps(from: WindList | null, to: WindList | null): WindStep[] {
  const steps: WindStep[] = [];
  const enter: WindStep[] = [];
  let a = from, b = to;
  while ((a?.depth ?? 0) > (b?.depth ?? 0)) { steps.push({ thunk: a!.after, winds: a!.next }); a = a!.next; }
  while ((b?.depth ?? 0) > (a?.depth ?? 0)) { enter.push({ thunk: b!.before, winds: b!.next }); b = b!.next; }
  while (a !== b) {
    steps.push({ thunk: a!.after, winds: a!.next });
    enter.push({ thunk: b!.before, winds: b!.next });
    a = a!.next;
    b = b!.next;
  }
  for (let i = enter.length - 1; i >= 0; i--) steps.push(enter[i]!);
  return steps;
}

/** Attach the procedure and arguments (the call form) to a primitive's error. */
function annotate(e: unknown, f: Value, args: Value[]): unknown {
  if (e instanceof ErrorObj && e.proc === null) {
    e.proc = f;
    e.args = args;
  }
  return e;
}

function callPrim(p: Primitive, vals: Value[]): Value {
  switch (vals.length) {
    case 1: return p.fn();
    case 2: return p.fn(vals[1]);
    case 3: return p.fn(vals[1], vals[2]);
    case 4: return p.fn(vals[1], vals[2], vals[3]);
    default: return p.fn(...vals.slice(1));
  }
}

// ---------------------------------------------------------------------------------------------
// Binding arguments to a closure's frame

/**
 * Builds the environment for a call of `clo` with vals[1..], reusing `vals` as the frame.
 * Throws the arity or keyword error (with the call form) when the arguments do not fit.
 */
function bindArgs(clo: Closure, vals: Value[]): Env {
  const lam = clo.lambda;
  const nargs = vals.length - 1;
  const nreq = lam.nreq;
  if (lam.nopt === 0 && !lam.rest && lam.keys.length === 0) {
    if (nargs !== nreq) throw callError(wrongArgs(), clo, vals.slice(1));
    vals[0] = clo;
  } else {
    const args = vals.slice(1);
    const npos = nreq + lam.nopt;
    if (nargs < nreq || (nargs > npos && !lam.rest && lam.keys.length === 0)) throw callError(wrongArgs(), clo, args);
    vals[0] = clo;
    for (let i = nargs; i < npos; i++) vals.push(DEFAULT);
    const extra = vals.splice(npos + 1);
    if (lam.keys.length === 0) {
      if (lam.rest) vals.push(arrayToList(extra));
    } else {
      // DSSSL keys: keyword/value pairs after the positional arguments, as gsi takes them: the
      // first value given for a key wins. Without a rest parameter, a key without a value is a
      // wrong number of arguments, a non-keyword "Keyword argument expected" and an unknown key
      // an error. With one, the pairs end at the first non-keyword or lone key; `#!key ... #!rest
      // r` still refuses an unknown key and gives r what follows the pairs, `#!rest r #!key ...`
      // ignores unknown keys and gives r everything.
      const restSlot = vals.length;
      if (lam.rest) vals.push(NIL);
      const base = vals.length;
      for (let i = 0; i < lam.keys.length; i++) vals.push(DEFAULT);
      const given = new Array<boolean>(lam.keys.length).fill(false);
      let i = 0;
      while (i < extra.length) {
        const kw = extra[i];
        if (lam.rest && (i + 1 >= extra.length || !(kw instanceof Keyword))) break;
        if (i + 1 >= extra.length) throw callError(wrongArgs(), clo, args);
        if (!(kw instanceof Keyword)) throw callError(new ErrorObj('keyword-expected', ''), clo, args);
        const idx = lam.keys.indexOf(kw);
        if (idx < 0) {
          if (!lam.rest || lam.restAfterKeys) throw callError(new ErrorObj('unknown-keyword-argument', ''), clo, args);
        } else if (!given[idx]) {
          given[idx] = true;
          vals[base + idx] = extra[i + 1]!;
        }
        i += 2;
      }
      if (lam.rest) vals[restSlot] = arrayToList(lam.restAfterKeys ? extra.slice(i) : extra);
    }
  }
  for (let i = vals.length - 1; i < lam.frameSize; i++) vals.push(UNASSIGNED);
  return vals;
}

/**
 * The number of arguments of a lambda whose value array can be its frame as is (fixed arity,
 * no internal defines), or -1. Derived from the node and cached in a non-enumerable field.
 */
function fixedArity(lam: LambdaNode): number {
  const c = (lam as LambdaNode & { fx?: number }).fx;
  if (c !== undefined) return c;
  const fx = fixedFrame(lam) ? lam.nreq : -1;
  Object.defineProperty(lam, 'fx', { value: fx, writable: true, enumerable: false, configurable: true });
  return fx;
}

/** `Unbound variable` for a global read or assigned by the code at `src`. */
function unboundAt(cell: GlobalCell, src: Src | null): ErrorObj {
  const err = unboundGlobal(cell.name);
  err.loc = src;
  err.locProc = src?.proc ?? null;
  err.located = true;
  return err;
}

function callError(e: ErrorObj, f: Value, args: Value[]): ErrorObj {
  e.proc = f;
  e.args = args;
  return e;
}

// ---------------------------------------------------------------------------------------------
// The loop

export function run(vm: Vm, r: Regs, fuel: number): RunResult {
  const quantum = fuel;
  let mode = r.mode;
  let node = r.node as Node;
  let env = r.env;
  let val = r.val;
  let k = r.k;
  let vals = r.vals;
  let cnode = r.cnode as CallNode | PrimAppNode;
  let ai = r.ai;
  let site = r.site;
  vm.dyn = r.dyn;

  // (Registers live in locals; they are copied to and from `r` around control primitives and
  // on exit. No closure may capture them: V8 would then keep them in a heap context.)

  for (;;) {
    try {
      if (r.pending !== null) {
        const p = r.pending;
        r.pending = null;
        site = null;
        throw p instanceof ErrorObj ? p : new RaiseSignal(p, true);
      }
      while (fuel-- > 0) {
        switch (mode) {
          case Mode.Eval:
            switch (node.op) {
              case Op.Const:
                val = node.value;
                mode = Mode.Return;
                break;
              case Op.LocalRef: {
                let e = env;
                for (let d = node.depth; d > 0; d--) e = (e[0] as Closure).env;
                val = e[node.index] as Value;
                mode = Mode.Return;
                break;
              }
              case Op.GlobalRef:
                val = node.cell.value;
                if (val === UNASSIGNED) throw unboundAt(node.cell, node.src);
                mode = Mode.Return;
                break;
              case Op.PrimApp:
                try {
                  val = evOf(node, vm)(env);
                  mode = Mode.Return;
                } catch (e: unknown) {
                  if (e !== DEOPT) throw e;
                  cnode = node; vals = new Array<Value>(node.args.length + 1); ai = 0; mode = Mode.Args;
                }
                break;
              case Op.If: {
                const tev = testEvOf(node, vm);
                if (tev !== null) {
                  let tv: Value;
                  try { tv = tev(env); } catch (e: unknown) {
                    if (e !== DEOPT) throw e;
                    k = { op: FOp.If, next: k, node, env };
                    node = node.test;
                    break;
                  }
                  node = tv !== false ? node.then : node.else;
                } else {
                  k = { op: FOp.If, next: k, node, env };
                  node = node.test;
                }
                break;
              }
              case Op.Seq:
                k = { op: FOp.Seq, next: k, node, i: 0, env };
                node = node.body[0]!;
                break;
              case Op.Or:
                k = { op: FOp.Or, next: k, node, i: 0, env };
                node = node.exprs[0]!;
                break;
              case Op.Lambda:
                val = new Closure(node, env);
                mode = Mode.Return;
                break;
              case Op.Call: {
                // The simple operator and arguments are evaluated here; at the first that is
                // not simple (or deopts), the Args mode takes over. A call whose parts are all
                // simple goes straight to Apply.
                const evs = evsOf(node, vm);
                const n = evs.length;
                vals = new Array<Value>(n);
                let i = 0;
                try {
                  for (; i < n; i++) {
                    const ev = evs[i]!;
                    if (ev === null) break;
                    vals[i] = ev(env);
                  }
                } catch (e: unknown) {
                  if (e !== DEOPT) throw e;
                }
                if (i === n) {
                  site = node;
                  mode = Mode.Apply;
                  if (node.mark) k = { op: FOp.Top, next: k, src: node.src };
                } else if (evs[i] === null) {
                  // Not simple: evaluate it now, with a frame to come back to (as Args would).
                  k = { op: FOp.Arg, next: k, node, i, vals, env, gen: vm.captures };
                  node = i === 0 ? node.fn : node.args[i - 1]!;
                } else {
                  cnode = node; ai = i; mode = Mode.Args;
                }
                break;
              }
              case Op.LocalSet:
                k = { op: FOp.LocalSet, next: k, node, env };
                node = node.value;
                break;
              case Op.GlobalSet:
              case Op.GlobalDef:
                k = { op: FOp.GlobalSet, next: k, node };
                node = node.value;
                break;
              default: {
                const never: never = node;
                throw new Error(`unknown node ${String(never)}`);
              }
            }
            break;

          case Mode.Args: {
            const nargs = cnode.args.length;
            const evs = evsOf(cnode, vm);
            while (ai <= nargs) {
              const ev = evs[ai]!;
              if (ev !== null) {
                try {
                  vals[ai] = ev(env);
                  ai++;
                  continue;
                } catch (e: unknown) {
                  if (e !== DEOPT) throw e;
                }
              }
              k = { op: FOp.Arg, next: k, node: cnode, i: ai, vals, env, gen: vm.captures };
              node = ai === 0 ? cnode.fn : cnode.args[ai - 1]!;
              mode = Mode.Eval;
              break;
            }
            if (ai > nargs) {
              site = cnode;
              mode = Mode.Apply;
              if (cnode.op === Op.Call && cnode.mark) k = { op: FOp.Top, next: k, src: cnode.src };
            }
            break;
          }

          case Mode.Apply: {
            const f = vals[0]!;
            if (f instanceof Closure) {
              const lam = f.lambda;
              if (vals.length === fixedArity(lam) + 1) {
                vals[0] = f; // fixed arity, no internal defines: the value array is the frame
                env = vals;
              } else {
                env = bindArgs(f, vals);
              }
              node = lam.body;
              mode = Mode.Eval;
            } else if (f instanceof Primitive && f.kind !== 'control') {
              const n = vals.length - 1;
              if (n < f.min || (f.max >= 0 && n > f.max)) throw callError(wrongArgs(), f, vals.slice(1));
              try { val = callPrim(f, vals); } catch (e: unknown) { throw annotate(e, f, vals.slice(1)); }
              mode = Mode.Return;
            } else {
              r.mode = mode; r.node = node; r.env = env; r.val = val; r.k = k; r.vals = vals; r.cnode = cnode; r.ai = ai; r.site = site; r.dyn = vm.dyn;
              let next: Regs | null;
              try {
                next = applyOther(vm, r, f);
              } finally {
                mode = r.mode; node = r.node as Node; env = r.env; val = r.val; k = r.k; vals = r.vals; cnode = r.cnode as CallNode | PrimAppNode; ai = r.ai; site = r.site;
              }
              if (next !== null) {
                if (next === r) return 'blocked';
                // Handed over to another thread (see applyOther): it gets a fresh quantum.
                r = next; fuel = quantum;
                mode = r.mode; node = r.node as Node; env = r.env; val = r.val; k = r.k; vals = r.vals; cnode = r.cnode as CallNode | PrimAppNode; ai = r.ai; site = r.site;
                vm.dyn = r.dyn;
              }
            }
            break;
          }

          case Mode.Return: {
            if (k === null) { r.mode = mode; r.node = node; r.env = env; r.val = val; r.k = k; r.vals = vals; r.cnode = cnode; r.ai = ai; r.site = site; r.dyn = vm.dyn; return 'done'; }
            const fr = k;
            switch (fr.op) {
              case FOp.If:
                node = val !== false ? fr.node.then : fr.node.else;
                env = fr.env; k = fr.next; mode = Mode.Eval;
                break;
              case FOp.Seq: {
                const i = fr.i + 1;
                const body = fr.node.body;
                env = fr.env;
                node = body[i]!;
                k = i === body.length - 1 ? fr.next : { op: FOp.Seq, next: fr.next, node: fr.node, i, env };
                mode = Mode.Eval;
                break;
              }
              case FOp.Or: {
                if (val !== false) { k = fr.next; break; }
                const i = fr.i + 1;
                const exprs = fr.node.exprs;
                env = fr.env;
                node = exprs[i]!;
                k = i === exprs.length - 1 ? fr.next : { op: FOp.Or, next: fr.next, node: fr.node, i, env };
                mode = Mode.Eval;
                break;
              }
              case FOp.Arg:
                // Fill the frame's array in place unless a continuation was captured since the
                // frame was pushed (then it may be returned into again: copy). Saves a copy per
                // non-simple argument (measured: ~10% on tak).
                vals = fr.gen === vm.captures ? fr.vals : fr.vals.slice();
                vals[fr.i] = val;
                cnode = fr.node; ai = fr.i + 1; env = fr.env; k = fr.next;
                if (ai > cnode.args.length) {
                  // That was the last part: apply now rather than through Args mode (measured
                  // in-process, best of 18: fib 0.37 -> 0.31 s, tak 0.18 -> 0.17 s, deep 0.57 -> 0.53 s).
                  site = cnode;
                  mode = Mode.Apply;
                  if (cnode.op === Op.Call && cnode.mark) k = { op: FOp.Top, next: k, src: cnode.src };
                } else {
                  mode = Mode.Args;
                }
                break;
              case FOp.LocalSet: {
                let e = fr.env;
                for (let d = fr.node.depth; d > 0; d--) e = (e[0] as Closure).env;
                e[fr.node.index] = val;
                val = VOID; k = fr.next;
                break;
              }
              case FOp.GlobalSet: {
                const n = fr.node;
                if (n.op === Op.GlobalSet) {
                  if (n.cell.value === UNASSIGNED) {
                    k = fr.next;
                    throw unboundAt(n.cell, n.src);
                  }
                  n.cell.value = val;
                  val = VOID;
                } else {
                  n.cell.value = val;
                  vm.macros.delete(n.cell.name);
                  val = n.cell.name;
                }
                k = fr.next;
                break;
              }
              case FOp.Top:
                k = fr.next;
                break;
              default:
                // The frames of control features (dynamic-wind, call-with-values, force, load...)
                // are handled outside the loop, as are the rare cases of Apply and the raising
                // of errors: run's bytecode went from 5.9 to 3.4 KB and its TurboFan compile
                // from ~150 to ~70 ms, which short programs (the thread benchmarks) wait for.
                r.mode = mode; r.node = node; r.env = env; r.val = val; r.k = k; r.vals = vals; r.cnode = cnode; r.ai = ai; r.site = site;
                returnRare(vm, r, fr);
                mode = r.mode; node = r.node as Node; env = r.env; val = r.val; k = r.k; vals = r.vals; cnode = r.cnode as CallNode | PrimAppNode; ai = r.ai; site = r.site;
                break;
            }
            break;
          }
        }
      }
      r.mode = mode; r.node = node; r.env = env; r.val = val; r.k = k; r.vals = vals; r.cnode = cnode; r.ai = ai; r.site = site; r.dyn = vm.dyn;
      return 'yield';
    } catch (e: unknown) {
      if (e !== UNCAUGHT) { r.mode = mode; r.node = node; r.env = env; r.val = val; r.k = k; r.vals = vals; r.cnode = cnode; r.ai = ai; r.site = site; r.dyn = vm.dyn; }
      if (raiseCaught(vm, r, e)) { r.dyn = vm.dyn; return 'error'; }
      mode = r.mode; node = r.node as Node; env = r.env; val = r.val; k = r.k; vals = r.vals; cnode = r.cnode as CallNode | PrimAppNode; ai = r.ai; site = r.site;
    }
  }
}

/**
 * Apply mode for what is neither a closure nor a plain primitive (registers saved in `r`):
 * control primitives, continuations, parameters, non-procedures. Returns null to go on with
 * `r`; `r` itself when a control primitive stopped the thread (the machine returns 'blocked');
 * other registers when the thread parked and the scheduler handed the machine to the next
 * thread (vm.switchThread), saving the return to its slice loop and the entry into run
 * (ping-pong switches threads twice per message). The hand-off is here rather than in run,
 * where TurboFan inlined it, making run's compile (which short programs wait for) longer.
 */
function applyOther(vm: Vm, r: Regs, f: Value): Regs | null {
  const vals = r.vals;
  if (f instanceof Primitive) {
    const n = vals.length - 1;
    if (n < f.min || (f.max >= 0 && n > f.max)) throw callError(wrongArgs(), f, vals.slice(1));
    // The arguments are copied by hand: Array.prototype.slice is a builtin call, which cost
    // ~4% of the ping-pong benchmark (four control primitives per round trip).
    const args = new Array<Value>(n);
    for (let i = 0; i < n; i++) args[i] = vals[i + 1]!;
    try {
      (f.fn as ControlFn)(vm, r, args);
    } catch (e: unknown) {
      if (e === UNCAUGHT) throw e;
      throw annotate(e, f, r.vals.slice(1));
    }
    if (!r.blocked) return null;
    r.blocked = false;
    r.dyn = vm.dyn;
    const sw = vm.switchThread;
    return (sw === null ? null : sw(r)) ?? r;
  }
  if (f instanceof Continuation && f.isProcedure) {
    const args = vals.slice(1);
    invokeContinuation(vm, r, f.k, f.dyn, args.length === 1 ? args[0]! : new MultipleValues(args), null, []);
    return null;
  }
  if (f instanceof Parameter) {
    if (vals.length === 1) ret(r, vm.paramValue(f));
    else if (vals.length !== 2) throw callError(wrongArgs(), f, vals.slice(1));
    else if (f.converter === null) { setParam(vm, f, vals[1]!); ret(r, VOID); }
    else applyProc(r, vm.globalValue('##param-set!')!, [f, vals[1]!]); // the converter is Scheme code
    return null;
  }
  // gsi locates this at the call expression, even in tail position.
  const site = r.site;
  const err = new ErrorObj('nonprocedure-operator', '');
  err.proc = f;
  err.args = vals.slice(1);
  err.loc = site?.src ?? null;
  err.locProc = site?.src?.proc ?? null;
  err.located = true;
  throw err;
}

/**
 * The loop caught `e` (registers saved in `r`): raise it through the continuation if it is a
 * Scheme error. Returns true when nothing handles it (the thread ends with 'error').
 */
function raiseCaught(vm: Vm, r: Regs, e: unknown): boolean {
  if (e === UNCAUGHT) return true;
  // A primitive (or the machine) signalled an error: raise it through the continuation.
  let obj: Value;
  if (e instanceof ErrorObj) obj = e;
  else if (e instanceof RaiseSignal) obj = e.value;
  else if (e instanceof RangeError && /call stack/.test(e.message)) {
    obj = new ErrorObj('error', 'Stack overflow (expression nested too deeply)');
  } else throw e;
  try {
    raise(vm, r, obj);
  } catch (e2: unknown) {
    if (e2 === UNCAUGHT) return true;
    throw e2;
  }
  return false;
}

/** Returning to a frame of a control feature: the cases of the loop's Return mode it leaves out. */
function returnRare(vm: Vm, r: Regs, fr: Frame): void {
  switch (fr.op) {
    case FOp.RestoreDyn:
      vm.dyn = fr.dyn;
      r.k = fr.next;
      break;
    case FOp.CallWithValues: {
      r.k = fr.next;
      r.vals = r.val instanceof MultipleValues ? [fr.consumer, ...r.val.vals] : [fr.consumer, r.val];
      r.site = null; r.mode = Mode.Apply;
      break;
    }
    case FOp.WindBefore: {
      const outer = vm.dyn.winds;
      const winds: WindList = { before: fr.before, after: fr.after, depth: (outer?.depth ?? 0) + 1, next: outer };
      r.k = { op: FOp.WindBody, next: fr.next, after: fr.after, outer };
      vm.dyn = { params: vm.dyn.params, handlers: vm.dyn.handlers, winds };
      r.vals = [fr.thunk]; r.site = null; r.mode = Mode.Apply;
      break;
    }
    case FOp.WindBody:
      vm.dyn = { params: vm.dyn.params, handlers: vm.dyn.handlers, winds: fr.outer };
      r.k = { op: FOp.ReturnValue, next: fr.next, value: r.val };
      r.vals = [fr.after]; r.site = null; r.mode = Mode.Apply;
      break;
    case FOp.ReturnValue:
      r.val = fr.value;
      r.k = fr.next;
      break;
    case FOp.Rewind:
      if (fr.i < fr.steps.length) {
        const step = fr.steps[fr.i]!;
        vm.dyn = { params: vm.dyn.params, handlers: vm.dyn.handlers, winds: step.winds };
        r.k = { ...fr, i: fr.i + 1 };
        r.vals = [step.thunk]; r.site = null; r.mode = Mode.Apply;
      } else {
        vm.dyn = fr.targetDyn;
        r.k = fr.target;
        if (fr.fn !== null) { r.vals = [fr.fn, ...fr.args]; r.site = null; r.mode = Mode.Apply; }
        else r.val = fr.value;
      }
      break;
    case FOp.Force: {
      const p = fr.promise;
      r.k = fr.next;
      if (p.done) { r.val = p.value; break; }
      if (r.val instanceof SPromise) {
        if (r.val.done) {
          p.done = true; p.value = r.val.value; p.thunk = null;
          r.val = p.value;
        } else {
          p.thunk = r.val.thunk;
          r.k = { op: FOp.Force, next: r.k, promise: p };
          r.vals = [p.thunk!]; r.site = null; r.mode = Mode.Apply;
        }
      } else {
        p.done = true; p.value = r.val; p.thunk = null;
      }
      break;
    }
    case FOp.Apply:
      r.k = fr.next;
      r.vals = [fr.fn, ...fr.args]; r.site = null; r.mode = Mode.Apply;
      break;
    case FOp.Load: {
      const i = fr.i + 1;
      r.k = fr.next;
      if (i < fr.forms.length) {
        const form = fr.forms[i]!;
        r.k = { op: FOp.Load, next: r.k, forms: fr.forms, i, result: fr.result };
        r.node = form.node;
        r.env = [];
        r.mode = Mode.Eval;
      } else {
        r.val = fr.result;
      }
      break;
    }
    case FOp.If: case FOp.Seq: case FOp.Or: case FOp.Arg: case FOp.LocalSet: case FOp.GlobalSet: case FOp.Top:
      throw new Error('internal error: a frame of the loop');
    default: {
      const never: never = fr;
      throw new Error(`unknown frame ${String(never)}`);
    }
  }
}

export function setParam(vm: Vm, p: Parameter, v: Value): void {
  for (let b = vm.dyn.params; b !== null; b = b.next) {
    if (b.param === p) { b.cell.value = v; return; }
  }
  p.value = v;
}
