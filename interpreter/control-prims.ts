// Control primitives: the procedures that manipulate the machine's registers (continuations,
// dynamic-wind, multiple values, apply, exceptions, promises, parameters, eval, load).
// R7RS 6.10 (control features), 6.11 (exceptions); Gambit manual chapters 10 and 13.

import { ret, applyProc, raise, invokeContinuation, setParam, type ControlFn, type Regs } from './machine.js';
import { FOp } from './frames.js';
import { checkProcedure, checkList } from '../runtime/check.js';
import { ErrorObj, RaiseSignal, typeError, wrongArgs, schemeError } from '../runtime/errors.js';
import { makePrim } from '../runtime/primitive.js';
import {
  SEnvironment, Closure, Continuation, MultipleValues, Parameter, Primitive, SPromise, VOID, MString,
  listToArray, isProcedure, type Value,
} from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { inProcedure, type Node, type Src } from './nodes.js';

/**
 * call/cc (a procedure continuation) and continuation-capture (a continuation object). As in
 * gsi, arguments after the procedure are passed on to it after the continuation.
 */
function capture(isProcedure: boolean): ControlFn {
  return (vm, r, [f, ...more]) => {
    checkProcedure(f!, 1);
    vm.captures++; // frames on the stack may now be returned into more than once
    applyProc(r, f!, [new Continuation(r.k, vm.dyn, isProcedure), ...more]);
  };
}

function relocate(obj: Value): Value {
  if (obj instanceof ErrorObj) {
    obj.located = false;
    obj.loc = null;
    obj.locProc = null;
  }
  return obj;
}

function withHandler(r7rs: boolean): ControlFn {
  return (vm, r, [handler, thunk]) => {
    checkProcedure(handler!, 1);
    checkProcedure(thunk!, 2);
    r.k = { op: FOp.RestoreDyn, next: r.k, dyn: vm.dyn };
    vm.dyn = { params: vm.dyn.params, handlers: { handler: handler!, r7rs, catcher: null, next: vm.dyn.handlers }, winds: vm.dyn.winds };
    applyProc(r, thunk!, []);
  };
}

function control(name: string, min: number, max: number, fn: ControlFn): Primitive {
  return makePrim(name, min, max, 'control', fn);
}

/** Both the R7RS name and Gambit's internal `##` name, so generated code is not captured. */
function both(p: Primitive): Primitive[] {
  return [p, makePrim(`##${p.name}`, p.min, p.max, p.kind, p.fn)];
}

function arityAccepts(f: Value, n: number): boolean {
  if (f instanceof Closure) {
    const l = f.lambda;
    return n >= l.nreq && (l.rest || l.keys.length > 0 || n <= l.nreq + l.nopt);
  }
  if (f instanceof Primitive) return n >= f.min && (f.max < 0 || n <= f.max);
  return true;
}

/** The location of code that has none (eval): the compiler gives its nodes no src. */
export const NO_LOC = { container: '', line: 0, col: 0 };

export type FileReader = (vm: Vm, path: string, base: string | null) => { path: string; forms: Array<{ datum: Value; loc: Src }> };

/** Compile all the forms of a file, in order (macros defined by one apply to the next). */
export function compileForms(vm: Vm, forms: Array<{ datum: Value; loc: Src }>): Array<{ node: Node; loc: Src }> {
  return forms.map((f) => ({ node: vm.compileTop(f.datum, f.loc), loc: f.loc }));
}

const IN_CALL_WITH_VALUES = inProcedure('##call-with-values');
const IN_PARAMETERIZE = inProcedure('##parameterize');

/** The value `v` for parameter `p`: its converter's result (applied with a Top frame naming
 * `within`, when given), or `v` itself. */
function convertParam(r: Regs, p: Value, v: Value, within: Src | null): void {
  if (!(p instanceof Parameter)) {
    // gsi calls the object with the new value, which a 0-argument procedure refuses.
    const e = wrongArgs();
    e.proc = p;
    e.args = [v];
    throw e;
  }
  if (p.converter === null) { ret(r, v); return; }
  if (within !== null) r.k = { op: FOp.Top, next: r.k, src: within };
  applyProc(r, p.converter, [v]);
}

export function controlPrims(readForms: FileReader): (vm: Vm) => Primitive[] {
  return (_vm: Vm) => [
    ...both(control('apply', 1, -1, (_vm, r, args) => {
      const f = checkProcedure(args[0]!, 1);
      if (args.length === 1) { applyProc(r, f, []); return; }
      const last = args[args.length - 1]!;
      const spread = listToArray(last);
      if (spread === null) throw typeError(args.length, 'LIST');
      applyProc(r, f, [...args.slice(1, -1), ...spread]);
    })),

    // call-with-current-continuation is call/cc itself (scheme-lib/prelude-core.scm), as in gsi.
    control('##call-with-current-continuation', 1, -1, capture(true)),
    ...both(control('call/cc', 1, -1, capture(true))),
    control('continuation-capture', 1, -1, capture(false)),
    control('continuation-return', 1, -1, (vm, r, args) => {
      const c = args[0]!;
      if (!(c instanceof Continuation)) throw typeError(1, 'CONTINUATION');
      const vs = args.slice(1);
      invokeContinuation(vm, r, c.k, c.dyn, vs.length === 1 ? vs[0]! : new MultipleValues(vs), null, []);
    }),
    control('continuation-graft', 2, -1, (vm, r, args) => {
      const c = args[0]!;
      if (!(c instanceof Continuation)) throw typeError(1, 'CONTINUATION');
      checkProcedure(args[1]!, 2);
      invokeContinuation(vm, r, c.k, c.dyn, VOID, args[1]!, args.slice(2));
    }),
    makePrim('continuation?', 1, 1, 'pure', (c: Value) => c instanceof Continuation),

    ...both(control('values', 0, -1, (_vm, r, args) => {
      ret(r, args.length === 1 ? args[0]! : new MultipleValues(args));
    })),
    ...both(control('call-with-values', 2, 2, (_vm, r, [producer, consumer]) => {
      checkProcedure(producer!, 1);
      checkProcedure(consumer!, 2);
      r.k = { op: FOp.CallWithValues, next: r.k, consumer: consumer! };
      // The producer runs inside gsi's ##call-with-values: an error in its tail position is
      // located there, and a backtrace shows it (the Top frame passes the values through).
      r.k = { op: FOp.Top, next: r.k, src: IN_CALL_WITH_VALUES };
      applyProc(r, producer!, []);
    })),

    ...both(control('dynamic-wind', 3, 3, (_vm, r, [before, thunk, after]) => {
      checkProcedure(before!, 1);
      checkProcedure(thunk!, 2);
      checkProcedure(after!, 3);
      r.k = { op: FOp.WindBefore, next: r.k, before: before!, thunk: thunk!, after: after! };
      applyProc(r, before!, []);
    })),

    // Exceptions. Gambit lets a handler's value replace the raising expression's (raise too).
    // An exception object raised again is reported where it was last raised, as gsi does.
    ...both(control('raise', 1, 1, (vm, r, [obj]) => raise(vm, r, relocate(obj!)))),
    ...both(control('raise-continuable', 1, 1, (vm, r, [obj]) => raise(vm, r, relocate(obj!)))),
    ...both(control('with-exception-handler', 2, 2, withHandler(false))),
    control('##with-exception-handler-r7rs', 2, 2, withHandler(true)),
    // Gambit's with-exception-catcher: on a raise, unwind to the catcher's continuation and
    // call the handler there (outside the thunk's dynamic extent).
    control('with-exception-catcher', 2, 2, (vm, r, [handler, thunk]) => {
      checkProcedure(handler!, 1);
      checkProcedure(thunk!, 2);
      const catcher = { k: r.k, dyn: vm.dyn };
      r.k = { op: FOp.RestoreDyn, next: r.k, dyn: vm.dyn };
      vm.dyn = { params: vm.dyn.params, handlers: { handler: handler!, r7rs: false, catcher, next: vm.dyn.handlers }, winds: vm.dyn.winds };
      applyProc(r, thunk!, []);
    }),
    makePrim('interaction-environment', 0, 0, 'pure', () => new SEnvironment()),
    makePrim('scheme-report-environment', 0, 1, 'pure', () => new SEnvironment()),
    control('current-exception-handler', 0, 0, (vm, r) => {
      ret(r, vm.dyn.handlers?.handler ?? VOID);
    }),

    // Promises (R7RS 4.2.5): delay = (make-lazy (lambda () (make-eager e))).
    ...both(control('force', 1, 1, (_vm, r, [p]) => {
      if (!(p instanceof SPromise)) { ret(r, p!); return; }
      if (p.done) { ret(r, p.value); return; }
      r.k = { op: FOp.Force, next: r.k, promise: p };
      applyProc(r, p.thunk!, []);
    })),
    makePrim('##make-lazy-promise', 1, 1, 'plain', (thunk: Value) => new SPromise(false, VOID, thunk)),
    makePrim('##make-eager-promise', 1, 1, 'plain', (v: Value) => new SPromise(true, v, null)),
    makePrim('make-promise', 1, 1, 'plain', (v: Value) => (v instanceof SPromise ? v : new SPromise(true, v, null))),
    makePrim('promise?', 1, 1, 'pure', (v: Value) => v instanceof SPromise),

    // Parameters (R7RS 4.2.6)
    makePrim('##make-parameter', 2, 2, 'plain', (v: Value, conv: Value) => new Parameter(v, conv === false ? null : conv)),
    control('##param-convert', 2, 2, (_vm, r, [p, v]) => convertParam(r, p!, v!, null)),
    // parameterize's: the converter runs inside gsi's ##parameterize, where an error in its tail
    // position is located.
    control('##parameterize-convert', 2, 2, (_vm, r, [p, v]) => convertParam(r, p!, v!, IN_PARAMETERIZE)),
    // (p v) after p's converter has run (##param-set! in prelude-core.scm).
    control('##param-store!', 2, 2, (vm, r, [p, v]) => {
      setParam(vm, p as Parameter, v!);
      ret(r, VOID);
    }),
    control('##parameterize', 3, 3, (vm, r, [ps, vs, thunk]) => {
      const params = listToArray(ps!)!, values = listToArray(vs!)!;
      let bindings = vm.dyn.params;
      for (let i = 0; i < params.length; i++) {
        const p = params[i]!;
        if (!(p instanceof Parameter)) throw typeError(1, 'PARAMETER');
        bindings = { param: p, cell: { value: values[i]! }, next: bindings };
      }
      r.k = { op: FOp.RestoreDyn, next: r.k, dyn: vm.dyn };
      vm.dyn = { params: bindings, handlers: vm.dyn.handlers, winds: vm.dyn.winds };
      applyProc(r, thunk!, []);
    }),

    control('##case-lambda-dispatch', 2, -1, (_vm, r, [name, args, ...clauses]) => {
      const a = listToArray(args!)!;
      for (const c of clauses) {
        if (arityAccepts(c, a.length)) { applyProc(r, c, a); return; }
      }
      const e = wrongArgs();
      e.proc = name!; // the case-lambda's name (a symbol) or the dispatching procedure
      e.args = a;
      throw e;
    }),

    // eval and load
    // gsi shows no location for errors in eval'd code: its code has none, and the FTop frame
    // keeps the location search from reaching the caller's.
    control('eval', 1, 2, (vm, r, [expr]) => {
      const node = vm.compileEval(expr!, NO_LOC);
      r.k = { op: FOp.Top, next: r.k, src: null };
      r.node = node;
      r.env = [];
      r.mode = 0; // Mode.Eval
    }),
    control('load', 1, 1, (vm, r, [path]) => {
      if (!(path instanceof MString)) throw typeError(1, 'STRING');
      // gsi resolves `load` paths against the current directory (`include`: the including file).
      const file = readForms(vm, path.s, null);
      r.k = { op: FOp.Load, next: r.k, forms: compileForms(vm, file.forms), i: -1, result: new MString(file.path) };
      ret(r, VOID);
    }),

    makePrim('procedure?', 1, 1, 'pure', (v: Value) => isProcedure(v)),
    // The message may be any object (gsi: (error 'f "x") has message f).
    makePrim('error', 1, -1, 'plain', (msg: Value, ...irritants: Value[]) => {
      throw new ErrorObj('error', msg instanceof MString ? msg.s : '', irritants, 0, '', msg);
    }),
    makePrim('##check-list', 2, 2, 'pure', (v: Value, n: Value) => checkList(v, n as number)),
    makePrim('##raise-signal', 1, 1, 'plain', (v: Value) => { throw new RaiseSignal(v, false); }),
    makePrim('##eq?', 2, 2, 'pure', (a: Value, b: Value) => a === b),
    makePrim('##unused', 0, 0, 'pure', () => { throw schemeError('unused'); }),
  ];
}

