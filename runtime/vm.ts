// A Vm is one Scheme world: its global variables, macros, serial numbers and host. Everything
// mutable hangs off a Vm (no module-level state), so one process can run several nodes.

import type { GlobalCell, Node } from '../interpreter/nodes.js';
import type { Regs } from '../interpreter/machine.js';
import type { Loc } from './errors.js';
import type { Host } from './host.js';
import { EMPTY_DYN, Parameter, Primitive, paramRead, Sym, UNASSIGNED, intern, type Dyn, type HeapObject, type Value } from './values.js';

export class Vm {
  readonly globals = new Map<Sym, GlobalCell>();
  /** Global macros (define-macro, define-syntax at top level), by name. */
  readonly macros = new Map<Sym, unknown>();
  /** Serial numbers (`#<procedure #4 p>`, `#4` at the REPL): assigned on first print, from 2. */
  private readonly serialOf = new Map<object, number>();
  private readonly serialObjects = new Map<number, HeapObject>();
  private nextSerial = 2;
  /** Count of continuation captures (see FArg.gen in interpreter/frames.ts). */
  captures = 0;
  /** gensym counter */
  gensymCounter = 0;
  /** The dynamic environment of the running thread; the machine keeps it current. */
  dyn: Dyn = EMPTY_DYN;
  /** Record types with an `id:`, by id, so records keep their type across processes. */
  readonly recordTypes = new Map<string, HeapObject>();
  /** Free-form per-Vm state of runtime modules (ports, scheduler, node), keyed by module. */
  readonly ext = new Map<string, unknown>();

  /**
   * Installed by the scheduler: when the running thread (registers `from`) has just parked, the
   * registers of the thread to run next in the same slice loop, or null to stop the machine
   * (see Scheduler.switchFrom).
   */
  switchThread: ((from: Regs) => Regs | null) | null = null;

  /** The compiler, installed by interpreter/setup.ts (runtime/ does not depend on interpreter/). */
  compiler: { compileTop(datum: Value, loc: Loc): Node; compileEval(datum: Value, loc: Loc): Node } | null = null;

  constructor(readonly host: Host) {}

  compileTop(datum: Value, loc: Loc): Node {
    return this.compiler!.compileTop(datum, loc);
  }

  compileEval(datum: Value, loc: Loc): Node {
    return this.compiler!.compileEval(datum, loc);
  }

  cell(name: Sym): GlobalCell {
    let c = this.globals.get(name);
    if (c === undefined) {
      c = { name, value: UNASSIGNED };
      this.globals.set(name, c);
    }
    return c;
  }

  define(name: string, value: Value): void {
    const s = intern(name);
    this.cell(s).value = value;
    this.macros.delete(s);
  }

  definePrims(prims: Primitive[]): void {
    for (const p of prims) this.define(p.name, p);
  }

  globalValue(name: string): Value | undefined {
    const c = this.globals.get(intern(name));
    return c === undefined || c.value === UNASSIGNED ? undefined : c.value;
  }

  /** The serial number of an object, assigning the next one on first use. */
  serial(obj: HeapObject): number {
    let n = this.serialOf.get(obj);
    if (n === undefined) {
      n = this.nextSerial++;
      this.serialOf.set(obj, n);
      this.serialObjects.set(n, obj);
    }
    return n;
  }

  /** Give an object a specific serial number (the primordial thread is #1). */
  setSerial(obj: HeapObject, n: number): void {
    this.serialOf.set(obj, n);
    this.serialObjects.set(n, obj);
  }

  objectOfSerial(n: number): HeapObject | undefined {
    return this.serialObjects.get(n);
  }

  /** How the printer writes an object (`#<procedure #2>`); installed with the printer. */
  describe(obj: HeapObject): string {
    const f = this.ext.get('describe') as ((o: HeapObject) => string) | undefined;
    return f === undefined ? `#<object #${this.serial(obj)}>` : f(obj);
  }

  /** The current value of a parameter in the running thread's dynamic environment. */
  paramValue(p: Parameter): Value {
    return paramRead(this.dyn, p);
  }
}
