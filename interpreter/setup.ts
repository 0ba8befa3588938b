// Making a ready-to-use Vm: primitives registered, compiler installed, Scheme preludes loaded;
// and running code on it synchronously (for macros, start-up, tests). Threads and the
// scheduler run code asynchronously on top of the same machine.

import { Compiler, type MacroRunner } from './compiler.js';
import { Regs, run, applyProc, type RunResult } from './machine.js';
import { FOp } from './frames.js';
import { controlPrims, compileForms, type FileReader } from './control-prims.js';
import { Reader } from './reader.js';
import type { Node, Src } from './nodes.js';
import { ErrorObj, RaiseSignal, synchronousWaitError, type Loc } from '../runtime/errors.js';
import { EOF, MString, Primitive, type HeapObject, type Pair, type Value } from '../runtime/values.js';
import { writeString } from '../runtime/printer.js';
import { Vm } from '../runtime/vm.js';
import type { Host } from '../runtime/host.js';
import { allPrims } from '../runtime/prims/index.js';

/** Thrown (as a JS exception) by the synchronous runners when Scheme code raises uncaught. */
export class SchemeFailure extends Error {
  constructor(readonly value: Value, readonly src: Src | null) {
    super('uncaught Scheme exception');
  }
}

/** Source locations recorded by the reader for the compiler (pair -> location of its car). */
export function locationsOf(vm: Vm): WeakMap<Pair, Loc> {
  let m = vm.ext.get('locs') as WeakMap<Pair, Loc> | undefined;
  if (m === undefined) {
    m = new WeakMap();
    vm.ext.set('locs', m);
  }
  return m;
}

/** Read every datum of a text, with locations recorded for the compiler. */
export function readForms(vm: Vm, text: string, container: string, script = false): Array<{ datum: Value; loc: Src }> {
  // `script`: a first line starting with #! is skipped (as gsi does for files).
  const reader = new Reader(text, { container, locations: locationsOf(vm), script });
  const out: Array<{ datum: Value; loc: Src }> = [];
  for (;;) {
    const d = reader.read();
    if (d === EOF && reader.atEnd) break;
    const l = reader.lastLoc!;
    out.push({ datum: d, loc: { container: l.container, line: l.line, col: l.col, proc: null } });
  }
  return out;
}

const fileReader: FileReader = (vm, path, base) => {
  const full = vm.host.resolvePath(path, base);
  let p = full;
  if (!vm.host.fileExists(p) && vm.host.fileExists(`${full}.scm`)) p = `${full}.scm`;
  const text = vm.host.readFile(p);
  return { path: p, forms: readForms(vm, text, displayName(vm, path, p), true) };
};

/** gsi shows the path as given on the command line / to load. */
function displayName(_vm: Vm, given: string, resolved: string): string {
  return given.endsWith('.scm') || resolved === given ? given : resolved;
}

const INTERNAL_ALIASES = ['cons', 'list', 'append', 'list->vector', 'memv', 'eq?', 'length', 'car', 'cdr', 'vector', 'not'];

export interface VmOptions {
  /** Scheme source files to load at start-up, as [name, text]. */
  preludes?: Array<[string, string]>;
}

export function createVm(host: Host, opts: VmOptions = {}): Vm {
  const vm = new Vm(host);
  const runner: MacroRunner = {
    apply: (proc, args) => {
      try {
        return applySync(vm, proc, args);
      } catch (e: unknown) {
        // An error in a define-macro transformer: gsi reports it IN ##macro-expand.
        if (e instanceof SchemeFailure && e.value instanceof ErrorObj) {
          e.value.loc = null;
          e.value.locProc = '##macro-expand';
          throw e.value;
        }
        if (e instanceof SchemeFailure) throw new RaiseSignal(e.value, false);
        throw e;
      }
    },
    evalNode: (node) => evalNodeSync(vm, node),
    readForms: (path, base) => fileReader(vm, path, base).forms,
  };
  vm.compiler = new Compiler(vm, runner, locationsOf(vm));
  vm.ext.set('describe', (o: HeapObject) => writeString(vm, o, false));
  for (const factory of allPrims) vm.definePrims(factory(vm));
  vm.definePrims(controlPrims(fileReader)(vm));
  // Compiler-generated code calls these by their `##` names, which programs do not redefine.
  for (const name of INTERNAL_ALIASES) {
    const v = vm.globalValue(name);
    if (v !== undefined && vm.globalValue(`##${name}`) === undefined) vm.define(`##${name}`, v);
  }
  seedFeedback(vm);
  // Prelude code has no location (container ''): gsi reports errors in its own library
  // procedures as `ERROR IN map` without one.
  for (const [, text] of opts.preludes ?? []) loadTextSync(vm, text, '');
  return vm;
}

/**
 * Seeds the JIT's type feedback of `+` and `-` with results beyond V8's small integers (2^30).
 * Otherwise the first such sum in a program (a counter passing 10^9) deoptimizes the machine
 * loop, into which the primitive was inlined, and the loop runs unoptimized until compiled
 * again: measured whole-process, best of 6, threads-spawn 0.15 -> 0.12 s and threads-pingpong
 * 0.19 -> 0.16 s (their sums pass 2^30 two thirds of the way through).
 */
function seedFeedback(vm: Vm): void {
  for (const name of ['+', '-']) {
    const p = vm.globalValue(name);
    if (!(p instanceof Primitive)) continue;
    for (let i = 0; i < 100; i++) p.fn(2 ** 30 + i, name === '+' ? 2 ** 30 : -(2 ** 30));
  }
}

/** Run registers to completion (no thread switching); throw SchemeFailure on an uncaught raise. */
export function runSync(vm: Vm, r: Regs): Value {
  const outer = vm.dyn;
  try {
    for (;;) {
      const res: RunResult = run(vm, r, 1_000_000);
      if (res === 'done') return r.val;
      if (res === 'error') throw new SchemeFailure(r.val, r.errSrc);
      if (res === 'blocked') throw new SchemeFailure(synchronousWaitError(), null);
    }
  } finally {
    vm.dyn = outer;
  }
}

export function evalNodeSync(vm: Vm, node: Node): Value {
  const r = new Regs();
  r.dyn = vm.dyn;
  r.mode = 0;
  r.node = node;
  return runSync(vm, r);
}

export function applySync(vm: Vm, proc: Value, args: Value[]): Value {
  const r = new Regs();
  r.dyn = vm.dyn;
  applyProc(r, proc, args);
  return runSync(vm, r);
}

/** Load Scheme source text synchronously (preludes, tests). */
export function loadTextSync(vm: Vm, text: string, container: string): Value {
  const forms = compileForms(vm, readForms(vm, text, container));
  const r = new Regs();
  r.dyn = vm.dyn;
  r.k = { op: FOp.Load, next: null, forms, i: -1, result: new MString(container) };
  r.mode = 1;
  return runSync(vm, r);
}

/** Evaluate one expression given as text (tests, -e). */
export function evalString(vm: Vm, text: string, container = '(eval)'): Value {
  let result: Value = false;
  for (const f of readForms(vm, text, container)) result = evalNodeSync(vm, vm.compileTop(f.datum, f.loc));
  return result;
}

export { fileReader };
