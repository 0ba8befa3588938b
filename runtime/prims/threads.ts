// SRFI-18 threads, mutexes and condition variables with Gambit's extensions: mailboxes,
// make-root-thread, thread-specific data, named threads, thread-state objects, thread groups,
// thread-interrupt!, thread-suspend! and thread-resume!.
// Gambit manual chapter 13 "Threads"; behaviour checked against gsi 4.9.3
// (test/golden/cases/40-threads).
//
// Blocking primitives are control primitives that park the thread (Scheduler.park) and leave
// the machine's registers at their own application. A blocked thread resumes either with a
// value (Scheduler.wake), or by the primitive being applied again: thread-join! then finds its
// target terminated, and a wait that must fail throws `resumeError` as if it had failed
// without blocking, so the error has gsi's call form and location.
//
// Primitives that wake a thread are control primitives too: a woken thread preempts a thread
// that was not itself just woken (see scheduler.ts), so they stop the machine when asked to.

import { applyProc, ret, type ControlFn, type Regs } from '../../interpreter/machine.js';
import { FOp } from '../../interpreter/frames.js';
import { ErrorObj, typeError } from '../errors.js';
import { portsOf } from '../ports.js';
import { makePrim, plain, pure, type PrimFactory } from '../primitive.js';
import { schedulerOf, type Scheduler } from '../scheduler.js';
import { CondVar, EndKind, Mutex, SThread, ThreadGroup, WaitKind, removeFrom, type ThreadExtra } from '../threads.js';
import { checkProcedure } from '../check.js';
import {
  Flonum, NIL, Primitive, Ratnum, Record, RecordType, STime, VOID, arrayToList, intern,
  type Dyn, type Value,
} from '../values.js';
import { instanceError } from './data-util.js';

function control(name: string, min: number, max: number, fn: ControlFn): Primitive {
  return makePrim(name, min, max, 'control', fn);
}

function checkThread(v: Value | undefined, arg: number): SThread {
  if (v instanceof SThread) return v;
  throw typeError(arg, 'THREAD');
}

/** A real number of seconds, or null. */
function realValue(v: Value): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Ratnum) return Number(v.num) / Number(v.den);
  return null;
}

/** The thread-state types (Gambit's `thread-state-*` records) and their fields. */
const STATE_FIELDS = {
  uninitialized: [],
  initialized: [],
  'normally-terminated': ['result'],
  'abnormally-terminated': ['reason'],
  waiting: ['for', 'timeout'],
  running: [],
} as const;
type StateName = keyof typeof STATE_FIELDS;
const STATES = Object.keys(STATE_FIELDS) as StateName[];

/** Exception kinds of this chapter whose objects carry the call that raised them. */
const THREAD_CALL_KINDS = ['started-thread', 'terminated-thread', 'uncaught', 'join-timeout', 'mailbox-receive-timeout', 'inactive-thread'] as const;

export const threadPrims: PrimFactory = (vm) => {
  const host = vm.host;
  // The scheduler is looked up once, on first use (the CLI installs it before running code).
  let scheduler: Scheduler | null = null;
  const sched = (): Scheduler => scheduler ??= schedulerOf(vm);

  // Gambit's mutexes, condition variables, thread states and exceptions are record types:
  // a wrong argument is `(Argument 1) Instance of #<type #2 mutex> expected`.
  const types = new Map<string, RecordType>();
  const typeNamed = (name: string, fields: string[] = []): RecordType => {
    let t = types.get(name);
    if (t === undefined) {
      t = new RecordType(name, `##type-${name}`, false, null, fields.map((f) => ({ name: f, printable: false, mutable: false })));
      types.set(name, t);
    }
    return t;
  };
  const checkMutex = (v: Value | undefined, arg: number): Mutex => {
    if (v instanceof Mutex) return v;
    throw instanceError(arg, typeNamed('mutex'));
  };
  const checkCondVar = (v: Value | undefined, arg: number): CondVar => {
    if (v instanceof CondVar) return v;
    throw instanceError(arg, typeNamed('condition-variable'));
  };
  const checkGroup = (v: Value | undefined, arg: number): ThreadGroup => {
    if (v instanceof ThreadGroup) return v;
    throw instanceError(arg, typeNamed('thread-group'));
  };
  /** A group argument: absent means the current thread's group. */
  const groupArg = (v: Value | undefined, arg: number): ThreadGroup =>
    v === undefined ? (sched().current.group ?? sched().primordialGroup) : checkGroup(v, arg);

  /**
   * A timeout argument as a monotonic deadline in ms: absent or #f = none (Infinity); a real =
   * seconds from now; a time object = that moment. thread-sleep! requires one.
   */
  const deadlineOf = (v: Value | undefined, arg: number, required = false): number => {
    if (v === undefined || (v === false && !required)) return Infinity;
    if (v instanceof STime) return host.monotonic() + (v.seconds * 1000 - host.now());
    const s = v === false ? null : realValue(v);
    if (s === null) throw typeError(arg, required ? 'REAL or TIME object' : '#f or REAL or TIME object');
    if (s === Infinity) return Infinity;
    return host.monotonic() + s * 1000;
  };
  /** Whether a finite deadline has already passed (a timeout of 0 polls). */
  const passed = (deadline: number): boolean => deadline !== Infinity && deadline <= host.monotonic();

  /** A blocking primitive: raises first the exception its interrupted wait left for it. */
  const blocking = (name: string, min: number, max: number, fn: ControlFn): Primitive =>
    control(name, min, max, (vm2, r, args) => {
      const me = sched().current;
      const e = me.resumeError;
      if (e !== null) {
        me.resumeError = null;
        throw e;
      }
      fn(vm2, r, args);
    });

  /** Before parking the running thread (see Scheduler.waiter). */
  const waiter = (r: Regs): SThread => sched().waiter(r);

  /** After waking threads: give way at once if one of them must run before this thread. */
  const giveWay = (r: Regs): void => {
    if (sched().preempt) r.blocked = true;
  };

  /** Raise `obj` without the call form (gsi shows none for some errors): via r.pending. */
  const raiseWithoutCall = (r: Regs, obj: Value): void => {
    r.pending = obj;
    r.blocked = true;
  };

  const extraOf = (t: SThread): ThreadExtra => {
    if (t.extra === null) {
      t.extra = { basePriority: new Flonum(0), priorityBoost: new Flonum(1e-6), quantum: new Flonum(0.02), endCondvar: null, mailboxCondvar: null };
    }
    return t.extra;
  };

  const makeThread = (root: boolean) => (thunk: Value, name: Value = VOID, group?: Value, input?: Value, output?: Value): SThread => {
    checkProcedure(thunk, 1);
    const g = groupArg(group, 3);
    const t = new SThread(thunk, name, false);
    g.add(t);
    // make-thread inherits the creator's parameter bindings (current ports...); make-root-thread
    // starts afresh, on the console ports. Exception handlers and dynamic-wind are never
    // inherited (an exception nobody handles in the thread ends the thread).
    t.regs.dyn = root ? rootDyn(input, output) : inheritedDyn(vm.dyn);
    return t;
  };
  /** The creator's parameters, without its handlers and dynamic-wind (shared when it has none). */
  const inheritedDyn = (d: Dyn): Dyn => (d.handlers === null && d.winds === null ? d : { params: d.params, handlers: null, winds: null });
  const rootDyn = (input: Value | undefined, output: Value | undefined): Dyn => {
    const ps = portsOf(vm);
    const inp = input ?? ps.console ?? ps.stdin;
    const out = output ?? ps.console ?? ps.stdout;
    return {
      params: { param: ps.currentInput, cell: { value: inp }, next: { param: ps.currentOutput, cell: { value: out }, next: null } },
      handlers: null,
      winds: null,
    };
  };

  // --- thread states
  const stateType = (name: StateName): RecordType => typeNamed(`thread-state-${name}`, [...STATE_FIELDS[name]]);
  const stateObject = (name: StateName, fields: Value[]): Value => new Record(stateType(name), fields);
  const stateOf = (th: SThread): Value => {
    switch (th.state) {
      case 'created': return stateObject('initialized', []);
      case 'runnable': return stateObject('running', []);
      case 'blocked': return stateObject('waiting', [waitingFor(th), waitingTimeout(th)]);
      case 'terminated':
        switch (th.end) {
          case EndKind.Normal: return stateObject('normally-terminated', [th.result]);
          case EndKind.Uncaught: return stateObject('abnormally-terminated', [th.result]);
          default: return stateObject('abnormally-terminated', [false]); // terminated: gsi's reason is #f
        }
    }
  };
  /** What gsi's thread-state-waiting-for shows: the mutex or condition variable waited on. */
  const waitingFor = (th: SThread): Value => {
    switch (th.waitKind) {
      case WaitKind.Mutex: case WaitKind.CondVar: return th.waitObj as Value;
      // gsi waits on the joined thread's end condition variable, and on its own mailbox's.
      case WaitKind.Join: {
        const x = extraOf(th.waitObj as SThread);
        return (x.endCondvar ??= new CondVar(false));
      }
      case WaitKind.Receive: case WaitKind.Next: {
        const x = extraOf(th);
        return (x.mailboxCondvar ??= new CondVar(false));
      }
      default: return false;
    }
  };
  const waitingTimeout = (th: SThread): Value =>
    th.deadline === Infinity ? false : new STime((host.now() + (th.deadline - host.monotonic())) / 1000);
  const stateField = (name: StateName, i: number) => (s: Value): Value => {
    const type = stateType(name);
    if (s instanceof Record && s.type === type) return s.fields[i]!;
    throw instanceError(1, type);
  };

  // --- the exceptions of this chapter (the others are in exceptions.ts)
  const exceptionOf = (kind: string, v: Value): ErrorObj => {
    if (v instanceof ErrorObj && v.kind === kind) return v;
    throw instanceError(1, typeNamed(kind === 'uncaught' ? 'uncaught-exception' : `${kind}-exception`));
  };

  function joinResult(r: Regs, target: SThread): void {
    switch (target.end) {
      case EndKind.Terminated: throw new ErrorObj('terminated-thread', '');
      case EndKind.Uncaught: throw new ErrorObj('uncaught', '', [], 0, '', target.result);
      default: ret(r, target.result);
    }
  }

  function mailboxWait(r: Regs, args: Value[], next: boolean): void {
    const s = sched();
    const me = s.current;
    const deadline = deadlineOf(args[0], 1);
    if (me.unread > 0) {
      ret(r, next ? me.next() : me.take());
      return;
    }
    const dflt = args.length >= 2 ? args[1] : undefined;
    if (passed(deadline)) {
      if (dflt === undefined) throw new ErrorObj('mailbox-receive-timeout', '');
      ret(r, dflt);
      return;
    }
    waiter(r);
    s.park(me, next ? WaitKind.Next : WaitKind.Receive, null, deadline, dflt);
  }

  /** `owner` takes `m` (locked/owned, or locked/not-owned when owner is 'not-owned'). */
  function acquire(m: Mutex, owner: SThread | 'not-owned'): void {
    m.owner = owner;
    if (owner instanceof SThread) (owner.owned ??= []).push(m);
  }

  function release(m: Mutex): void {
    const o = m.owner;
    if (o instanceof SThread && o.owned !== null) removeFrom(o.owned, m);
    m.owner = null;
    m.abandoned = false;
    sched().handOff(m);
  }

  return [
    // --- threads
    plain('make-thread', 1, 3, makeThread(false)),
    plain('make-root-thread', 1, 5, makeThread(true)),
    plain('thread-start!', 1, 1, (t: Value) => {
      const th = checkThread(t, 1);
      if (th.state !== 'created') throw new ErrorObj('started-thread', '');
      applyProc(th.regs, th.thunk, []);
      sched().start(th);
      return th;
    }),
    plain('current-thread', 0, 0, () => sched().current),
    pure('thread?', 1, 1, (v: Value) => v instanceof SThread),
    plain('thread-name', 1, 1, (t: Value) => checkThread(t, 1).name),
    plain('thread-specific', 1, 1, (t: Value) => checkThread(t, 1).specific),
    plain('thread-specific-set!', 2, 2, (t: Value, v: Value) => { checkThread(t, 1).specific = v; return VOID; }),
    plain('thread-base-priority', 1, 1, (t: Value) => extraOf(checkThread(t, 1)).basePriority),
    plain('thread-base-priority-set!', 2, 2, (t: Value, v: Value) => { extraOf(checkThread(t, 1)).basePriority = v; return VOID; }),
    plain('thread-priority-boost', 1, 1, (t: Value) => extraOf(checkThread(t, 1)).priorityBoost),
    plain('thread-priority-boost-set!', 2, 2, (t: Value, v: Value) => { extraOf(checkThread(t, 1)).priorityBoost = v; return VOID; }),
    plain('thread-quantum', 1, 1, (t: Value) => extraOf(checkThread(t, 1)).quantum),
    plain('thread-quantum-set!', 2, 2, (t: Value, v: Value) => { extraOf(checkThread(t, 1)).quantum = v; return VOID; }),

    plain('thread-state', 1, 1, (t: Value) => stateOf(checkThread(t, 1))),
    ...STATES.map((name) => pure(`thread-state-${name}?`, 1, 1, (s: Value) => s instanceof Record && s.type === stateType(name))),
    plain('thread-state-normally-terminated-result', 1, 1, stateField('normally-terminated', 0)),
    plain('thread-state-abnormally-terminated-reason', 1, 1, stateField('abnormally-terminated', 0)),
    plain('thread-state-waiting-for', 1, 1, stateField('waiting', 0)),
    plain('thread-state-waiting-timeout', 1, 1, stateField('waiting', 1)),

    control('thread-yield!', 0, 0, (_vm, r) => {
      sched().yieldFrom(r);
      ret(r, VOID);
    }),
    control('thread-sleep!', 1, 1, (_vm, r, [secs]) => {
      const deadline = deadlineOf(secs, 1, true);
      if (deadline <= host.monotonic()) { ret(r, VOID); return; } // gsi does not even yield
      sched().park(waiter(r), WaitKind.Sleep, null, deadline, undefined);
    }),
    control('thread-terminate!', 1, 1, (_vm, r, [t]) => {
      const th = checkThread(t, 1);
      const s = sched();
      ret(r, VOID);
      if (th.state === 'terminated') return;
      const self = th === s.current;
      s.terminate(th, EndKind.Terminated, VOID, null);
      if (self) r.blocked = true;
      else giveWay(r);
    }),
    blocking('thread-join!', 1, 3, (_vm, r, args) => {
      const target = checkThread(args[0], 1);
      const deadline = deadlineOf(args[1], 2);
      if (target.state === 'terminated') { joinResult(r, target); return; }
      const dflt = args.length >= 3 ? args[2] : undefined;
      if (passed(deadline)) {
        if (dflt === undefined) throw new ErrorObj('join-timeout', '');
        ret(r, dflt);
        return;
      }
      // Joining oneself (or a thread never started) waits for good: gsi's deadlock detection
      // or the timeout ends it.
      const me = waiter(r);
      (target.joiners ??= []).push(me);
      sched().park(me, WaitKind.Join, target, deadline, dflt);
    }),

    control('thread-interrupt!', 1, 2, (_vm, r, args) => {
      // gsi 4.9.3: the thunk runs in the target thread, which a wait is interrupted for (and
      // resumed after); the caller waits for its value. Without a thunk, gsi enters its REPL
      // in the target thread (##user-interrupt!): see DIFFERENCES.md.
      const th = checkThread(args[0], 1);
      const thunk = args.length >= 2 ? args[1]! : null;
      if (thunk !== null) checkProcedure(thunk, 2);
      const s = sched();
      const me = s.current;
      if (th === me) {
        // Called at once; gsi returns void here.
        if (thunk === null) { ret(r, VOID); return; }
        r.k = { op: FOp.ReturnValue, next: r.k, value: VOID };
        applyProc(r, thunk, []);
        return;
      }
      if (th.state === 'created' || th.state === 'terminated') throw new ErrorObj('inactive-thread', '');
      if (thunk === null) { ret(r, VOID); return; }
      const waiting = waiter(r);
      const intr = s.interrupt(th, thunk, waiting);
      s.park(waiting, WaitKind.Interrupt, intr, Infinity, undefined);
    }),
    control('thread-suspend!', 1, 1, (_vm, r, [t]) => {
      const th = checkThread(t, 1);
      const s = sched();
      s.suspend(th);
      ret(r, VOID);
      if (th === s.current && th.hold !== 0) r.blocked = true;
    }),
    plain('thread-resume!', 1, 1, (t: Value) => { sched().resume(checkThread(t, 1)); return VOID; }),

    // --- thread groups
    plain('make-thread-group', 0, 2, (name: Value = VOID, parent?: Value) =>
      new ThreadGroup(name, parent === false ? null : groupArg(parent, 2))),
    pure('thread-group?', 1, 1, (v: Value) => v instanceof ThreadGroup),
    plain('thread-group-name', 1, 1, (g: Value) => checkGroup(g, 1).name),
    plain('thread-group-parent', 1, 1, (g: Value) => checkGroup(g, 1).parent ?? false),
    plain('thread-group->thread-list', 1, 1, (g: Value) => arrayToList(checkGroup(g, 1).threads())),
    plain('thread-group->thread-group-list', 1, 1, (g: Value) => arrayToList(checkGroup(g, 1).children ?? [])),
    plain('thread-thread-group', 1, 1, (t: Value) => checkThread(t, 1).group ?? false),
    control('thread-group-suspend!', 1, 1, (_vm, r, [g]) => {
      const s = sched();
      for (const th of checkGroup(g, 1).allThreads()) s.suspend(th);
      ret(r, VOID);
      if (s.current.hold !== 0) r.blocked = true;
    }),
    plain('thread-group-resume!', 1, 1, (g: Value) => {
      const s = sched();
      for (const th of checkGroup(g, 1).allThreads()) s.resume(th);
      return VOID;
    }),
    control('thread-group-terminate!', 1, 1, (_vm, r, [g]) => {
      const s = sched();
      const me = s.current;
      const ths = checkGroup(g, 1).allThreads();
      ret(r, VOID);
      // The running thread last: its own end stops the machine.
      for (const th of ths) if (th !== me) s.terminate(th, EndKind.Terminated, VOID, null);
      if (ths.includes(me)) {
        s.terminate(me, EndKind.Terminated, VOID, null);
        r.blocked = true;
      } else {
        giveWay(r);
      }
    }),

    // --- mailboxes
    control('thread-send', 2, 2, (_vm, r, args) => {
      // (No destructuring of args: this is hot, and runs unoptimized at first.)
      const th = checkThread(args[0], 1);
      th.send(args[1]!);
      ret(r, VOID);
      if (th.state === 'blocked' && (th.waitKind === WaitKind.Receive || th.waitKind === WaitKind.Next)) {
        const s = sched();
        s.wake(th, th.waitKind === WaitKind.Next ? th.next() : th.take());
        giveWay(r);
      }
    }),
    control('thread-receive', 0, 2, (_vm, r, args) => {
      // (Written out rather than through `blocking` and mailboxWait: with no timeout, the
      // common case, this is one check of the mailbox and a park; ping-pong receives once per
      // message.)
      const s = sched();
      const me = s.current;
      const e = me.resumeError;
      if (e !== null) {
        me.resumeError = null;
        throw e;
      }
      if (args.length !== 0) { mailboxWait(r, args, false); return; }
      if (me.unread > 0) { ret(r, me.take()); return; }
      s.park(waiter(r), WaitKind.Receive, null, Infinity, undefined);
    }),
    blocking('thread-mailbox-next', 0, 2, (_vm, r, args) => mailboxWait(r, args, true)),
    plain('thread-mailbox-rewind', 0, 0, () => { sched().current.rewind(); return VOID; }),
    plain('thread-mailbox-extract-and-rewind', 0, 0, () => { sched().current.extractAndRewind(); return VOID; }),

    // --- mutexes
    plain('make-mutex', 0, 1, (name: Value = VOID) => new Mutex(name)),
    pure('mutex?', 1, 1, (v: Value) => v instanceof Mutex),
    plain('mutex-name', 1, 1, (m: Value) => checkMutex(m, 1).name),
    plain('mutex-specific', 1, 1, (m: Value) => checkMutex(m, 1).specific),
    plain('mutex-specific-set!', 2, 2, (m: Value, v: Value) => { checkMutex(m, 1).specific = v; return VOID; }),
    plain('mutex-state', 1, 1, (m: Value) => {
      const mx = checkMutex(m, 1);
      if (mx.owner === null) return intern(mx.abandoned ? 'abandoned' : 'not-abandoned');
      return mx.owner === 'not-owned' ? intern('not-owned') : mx.owner;
    }),
    blocking('mutex-lock!', 1, 3, (_vm, r, args) => {
      const m = checkMutex(args[0], 1);
      const deadline = deadlineOf(args[1], 2);
      const s = sched();
      const me = s.current;
      const owner = args.length < 3 ? me : args[2] === false ? 'not-owned' : checkThread(args[2], 3);
      if (m.owner === null) {
        acquire(m, owner);
        ret(r, true);
        if (m.abandoned) {
          // gsi: the mutex is taken, then `MUTEX was abandoned` (without a call form).
          m.abandoned = false;
          raiseWithoutCall(r, s.abandonedMutex());
        }
        return;
      }
      if (passed(deadline)) { ret(r, false); return; }
      waiter(r);
      m.waiters.push(me);
      s.park(me, WaitKind.Mutex, m, deadline, false);
    }),
    control('mutex-unlock!', 1, 3, (_vm, r, args) => {
      const m = checkMutex(args[0], 1);
      const cv = args.length >= 2 && args[1] !== false ? checkCondVar(args[1], 2) : null;
      const deadline = cv === null ? Infinity : deadlineOf(args[2], 3);
      release(m);
      if (cv === null) {
        ret(r, VOID);
        giveWay(r);
        return;
      }
      // SRFI-18: unlock and wait on the condition variable atomically; #t when signaled, #f on
      // timeout. The mutex is not locked again.
      if (passed(deadline)) {
        ret(r, false);
        giveWay(r);
        return;
      }
      const me = waiter(r);
      cv.waiters.push(me);
      sched().park(me, WaitKind.CondVar, cv, deadline, false);
    }),

    // --- condition variables
    plain('make-condition-variable', 0, 1, (name: Value = VOID) => new CondVar(name)),
    pure('condition-variable?', 1, 1, (v: Value) => v instanceof CondVar),
    plain('condition-variable-name', 1, 1, (c: Value) => checkCondVar(c, 1).name),
    plain('condition-variable-specific', 1, 1, (c: Value) => checkCondVar(c, 1).specific),
    plain('condition-variable-specific-set!', 2, 2, (c: Value, v: Value) => { checkCondVar(c, 1).specific = v; return VOID; }),
    control('condition-variable-signal!', 1, 1, (_vm, r, [c]) => {
      const cv = checkCondVar(c, 1);
      ret(r, VOID);
      const w = cv.waiters.shift();
      if (w !== undefined) {
        sched().wake(w, true);
        giveWay(r);
      }
    }),
    control('condition-variable-broadcast!', 1, 1, (_vm, r, [c]) => {
      const cv = checkCondVar(c, 1);
      ret(r, VOID);
      if (cv.waiters.length === 0) return;
      const s = sched();
      for (const w of cv.waiters.splice(0)) s.wake(w, true);
      giveWay(r);
    }),

    // --- the exceptions of this chapter not defined in exceptions.ts
    pure('abandoned-mutex-exception?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'abandoned-mutex'),
    pure('started-thread-exception?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'started-thread'),
    pure('inactive-thread-exception?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'inactive-thread'),
    ...THREAD_CALL_KINDS.flatMap((k) => {
      const name = k === 'uncaught' ? 'uncaught-exception' : `${k}-exception`;
      return [
        pure(`${name}-procedure`, 1, 1, (e: Value) => exceptionOf(k, e).proc ?? false),
        pure(`${name}-arguments`, 1, 1, (e: Value) => { const x = exceptionOf(k, e); return x.args === null ? NIL : arrayToList(x.args); }),
      ];
    }),
  ];
};

