// gsi's REPL: read-eval-print with nested error levels, run by the primordial thread while the
// other threads keep running. No `node:` import here: the terminal side (line editing, pipes,
// Ctrl-C) is in cli/console-io.ts, so the same REPL could run on another host.
//
// The loop is made of control primitives and frames, not of Scheme code:
//   ##repl-read-eval  prints the prompt (once), reads one datum from the console port (parking
//                     the thread until a line arrives), runs a comma command, or compiles the
//                     datum and evaluates it with continuation [Top] -> [CallWithValues print] -> base
//   ##repl-print      prints the values (pp style, one per line) and applies ##repl-read-eval
//                     again at `base`, so the continuation never grows.
// Levels: level 0 is the top loop; an uncaught exception (the REPL's handler is the outermost
// one of the primordial thread) or a Ctrl-C runs a new loop at level n+1 ON TOP of the
// continuation where it happened: `,c` returns there, `,d` and `,t` re-enter the loop of an
// outer level at its base (unwinding dynamic-wind on the way), `,b` and `,e` show that
// continuation. `,N`, `,+`, `,-`... select one of its frames: the loop then runs on that frame
// (forms typed are evaluated in its scope, `,(c X)` returns X to it), as in gsi. The level number lives in the dynamic environment (a parameter), so a
// continuation captured at one level brings its level back with it. The comma commands are in
// cli/repl-commands.ts.

import { FOp, type Frame } from '../interpreter/frames.js';
import { Mode, applyProc, invokeContinuation, procName, type ControlFn, type Regs } from '../interpreter/machine.js';
import { Op, type Node, type Src } from '../interpreter/nodes.js';
import { Reader, isIncomplete } from '../interpreter/reader.js';
import { locationsOf } from '../interpreter/setup.js';
import type { Compiler } from '../interpreter/compiler.js';
import { ErrorObj, RaiseSignal, rangeError, typeError } from '../runtime/errors.js';
import { errorReport, formatLoc } from '../runtime/error-text.js';
import { makePrim, plain } from '../runtime/primitive.js';
import { portWrite, portsOf, type Port } from '../runtime/ports.js';
import { prettyString } from '../runtime/pretty.js';
import { writeString } from '../runtime/printer.js';
import type { Scheduler } from '../runtime/scheduler.js';
import {
  Closure, EOF, MultipleValues, NIL, Pair, Parameter, Primitive, Sym, UNASSIGNED, VOID, intern,
  type Dyn, type Env, type HandlerList, type ParamBinding, type Value,
} from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { command, commandWith } from './repl-commands.js';
import { backtraceFrames, innermostEnv, isLocal, scopeOfEnv, type BtFrame } from '../interpreter/backtrace.js';

/** What the REPL needs from the host side. */
export interface ReplIo {
  /** The console's width in columns (pp, backtraces). */
  width(): number;
  /** A terminal: end of file is a key (Ctrl-D) that leaves a level, not the end of the input. */
  readonly interactive: boolean;
  /** End the process (`,q`, end of input); flushes output first. */
  exit(code: number): void;
}

/** One REPL level. */
export interface Level {
  /** For n > 0, the continuation of the error or interrupt (`,c` returns there). */
  readonly k: Frame | null;
  /**
   * Where this level's loop runs and evaluates what is typed at frame 0: k, less the
   * `(interaction)` frame of a form typed at the REPL that raised the error. gsi shows that
   * frame as frame 0 of the level, but the forms typed next do not run inside it.
   */
  readonly base: Frame | null;
  /** Where the loop runs now: base, or the selected frame. */
  loopK: Frame | null;
  /** The dynamic environment where the error happened (`,c` restores it). */
  readonly errDyn: Dyn;
  /** The dynamic environment of this level's loop. */
  readonly dyn: Dyn;
  /** Entered by Ctrl-C: `,c` resumes without a value. */
  readonly interrupted: boolean;
  /** The selected frame (`,N`, `,+`...; 0: the innermost): shown in the prompt as `1\N>`. */
  frame: number;
  /** Where expressions typed at this level are evaluated: the selected frame's scope. */
  env: Env;
}

const UNQUOTE = intern('unquote');
const DEFINE = intern('define');
const HISTORY_MAX = 100;

/**
 * The REPL of one Vm. Its public members other than those the host calls (below) are for the
 * comma commands (repl-commands.ts).
 */
export class Repl {
  readonly console: Port;
  /** The primordial thread is parked in the REPL's read, waiting for a line. */
  waiting = false;
  /** The levels, 0 (top) to the current one. */
  levels: Level[] = [];
  private readonly levelParam = new Parameter(0, null);
  private readonly handlers: HandlerList;
  private prompted = false;
  /** Ctrl-D was just pressed at level 0 (a second one exits). */
  private eofOnce = false;
  /** Ctrl-D pressed on a terminal, for the next read. */
  private eofPending = false;
  private interruptText = '';
  /** Results, newest last (`#` is the last, `##` the one before). */
  private readonly history: Value[] = [];
  /** Data read from the console, by "line.col", for the expressions shown in backtraces. */
  private readonly forms = new Map<string, Value>();
  /** The scope each form typed at a nested level runs in, by the Top frame at its base. */
  private readonly topEnvs = new WeakMap<Frame, Env>();
  readonly topEnv = (f: Frame): Env | undefined => this.topEnvs.get(f);
  /** The Top frames of the forms typed (see Level.base). */
  private readonly tops = new WeakSet<Frame>();
  /** `,(b X)`, `,(be X)`, `,(e X)`, `,(v X)`: applied to the value of X. */
  readonly withValuePrims: Map<string, Primitive>;
  readonly readEvalPrim: Primitive;
  private readonly printPrim: Primitive;
  readonly continuePrim: Primitive;
  private readonly interruptPrim: Primitive;
  readonly startPrim: Primitive;

  constructor(readonly vm: Vm, readonly sched: Scheduler, readonly io: ReplIo, private readonly banner: string | null) {
    this.console = portsOf(vm).console ?? (() => { throw new Error('internal error: the REPL needs the console port (useConsole)'); })();
    vm.ext.set('repl-form-lookup', this.lookupForm);
    const control = (name: string, min: number, max: number, fn: ControlFn): Primitive => makePrim(name, min, max, 'control', fn);
    this.readEvalPrim = control('##repl-read-eval', 0, 0, (_vm, r) => this.readEval(r));
    this.printPrim = control('##repl-print', 0, -1, (_vm, r, vals) => this.print(r, vals));
    this.continuePrim = control('##repl-continue', 0, -1, (_vm, r, vals) => this.continueWith(r, vals.length === 1 ? vals[0]! : new MultipleValues(vals)));
    this.interruptPrim = control('##repl-interrupt', 0, 0, (_vm, r) => {
      this.write(this.interruptText);
      this.enterLevel(r, vm.dyn, true);
    });
    const handler = control('##repl-exception-handler', 1, 1, (_vm, r, [exc]) => this.onException(r, exc!));
    this.handlers = { handler, r7rs: false, catcher: null, next: null };
    this.startPrim = control('##repl-start', 0, 0, (_vm, r) => this.start(r));
    this.withValuePrims = new Map(['b', 'be', 'e', 'v'].map((c) =>
      [c, control(`##repl-cmd-${c}`, 1, 1, (_vm, r, [x]) => commandWith(this, r, c, x!))]));
  }

  // -------------------------------------------------------------------------------------------
  // The loop

  private start(r: Regs): void {
    if (this.banner !== null) this.write(`${this.banner}\n\n`);
    const dyn = this.levelDyn(this.vm.dyn, 0);
    this.levels = [{ k: r.k, base: r.k, loopK: r.k, errDyn: dyn, dyn, env: [], interrupted: false, frame: 0 }];
    this.vm.dyn = dyn;
    applyProc(r, this.readEvalPrim, []);
  }

  /** The REPL's dynamic environment at level n over `d`: its handler, the console ports. */
  private levelDyn(d: Dyn, n: number): Dyn {
    const ps = portsOf(this.vm);
    let params: ParamBinding | null = d.params;
    const bind = (param: Parameter, value: Value): void => { params = { param, cell: { value }, next: params }; };
    bind(this.levelParam, n);
    bind(ps.currentInput, this.console);
    bind(ps.currentOutput, this.console);
    bind(ps.currentError, this.console);
    return { params, handlers: this.handlers, winds: d.winds };
  }

  /** The level of the running code (from its dynamic environment). */
  private level(): number {
    const n = this.vm.paramValue(this.levelParam);
    return typeof n === 'number' && n < this.levels.length ? n : 0;
  }

  write(text: string): void {
    portWrite(this.console, text);
  }

  private readEval(r: Regs): void {
    this.waiting = false;
    const n = this.level();
    this.levels.length = n + 1;
    const base = r.k;
    if (!this.prompted) {
      this.prompted = true;
      const sel = this.levels[n]!.frame;
      this.write(n === 0 ? '> ' : sel === 0 ? `${n}> ` : `${n}\\${sel}> `);
    }
    const got = this.readDatum();
    if (got === 'wait') {
      // Park until a line arrives; then this primitive runs again (without a new prompt).
      const t = this.sched.current;
      r.k = { op: FOp.Apply, next: base, fn: this.readEvalPrim, args: [] };
      this.sched.block(t, { kind: 'host' }, null, null);
      this.waiting = true;
      this.console.input!.waiters.push(() => this.sched.wake(t, VOID));
      return;
    }
    if (got === 'eof') { this.endOfInput(r, n); return; }
    this.prompted = false;
    this.eofOnce = false;
    if (got instanceof ErrorObj) { this.reportHere(r, got); return; }
    const { datum, loc } = got;
    this.remember(datum, loc);
    if (datum instanceof Pair && datum.car === UNQUOTE && datum.cdr instanceof Pair && datum.cdr.cdr === NIL) {
      command(this, r, datum.cdr.car, n, loc);
      return;
    }
    this.evaluate(r, datum, loc, n, { op: FOp.CallWithValues, next: base, consumer: this.printPrim });
  }

  /** Read one datum from the console: the datum, 'wait' (no complete datum yet), 'eof', or a reader error. */
  private readDatum(): { datum: Value; loc: Src } | 'wait' | 'eof' | ErrorObj {
    const inp = this.console.input!;
    for (;;) {
      if (this.eofPending) {
        this.eofPending = false;
        return 'eof';
      }
      const start = inp.pos;
      const reader = new Reader(inp.text.slice(start), {
        container: '(console)', line: inp.line, col: inp.column, locations: locationsOf(this.vm),
      });
      let d: Value;
      try {
        d = reader.read();
      } catch (e: unknown) {
        if (isIncomplete(e)) {
          if (!inp.ended) {
            if (inp.more()) continue;
            return 'wait';
          }
          inp.advanceTo(inp.text.length);
          return 'eof';
        }
        // Skip what the reader consumed (at least one character), as gsi does.
        inp.advanceTo(Math.min(inp.text.length, start + Math.max(1, reader.pos)));
        if (e instanceof ErrorObj) return e;
        throw e;
      }
      if (d === EOF && reader.atEnd) {
        if (!inp.ended) {
          if (inp.more()) continue;
          return 'wait';
        }
        inp.advanceTo(inp.text.length);
        return 'eof';
      }
      inp.advanceTo(start + reader.pos);
      const l = reader.lastLoc!;
      return { datum: d, loc: { container: l.container, line: l.line, col: l.col, proc: null } };
    }
  }

  /** Record where each list of a datum read from the console is, for backtraces. */
  private remember(datum: Value, loc: Src): void {
    if (this.forms.size > 20000) this.forms.clear();
    this.forms.set(`${loc.line}.${loc.col}`, datum);
    const locs = locationsOf(this.vm);
    const stack: Value[] = [datum];
    let budget = 10000;
    while (stack.length > 0 && budget-- > 0) {
      let x = stack.pop()!;
      while (x instanceof Pair && budget-- > 0) {
        if (x.car instanceof Pair) {
          const l = locs.get(x);
          if (l !== undefined) this.forms.set(`${l.line}.${l.col}`, x.car);
          stack.push(x.car);
        }
        x = x.cdr;
      }
    }
  }

  readonly lookupForm = (src: Src): Value | undefined =>
    src.container === '(console)' ? this.forms.get(`${src.line}.${src.col}`) : undefined;

  /** Compile `datum` for level n and evaluate it; its values go to continuation `k`. */
  evaluate(r: Regs, datum: Value, loc: Src, n: number, k: Frame): void {
    const env = this.levels[n]!.env;
    let node: Node;
    try {
      node = this.compile(datum, loc, env);
    } catch (e: unknown) {
      if (e instanceof ErrorObj) { this.reportHere(r, e); return; }
      if (e instanceof RaiseSignal) { this.reportHere(r, e.value); return; }
      throw e;
    }
    const defs = topDefinitions(node);
    if (n > 0) for (const d of defs.names) this.write(`*** WARNING -- defining global variable: ${writeString(this.vm, d, false)}\n`);
    // A definition's value (the variable's name) is not printed.
    if (defs.last) k = { op: FOp.ReturnValue, next: k, value: VOID };
    // The base of the evaluation (its location stops the search for an error's location). Code
    // compiled in a frame's scope is not top-level code, whose calls the compiler marks to leave
    // such a frame: for gsi the form typed is an `(interaction)` frame all the same.
    // A variable typed alone is an `(interaction)` frame too (gsi shows it when unbound).
    const inScope = env.length > 0 && node.op !== Op.GlobalDef && datum instanceof Pair;
    const top: Frame = { op: FOp.Top, next: k, src: inScope || datum instanceof Sym ? loc : null };
    if (env.length > 0) this.topEnvs.set(top, env);
    this.tops.add(top);
    r.k = top;
    r.node = node;
    r.env = env;
    r.mode = Mode.Eval;
  }

  /**
   * At a nested level, code is compiled in the scope of the frame of the error, so its variables
   * can be used (`x` shows the x of the procedure that failed). A `define` there defines a
   * global variable unless the name is one of those variables (then it is ill-placed, as in gsi).
   */
  private compile(datum: Value, loc: Src, env: Env): Node {
    const globalDefine = datum instanceof Pair && datum.car === DEFINE && datum.cdr instanceof Pair
      && !isLocal(env, definedName(datum.cdr.car));
    const scope = scopeOfEnv(env);
    if (scope === null || globalDefine) return this.vm.compileTop(datum, loc);
    const c = this.vm.compiler as unknown as Compiler;
    c.topForms.clear();
    // proc '': the form typed is not code of the frame's procedure, whose name an error there
    // does not show (gsi: `*** ERROR IN (console)@3.1 -- ...`, its frame `(interaction)`).
    return c.compile(datum, loc, scope, false, '');
  }

  private print(r: Regs, vals: Value[]): void {
    for (const v of vals) {
      if (v === VOID) continue;
      // pp style, except that a procedure is written, not shown as its source (as `pp` does).
      this.write(v instanceof Closure ? `${writeString(this.vm, v, false)}\n` : prettyString(this.vm, v, this.console.output!.column, this.io.width()));
      this.history.push(v);
      if (this.history.length > HISTORY_MAX) this.history.shift();
    }
    applyProc(r, this.readEvalPrim, []);
  }

  /** Report an error of the REPL's own reading or compiling: no new level. */
  private reportHere(r: Regs, exc: Value): void {
    this.write(errorReport(this.vm, exc, exc instanceof ErrorObj ? errorLoc(exc) : null));
    this.prompted = false;
    applyProc(r, this.readEvalPrim, []);
  }

  // -------------------------------------------------------------------------------------------
  // Errors, interrupts, levels

  private onException(r: Regs, exc: Value): void {
    let loc: Src | null = null;
    if (exc instanceof ErrorObj) {
      loc = errorLoc(exc);
    } else {
      const f = backtraceFrames(r.k, 1)[0];
      if (f !== undefined && f.src !== null) loc = { ...f.src, proc: procName(this.vm, f.src, f.env) };
    }
    this.write(errorReport(this.vm, exc, loc));
    this.enterLevel(r, this.vm.dyn, false);
  }

  /** Start the loop of a new level on top of the current continuation. */
  enterLevel(r: Regs, errDyn: Dyn, interrupted: boolean): void {
    const n = this.level() + 1;
    const dyn = this.levelDyn(errDyn, n);
    // The frames of the error may be returned into later (`,c`): they must not be reused.
    this.vm.captures++;
    const base = this.loopBase(r.k);
    this.levels[n] = { k: r.k, base, loopK: base, errDyn, dyn, env: innermostEnv(r.k, this.topEnv), interrupted, frame: 0 };
    r.k = base;
    this.levels.length = n + 1;
    this.prompted = false;
    this.vm.dyn = dyn;
    applyProc(r, this.readEvalPrim, []);
  }

  /** See Level.base. */
  private loopBase(k: Frame | null): Frame | null {
    const f = backtraceFrames(k, 1)[0]?.frame;
    if (f === undefined || f.op !== FOp.Top || !this.tops.has(f)) return k;
    const print = f.next;
    return print !== null && print.op === FOp.CallWithValues && print.consumer === this.printPrim ? print.next : k;
  }

  /** Re-enter the loop of level m at its base. */
  gotoLevel(r: Regs, m: number): void {
    const l = this.levels[m]!;
    this.levels.length = m + 1;
    l.frame = 0;
    l.loopK = l.base;
    l.env = innermostEnv(l.k, this.topEnv);
    this.prompted = false;
    invokeContinuation(this.vm, r, l.base, l.dyn, VOID, this.readEvalPrim, []);
  }

  /** `,c`: return `v` from the error (or resume the interrupted computation) of the current level. */
  continueWith(r: Regs, v: Value): void {
    const n = this.level();
    const l = this.levels[n]!;
    if (n === 0) { applyProc(r, this.readEvalPrim, []); return; }
    const target = l.frame === 0 ? l.k : this.frames(l)[l.frame]!.frame;
    const dyn = this.dynAt(n, target);
    this.levels.length = n;
    this.prompted = false;
    invokeContinuation(this.vm, r, target, dyn, v, null, []);
  }

  /**
   * The dynamic environment to return into frame `target` of level n's continuation with: the
   * error's, as restored by the frames skipped (RestoreDyn), or, below the point where level
   * m - 1 was reading when level m was entered, the one of level m - 1's error.
   */
  private dynAt(n: number, target: Frame | null): Dyn {
    let dyn = this.levels[n]!.errDyn;
    let m = n;
    for (let f = this.levels[n]!.k; f !== null; f = f.next) {
      while (m > 0 && f === this.levels[m - 1]!.loopK) dyn = this.levels[--m]!.errDyn;
      if (f === target) break;
      if (f.op === FOp.RestoreDyn) dyn = f.dyn;
    }
    return dyn;
  }

  /** The frames a backtrace of level l shows. */
  frames(l: Level): BtFrame[] {
    return backtraceFrames(l.k, undefined, this.topEnv);
  }

  private endOfInput(r: Regs, n: number): void {
    if (!this.io.interactive || this.console.input!.ended) {
      // A pipe: the session is over. The status tells whether it ended at an error level.
      if (this.console.output!.column !== 1) this.write('\n');
      this.io.exit(n > 0 ? 70 : 0);
      this.parkForever(r);
      return;
    }
    this.write('\n'); // Ctrl-D echoes nothing
    if (n > 0) { this.gotoLevel(r, n - 1); return; }
    if (this.eofOnce) {
      this.io.exit(0);
      this.parkForever(r);
      return;
    }
    this.eofOnce = true;
    this.write('*** EOF again to exit\n');
    this.prompted = false;
    applyProc(r, this.readEvalPrim, []);
  }

  parkForever(r: Regs): void {
    this.sched.block(this.sched.current, { kind: 'host' }, null, null);
    r.k = null;
  }

  // -------------------------------------------------------------------------------------------
  // Called from the host side (outside the machine: no thread is running then)

  /**
   * Ctrl-C: stop the primordial thread where it is and enter a nested level there (`,c`
   * resumes it). A thread blocked in a wait (sleep, join, mutex) is woken: after `,c` its wait
   * has ended early. At the REPL's own prompt, the partial input is dropped and the prompt shown
   * again.
   */
  interrupt(): void {
    const t = this.sched.primordial;
    if (t.state === 'terminated' || t.state === 'created') return;
    if (this.waiting) { this.cancelInput(); return; }
    if (t.state === 'blocked') {
      // Readers parked on the console retry when a line arrives: that line is the REPL's now.
      this.console.input!.waiters = [];
      this.sched.wake(t, VOID);
    }
    const r = t.regs;
    this.interruptText = `*** INTERRUPTED${this.where(r)}\n`;
    this.vm.captures++;
    r.k = suspend(r);
    r.vals = [this.interruptPrim];
    r.site = null;
    r.mode = Mode.Apply;
  }

  /** Where the thread with registers r stands, as ` IN f, (console)@2.1` (or ''). */
  private where(r: Regs): string {
    let src: Src | null = null;
    let env: Env | null = r.env;
    switch (r.mode) {
      case Mode.Eval: src = r.node?.src ?? null; break;
      case Mode.Args: src = r.cnode?.src ?? null; break;
      case Mode.Apply: {
        const f = r.vals[0];
        if (f instanceof Primitive) return ` IN ${f.name}`;
        src = r.site?.src ?? null;
        break;
      }
      case Mode.Return: {
        const f = backtraceFrames(r.k, 1)[0];
        src = f?.src ?? null;
        env = f?.env ?? null;
        break;
      }
    }
    if (src === null || src.container === '') return '';
    const proc = procName(this.vm, src, env);
    return ` IN ${proc ? `${proc}, ` : ''}${formatLoc(src)}`;
  }

  /** Drop what was typed of an unfinished datum (Ctrl-C at the prompt); prompt again. */
  cancelInput(): void {
    const inp = this.console.input!;
    inp.advanceTo(inp.text.length); // the lines still count for locations
    this.prompted = false;
    if (this.waiting) {
      if (this.console.output!.column !== 1) this.write('\n');
      this.waiting = false;
      this.sched.wake(this.sched.primordial, VOID);
    }
  }

  /** Ctrl-D on a terminal: an end of file for the reader waiting on the console. */
  endOfFile(): void {
    if (this.waiting) {
      this.eofPending = true;
      this.waiting = false;
      this.sched.wake(this.sched.primordial, VOID);
      return;
    }
    // Another reader (read-line...): let it see one end of file, then accept input again.
    const inp = this.console.input!;
    inp.close();
    inp.ended = false;
  }

  /** Names of global variables, for tab completion. */
  globalNames(): string[] {
    const out: string[] = [];
    for (const [name, cell] of this.vm.globals) if (cell.value !== UNASSIGNED) out.push(name.name);
    for (const name of this.vm.macros.keys()) out.push(name.name);
    return out;
  }

  /** The result history for `#`, `##`... */
  historyRef(i: number): Value {
    const v = this.history[this.history.length - 1 - i];
    if (v === undefined) throw rangeError(1);
    return v;
  }
}

/**
 * Where an error object was raised, with the name of the procedure there: `locProc` when set,
 * else the location's own `proc` (computed when first read: see lazySrc in the machine).
 */
function errorLoc(e: ErrorObj): Src | null {
  const loc = e.loc;
  if (loc === null) return null;
  if (e.locProc === null && 'proc' in loc) return loc as Src;
  return { container: loc.container, line: loc.line, col: loc.col, proc: e.locProc };
}

/** The variable named by a define's target: `x` in `(define x ...)` and `(define ((x a) b) ...)`. */
function definedName(target: Value): Sym {
  let t = target;
  while (t instanceof Pair) t = t.car;
  return t instanceof Sym ? t : intern('');
}

/** The global variables a top-level node defines, and whether its value is a definition's. */
function topDefinitions(node: Node): { names: Sym[]; last: boolean } {
  const names: Sym[] = [];
  const walk = (n: Node): boolean => {
    if (n.op === Op.GlobalDef) { names.push(n.cell.name); return true; }
    if (n.op === Op.Seq) {
      let last = false;
      for (const b of n.body) last = walk(b);
      return last;
    }
    return false;
  };
  const last = walk(node);
  return { names, last };
}

const VOID_NODE: Node = { op: Op.Const, src: null, value: VOID };

/**
 * Frames that, returned into, put the registers back as they are now: how an interrupt calls
 * the REPL at any point of a computation and `,c` resumes it.
 */
function suspend(r: Regs): Frame {
  switch (r.mode) {
    case Mode.Return:
      return { op: FOp.ReturnValue, next: r.k, value: r.val };
    case Mode.Eval:
      return { op: FOp.Seq, next: r.k, node: { op: Op.Seq, src: null, body: [VOID_NODE, r.node!] }, i: 0, env: r.env };
    case Mode.Args: {
      const c = r.cnode!;
      if (r.ai === 0) return { op: FOp.Seq, next: r.k, node: { op: Op.Seq, src: null, body: [VOID_NODE, c] }, i: 0, env: r.env };
      const arg: Frame = { op: FOp.Arg, next: r.k, node: c, i: r.ai - 1, vals: r.vals, env: r.env, gen: -1 };
      return { op: FOp.ReturnValue, next: arg, value: r.vals[r.ai - 1]! };
    }
    case Mode.Apply:
      return { op: FOp.Apply, next: r.k, fn: r.vals[0]!, args: r.vals.slice(1) };
    default: {
      const never: never = r.mode;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
}

/**
 * `repl-result-history-ref`, what `#` and `##` read as (`#3` reads as `serial-number->object`,
 * a primitive of runtime/prims/misc.ts). Defined in every mode, not only with the REPL.
 */
export function definePrims(vm: Vm): void {
  vm.definePrims([
    plain('repl-result-history-ref', 1, 1, (i: Value) => {
      if (typeof i !== 'number') throw typeError(1, 'Exact INTEGER');
      const repl = vm.ext.get('repl') as Repl | undefined;
      if (repl === undefined) throw rangeError(1);
      return repl.historyRef(i);
    }),
  ]);
}
