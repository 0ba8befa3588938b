// The scheduler: runs Scheme threads on the host's event loop. Each runnable thread gets a
// quantum of machine steps; after a few milliseconds of slices the scheduler returns to the
// event loop (host.defer) so timers and I/O run, which is what makes a busy thread unable to
// starve sleepers or sockets. The clock is read once per slice, never per step. When no thread
// is runnable, nothing runs: the process sleeps until a timer or I/O callback wakes a thread.

import { run, Mode } from '../interpreter/machine.js';
import { ErrorObj } from './errors.js';
import { SThread, type Mutex, type Wait, type WaitReason } from './threads.js';
import { EMPTY_DYN, VOID, type Value } from './values.js';
import type { Vm } from './vm.js';
import type { Src } from '../interpreter/nodes.js';

/** Machine steps per slice. ~20k steps is well under a millisecond. */
const QUANTUM = 20_000;
/** How long one turn of the scheduler may run before yielding to the event loop (ms). */
const TURN_MS = 8;

export interface SchedulerHooks {
  /** The primordial thread finished (normally, or with an uncaught exception). */
  onPrimordialEnd(value: Value, exception: Value | null, src: Src | null): void;
  /** A non-primordial thread ended with an uncaught exception (reported only if asked). */
  onThreadException?(t: SThread, exception: Value, src: Src | null): void;
}

export class Scheduler {
  readonly primordial: SThread;
  current: SThread;
  private readonly queue: SThread[] = [];
  private head = 0;
  private scheduled = false;
  /** Set by thread-yield!: the current thread goes to the back of the queue. */
  yieldRequested = false;
  /** Count of host resources (servers, sockets, pending rpcs) that may still wake a thread. */
  hostActivity = 0;
  /** Number of threads blocked with a timer (sleep or timeout). */
  private timed = 0;

  constructor(readonly vm: Vm, readonly hooks: SchedulerHooks) {
    this.primordial = new SThread(VOID, VOID, true);
    this.primordial.regs.dyn = EMPTY_DYN;
    vm.setSerial(this.primordial, 1);
    this.current = this.primordial;
  }

  /** Start the primordial thread with registers prepared by the caller. */
  startPrimordial(): void {
    this.primordial.state = 'runnable';
    this.enqueue(this.primordial);
  }

  enqueue(t: SThread): void {
    t.state = 'runnable';
    this.queue.push(t);
    this.kick();
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.vm.host.defer(() => this.turn());
  }

  private dequeue(): SThread | undefined {
    if (this.head >= this.queue.length) return undefined;
    const t = this.queue[this.head++]!;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return t;
  }

  get runnable(): number {
    return this.queue.length - this.head;
  }

  /** One turn: run slices until the queue is empty or the turn's time is used up. */
  turn(): void {
    this.scheduled = false;
    const host = this.vm.host;
    const start = host.monotonic();
    for (;;) {
      const t = this.dequeue();
      if (t === undefined) break;
      if (t.state !== 'runnable') continue;
      this.slice(t);
      if (host.monotonic() - start > TURN_MS) break;
    }
    if (this.runnable > 0) this.kick();
    else this.checkDeadlock();
  }

  private slice(t: SThread): void {
    this.current = t;
    const res = run(this.vm, t.regs, QUANTUM);
    switch (res) {
      case 'yield':
        this.queue.push(t);
        break;
      case 'blocked':
        if (t.state === 'terminated') break;
        if (this.yieldRequested) {
          this.yieldRequested = false;
          this.queue.push(t);
        } else if (t.wait !== null) {
          t.state = 'blocked';
        } // else it was woken before its slice ended and is queued already
        break;
      case 'done':
        this.terminate(t, t.regs.val, null, null);
        break;
      case 'error':
        this.terminate(t, VOID, t.regs.val, t.regs.errSrc);
        break;
      default: {
        const never: never = res;
        throw new Error(String(never));
      }
    }
  }

  /** End a thread: record how, release its mutexes, wake its joiners. */
  terminate(t: SThread, result: Value, exception: Value | null, src: Src | null, byRequest = false): void {
    if (t.state === 'terminated') return;
    this.cancelWait(t);
    t.state = 'terminated';
    t.result = result;
    t.exception = exception;
    t.exceptionSrc = src;
    t.terminatedByRequest = byRequest;
    for (const m of t.owned) {
      m.owner = null;
      m.abandoned = true;
      this.handOff(m);
    }
    t.owned.clear();
    for (const j of t.joiners) this.wakeJoiner(j, t);
    t.joiners.clear();
    if (t.primordial) this.hooks.onPrimordialEnd(result, exception, src);
    else if (exception !== null && !byRequest) this.hooks.onThreadException?.(t, exception, src);
  }

  /** Deliver the outcome of `target` to a thread blocked in thread-join! on it. */
  wakeJoiner(j: SThread, target: SThread): void {
    if (target.terminatedByRequest) this.wakeRaise(j, new ErrorObj('terminated-thread', ''));
    else if (target.exception !== null) this.wakeRaise(j, new ErrorObj('uncaught', '', [], 0, '', target.exception));
    else this.wake(j, target.result);
  }

  // -------------------------------------------------------------------------------------------
  // Blocking and waking

  /**
   * Park the current thread (called from a control primitive, which then returns; the machine
   * returns 'blocked'). With a timeout (seconds), `onTimeout` runs if nothing wakes it first.
   */
  block(t: SThread, reason: WaitReason, timeout: number | null, onTimeout: (() => void) | null): void {
    const r = t.regs;
    r.blocked = true;
    r.mode = Mode.Return;
    r.val = VOID;
    r.site = null;
    const w: Wait = { reason, timer: null };
    t.wait = w;
    if (timeout !== null && onTimeout !== null) {
      this.timed++;
      w.timer = this.vm.host.setTimer(Math.max(0, timeout * 1000), () => {
        if (t.wait !== w) return;
        w.timer = null;
        this.timed--;
        onTimeout();
      });
    }
  }

  private cancelWait(t: SThread): void {
    const w = t.wait;
    if (w === null) return;
    t.wait = null;
    if (w.timer !== null) {
      this.vm.host.clearTimer(w.timer);
      this.timed--;
    }
    const reason = w.reason;
    if (reason.kind === 'join') reason.target.joiners.delete(t);
    else if (reason.kind === 'mutex') remove(reason.mutex.waiters, t);
    else if (reason.kind === 'condvar') remove(reason.condvar.waiters, t);
  }

  /** Resume a blocked thread, returning `value` from the primitive it blocked in. */
  wake(t: SThread, value: Value): void {
    if (t.state !== 'blocked' && !(t.state === 'runnable' && t.wait !== null)) return;
    this.cancelWait(t);
    t.regs.val = value;
    t.regs.mode = Mode.Return;
    this.enqueue(t);
  }

  /** Resume a blocked thread by raising `obj` where it blocked. */
  wakeRaise(t: SThread, obj: Value): void {
    if (t.state !== 'blocked' && !(t.state === 'runnable' && t.wait !== null)) return;
    this.cancelWait(t);
    t.regs.pending = obj;
    t.regs.mode = Mode.Return;
    this.enqueue(t);
  }

  /** Give an unlocked mutex to its first waiter, if any. */
  handOff(m: Mutex): void {
    while (m.owner === null && m.waiters.length > 0) {
      const w = m.waiters.shift()!;
      if (w.state === 'terminated') continue;
      m.owner = w;
      w.owned.add(m);
      this.wake(w, true);
    }
  }

  /**
   * Nothing is runnable. If the primordial thread waits with no timer and no host activity
   * can wake anything, the program can never continue: Gambit reports a deadlock.
   */
  private checkDeadlock(): void {
    const p = this.primordial;
    if (p.state !== 'blocked' || this.timed > 0 || this.hostActivity > 0) return;
    const reason = p.wait?.reason.kind;
    if (reason === 'host') return;
    this.wakeRaise(p, new ErrorObj('deadlock', ''));
  }
}

function remove<T>(xs: T[], x: T): void {
  const i = xs.indexOf(x);
  if (i >= 0) xs.splice(i, 1);
}

export function schedulerOf(vm: Vm): Scheduler {
  const s = vm.ext.get('scheduler') as Scheduler | undefined;
  if (s === undefined) throw new Error('internal error: this Vm has no scheduler');
  return s;
}
