// The scheduler (runtime/scheduler.ts): turns and quanta, the run order gsi uses, deadlines,
// host waits, idling and deadlock detection. The clock is virtual (helpers/thread-world.ts).

import { expect } from 'chai';
import { ErrorObj } from '../../runtime/errors.js';
import { Primitive, VOID, intern, type Value } from '../../runtime/values.js';
import type { ControlFn } from '../../interpreter/machine.js';
import { threadWorld, type ThreadWorld } from './helpers/thread-world.js';

/** Define a control primitive `(host-wait secs)` that parks the thread in a host wait. */
function withHostWait(w: ThreadWorld): { resume: (v: Value) => void; fail: (e: Value) => void; timeouts: number } {
  const state = { resume: (_v: Value): void => {}, fail: (_e: Value): void => {}, timeouts: 0 };
  const fn: ControlFn = (_vm, _r, [secs]) => {
    const t = w.sched.current;
    const timeout = typeof secs === 'number' ? secs : null;
    w.sched.block(t, { kind: 'host' }, timeout, () => { state.timeouts++; w.sched.wake(t, intern('timed-out')); });
    state.resume = (v) => w.sched.wake(t, v);
    state.fail = (e) => w.sched.wakeRaise(t, e);
  };
  w.vm.define('host-wait', new Primitive('host-wait', 0, 1, 'control', fn));
  return state;
}

describe('Scheduler', () => {
  describe('#turn', () => {
    it('preempts a busy thread: others still run, and a sleeper wakes on time', () => {
      const w = threadWorld();
      w.host.tickPerRead = 0.05; // each clock read moves time a little: quanta take time
      w.run(`(define stop #f)
             (define busy (thread-start! (make-thread (lambda () (let loop ((i 0)) (if stop i (loop (+ i 1))))))))
             (define late #f)
             (define sleeper (thread-start! (make-thread (lambda ()
               (let ((deadline (+ (real-time) 0.05)))
                 (thread-sleep! 0.05)
                 (set! late (- (real-time) deadline)))))))
             (thread-join! sleeper)
             (set! stop #t)
             (list (> (thread-join! busy) 0) (< late 0.05))`);
      expect(w.show(w.result())).to.equal('(#t #t)');
    });

    it('ends a turn after a few milliseconds so that the event loop runs', () => {
      const w = threadWorld();
      w.host.tickPerRead = 1;
      let deferredTurns = 0;
      const defer = w.host.defer.bind(w.host);
      w.host.defer = (cb) => { deferredTurns++; defer(cb); };
      w.run('(let loop ((i 0)) (if (< i 300000) (loop (+ i 1)) i))');
      expect(w.result()).to.equal(300000);
      expect(deferredTurns).to.be.greaterThan(2);
    });
  });

  describe('run order', () => {
    it('runs a woken thread before the thread that woke it, which resumes right after', () => {
      const w = threadWorld();
      w.run(`(define (pr x) (display x) (display " "))
             (define d (thread-start! (make-thread (lambda () (pr (thread-receive)) (thread-yield!) (pr 'd-end)))))
             (thread-yield!)
             (define b (thread-start! (make-thread (lambda () (pr 'b)))))
             (thread-send d 'm1)
             (pr 'P)
             (thread-yield!)
             (pr 'P2)`);
      expect(w.out()).to.equal('m1 P b d-end P2 ');
    });

    it('does not let a woken thread preempt another woken thread', () => {
      const w = threadWorld();
      w.run(`(define (pr x) (display x) (display " "))
             (define u (thread-start! (make-thread (lambda () (pr (thread-receive))))))
             (define v (thread-start! (make-thread (lambda () (pr (thread-receive)) (thread-send u 'to-u) (pr 'v-end)))))
             (thread-yield!)
             (thread-send v 'to-v)
             (pr 'P)`);
      expect(w.out()).to.equal('to-v v-end to-u P ');
    });
  });

  describe('#switchFrom', () => {
    // A thread that parks hands the machine straight to the next runnable thread, without
    // returning to the slice loop (vm.switchThread). The loop must still read the clock every
    // few switches: a ping-pong that never lets the machine stop would otherwise starve a
    // sleeper and never end its turn.
    it('hands over between parked threads, and still wakes sleepers and ends turns', () => {
      const w = threadWorld();
      w.host.tickPerRead = 0.2;
      let deferredTurns = 0;
      const defer = w.host.defer.bind(w.host);
      w.host.defer = (cb) => { deferredTurns++; defer(cb); };
      w.run(`(define woke #f)
             (define sleeper (thread-start! (make-thread (lambda () (thread-sleep! 0.01) (set! woke (real-time))))))
             (define (pong)
               (let loop ()
                 (let ((m (thread-receive)))
                   (if (pair? m) (begin (thread-send (car m) (cdr m)) (loop)) 'done))))
             (define p (thread-start! (make-thread pong)))
             (define me (current-thread))
             (define sum
               (let loop ((i 0) (acc 0) (woke-at #f))
                 (if (< i 20000)
                     (begin (thread-send p (cons me i))
                            (loop (+ i 1) (+ acc (thread-receive)) (or woke-at (and woke i))))
                     (begin (thread-send p 'stop) (thread-join! p) (list acc (< 0 woke-at 20000))))))
             sum`);
      expect(w.show(w.result())).to.equal('(199990000 #t)');
      expect(deferredTurns).to.be.greaterThan(2);
    });
  });

  describe('deadlines', () => {
    it('wakes thousands of sleepers with scattered deadlines in deadline order', () => {
      const w = threadWorld();
      // deadlines i*7919 mod 1000 ms: a permutation of 0..999
      w.run(`(define order '())
             (define ts (let loop ((i 1) (acc '()))
               (if (<= i 1000)
                   (loop (+ i 1) (cons (thread-start! (make-thread (let ((ms (modulo (* i 7919) 1000)))
                                          (lambda () (thread-sleep! (/ ms 1000.)) (set! order (cons ms order)))))) acc))
                   acc)))
             (for-each thread-join! ts)
             (reverse order)`);
      w.host.advanceAndSettle(1000);
      const got = w.show(w.result());
      expect(got).to.equal(`(${Array.from({ length: 1000 }, (_, i) => i).join(' ')})`);
    });

    it('forgets the deadline of a wait that ended early', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-receive 100 'timeout)))))
             (thread-yield!)
             (thread-send t 'message)
             (thread-join! t)`);
      expect(w.sched.timed).to.equal(0);
      expect(w.show(w.result())).to.equal('message');
    });
  });

  describe('idling', () => {
    it('schedules nothing but one host timer while every thread sleeps', () => {
      const w = threadWorld();
      w.run(`(define ts (map (lambda (s) (thread-start! (make-thread (lambda () (thread-sleep! s) s)))) '(5 10 20)))
             (map thread-join! ts)`);
      expect(w.host.runDeferred()).to.equal(0); // no turn pending: the process would sleep
      expect(w.sched.runnable).to.equal(0);
      const armed = w.host.timersSet;
      w.host.advance(4999);
      expect(w.host.timersSet).to.equal(armed);
      w.host.advanceAndSettle(20000, 1000);
      expect(w.show(w.result())).to.equal('(5 10 20)');
    });

    it('waits for a host operation, and times it out through its callback', () => {
      const w = threadWorld();
      const hw = withHostWait(w);
      w.run('(define a (host-wait)) (define b (host-wait 2)) (list a b)');
      expect(w.ended).to.equal(null);
      hw.resume(42);
      w.settle();
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(2000, 500);
      expect(hw.timeouts).to.equal(1);
      expect(w.show(w.result())).to.equal('(42 timed-out)');
    });

    it('raises in a thread woken from a host wait with an exception', () => {
      const w = threadWorld();
      const hw = withHostWait(w);
      w.run('(with-exception-catcher (lambda (e) (list \'caught e)) (lambda () (host-wait)))');
      hw.fail(new ErrorObj('os', 'connection lost'));
      w.settle();
      expect(w.show(w.result())).to.equal('(caught #<os-exception #2>)');
    });
  });

  describe('deadlock detection', () => {
    it('raises a deadlock exception in the primordial thread when nothing can wake it', () => {
      const w = threadWorld();
      w.run('(thread-join! (thread-start! (make-thread (lambda () (thread-receive)))))');
      expect(w.ended!.report).to.equal('*** ERROR IN ##thread-deadlock-action! -- Deadlock detected\n');
    });

    it('does not while a thread waits for the host', () => {
      const w = threadWorld();
      const hw = withHostWait(w);
      w.run('(define t (thread-start! (make-thread (lambda () (host-wait))))) (thread-join! t)');
      expect(w.ended).to.equal(null);
      hw.resume(7);
      w.settle();
      expect(w.result()).to.equal(7);
    });

    it('does not while host activity is pending', () => {
      const w = threadWorld();
      w.sched.hostActivity++;
      w.run('(thread-receive)');
      expect(w.ended).to.equal(null);
    });
  });

  describe('#terminate', () => {
    it('ends the program when the primordial thread ends, stopping the other threads', () => {
      const w = threadWorld();
      w.run(`(define count 0)
             (thread-start! (make-thread (lambda () (let loop () (set! count (+ count 1)) (thread-yield!) (loop)))))
             (thread-yield!)
             'done`);
      expect(w.ended).to.not.equal(null);
      const count = w.vm.globalValue('count');
      w.settle();
      w.host.advanceAndSettle(100);
      expect(w.vm.globalValue('count')).to.equal(count);
      expect(w.sched.halted).to.equal(true);
    });

    it('reports the uncaught exceptions of other threads to the hook as they happen', () => {
      const w = threadWorld();
      w.run(`(define (bad) (car 1))
             (thread-start! (make-thread bad 'worker))
             (thread-start! (make-thread (lambda () (raise 'boom))))
             (thread-sleep! 0.01)`);
      expect(w.threadErrors).to.deep.equal([
        '#<thread #2 worker>: *** ERROR IN bad, "test.scm"@1.15 -- (Argument 1) PAIR expected\n(car 1)\n',
        '#<thread #3>: *** ERROR IN #<procedure #4>, "test.scm"@3.53 -- This object was raised: boom\n',
      ]);
    });

    it('lets a handler recover from a deadlock', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex)) (mutex-lock! m)
             (define t (thread-start! (make-thread (lambda () (mutex-lock! m)))))
             (with-exception-catcher (lambda (e) (deadlock-exception? e)) (lambda () (thread-join! t)))`);
      expect(w.result()).to.equal(true);
      expect(w.ended!.exception).to.equal(null);
    });
  });

  it('keeps a terminated thread small: its continuation is dropped', () => {
    const w = threadWorld();
    w.run(`(define (build i l) (if (< i 100) (build (+ i 1) (cons i l)) (length l)))
           (define t (thread-start! (make-thread (lambda () (build 0 '())))))
           (thread-join! t)`);
    const t = w.vm.globalValue('t') as unknown as { regs: { k: unknown; env: unknown[] }; thunk: Value };
    expect([t.regs.k, t.regs.env.length, t.thunk]).to.deep.equal([null, 0, VOID]);
  });
});
