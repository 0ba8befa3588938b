// The scheduler: runs Scheme threads on the host's event loop.
//
// Turns and slices. A turn (one host callback) runs slices: each slice gives one thread up to
// QUANTUM machine steps. After TURN_MS of slices the turn ends and the next one is deferred
// (host.defer = setImmediate), so timers and socket callbacks run between turns: a busy thread
// cannot starve sleepers or I/O. The clock is read after a slice that used its whole quantum
// and after every CLOCK_EVERY short slices, never per step.
//
// Run order, as gsi 4.9.3 does it (checked against gsi: test/golden/cases/40-threads):
//   - two FIFO queues: `boosted` (threads just woken from a wait: Gambit's priority boost) runs
//     before `normal` (new threads, and threads that yielded or used up their quantum);
//   - waking a thread while a non-boosted thread runs preempts the runner at once (the waking
//     primitive returns 'blocked'), which goes to the FRONT of `normal`: it resumes as soon as
//     the threads it woke have blocked, yielded or ended;
//   - thread-yield! and the end of a quantum move the thread, unboosted, to the back of `normal`.
//
// Timeouts. Threads waiting with a deadline sit in a binary heap ordered by deadline (one host
// timer for the earliest, not one per thread). Expired waits are handled at the start of each
// turn and whenever the clock is read.
//
// Idle. When no thread is runnable the scheduler schedules nothing but the host timer for the
// earliest deadline: the process sleeps in the event loop until a timer or I/O wakes a thread.
// If nothing can ever wake the primordial thread (no deadline, no host activity), Gambit's
// deadlock exception is raised in it.
//
// Suspension (thread-suspend!). A suspended thread keeps its state: a waiting one still waits
// (its timer, the message or the mutex still wakes it); whenever it would run it is instead
// held (SThread.hold = 2) out of the run queues, until thread-resume! queues it again. Queues
// are not searched: a suspended thread still in one is dropped when it comes up.
//
// Interrupts (thread-interrupt!). The thunk runs in the target at the start of its next slice:
// its registers are saved and it applies the thunk, whose continuation restores them (and,
// for a target taken out of a wait to run it, resumes that wait with its original deadline).

import { run, Mode, type Regs } from '../interpreter/machine.js';
import { ErrorObj, synchronousWaitError } from './errors.js';
import { EndKind, Interrupt, Ring, SThread, ThreadGroup, WaitKind, removeFrom, type CondVar, type Mutex, type SavedWait } from './threads.js';
import { EMPTY_DYN, MultipleValues, VOID, intern, type Value } from './values.js';
import { makePrim } from './primitive.js';
import { FOp } from '../interpreter/frames.js';
import type { Vm } from './vm.js';
import type { Src } from '../interpreter/nodes.js';

/** Machine steps per slice: about half a millisecond of interpretation. */
const QUANTUM = 20_000;
/** How long one turn may run slices before returning to the event loop (ms). */
const TURN_MS = 8;
/** Read the clock after this many slices that ended early (blocked, yielded, finished). */
const CLOCK_EVERY = 8;

export interface SchedulerHooks {
  /** The primordial thread finished (normally, or with an uncaught exception). */
  onPrimordialEnd(value: Value, exception: Value | null, src: Src | null): void;
  /** A non-primordial thread ended with an uncaught exception (reported only if asked). */
  onThreadException?(t: SThread, exception: Value, src: Src | null): void;
}

/** Why a host operation parks a thread (see Scheduler.block). */
export type WaitReason = { readonly kind: 'host' };

export class Scheduler {
  readonly primordial: SThread;
  /** The primordial thread's group (`#<thread-group #N primordial>`, no parent). */
  readonly primordialGroup: ThreadGroup;
  /** The running thread (between slices: the last one run). */
  current: SThread;
  private readonly boostedQ = new Ring<SThread>();
  private readonly normalQ = new Ring<SThread>();
  /** Threads waiting with a deadline: a binary min-heap on `deadline` (see SThread.heapIndex). */
  private readonly timers: SThread[] = [];
  private turnPending = false;
  /** A turn is running (it reschedules itself at its end if threads are still runnable). */
  private inTurn = false;
  private hostTimer: unknown = null;
  private hostTimerAt = Infinity;
  private inSlice = false;
  /** Slices (and hand-offs) that ended early since the clock was last read in this turn. */
  private short = 0;
  /** Set during a slice when a thread was woken that must run before the current one. */
  preempt = false;
  /** Set by thread-yield!: the current thread goes to the back of the queue. */
  yieldRequested = false;
  /** Threads started and not yet terminated (node-stats' `threads`). */
  live = 0;
  /** Count of host resources (servers, sockets, pending rpcs) that may still wake a thread. */
  hostActivity = 0;
  /** Threads parked in a host operation (they may be woken by the outside world). */
  private hostWaits = 0;
  private deadlock: ErrorObj | null = null;
  /**
   * The primordial thread has ended: the program is over (the CLI's hook ends the process;
   * where the hook returns, as in tests, no thread runs any more).
   */
  halted = false;
  private abandoned: ErrorObj | null = null;

  constructor(readonly vm: Vm, readonly hooks: SchedulerHooks) {
    this.primordial = new SThread(VOID, intern('primordial'), true);
    this.primordialGroup = new ThreadGroup(intern('primordial'), null);
    this.primordialGroup.add(this.primordial);
    this.primordial.regs.dyn = EMPTY_DYN;
    vm.setSerial(this.primordial, 1);
    this.current = this.primordial;
    vm.switchThread = (from) => this.switchFrom(from);
  }

  /** Start the primordial thread with registers prepared by the caller. */
  startPrimordial(): void {
    this.start(this.primordial);
  }

  /** Make a created thread runnable (thread-start!): it queues behind the runnable ones. */
  start(t: SThread): void {
    if (t.state === 'created') this.live++;
    t.state = 'runnable';
    if (t.hold !== 0) { t.hold = 2; return; } // suspended before it was started
    this.normalQ.push(t);
    this.kick();
  }

  /**
   * The running thread, about to wait: `r` must be its registers. Code run synchronously has
   * registers of its own and cannot wait: it gets an error instead of stalling the thread that
   * runs it. (gsi runs macro transformers in the compiling thread, where they may block.)
   */
  waiter(r: Regs): SThread {
    if (!this.runs(r)) throw synchronousWaitError();
    return this.current;
  }

  /** Whether `r` are the registers of the running thread (not of code run synchronously). */
  runs(r: Regs): boolean {
    return this.current.regs === r;
  }

  /** The running thread (registers `r`) gives way: it goes behind the runnable threads
   * (thread-yield!). The machine stops after the current primitive. */
  yieldFrom(r: Regs): void {
    this.yieldRequested = true;
    r.blocked = true;
  }

  /** Number of threads waiting to run. */
  get runnable(): number {
    return this.boostedQ.length + this.normalQ.length;
  }

  /** Number of threads waiting with a deadline. */
  get timed(): number {
    return this.timers.length;
  }

  private kick(): void {
    if (this.turnPending || this.inTurn) return;
    this.turnPending = true;
    this.vm.host.defer(() => this.turn());
  }

  private nextThread(): SThread | undefined {
    for (;;) {
      const t = this.boostedQ.length > 0 ? this.boostedQ.shift() : this.normalQ.shift();
      if (t === undefined) return undefined;
      // A thread terminated while queued is dropped here (queues are not searched); one
      // suspended while queued is held until resumed.
      if (t.state !== 'runnable') continue;
      if (t.hold !== 0) { t.hold = 2; continue; }
      return t;
    }
  }

  /** One turn: run slices until no thread is runnable or the turn's time is used up. */
  turn(): void {
    this.turnPending = false;
    if (this.halted) return;
    this.inTurn = true;
    try {
      this.runSlices();
    } finally {
      this.inTurn = false;
    }
    if (this.halted) this.idle();
    else if (this.runnable > 0) this.kick();
    else this.idle();
  }

  private runSlices(): void {
    const host = this.vm.host;
    let now = host.monotonic();
    const start = now;
    this.expire(now);
    this.short = 0;
    for (;;) {
      if (this.halted) return;
      const t = this.nextThread();
      if (t === undefined) break;
      if (this.slice(t) || ++this.short >= CLOCK_EVERY) {
        this.short = 0;
        now = host.monotonic();
        this.expire(now);
        if (now - start >= TURN_MS) break;
      }
    }
  }

  /**
   * Run one thread for at most a quantum. Returns true if it used the whole quantum. (The
   * machine may hand over to other threads on the way, see switchFrom: what it returns is
   * about the thread current at the end.)
   */
  private slice(first: SThread): boolean {
    this.current = first;
    this.inSlice = true;
    this.preempt = false;
    this.yieldRequested = false;
    if (first.interrupts !== null) this.installInterrupts(first);
    const res = run(this.vm, first.regs, QUANTUM);
    this.inSlice = false;
    const t = this.current;
    switch (res) {
      case 'yield':
        t.boosted = false;
        if (t.hold !== 0) t.hold = 2;
        else this.normalQ.push(t);
        return true;
      case 'blocked':
        // Parked (state 'blocked') or terminated: nothing to do. Still runnable: it yielded,
        // was preempted by a thread it woke, or has an exception to raise (r.pending).
        if (t.state === 'runnable') {
          if (t.hold !== 0) {
            t.hold = 2; // it suspended itself, or was suspended by a thread it woke
            if (this.yieldRequested) t.boosted = false;
          } else if (this.yieldRequested) {
            t.boosted = false;
            this.normalQ.push(t);
          } else if (t.boosted) {
            this.boostedQ.unshift(t);
          } else {
            this.normalQ.unshift(t);
          }
        }
        return false;
      case 'done':
        this.terminate(t, EndKind.Normal, t.regs.val, null);
        return false;
      case 'error':
        this.terminate(t, EndKind.Uncaught, t.regs.val, t.regs.errSrc);
        return false;
      default: {
        const never: never = res;
        throw new Error(String(never));
      }
    }
  }

  /**
   * The machine's hand-off (vm.switchThread): the running thread, whose registers are `from`,
   * has just parked. When the next thread in the run queues can start as a slice would start it
   * (nothing to raise in it, no interrupt to install), it becomes the current thread and its
   * registers are returned: the machine goes on with it. Otherwise null: the machine stops
   * and the slice loop takes over. A hand-off counts as a slice that ended early (the clock
   * is read, expired timers handled and the turn's time checked every CLOCK_EVERY of them).
   */
  private switchFrom(from: Regs): Regs | null {
    const t = this.current;
    if (!this.inSlice || from !== t || t.state !== 'blocked' || this.halted) return null;
    if (this.short + 1 >= CLOCK_EVERY) return null;
    const q = this.boostedQ.length > 0 ? this.boostedQ : this.normalQ;
    if (q.length === 0) return null;
    const u = q.get(0);
    if (u.state !== 'runnable' || u.hold !== 0 || u.interrupts !== null || u.pending !== null) return null;
    q.shift();
    this.short++;
    this.current = u;
    this.preempt = false;
    this.yieldRequested = false;
    return u;
  }

  /** Nothing is runnable: sleep until the earliest deadline, or detect a deadlock. */
  private idle(): void {
    if (this.timers.length > 0 && !this.halted) {
      this.armHostTimer(this.timers[0]!.deadline);
      return;
    }
    if (this.hostTimer !== null) {
      this.vm.host.clearTimer(this.hostTimer);
      this.hostTimer = null;
      this.hostTimerAt = Infinity;
    }
    if (!this.halted) this.checkDeadlock();
  }

  private armHostTimer(at: number): void {
    if (this.hostTimer !== null) {
      if (this.hostTimerAt === at) return;
      this.vm.host.clearTimer(this.hostTimer);
    }
    this.hostTimerAt = at;
    // Rounded up (host timers count whole milliseconds: one firing early would only re-arm);
    // at most 2^31-1 ms (~24.8 days): a later deadline re-arms on the way.
    const ms = Math.min(Math.max(0, Math.ceil(at - this.vm.host.monotonic())), 0x7fffffff);
    this.hostTimer = this.vm.host.setTimer(ms, () => {
      this.hostTimer = null;
      this.hostTimerAt = Infinity;
      if (!this.turnPending) this.turn();
    });
  }

  /**
   * Every thread is blocked, none has a deadline and no host operation is pending: nothing can
   * wake the primordial thread. gsi raises a deadlock exception in it (located in
   * ##thread-deadlock-action!, without a call form); a handler may recover.
   */
  private checkDeadlock(): void {
    const p = this.primordial;
    if (this.hostActivity > 0 || this.hostWaits > 0) return;
    // A suspended primordial thread is as stuck as a blocked one: it is resumed to get the
    // exception (a held one, runnable, raises it as soon as it runs).
    const heldRunnable = p.hold === 2 && p.state === 'runnable';
    if (p.state !== 'blocked' && !heldRunnable) return;
    if (this.deadlock === null) {
      // gsi raises the same exception object every time (`#<deadlock-exception #2>` again).
      this.deadlock = new ErrorObj('deadlock', '');
      this.deadlock.located = true;
      this.deadlock.locProc = '##thread-deadlock-action!';
    }
    if (heldRunnable) {
      p.pending = this.deadlock;
      this.resume(p);
      return;
    }
    p.hold = 0;
    this.wakeRaise(p, this.deadlock);
  }

  /**
   * gsi: `*** ERROR IN ##mutex-lock-out-of-line! -- MUTEX was abandoned`, without a call form;
   * like the deadlock exception, always the same object.
   */
  abandonedMutex(): ErrorObj {
    if (this.abandoned === null) {
      this.abandoned = new ErrorObj('abandoned-mutex', '');
      this.abandoned.located = true;
      this.abandoned.locProc = '##mutex-lock-out-of-line!';
    }
    return this.abandoned;
  }

  // -------------------------------------------------------------------------------------------
  // Ending threads

  /** End a thread: record how, release its mutexes, wake its joiners. */
  terminate(t: SThread, end: EndKind, result: Value, src: Src | null): void {
    if (t.state === 'terminated') return;
    if (t.state !== 'created') this.live--;
    const abandon = t.waitKind === WaitKind.Host ? t.onAbandon : null;
    this.cancelWait(t);
    t.state = 'terminated';
    t.boosted = false;
    t.hold = 0;
    t.group?.remove(t);
    t.end = end;
    t.result = result;
    t.exceptionSrc = src;
    t.thunk = VOID;
    // A terminated thread keeps its result only: drop its continuation and registers.
    const r = t.regs;
    r.k = null; r.node = null; r.env = NO_ENV; r.vals = NO_VALS; r.cnode = null; r.site = null; r.val = VOID; r.pending = null;
    if (t.owned !== null) {
      const owned = t.owned;
      t.owned = null;
      for (let i = 0; i < owned.length; i++) {
        const m = owned[i]!;
        m.owner = null;
        m.abandoned = true;
        this.handOff(m);
      }
    }
    if (t.joiners !== null) {
      // A normal end is returned to the joiners; otherwise they apply thread-join! again,
      // which raises the right exception with its call form.
      const js = t.joiners;
      t.joiners = null;
      for (let i = 0; i < js.length; i++) {
        if (end === EndKind.Normal) this.wake(js[i]!, result);
        else this.retry(js[i]!);
      }
    }
    if (t.interrupts !== null) {
      // gsi: the interrupt's result mutex is abandoned, the requester gets `MUTEX was abandoned`.
      const intrs = t.interrupts;
      t.interrupts = null;
      for (const intr of intrs) {
        const q = intr.requester;
        intr.requester = null;
        if (q !== null) this.wakeRaise(q, this.abandonedMutex());
      }
    }
    if (abandon !== null) abandon();
    if (t.onEnd !== null) {
      const f = t.onEnd;
      t.onEnd = null;
      f();
    }
    if (t.primordial) {
      this.halted = true;
      this.hooks.onPrimordialEnd(end === EndKind.Normal ? result : VOID, end === EndKind.Uncaught ? result : null, src);
    } else if (end === EndKind.Uncaught) {
      this.hooks.onThreadException?.(t, result, src);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Blocking

  /**
   * Park the running thread `t` from inside a control primitive, which then returns: the
   * machine stops with 'blocked' and the registers stay at the primitive's application, so
   * the thread resumes by returning a value (wake) or by applying the primitive again (retry).
   * `deadline` is in monotonic milliseconds (Infinity: none); when it passes, the wait times
   * out as its kind says (see `timeout`).
   */
  park(t: SThread, kind: WaitKind, obj: SThread | Mutex | CondVar | Interrupt | null, deadline: number, timeoutValue: Value | undefined): void {
    t.regs.blocked = true;
    t.state = 'blocked';
    t.waitKind = kind;
    t.waitObj = obj;
    t.timeoutValue = timeoutValue;
    t.deadline = deadline;
    if (deadline !== Infinity) this.heapPush(t);
  }

  /**
   * Park the current thread for a host operation (console input, socket, rpc). The host calls
   * wake() or wakeRaise() when it completes. With a timeout (seconds), `onTimeout` runs if
   * nothing woke the thread first.
   */
  block(t: SThread, _reason: WaitReason, timeout: number | null, onTimeout: (() => void) | null,
    onAbandon: (() => void) | null = null): void {
    const deadline = timeout === null || onTimeout === null ? Infinity : this.vm.host.monotonic() + Math.max(0, timeout * 1000);
    this.park(t, WaitKind.Host, null, deadline, undefined);
    t.onTimeout = onTimeout;
    t.onAbandon = onAbandon;
    this.hostWaits++;
  }

  /** Undo the bookkeeping of a thread's wait (it is being woken or terminated). */
  private cancelWait(t: SThread): void {
    const kind = t.waitKind;
    if (kind === WaitKind.None) return;
    t.waitKind = WaitKind.None;
    if (t.heapIndex >= 0) this.heapRemove(t);
    t.deadline = Infinity;
    const obj = t.waitObj;
    t.waitObj = null;
    t.timeoutValue = undefined;
    switch (kind) {
      case WaitKind.Join: {
        const js = (obj as SThread).joiners;
        if (js !== null) removeFrom(js, t);
        break;
      }
      case WaitKind.Mutex: removeFrom((obj as Mutex).waiters, t); break;
      case WaitKind.CondVar: removeFrom((obj as CondVar).waiters, t); break;
      case WaitKind.Host: this.hostWaits--; t.onTimeout = null; t.onAbandon = null; break;
      case WaitKind.Interrupt: {
        const intr = obj as Interrupt;
        if (intr.requester === t) intr.requester = null;
        break;
      }
      case WaitKind.Sleep: case WaitKind.Receive: case WaitKind.Next: break;
      default: {
        const never: never = kind;
        throw new Error(String(never));
      }
    }
  }

  /** A woken thread queues among the boosted; a running unboosted thread gives way to it. */
  private makeRunnable(t: SThread): void {
    t.state = 'runnable';
    t.boosted = true;
    if (t.hold !== 0) { t.hold = 2; return; } // suspended: held until resumed
    this.boostedQ.push(t);
    if (this.inSlice && !this.current.boosted && t !== this.current) this.preempt = true;
    this.kick();
  }

  /** Resume a blocked thread, returning `value` from the primitive it blocked in. */
  wake(t: SThread, value: Value): void {
    if (t.state !== 'blocked') return;
    this.cancelWait(t);
    const r = t.regs;
    r.val = value;
    r.mode = Mode.Return;
    this.makeRunnable(t);
  }

  /** Resume a blocked thread by raising `obj` where it blocked (no call form is added). */
  wakeRaise(t: SThread, obj: Value): void {
    if (t.state !== 'blocked') return;
    this.cancelWait(t);
    t.regs.pending = obj;
    this.makeRunnable(t);
  }

  /** Resume a blocked thread by applying the primitive it blocked in again. */
  retry(t: SThread): void {
    if (t.state !== 'blocked') return;
    this.cancelWait(t);
    this.makeRunnable(t);
  }

  /** Resume a blocked thread by making the primitive it blocked in raise `err` (with its call form). */
  raiseAt(t: SThread, err: Value): void {
    if (t.state !== 'blocked') return;
    t.resumeError = err;
    this.retry(t);
  }

  /** Give an unlocked mutex to its first waiter, if any (gsi hands it over on unlock). */
  handOff(m: Mutex): void {
    const w = m.waiters.shift();
    if (w === undefined) return;
    m.owner = w;
    if (w.owned === null) w.owned = [];
    w.owned.push(m);
    if (m.abandoned) {
      // It gets the mutex, then the exception, as gsi does (without a call form).
      m.abandoned = false;
      this.wakeRaise(w, this.abandonedMutex());
    } else {
      this.wake(w, true);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Suspension

  /** thread-suspend! (the caller stops the machine when `t` is the running thread). */
  suspend(t: SThread): void {
    if (t.state !== 'terminated' && t.hold === 0) t.hold = 1;
  }

  /** thread-resume!: a held thread goes back to the run queue it would have been in. */
  resume(t: SThread): void {
    const held = t.hold === 2;
    t.hold = 0;
    if (!held || t.state !== 'runnable') return;
    if (t.boosted) this.boostedQ.push(t);
    else this.normalQ.push(t);
    this.kick();
  }

  // -------------------------------------------------------------------------------------------
  // Interrupts

  /**
   * thread-interrupt! of an active thread `t` other than the running one: `thunk` runs in `t`
   * at the start of its next slice; `requester` (parked by the caller on the returned request)
   * gets its value. A thread in an ordinary wait is taken out of it to run the thunk, and goes
   * back to it afterwards; one waiting on the host or on an interrupt of its own runs the thunk
   * once that wait is over.
   */
  interrupt(t: SThread, thunk: Value, requester: SThread | null): Interrupt {
    let wait: SavedWait | null = null;
    if (t.state === 'blocked' && t.waitKind !== WaitKind.Host && t.waitKind !== WaitKind.Interrupt) {
      wait = { kind: t.waitKind, obj: t.waitObj, deadline: t.deadline, timeoutValue: t.timeoutValue };
      this.cancelWait(t);
      this.makeRunnable(t);
    }
    const intr = new Interrupt(thunk, requester, wait);
    (t.interrupts ??= []).push(intr);
    return intr;
  }

  /**
   * Before a slice of `t`: make it apply the thunks of its new interrupts, oldest first, each
   * returning to a primitive that restores the registers saved here.
   */
  private installInterrupts(t: SThread): void {
    const intrs = t.interrupts!;
    for (let i = intrs.length - 1; i >= 0; i--) {
      const intr = intrs[i]!;
      if (intr.installed) continue;
      intr.installed = true;
      const r = t.regs;
      const saved = {
        mode: r.mode, node: r.node, env: r.env, val: r.val, k: r.k, vals: r.vals, cnode: r.cnode, ai: r.ai,
        site: r.site, dyn: r.dyn, pending: r.pending,
      };
      const done = makePrim('##thread-interrupt-return', 0, -1, 'control', (vm, r2, args) => {
        const list = t.interrupts;
        if (list !== null) removeFrom(list, intr);
        if (list !== null && list.length === 0) t.interrupts = null;
        const q = intr.requester;
        intr.requester = null;
        if (q !== null) this.wake(q, args.length === 1 ? args[0]! : new MultipleValues(args));
        r2.mode = saved.mode; r2.node = saved.node; r2.env = saved.env; r2.val = saved.val; r2.k = saved.k;
        r2.vals = saved.vals; r2.cnode = saved.cnode; r2.ai = saved.ai; r2.site = saved.site;
        vm.dyn = saved.dyn;
        if (saved.pending !== null) {
          r2.pending = saved.pending;
          r2.blocked = true;
        } else if (intr.wait !== null) {
          this.rewait(t, intr.wait);
        } else if (this.preempt) {
          r2.blocked = true;
        }
      });
      r.pending = null;
      r.k = { op: FOp.CallWithValues, next: r.k, consumer: done };
      r.vals = [intr.thunk];
      r.site = null;
      r.mode = Mode.Apply;
    }
  }

  /**
   * Back to the wait `w` after an interrupt (the registers are at the blocking primitive's
   * application): the primitive is applied again if what it waited for is there now, else the
   * thread parks as it was, with the same deadline (an expired one times out on the next clock
   * reading).
   */
  private rewait(t: SThread, w: SavedWait): void {
    switch (w.kind) {
      case WaitKind.Join: {
        const target = w.obj as SThread;
        if (target.state === 'terminated') return;
        (target.joiners ??= []).push(t);
        break;
      }
      case WaitKind.Mutex: {
        const m = w.obj as Mutex;
        if (m.owner === null) return;
        m.waiters.push(t);
        break;
      }
      case WaitKind.CondVar: (w.obj as CondVar).waiters.push(t); break;
      case WaitKind.Receive: case WaitKind.Next: if (t.unread > 0) return; break;
      case WaitKind.Sleep: break;
      case WaitKind.None: case WaitKind.Host: case WaitKind.Interrupt: return; // (never saved)
      default: {
        const never: never = w.kind;
        throw new Error(String(never));
      }
    }
    this.park(t, w.kind, w.obj, w.deadline, w.timeoutValue);
  }

  // -------------------------------------------------------------------------------------------
  // Timeouts

  /** Time out every wait whose deadline is at or before `now`. */
  private expire(now: number): void {
    const h = this.timers;
    while (h.length > 0 && h[0]!.deadline <= now) this.timeout(this.heapPop());
  }

  private timeout(t: SThread): void {
    switch (t.waitKind) {
      case WaitKind.Sleep:
        this.wake(t, VOID);
        break;
      case WaitKind.Mutex:
      case WaitKind.CondVar:
        this.wake(t, false);
        break;
      case WaitKind.Join:
      case WaitKind.Receive:
      case WaitKind.Next:
        if (t.timeoutValue !== undefined) this.wake(t, t.timeoutValue);
        else this.raiseAt(t, new ErrorObj(t.waitKind === WaitKind.Join ? 'join-timeout' : 'mailbox-receive-timeout', ''));
        break;
      case WaitKind.Host: {
        const f = t.onTimeout;
        t.onTimeout = null;
        if (f !== null) f();
        break;
      }
      case WaitKind.None:
      case WaitKind.Interrupt:
        break;
      default: {
        const never: never = t.waitKind;
        throw new Error(String(never));
      }
    }
  }

  private heapPush(t: SThread): void {
    const h = this.timers;
    t.heapIndex = h.length;
    h.push(t);
    this.siftUp(t.heapIndex);
  }

  private heapPop(): SThread {
    const h = this.timers;
    const top = h[0]!;
    const last = h.pop()!;
    top.heapIndex = -1;
    if (last !== top) {
      h[0] = last;
      last.heapIndex = 0;
      this.siftDown(0);
    }
    return top;
  }

  private heapRemove(t: SThread): void {
    const h = this.timers;
    const i = t.heapIndex;
    const last = h.pop()!;
    t.heapIndex = -1;
    if (last === t) return;
    h[i] = last;
    last.heapIndex = i;
    this.siftDown(i);
    this.siftUp(last.heapIndex);
  }

  private siftUp(i: number): void {
    const h = this.timers;
    const t = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = h[p]!;
      if (pt.deadline <= t.deadline) break;
      h[i] = pt;
      pt.heapIndex = i;
      i = p;
    }
    h[i] = t;
    t.heapIndex = i;
  }

  private siftDown(i: number): void {
    const h = this.timers;
    const n = h.length;
    const t = h[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && h[c + 1]!.deadline < h[c]!.deadline) c++;
      const ct = h[c]!;
      if (ct.deadline >= t.deadline) break;
      h[i] = ct;
      ct.heapIndex = i;
      i = c;
    }
    h[i] = t;
    t.heapIndex = i;
  }
}

const NO_ENV: unknown[] = [];
const NO_VALS: Value[] = [];


/**
 * The scheduler of a Vm. One is made on first use (with hooks that do nothing) for Vms that
 * run code without the CLI, e.g. in tests; the CLI installs its own before running anything.
 */
export function schedulerOf(vm: Vm): Scheduler {
  let s = vm.ext.get('scheduler') as Scheduler | undefined;
  if (s === undefined) {
    s = new Scheduler(vm, { onPrimordialEnd: () => {} });
    vm.ext.set('scheduler', s);
  }
  return s;
}
