// (trace proc ...), (untrace proc ...): gsi's tracing of calls, for looking at a program run.
//
//   > (trace fib)
//   > (fib 2)
//   | > (fib 2)
//   | | > (fib 1)
//   | | 1
//   | | > (fib 0)
//   | | 0
//   | 1
//   1
//
// Each call of a traced procedure prints `> (name arg ...)` (arguments quoted when they are not
// self-evaluating, as in an error's call form) and its result, behind one `| ` per traced call
// in progress (past 10: `| | | | | | | |[11] `). A traced procedure called in tail position
// from another traced call keeps its depth and prints no result of its own: its caller's is the
// same value (gsi's tail calls stay tail calls). The lines go to the console, not to the
// current output port.
//
// As in gsi, a closure is traced in place: every reference to it sees the trace (its code is
// swapped for a copy whose body first runs the trace step, then the original body in the same
// environment). A primitive cannot be changed: its global variable is rebound to a traced
// wrapper, with gsi's warning. A traced closure's code cannot travel: its trace step is a
// primitive no other process knows, which a receiver refuses (untrace it first).
//
// The result is printed by a call-with-values frame whose consumer stands for one depth: the
// depth of a new call is one more than that of the nearest such frame in its continuation.

import { FOp, type Frame } from '../../interpreter/frames.js';
import { Mode, applyProc, ret, type ControlFn, type Regs } from '../../interpreter/machine.js';
import { Op, type CallNode, type LambdaNode } from '../../interpreter/nodes.js';
import { typeError } from '../errors.js';
import { makePrim, type PrimFactory } from '../primitive.js';
import { quotedUnlessSelfEvaluating, writeString } from '../printer.js';
import { portWrite, portsOf } from '../ports.js';
import { Closure, DEFAULT, MultipleValues, Pair, Primitive, VOID, arrayToList, intern, type Value } from '../values.js';
import type { Vm } from '../vm.js';

/** A traced procedure: a closure (its code swapped) or a primitive (its global rebound). */
type Traced =
  | { readonly kind: 'closure'; readonly clo: Closure; readonly original: LambdaNode }
  | { readonly kind: 'primitive'; readonly prim: Primitive; readonly wrapper: Primitive; readonly global: string };

interface TraceState {
  /** Traced procedures in the order they were traced, by the value that stands for them. */
  readonly traced: Map<Value, Traced>;
  /** The result printers, one per depth, and the depth of each. */
  readonly printers: Primitive[];
  readonly depths: Map<Value, number>;
}

function stateOf(vm: Vm): TraceState {
  let st = vm.ext.get('trace') as TraceState | undefined;
  if (st === undefined) {
    st = { traced: new Map(), printers: [], depths: new Map() };
    vm.ext.set('trace', st);
  }
  return st;
}

/** Where trace lines go: the REPL's console, or standard output. */
function say(vm: Vm, text: string): void {
  const ports = portsOf(vm);
  portWrite(ports.console ?? ports.stdout, text);
}

/** `| ` per level; past 10, gsi shows 8 bars and the depth: `| | | | | | | |[11] `. */
export function tracePrefix(depth: number): string {
  return depth <= 10 ? '| '.repeat(depth) : `${'| '.repeat(7)}|[${depth}] `;
}

function callText(vm: Vm, head: Value, args: readonly Value[]): string {
  return writeString(vm, arrayToList([head, ...args.map(quotedUnlessSelfEvaluating)]), false);
}

/** The depth of the nearest traced call in progress in continuation `k` (0: none), and whether it is k's first frame. */
function enclosing(st: TraceState, k: Frame | null): { depth: number; tail: boolean } {
  for (let f = k; f !== null; f = f.next) {
    if (f.op === FOp.CallWithValues) {
      const d = st.depths.get(f.consumer);
      if (d !== undefined) return { depth: d, tail: f === k };
    }
  }
  return { depth: 0, tail: false };
}

/** The consumer of the frame that prints the result of a call at `depth`. */
function printer(st: TraceState, depth: number): Primitive {
  let p = st.printers[depth];
  if (p === undefined) {
    const fn: ControlFn = (vm2, r, vals) => {
      say(vm2, `${tracePrefix(depth)}${vals.map((v) => writeString(vm2, v, false)).join(' ')}\n`);
      ret(r, vals.length === 1 ? vals[0]! : new MultipleValues(vals));
    };
    p = makePrim('##trace-result', 0, -1, 'control', fn);
    st.printers[depth] = p;
    st.depths.set(p, depth);
  }
  return p;
}

/** Print the call at its depth and, unless it is a tail call of a traced call, push the result printer. */
function enter(vm: Vm, r: Regs, head: Value, args: readonly Value[]): void {
  const st = stateOf(vm);
  const { depth, tail } = enclosing(st, r.k);
  const d = tail ? depth : depth + 1;
  say(vm, `${tracePrefix(d)}> ${callText(vm, head, args)}\n`);
  if (!tail) r.k = { op: FOp.CallWithValues, next: r.k, consumer: printer(st, d) };
}

/** The arguments of a call, from the frame its closure's parameters were bound in. */
function frameArgs(lam: LambdaNode, env: readonly unknown[]): Value[] {
  const args: Value[] = [];
  for (let i = 1; i <= lam.nreq + lam.nopt; i++) {
    const v = env[i] as Value;
    if (v !== DEFAULT) args.push(v);
  }
  if (lam.rest) {
    for (let l = env[lam.nreq + lam.nopt + 1] as Value; l instanceof Pair; l = l.cdr) args.push(l.car);
  }
  return args;
}

function traceClosure(clo: Closure): Traced {
  const original = clo.lambda;
  const head: Value = original.name !== null ? intern(original.name) : clo;
  // The trace step runs with the registers of the call: the frame just bound is r.env. It then
  // evaluates the original body there, as the original code would have.
  const step = makePrim('##trace-call', 0, 0, 'control', ((vm2, r) => {
    enter(vm2, r, head, frameArgs(original, r.env));
    r.node = original.body;
    r.mode = Mode.Eval;
  }) satisfies ControlFn);
  const body: CallNode = {
    op: Op.Call, src: original.src, tail: true, mark: false, args: [],
    fn: { op: Op.Const, src: original.src, value: step },
  };
  clo.lambda = { ...original, body };
  return { kind: 'closure', clo, original };
}

function tracePrimitive(vm: Vm, prim: Primitive): Traced {
  const name = prim.name;
  const wrapper = makePrim(name, prim.min, prim.max, 'control', ((vm2, r, args) => {
    enter(vm2, r, intern(name), args);
    applyProc(r, prim, args);
  }) satisfies ControlFn);
  say(vm, `*** WARNING -- Rebinding global variable "${name}" to an interpreted procedure\n`);
  vm.define(name, wrapper);
  return { kind: 'primitive', prim, wrapper, global: name };
}

function untraceOne(vm: Vm, t: Traced): void {
  if (t.kind === 'closure') {
    t.clo.lambda = t.original;
  } else if (vm.globalValue(t.global) === t.wrapper) {
    vm.define(t.global, t.prim);
  }
}

/** The entry for a procedure given to untrace: itself, or the primitive whose wrapper it is. */
function findTraced(st: TraceState, p: Value): [Value, Traced] | null {
  const t = st.traced.get(p);
  if (t !== undefined) return [p, t];
  for (const [key, e] of st.traced) if (e.kind === 'primitive' && e.wrapper === p) return [key, e];
  return null;
}

function tracedList(st: TraceState): Value {
  return arrayToList([...st.traced.values()].map((t) => (t.kind === 'closure' ? t.clo : t.wrapper)));
}

export const tracePrims: PrimFactory = (vm) => [
  // (trace): the traced procedures; (trace p ...): trace them.
  makePrim('trace', 0, -1, 'plain', (...procs: Value[]) => {
    const st = stateOf(vm);
    if (procs.length === 0) return tracedList(st);
    procs.forEach((p, i) => {
      if (!(p instanceof Closure) && !(p instanceof Primitive && p.kind !== 'control')) throw typeError(i + 1, 'Interpreted PROCEDURE');
    });
    for (const p of procs) {
      if (findTraced(st, p) !== null) continue;
      st.traced.set(p, p instanceof Closure ? traceClosure(p) : tracePrimitive(vm, p as Primitive));
    }
    return VOID;
  }),
  // (untrace): untrace them all; (untrace p ...): these.
  makePrim('untrace', 0, -1, 'plain', (...procs: Value[]) => {
    const st = stateOf(vm);
    const which = procs.length === 0 ? [...st.traced.keys()] : procs;
    for (const p of which) {
      const found = findTraced(st, p);
      if (found === null) continue;
      untraceOne(vm, found[1]);
      st.traced.delete(found[0]);
    }
    return VOID;
  }),
];
