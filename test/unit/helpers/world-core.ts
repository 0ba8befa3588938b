// A Scheme world with a scheduler on a TickingHost (an in-memory host), with no Node.js API:
// thread-world.ts adds the preludes read from scheme-lib/, and the browser-core test bundles
// this file for a browser and runs it where no Node.js global exists. Run a program in the
// primordial thread as the CLI does, then drive the event loop by hand (`settle` runs deferred
// turns, `advance` moves the virtual clock and fires the host timer). Everything is
// deterministic: the clock only moves when a test says so (or, with `tickPerRead`, by a fixed
// amount each time the scheduler reads it).

import { createVm, readForms } from '../../../interpreter/setup.js';
import { compileForms } from '../../../interpreter/control-prims.js';
import { Mode } from '../../../interpreter/machine.js';
import { FOp } from '../../../interpreter/frames.js';
import { errorReport } from '../../../runtime/error-text.js';
import { writeString } from '../../../runtime/printer.js';
import { Scheduler } from '../../../runtime/scheduler.js';
import type { SThread } from '../../../runtime/threads.js';
import { VOID, intern, list, type Value } from '../../../runtime/values.js';
import type { Vm } from '../../../runtime/vm.js';
import { MemoryHost } from './memory-host.js';

/** A MemoryHost whose monotonic clock can also advance by itself each time it is read. */
export class TickingHost extends MemoryHost {
  /** Milliseconds added to both clocks on every monotonic() read (0: a still clock). */
  tickPerRead = 0;
  /** Number of setTimer calls (the scheduler arms one host timer for all its deadlines). */
  timersSet = 0;

  override monotonic(): number {
    if (this.tickPerRead > 0) {
      this.mono += this.tickPerRead;
      this.clock += this.tickPerRead;
    }
    return this.mono;
  }

  override setTimer(ms: number, cb: () => void): unknown {
    this.timersSet++;
    return super.setTimer(ms, cb);
  }

  /** Fire the host timers that fall due within `ms`, running the turns they cause. */
  advanceAndSettle(ms: number, step = 1): void {
    for (let t = 0; t < ms; t += step) {
      this.advance(Math.min(step, ms - t));
      this.runDeferred();
    }
  }
}

export interface ThreadWorld {
  host: TickingHost;
  vm: Vm;
  sched: Scheduler;
  /** How the primordial thread ended (null while it runs). */
  ended: { value: Value; exception: Value | null; report: string | null } | null;
  /** Uncaught exceptions of other threads, as --thread-errors reports them. */
  threadErrors: string[];
  /** Start `program` in the primordial thread and run until nothing more can happen now. */
  run(program: string): void;
  /** Run the deferred turns (threads made runnable by the outside world). */
  settle(): void;
  /** The value of the program's last form, once it has run. */
  result(): Value;
  /** Everything written to stdout so far. */
  out(): string;
  /** `write` of a value, as gsi shows it. */
  show(v: Value): string;
}

export function coreWorld(host: TickingHost, preludes: Array<[string, string]>): ThreadWorld {
  const vm = createVm(host, { preludes });
  const w: ThreadWorld = {
    host,
    vm,
    sched: null as unknown as Scheduler,
    ended: null,
    threadErrors: [],
    run(program: string): void {
      // The value of the last form is kept in the global ##result (see `result`).
      const read = readForms(vm, program, 'test.scm');
      const last = read[read.length - 1]!;
      last.datum = list(intern('define'), intern('##result'), last.datum);
      const forms = compileForms(vm, read);
      const r = w.sched.primordial.regs;
      r.k = { op: FOp.Load, next: null, forms, i: -1, result: VOID };
      r.mode = Mode.Return;
      r.val = VOID;
      w.sched.startPrimordial();
      host.runDeferred();
    },
    settle(): void {
      host.runDeferred();
    },
    result: () => vm.globalValue('##result') ?? VOID,
    out: () => host.out,
    show: (v) => writeString(vm, v, false),
  };
  w.sched = new Scheduler(vm, {
    onPrimordialEnd: (value, exception, src) => {
      w.ended = { value, exception, report: exception === null ? null : errorReport(vm, exception, src) };
    },
    onThreadException: (t: SThread, exception, src) => {
      w.threadErrors.push(`${vm.describe(t)}: ${errorReport(vm, exception, src)}`);
    },
  });
  vm.ext.set('scheduler', w.sched);
  return w;
}
