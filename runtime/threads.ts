// Thread, mutex and condition-variable objects (SRFI-18 as Gambit extends it: mailboxes,
// thread-specific data, named threads). The scheduler (scheduler.ts) runs threads; the
// primitives (prims/threads.ts) create and synchronize them.
//
// These objects are plain data, with every field allocated up front or lazily, because a
// program may keep 100,000 threads alive at once (benchmarked: bench/threads-memory.ts).

import { Mode, NO_ENV, NO_VALS, type Regs } from '../interpreter/machine.js';
import type { Frame } from '../interpreter/frames.js';
import type { CallNode, Node, PrimAppNode, Src } from '../interpreter/nodes.js';
import { EMPTY_DYN, Tag, VOID, type Dyn, type Env, type HeapObject, type Value } from './values.js';

/**
 * Thread states (`thread-state` shows them as Gambit's state objects):
 *   created     made, not started                          #<thread-state-initialized>
 *   runnable    in a run queue, or the running thread     #<thread-state-running>
 *   blocked     parked: `waitKind` says on what           #<thread-state-waiting>
 *   terminated  `end` says how                            #<thread-state-(ab)normally-terminated>
 */
export type ThreadState = 'created' | 'runnable' | 'blocked' | 'terminated';

/**
 * What a blocked thread waits for (`waitObj` is the object named):
 *   Sleep    the deadline only
 *   Join     `waitObj` (a thread) terminating
 *   Mutex    `waitObj` (a mutex) being handed to it by its owner
 *   CondVar  a signal or broadcast on `waitObj` (a condition variable)
 *   Receive  a message (thread-receive); Next: a message past the cursor (thread-mailbox-next)
 *   Host     a host operation (console input, socket, rpc) that will call wake()
 *   Interrupt  the thunk of `waitObj` (an Interrupt) returning in the interrupted thread
 */
export const enum WaitKind { None = 0, Sleep, Join, Mutex, CondVar, Receive, Next, Host, Interrupt }

/** How a thread ended. */
export const enum EndKind { Running = 0, Normal, Uncaught, Terminated }

export class SThread implements Regs, HeapObject {
  get tag(): Tag.Thread { return Tag.Thread; }
  /** The machine registers of the thread: the thread object itself (one allocation per thread). */
  get regs(): Regs { return this; }
  // --- the machine registers (see Regs in interpreter/machine.ts). Declared here rather than
  // inherited from Regs: a derived class's construction is not inlined by TurboFan (a generic
  // construct stub, then write barriers on every field), measured on the spawn benchmark.
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
  errSrc: Src | null = null;
  blocked = false;
  pending: Value | null = null;

  state: ThreadState = 'created';
  /**
   * Woken from a wait and not yet preempted: runs before the threads that are merely runnable
   * (Gambit's priority boost). Lost on thread-yield! and at the end of a quantum.
   */
  boosted = false;

  // --- the current wait (valid while state === 'blocked')
  waitKind = WaitKind.None;
  waitObj: SThread | Mutex | CondVar | Interrupt | null = null;
  /** Monotonic milliseconds; Infinity when the wait has no timeout. */
  deadline = Infinity;
  /** Position in the scheduler's timer heap, or -1. */
  heapIndex = -1;
  /** The value a timed-out wait returns; `undefined` means the timeout raises instead. */
  timeoutValue: Value | undefined = undefined;
  /** For Host waits: what to do on timeout (set by whoever parked the thread). */
  onTimeout: (() => void) | null = null;
  /** For Host waits: what to do if the thread is terminated while it waits (release the
   * host operation: forget a pending rpc, close a node's connection). */
  onAbandon: (() => void) | null = null;
  /** What to do when the thread ends, however it ends (the rpc server fails a call that its
   * thread did not answer). */
  onEnd: (() => void) | null = null;
  /**
   * An exception for the blocking primitive to raise when it is applied again: a timed-out or
   * abandoned wait resumes by re-entering the primitive, so the error carries its call form
   * and location exactly as if it had been raised without blocking.
   */
  resumeError: Value | null = null;

  // --- how it ended
  end = EndKind.Running;
  /** The thunk's value, or the uncaught exception (the reason). */
  result: Value = VOID;
  /** Where the uncaught exception was raised (for --thread-errors). */
  exceptionSrc: unknown = null;

  specific: Value = VOID;
  /**
   * The mailbox: messages in arrival order; `cursor` (an index into it) is where
   * thread-mailbox-next reads next. Null until the first message.
   */
  mailbox: Ring<Value> | null = null;
  cursor = 0;
  /** Threads blocked in thread-join! on this one (null when none). */
  joiners: SThread[] | null = null;
  /** Mutexes this thread owns, abandoned when it terminates (null when none). */
  owned: Mutex[] | null = null;
  /** Rarely used attributes (priorities, quantum, the objects thread-state-waiting-for shows). */
  extra: ThreadExtra | null = null;
  /** The thread group (set by ThreadGroup.add; a thread stays listed there until it ends). */
  group: ThreadGroup | null = null;
  /** The thread's neighbours in its group's list (see ThreadGroup). */
  gPrev: SThread | null = null;
  gNext: SThread | null = null;
  /**
   * thread-suspend!: 0 not suspended; 1 suspended (it may still sit in a run queue, or wait);
   * 2 suspended and runnable, held out of the run queues until thread-resume! puts it back.
   */
  hold: 0 | 1 | 2 = 0;
  /** thread-interrupt! requests not yet completed, oldest first (null when none). */
  interrupts: Interrupt[] | null = null;

  constructor(
    /** What thread-start! calls (VOID once the thread has ended). */
    public thunk: Value,
    /** The name given to make-thread (VOID when none). */
    readonly name: Value,
    readonly primordial = false,
  ) {}

  get terminated(): boolean { return this.state === 'terminated'; }

  // --- mailbox operations (Gambit manual, "Mailboxes")

  /** Messages past the cursor. */
  get unread(): number {
    return this.mailbox === null ? 0 : this.mailbox.length - this.cursor;
  }

  send(msg: Value): void {
    (this.mailbox ??= new Ring<Value>()).push(msg);
  }

  /** thread-mailbox-next: the message at the cursor, advancing it (caller checks `unread`). */
  next(): Value {
    return this.mailbox!.get(this.cursor++);
  }

  /** thread-receive: the message at the cursor, removed; the cursor goes back to the start. */
  take(): Value {
    const msg = this.mailbox!.removeAt(this.cursor);
    this.cursor = 0;
    return msg;
  }

  rewind(): void {
    this.cursor = 0;
  }

  /** thread-mailbox-extract-and-rewind: remove the message last returned by `next`, if any. */
  extractAndRewind(): void {
    if (this.cursor > 0) this.mailbox!.removeAt(this.cursor - 1);
    this.cursor = 0;
  }
}

export interface ThreadExtra {
  basePriority: Value;
  priorityBoost: Value;
  quantum: Value;
  /** What thread-state-waiting-for shows for a thread waiting on this one's end or mailbox. */
  endCondvar: CondVar | null;
  mailboxCondvar: CondVar | null;
}

/**
 * A thread-interrupt! request: `thunk` is to run in the target thread at its next slice (not
 * yet `installed`), or runs there now (`installed`). `requester` waits for its value (null once
 * it no longer does). `wait` is the wait the target was taken out of to run the thunk, resumed
 * when the thunk returns.
 */
export class Interrupt {
  installed = false;
  constructor(
    readonly thunk: Value,
    public requester: SThread | null,
    readonly wait: SavedWait | null,
  ) {}
}

/** A wait a thread was taken out of (see SThread's wait fields). */
export interface SavedWait {
  readonly kind: WaitKind;
  readonly obj: SThread | Mutex | CondVar | Interrupt | null;
  readonly deadline: number;
  readonly timeoutValue: Value | undefined;
}

/**
 * A thread group (Gambit manual, "Thread groups"): a name, a parent (null for the primordial
 * group, or one made with parent #f), the groups made in it, and the threads made in it that
 * have not ended, in creation order, as a doubly linked list through SThread.gPrev/gNext (a
 * thread ends in O(1) however many threads the group has).
 */
export class ThreadGroup implements HeapObject {
  get tag(): Tag.ThreadGroup { return Tag.ThreadGroup; }
  children: ThreadGroup[] | null = null;
  private first: SThread | null = null;
  private last: SThread | null = null;
  constructor(readonly name: Value, readonly parent: ThreadGroup | null) {
    if (parent !== null) (parent.children ??= []).push(this);
  }

  add(t: SThread): void {
    t.group = this;
    t.gPrev = this.last;
    t.gNext = null;
    if (this.last === null) this.first = t;
    else this.last.gNext = t;
    this.last = t;
  }

  /** Take an ending thread off the list (it keeps its `group`). */
  remove(t: SThread): void {
    if (t.group !== this) return;
    if (t.gPrev === null) { if (this.first !== t) return; this.first = t.gNext; } else t.gPrev.gNext = t.gNext;
    if (t.gNext === null) this.last = t.gPrev; else t.gNext.gPrev = t.gPrev;
    t.gPrev = null;
    t.gNext = null;
  }

  threads(): SThread[] {
    const out: SThread[] = [];
    for (let t = this.first; t !== null; t = t.gNext) out.push(t);
    return out;
  }

  /** The threads of this group and of the groups in it, recursively. */
  allThreads(out: SThread[] = []): SThread[] {
    for (let t = this.first; t !== null; t = t.gNext) out.push(t);
    if (this.children !== null) for (const g of this.children) g.allThreads(out);
    return out;
  }
}

export class Mutex implements HeapObject {
  get tag(): Tag.Mutex { return Tag.Mutex; }
  /** The owner; null when unlocked; 'not-owned' when locked without an owner. */
  owner: SThread | 'not-owned' | null = null;
  abandoned = false;
  /** Threads blocked in mutex-lock!, first come first served. */
  readonly waiters: SThread[] = [];
  specific: Value = VOID;
  constructor(readonly name: Value) {}
}

export class CondVar implements HeapObject {
  get tag(): Tag.CondVar { return Tag.CondVar; }
  /** Threads blocked in mutex-unlock! on this condition variable, in arrival order. */
  readonly waiters: SThread[] = [];
  specific: Value = VOID;
  constructor(readonly name: Value) {}
}

/**
 * A double-ended queue on a circular buffer whose size is a power of two: push, unshift and
 * shift are O(1), as are get and removal at either end (the scheduler's run queues, mailboxes).
 */
export class Ring<T> {
  private buf: Array<T | undefined> = new Array<T | undefined>(8);
  private head = 0;
  length = 0;

  push(x: T): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length) & (this.buf.length - 1)] = x;
    this.length++;
  }

  unshift(x: T): void {
    if (this.length === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = x;
    this.length++;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return x;
  }

  /** The element at position i (0 = first); i < length. */
  get(i: number): T {
    return this.buf[(this.head + i) & (this.buf.length - 1)]!;
  }

  /** Remove and return the element at position i (i < length), keeping the order. */
  removeAt(i: number): T {
    if (i === 0) return this.shift()!;
    const mask = this.buf.length - 1;
    const x = this.buf[(this.head + i) & mask]!;
    for (let j = i; j < this.length - 1; j++) this.buf[(this.head + j) & mask] = this.buf[(this.head + j + 1) & mask];
    this.length--;
    this.buf[(this.head + this.length) & mask] = undefined;
    return x;
  }

  private grow(): void {
    const old = this.buf;
    const buf = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.length; i++) buf[i] = old[(this.head + i) & (old.length - 1)];
    this.buf = buf;
    this.head = 0;
  }
}

/** Remove `x` from `xs` (the first occurrence), keeping the order. */
export function removeFrom<T>(xs: T[], x: T): void {
  const i = xs.indexOf(x);
  if (i >= 0) xs.splice(i, 1);
}
