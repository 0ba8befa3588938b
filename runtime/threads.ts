// Thread, mutex and condition-variable objects (SRFI-18 as Gambit extends it: mailboxes,
// thread-specific data, named threads). The scheduler (scheduler.ts) runs threads; the
// primitives (prims/threads.ts) create and synchronize them.

import { Regs } from '../interpreter/machine.js';
import { Tag, VOID, type HeapObject, type Value } from './values.js';

/**
 * Why a blocked thread waits, and what wakes it:
 *   sleep     a timer
 *   join      `target` terminating
 *   mutex     `mutex` being released to it
 *   condvar   a signal on `condvar`
 *   receive   a message arriving in its mailbox (`next`: thread-mailbox-next, else thread-receive)
 *   host      a host operation (socket, rpc) that will call wake()
 */
export type WaitReason =
  | { readonly kind: 'sleep' }
  | { readonly kind: 'join'; readonly target: SThread }
  | { readonly kind: 'mutex'; readonly mutex: Mutex }
  | { readonly kind: 'condvar'; readonly condvar: CondVar }
  | { readonly kind: 'receive'; readonly next: boolean }
  | { readonly kind: 'host' }
  | { readonly kind: 'yield' };

export interface Wait {
  readonly reason: WaitReason;
  /** Host timer for the timeout, if any. */
  timer: unknown;
}

/**
 * Thread states: created (not started) -> runnable <-> blocked -> terminated.
 * A terminated thread has either a result, an exception (uncaught), or was terminated.
 */
export type ThreadState = 'created' | 'runnable' | 'blocked' | 'terminated';

export class SThread implements HeapObject {
  get tag(): Tag.Thread { return Tag.Thread; }
  readonly regs = new Regs();
  state: ThreadState = 'created';
  wait: Wait | null = null;
  result: Value = VOID;
  /** The uncaught exception that ended the thread, if any. */
  exception: Value | null = null;
  /** Where that exception was raised (for the optional report). */
  exceptionSrc: unknown = null;
  terminatedByRequest = false;
  specific: Value = VOID;
  /** Messages not yet received; `cursor` is thread-mailbox-next's position. */
  readonly mailbox: Value[] = [];
  cursor = 0;
  /** Threads blocked in thread-join! on this one. */
  readonly joiners = new Set<SThread>();
  /** Mutexes this thread owns (abandoned when it terminates). */
  readonly owned = new Set<Mutex>();
  constructor(
    readonly thunk: Value,
    /** The name given to make-thread (VOID when none). */
    readonly name: Value,
    readonly primordial = false,
  ) {}
}

export class Mutex implements HeapObject {
  get tag(): Tag.Mutex { return Tag.Mutex; }
  /** The owner; null when unlocked; 'not-owned' when locked without an owner. */
  owner: SThread | 'not-owned' | null = null;
  abandoned = false;
  readonly waiters: SThread[] = [];
  specific: Value = VOID;
  constructor(readonly name: Value) {}
}

export class CondVar implements HeapObject {
  get tag(): Tag.CondVar { return Tag.CondVar; }
  readonly waiters: SThread[] = [];
  specific: Value = VOID;
  constructor(readonly name: Value) {}
}
