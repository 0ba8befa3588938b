// The closure-compiled fast path for simple expressions (Const, LocalRef, GlobalRef, PrimApp:
// see nodes.ts). Each simple node a call, an `if` or a primitive application evaluates is
// turned, on first use, into a JS closure `(env) => value`, specialized by node kind, lexical
// depth, argument count and (for the common arithmetic and list primitives) the primitive
// itself. The closures are a cache derived from the nodes and kept in non-enumerable fields
// (`ev`, `evs`, `tev`): never serialized, rebuilt on demand in another process, and invisible
// to structural comparisons of code. The nodes stay the source of truth.
//
// Any failure (an unbound global, a primitive's error, a global that no longer holds the pure
// primitive the node was compiled for, a wrong argument count) throws DEOPT, exactly as the
// switch-based evaluator did: the machine then evaluates the node the general way, with frames,
// so that the error is raised with the right continuation. Re-evaluating is harmless because
// simple expressions have no side effects.
//
// Measured against the switch-based evaluator it replaced (bench/inproc.ts, CPU time, best of
// 5, both in the same session; with machine.ts's direct Apply of calls whose parts are all
// simple and its lambda arguments without frames): fib 0.40 -> 0.30 s, tak 0.30 -> 0.20 s,
// ack 0.17 -> 0.12 s, nqueens 0.24 -> 0.17 s, loop 1.3 -> 0.85 s, threads-pingpong 0.15 ->
// 0.12 s, threads-spawn 0.11 -> 0.09 s.

import { Op, type CallNode, type IfNode, type LambdaNode, type Node, type PrimAppNode, type GlobalCell } from './nodes.js';
import { Closure, NIL, Pair, Parameter, Primitive, UNASSIGNED, paramRead, type Dyn, type Env, type Value } from '../runtime/values.js';

/** Where a parameter's read finds the running thread's dynamic environment: the Vm whose code
 * the node is (nodes refer to one Vm's global cells, so a node's evaluators belong to it). */
export interface DynSource { readonly dyn: Dyn }

/** Thrown by a fast evaluator when the node must be evaluated the general way. */
export const DEOPT = { deopt: true };

export type Ev = (env: Env) => Value;

interface EvCache { ev?: Ev }
interface EvsCache { evs?: Array<Ev | null> }
interface TevCache { tev?: Ev | null }
interface LeafCache { leaf?: Ev | null }

function cache<T>(node: object, key: string, value: T): T {
  Object.defineProperty(node, key, { value, writable: true, enumerable: false, configurable: true });
  return value;
}

/** The evaluator of a simple node. */
export function evOf(n: Node, vm: DynSource): Ev {
  if (n.op === Op.PrimApp) {
    const c = (n as PrimAppNode & EvCache).ev;
    return c !== undefined ? c : cache(n, 'ev', build(n, vm));
  }
  return build(n, vm);
}

/** The evaluators of a call's operator and arguments (null where not simple). */
export function evsOf(n: CallNode | PrimAppNode, vm: DynSource): Array<Ev | null> {
  const c = (n as (CallNode | PrimAppNode) & EvsCache).evs;
  if (c !== undefined) return c;
  const evs: Array<Ev | null> = [partEv(n.fn, vm)];
  for (const a of n.args) evs.push(partEv(a, vm));
  return cache(n, 'evs', evs);
}

/**
 * A call's operator or argument: simple nodes, and lambdas (making a closure cannot fail nor
 * capture a continuation: `(f (lambda () ...))` needs no frame for its argument).
 */
function partEv(n: Node, vm: DynSource): Ev | null {
  if (n.op <= Op.PrimApp) return evOf(n, vm);
  if (n.op === Op.Lambda) return (env) => new Closure(n, env);
  return null;
}

/** The evaluator of an `if`'s test, or null when the test is not simple. */
export function testEvOf(n: IfNode, vm: DynSource): Ev | null {
  const c = (n as IfNode & TevCache).tev;
  if (c !== undefined) return c;
  return cache(n, 'tev', n.test.op <= Op.PrimApp ? evOf(n.test, vm) : null);
}

function build(n: Node, vm: DynSource): Ev {
  switch (n.op) {
    case Op.Const: {
      const v = n.value;
      return () => v;
    }
    case Op.LocalRef: {
      const i = n.index;
      switch (n.depth) {
        case 0: return (env) => env[i] as Value;
        case 1: return (env) => (env[0] as Closure).env[i] as Value;
        case 2: return (env) => ((env[0] as Closure).env[0] as Closure).env[i] as Value;
        default: {
          const depth = n.depth;
          return (env) => {
            let e = env;
            for (let d = depth; d > 0; d--) e = (e[0] as Closure).env;
            return e[i] as Value;
          };
        }
      }
    }
    case Op.GlobalRef: {
      const cell = n.cell;
      return () => {
        const v = cell.value;
        if (v === UNASSIGNED) throw DEOPT;
        return v;
      };
    }
    case Op.PrimApp:
      return buildPrimApp(n, vm);
    default:
      throw new Error(`internal error: node ${n.op} is not simple`);
  }
}

/** Calls whatever pure primitive `cell` holds now (after a failed identity check). */
function generic(cell: GlobalCell, len: number): Primitive {
  const f = cell.value;
  if (!(f instanceof Primitive) || f.kind !== 'pure' || len < f.min || (f.max >= 0 && len > f.max)) throw DEOPT;
  return f;
}

function call1(cell: GlobalCell, x: Value): Value {
  const f = generic(cell, 1);
  try { return f.fn(x); } catch { throw DEOPT; }
}

function call2(cell: GlobalCell, x: Value, y: Value): Value {
  const f = generic(cell, 2);
  try { return f.fn(x, y); } catch { throw DEOPT; }
}

/** `(p)` for a parameter object p: its value in the running thread's dynamic environment. */
function buildParamRead(cell: GlobalCell, p: Parameter, vm: DynSource): Ev {
  return () => {
    const f = cell.value;
    if (f === p || f instanceof Parameter) return paramRead(vm.dyn, f as Parameter);
    return generic(cell, 0).fn();
  };
}

function buildPrimApp(n: PrimAppNode, vm: DynSource): Ev {
  const cell = n.cell;
  const args = n.args.map((a) => build(a, vm));
  const len = args.length;
  const p = cell.value;
  if (len === 0 && p instanceof Parameter) return buildParamRead(cell, p, vm);
  // The primitive the node was compiled for; when the global still holds it, the arity is
  // known to fit and it is called directly (or inlined for fixnums, pairs and booleans).
  const known = p instanceof Primitive && p.kind === 'pure' && len >= p.min && (p.max < 0 || len <= p.max) ? p : null;
  if (len === 1) {
    const a = args[0]!;
    if (known === null) return (env) => call1(cell, a(env));
    const fn = known.fn;
    switch (known.name) {
      case 'car': return (env) => { const x = a(env); return x instanceof Pair && cell.value === known ? x.car : call1(cell, x); };
      case 'cdr': return (env) => { const x = a(env); return x instanceof Pair && cell.value === known ? x.cdr : call1(cell, x); };
      case 'null?': return (env) => { const x = a(env); return cell.value === known ? x === NIL : call1(cell, x); };
      case 'pair?': return (env) => { const x = a(env); return cell.value === known ? x instanceof Pair : call1(cell, x); };
      case 'not': return (env) => { const x = a(env); return cell.value === known ? x === false : call1(cell, x); };
      default:
        return (env) => {
          const x = a(env);
          if (cell.value !== known) return call1(cell, x);
          try { return fn(x); } catch { throw DEOPT; }
        };
    }
  }
  if (len === 2) {
    const a = args[0]!, b = args[1]!;
    if (known === null) return (env) => call2(cell, a(env), b(env));
    const fn = known.fn;
    // Fixnums are JS numbers (runtime/numbers.ts); anything else goes to the primitive.
    switch (known.name) {
      case '+': return (env) => {
        const x = a(env), y = b(env);
        if (typeof x === 'number' && typeof y === 'number' && cell.value === known) {
          const r = x + y;
          if (Number.isSafeInteger(r)) return r;
        }
        return call2(cell, x, y);
      };
      case '-': return (env) => {
        const x = a(env), y = b(env);
        if (typeof x === 'number' && typeof y === 'number' && cell.value === known) {
          const r = x - y;
          if (Number.isSafeInteger(r)) return r;
        }
        return call2(cell, x, y);
      };
      case '<': return (env) => {
        const x = a(env), y = b(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === known ? x < y : call2(cell, x, y);
      };
      case '>': return (env) => {
        const x = a(env), y = b(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === known ? x > y : call2(cell, x, y);
      };
      case '<=': return (env) => {
        const x = a(env), y = b(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === known ? x <= y : call2(cell, x, y);
      };
      case '>=': return (env) => {
        const x = a(env), y = b(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === known ? x >= y : call2(cell, x, y);
      };
      case '=': return (env) => {
        const x = a(env), y = b(env);
        return typeof x === 'number' && typeof y === 'number' && cell.value === known ? x === y : call2(cell, x, y);
      };
      case 'cons': return (env) => {
        const x = a(env), y = b(env);
        return cell.value === known ? new Pair(x, y) : call2(cell, x, y);
      };
      default:
        return (env) => {
          const x = a(env), y = b(env);
          if (cell.value !== known) return call2(cell, x, y);
          try { return fn(x, y); } catch { throw DEOPT; }
        };
    }
  }
  return (env) => {
    const vs = new Array<Value>(len);
    for (let i = 0; i < len; i++) vs[i] = args[i]!(env);
    const f = cell.value === known && known !== null ? known : generic(cell, len);
    try { return f.fn(...vs); } catch { throw DEOPT; }
  };
}

// ---------------------------------------------------------------------------------------------
// Leaf procedures, for primitives that call back into Scheme (object->u8vector's encoder,
// u8vector->object's decoder): a closure of fixed arity whose body is made only of simple
// expressions, `if`s and calls of other such procedures held by globals can be run on its
// arguments without the machine: no frame, nothing that can capture a continuation or block.
// The talk's encoder and decoder are such procedures (a `cond` of `eq?`, parameter reads and
// record predicates). Running one through the machine instead (a frame, a resume primitive,
// argument arrays, the primitive re-entered) cost more than the rest of a small message's
// serialization. Any path that is not a leaf, a global that no longer holds what the code was
// built for, or an error throws DEOPT: the caller then calls the procedure the general way,
// from the start (what was evaluated has no side effects), so errors are raised and located as
// always.

/** How deep leaf calls are followed inside a leaf body (a deeper call is not a leaf path). */
const LEAF_DEPTH = 3;

/** DEOPT, as an evaluator: a path of a leaf body that is not itself a leaf. */
const NOT_LEAF: Ev = () => { throw DEOPT; };

/**
 * The evaluator of `lam`'s body, given the environment a call makes ([closure, args...]); null
 * when the body is not even partly a leaf (nothing to gain).
 */
export function leafEvOf(lam: LambdaNode, vm: DynSource): Ev | null {
  const c = (lam as LambdaNode & LeafCache).leaf;
  if (c !== undefined) return c;
  const ev = fixedFrame(lam) ? leafBody(lam.body, vm, 0) : NOT_LEAF;
  return cache(lam, 'leaf', ev === NOT_LEAF ? null : ev);
}

/** A lambda whose call environment is exactly [closure, args...]. */
export function fixedFrame(lam: LambdaNode): boolean {
  return lam.nopt === 0 && !lam.rest && lam.keys.length === 0 && lam.frameSize === lam.nreq;
}

function leafBody(n: Node, vm: DynSource, depth: number): Ev {
  if (n.op <= Op.PrimApp) return evOf(n, vm);
  if (n.op === Op.If) {
    const t = leafBody(n.test, vm, depth);
    if (t === NOT_LEAF) return NOT_LEAF;
    const a = leafBody(n.then, vm, depth), b = leafBody(n.else, vm, depth);
    return (env) => (t(env) !== false ? a(env) : b(env));
  }
  if (n.op === Op.Call && n.fn.op === Op.GlobalRef && depth < LEAF_DEPTH && n.args.every((x) => x.op <= Op.PrimApp)) {
    const cell = n.fn.cell;
    const f = cell.value;
    if (!(f instanceof Closure) || !fixedFrame(f.lambda) || f.lambda.nreq !== n.args.length) return NOT_LEAF;
    const lam = f.lambda;
    const body = leafBody(lam.body, vm, depth + 1);
    if (body === NOT_LEAF) return NOT_LEAF;
    const args = n.args.map((x) => evOf(x, vm));
    const len = args.length;
    return (env) => {
      const g = cell.value;
      if (!(g instanceof Closure) || g.lambda !== lam) throw DEOPT;
      const e = new Array<Value>(len + 1);
      e[0] = g;
      for (let i = 0; i < len; i++) e[i + 1] = args[i]!(env);
      return body(e);
    };
  }
  return NOT_LEAF;
}
