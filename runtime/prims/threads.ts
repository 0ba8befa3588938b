// SRFI-18 threads, mutexes and condition variables with Gambit's extensions (mailboxes,
// make-root-thread, thread-specific, named threads). Gambit manual chapter 13 "Threads".

import { applyProc, ret, type ControlFn, type Regs } from '../../interpreter/machine.js';
import { ErrorObj, typeError } from '../errors.js';
import { makePrim, plain, pure, type PrimFactory } from '../primitive.js';
import { schedulerOf, type Scheduler } from '../scheduler.js';
import { CondVar, Mutex, SThread } from '../threads.js';
import { checkProcedure } from '../check.js';
import { EMPTY_DYN, Flonum, Primitive, Record, RecordType, VOID, intern, type Value } from '../values.js';
import type { Vm } from '../vm.js';

function control(name: string, min: number, max: number, fn: ControlFn): Primitive {
  return makePrim(name, min, max, 'control', fn);
}

function checkThread(v: Value, arg: number): SThread {
  if (v instanceof SThread) return v;
  throw typeError(arg, 'THREAD');
}

function checkMutex(v: Value, arg: number): Mutex {
  if (v instanceof Mutex) return v;
  throw typeError(arg, 'MUTEX');
}

function checkCondVar(v: Value, arg: number): CondVar {
  if (v instanceof CondVar) return v;
  throw typeError(arg, 'CONDITION-VARIABLE');
}

/** A timeout argument: #f/absent = none; a real = seconds from now; a time object = absolute. */
export function timeoutSeconds(vm: Vm, v: Value | undefined, arg: number): number | null {
  if (v === undefined || v === false) return null;
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.v;
  if (typeof v === 'object' && 'seconds' in v) return (v as unknown as { seconds: number }).seconds - vm.host.now() / 1000;
  throw typeError(arg, 'REAL');
}

/** Thread-state objects print as `#<thread-state-running #3>`. */
function stateObject(vm: Vm, name: string, fields: Value[]): Value {
  const key = `##thread-state-${name}`;
  let type = vm.recordTypes.get(key) as RecordType | undefined;
  if (type === undefined) {
    type = new RecordType(`thread-state-${name}`, key, false, null, fields.map((_, i) => ({ name: `f${i}`, printable: false, mutable: false })));
    vm.recordTypes.set(key, type);
  }
  return new Record(type, fields);
}

function startThread(s: Scheduler, t: SThread): void {
  if (t.state !== 'created') throw new ErrorObj('error', 'Thread already started', [t]);
  applyProc(t.regs, t.thunk, []);
  s.enqueue(t);
}

export const threadPrims: PrimFactory = (vm) => {
  const sched = (): Scheduler => schedulerOf(vm);
  const cur = (): SThread => sched().current;
  const makeThread = (root: boolean) => (thunk: Value, name: Value = VOID): SThread => {
    checkProcedure(thunk, 1);
    const t = new SThread(thunk, name);
    // make-thread inherits the creator's parameter bindings (current ports...); make-root-thread
    // starts from the global ones. Exception handlers and dynamic-wind are never inherited.
    t.regs.dyn = root ? EMPTY_DYN : { params: vm.dyn.params, handlers: null, winds: null };
    return t;
  };
  return [
    plain('make-thread', 1, 3, makeThread(false)),
    plain('make-root-thread', 1, 5, makeThread(true)),
    plain('thread-start!', 1, 1, (t: Value) => { startThread(sched(), checkThread(t, 1)); return t; }),
    plain('current-thread', 0, 0, () => cur()),
    pure('thread?', 1, 1, (v: Value) => v instanceof SThread),
    pure('thread-name', 1, 1, (t: Value) => {
      const th = checkThread(t, 1);
      return th.primordial ? intern('primordial') : th.name === VOID ? VOID : th.name;
    }),
    plain('thread-specific', 1, 1, (t: Value) => checkThread(t, 1).specific),
    plain('thread-specific-set!', 2, 2, (t: Value, v: Value) => { checkThread(t, 1).specific = v; return VOID; }),
    plain('thread-state', 1, 1, (t: Value) => {
      const th = checkThread(t, 1);
      switch (th.state) {
        case 'created': return stateObject(vm, 'initialized', []);
        case 'runnable': return stateObject(vm, 'running', []);
        case 'blocked': return stateObject(vm, 'waiting', []);
        case 'terminated':
          return th.exception !== null || th.terminatedByRequest
            ? stateObject(vm, 'abnormally-terminated', [th.exception ?? VOID])
            : stateObject(vm, 'normally-terminated', [th.result]);
      }
    }),
    control('thread-yield!', 0, 0, (_vm, r) => {
      sched().yieldRequested = true;
      r.blocked = true;
      ret(r, VOID);
    }),
    control('thread-sleep!', 1, 1, (vm, r, [secs]) => {
      const s = timeoutSeconds(vm, secs, 1) ?? 0;
      const t = cur();
      if (s <= 0) {
        sched().yieldRequested = true;
        r.blocked = true;
        ret(r, VOID);
        return;
      }
      sched().block(t, { kind: 'sleep' }, s, () => sched().wake(t, VOID));
    }),
    control('thread-terminate!', 1, 1, (_vm, r, [t]) => {
      const th = checkThread(t!, 1);
      const s = sched();
      if (th.state === 'created') { th.state = 'terminated'; th.terminatedByRequest = true; ret(r, VOID); return; }
      s.terminate(th, VOID, null, null, true);
      if (th === cur()) r.blocked = true;
      ret(r, VOID);
    }),
    control('thread-join!', 1, 3, (vm, r, args) => {
      const target = checkThread(args[0]!, 1);
      const s = sched();
      const me = cur();
      if (target.state === 'terminated') {
        joinResult(r, target);
        return;
      }
      if (target === me) throw new ErrorObj('deadlock', '');
      const timeout = timeoutSeconds(vm, args[1], 2);
      target.joiners.add(me);
      s.block(me, { kind: 'join', target }, timeout, () => {
        if (args.length >= 3) s.wake(me, args[2]!);
        else s.wakeRaise(me, new ErrorObj('join-timeout', ''));
      });
    }),

    // Mailboxes
    plain('thread-send', 2, 2, (t: Value, msg: Value) => {
      const th = checkThread(t, 1);
      th.mailbox.push(msg);
      const w = th.wait?.reason;
      if (w?.kind === 'receive') {
        if (w.next) { th.cursor++; sched().wake(th, msg); }
        else { th.mailbox.shift(); th.cursor = 0; sched().wake(th, msg); }
      }
      return VOID;
    }),
    control('thread-receive', 0, 2, (vm, r, args) => mailboxWait(vm, r, args, false)),
    control('thread-mailbox-next', 0, 2, (vm, r, args) => mailboxWait(vm, r, args, true)),
    plain('thread-mailbox-rewind', 0, 0, () => { cur().cursor = 0; return VOID; }),
    plain('thread-mailbox-extract-and-rewind', 0, 0, () => {
      const me = cur();
      if (me.cursor > 0) me.mailbox.splice(me.cursor - 1, 1);
      me.cursor = 0;
      return VOID;
    }),

    // Mutexes and condition variables
    plain('make-mutex', 0, 1, (name: Value = VOID) => new Mutex(name)),
    pure('mutex?', 1, 1, (v: Value) => v instanceof Mutex),
    pure('mutex-name', 1, 1, (m: Value) => checkMutex(m, 1).name),
    plain('mutex-specific', 1, 1, (m: Value) => checkMutex(m, 1).specific),
    plain('mutex-specific-set!', 2, 2, (m: Value, v: Value) => { checkMutex(m, 1).specific = v; return VOID; }),
    plain('mutex-state', 1, 1, (m: Value) => {
      const mx = checkMutex(m, 1);
      if (mx.owner === null) return intern(mx.abandoned ? 'abandoned' : 'not-abandoned');
      return mx.owner === 'not-owned' ? intern('not-owned') : mx.owner;
    }),
    control('mutex-lock!', 1, 3, (vm, r, args) => {
      const m = checkMutex(args[0]!, 1);
      const s = sched();
      const me = cur();
      const owner = args.length >= 3 ? (args[2] === false ? 'not-owned' : checkThread(args[2]!, 3)) : me;
      if (m.owner === null) {
        const wasAbandoned = m.abandoned;
        m.owner = owner;
        m.abandoned = false;
        if (owner instanceof SThread) owner.owned.add(m);
        if (wasAbandoned) throw new ErrorObj('error', 'Abandoned mutex', [m]);
        ret(r, true);
        return;
      }
      const timeout = timeoutSeconds(vm, args[1], 2);
      if (timeout !== null && timeout <= 0) { ret(r, false); return; }
      m.waiters.push(me);
      s.block(me, { kind: 'mutex', mutex: m }, timeout, () => s.wake(me, false));
    }),
    control('mutex-unlock!', 1, 3, (vm, r, args) => {
      const m = checkMutex(args[0]!, 1);
      const s = sched();
      const me = cur();
      if (m.owner instanceof SThread) m.owner.owned.delete(m);
      m.owner = null;
      s.handOff(m);
      if (args.length >= 2 && args[1] !== false) {
        const cv = checkCondVar(args[1]!, 2);
        const timeout = timeoutSeconds(vm, args[2], 3);
        cv.waiters.push(me);
        s.block(me, { kind: 'condvar', condvar: cv }, timeout, () => s.wake(me, false));
        return;
      }
      ret(r, true);
    }),
    plain('make-condition-variable', 0, 1, (name: Value = VOID) => new CondVar(name)),
    pure('condition-variable?', 1, 1, (v: Value) => v instanceof CondVar),
    pure('condition-variable-name', 1, 1, (c: Value) => checkCondVar(c, 1).name),
    plain('condition-variable-specific', 1, 1, (c: Value) => checkCondVar(c, 1).specific),
    plain('condition-variable-specific-set!', 2, 2, (c: Value, v: Value) => { checkCondVar(c, 1).specific = v; return VOID; }),
    plain('condition-variable-signal!', 1, 1, (c: Value) => {
      const cv = checkCondVar(c, 1);
      const w = cv.waiters.shift();
      if (w !== undefined) sched().wake(w, true);
      return VOID;
    }),
    plain('condition-variable-broadcast!', 1, 1, (c: Value) => {
      const cv = checkCondVar(c, 1);
      for (const w of cv.waiters.splice(0)) sched().wake(w, true);
      return VOID;
    }),
  ];

  function joinResult(r: Regs, target: SThread): void {
    if (target.terminatedByRequest) throw new ErrorObj('terminated-thread', '');
    if (target.exception !== null) throw new ErrorObj('uncaught', '', [], 0, '', target.exception);
    ret(r, target.result);
  }

  function mailboxWait(vm: Vm, r: Regs, args: Value[], next: boolean): void {
    const me = cur();
    const s = sched();
    if (next ? me.cursor < me.mailbox.length : me.mailbox.length > 0) {
      if (next) ret(r, me.mailbox[me.cursor++]!);
      else { me.cursor = 0; ret(r, me.mailbox.shift()!); }
      return;
    }
    const timeout = timeoutSeconds(vm, args[0], 1);
    const onTimeout = (): void => {
      if (args.length >= 2) s.wake(me, args[1]!);
      else s.wakeRaise(me, new ErrorObj('mailbox-receive-timeout', ''));
    };
    if (timeout !== null && timeout <= 0) {
      if (args.length >= 2) { ret(r, args[1]!); return; }
      throw new ErrorObj('mailbox-receive-timeout', '');
    }
    s.block(me, { kind: 'receive', next }, timeout, onTimeout);
  }
};
