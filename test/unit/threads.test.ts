// Threads, mutexes, condition variables and mailboxes (runtime/threads.ts and the primitives of
// runtime/prims/threads.ts), run by the scheduler on a virtual clock (helpers/thread-world.ts).
// What gsi prints for the same programs is pinned by test/golden/cases/40-threads; these tests
// check the values and the orders, and what needs the clock in hand.

import { expect } from 'chai';
import { Ring, SThread } from '../../runtime/threads.js';
import { VOID, intern, type Value } from '../../runtime/values.js';
import { threadWorld, type ThreadWorld } from './helpers/thread-world.js';

/** Run a program; return what it printed. */
function runOut(program: string, w: ThreadWorld = threadWorld()): string {
  w.run(program);
  return w.out();
}

describe('#Ring', () => {
  it('queues at both ends and grows past its initial size, keeping the order', () => {
    const q = new Ring<number>();
    for (let i = 0; i < 20; i++) q.push(i);
    q.unshift(-1);
    expect(q.length).to.equal(21);
    const got: number[] = [];
    for (let x = q.shift(); x !== undefined; x = q.shift()) got.push(x);
    expect(got).to.deep.equal([-1, ...Array.from({ length: 20 }, (_, i) => i)]);
    expect(q.shift()).to.equal(undefined);
  });

  it('removes from the middle and wraps around the buffer', () => {
    const q = new Ring<string>();
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f']) q.push(s);
    q.shift();
    q.shift();
    for (const s of ['g', 'h', 'i']) q.push(s); // wraps: capacity 8
    expect(q.removeAt(2)).to.equal('e');
    expect(q.removeAt(0)).to.equal('c');
    expect(Array.from({ length: q.length }, (_, i) => q.get(i))).to.deep.equal(['d', 'f', 'g', 'h', 'i']);
  });
});

describe('#SThread mailbox', () => {
  it('receives in arrival order and reads past a cursor without removing', () => {
    const t = new SThread(VOID, VOID);
    const [a, b, c] = [intern('a'), intern('b'), intern('c')];
    for (const m of [a, b, c]) t.send(m);
    expect(t.next()).to.equal(a);
    expect(t.take()).to.equal(b); // the message at the cursor
    expect(t.unread).to.equal(2);
    expect(t.next()).to.equal(a);
    t.extractAndRewind();
    expect(t.take()).to.equal(c);
    expect(t.unread).to.equal(0);
  });

  it('handles many messages without losing any', () => {
    const t = new SThread(VOID, VOID);
    for (let i = 0; i < 5000; i++) t.send(i);
    let sum = 0;
    while (t.unread > 0) sum += t.take() as number;
    expect(sum).to.equal((4999 * 5000) / 2);
  });
});

describe('threads', () => {
  describe('#make-thread and #thread-start!', () => {
    it('runs threads in the order they were started, after the creator yields', () => {
      expect(runOut(`
        (define (mk name) (make-thread (lambda () (display name) (thread-yield!) (display name))))
        (define a (mk "a")) (define b (mk "b"))
        (thread-start! a) (display 1) (thread-start! b) (display 2)
        (thread-yield!) (display 3) (thread-join! a) (thread-join! b)`)).to.equal('12ab3ab');
    });

    it('returns the value of the thunk through thread-join!', () => {
      const w = threadWorld();
      w.run('(map thread-join! (map (lambda (i) (thread-start! (make-thread (lambda () (* i i))))) (list 1 2 3)))');
      expect(w.show(w.result())).to.equal('(1 4 9)');
    });

    it('spawns and joins many threads, one after the other', () => {
      const w = threadWorld();
      w.run(`(let loop ((i 0) (acc 0))
               (if (< i 20000) (loop (+ i 1) (+ acc (thread-join! (thread-start! (make-thread (lambda () i)))))) acc))`);
      expect(w.result()).to.equal((19999 * 20000) / 2);
    });

    it('prints the primordial thread as #<thread #1 primordial>', () => {
      expect(runOut('(write (current-thread)) (write (thread-name (current-thread)))')).to.equal('#<thread #1 primordial>primordial');
    });

    it('refuses to start a thread twice (Thread is started)', () => {
      const w = threadWorld();
      w.run('(define t (thread-start! (make-thread (lambda () 1)))) (thread-start! t)');
      expect(w.ended!.report).to.equal('*** ERROR IN "test.scm"@1.56 -- Thread is started\n(thread-start! \'#<thread #2>)\n');
    });
  });

  describe('#thread-join!', () => {
    it('times out with the default value, or raises join-timeout with the call form', () => {
      const w = threadWorld();
      w.run(`(define s (thread-start! (make-thread (lambda () (thread-sleep! 10)))))
             (display (thread-join! s 1 'late))
             (thread-join! s 2)`);
      expect(w.out()).to.equal('');
      w.host.advanceAndSettle(1000);
      expect(w.out()).to.equal('late');
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(1999);
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(1);
      expect(w.ended!.report).to.equal('*** ERROR IN "test.scm"@3.14 -- \'thread-join!\' timed out\n(thread-join! \'#<thread #2> 2)\n');
    });

    it('raises an uncaught-exception wrapping the reason, silently until then', () => {
      const w = threadWorld();
      w.run(`(define (fail) (raise 'boom))
             (define t (thread-start! (make-thread fail)))
             (thread-yield!)
             (display "still here ")
             (thread-join! t)`);
      expect(w.out()).to.equal('still here ');
      expect(w.threadErrors).to.have.length(1);
      expect(w.ended!.report).to.equal('*** ERROR IN "test.scm"@5.14 -- Uncaught exception: boom\n(thread-join! \'#<thread #2>)\n');
    });

    it('raises terminated-thread-exception for a terminated thread', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-sleep! 5)))))
             (define j (thread-start! (make-thread (lambda () (with-exception-catcher (lambda (e) (terminated-thread-exception? e)) (lambda () (thread-join! t)))))))
             (thread-yield!)
             (thread-terminate! t)
             (thread-join! j)`);
      expect(w.result()).to.equal(true);
    });
  });

  describe('#thread-sleep!', () => {
    it('wakes sleepers at their deadlines, in deadline order', () => {
      const w = threadWorld();
      w.run(`(define (sleeper name secs) (thread-start! (make-thread (lambda () (thread-sleep! secs) (display name)))))
             (for-each thread-join! (list (sleeper 'c 0.3) (sleeper 'a 0.1) (sleeper 'b 0.2)))`);
      expect(w.out()).to.equal('');
      w.host.advanceAndSettle(99);
      expect(w.out()).to.equal('');
      w.host.advanceAndSettle(1);
      expect(w.out()).to.equal('a');
      w.host.advanceAndSettle(200);
      expect(w.out()).to.equal('abc');
      expect(w.ended).to.not.equal(null);
    });

    it('accepts an absolute time object and returns at once for a time in the past', () => {
      const w = threadWorld();
      w.host.clock = 1_000_000;
      w.run(`(thread-sleep! (seconds->time 999)) (display "past ")
             (thread-sleep! (seconds->time 1000.5)) (display "woke")`);
      expect(w.out()).to.equal('past ');
      w.host.advanceAndSettle(500);
      expect(w.out()).to.equal('past woke');
    });

    it('arms one host timer for many sleepers', () => {
      const w = threadWorld();
      w.run(`(define ts (let loop ((i 0) (acc '()))
                          (if (< i 1000) (loop (+ i 1) (cons (thread-start! (make-thread (lambda () (thread-sleep! 1) i))) acc)) acc)))
             (apply + (map thread-join! ts))`);
      expect(w.host.timersSet).to.be.lessThan(5);
      w.host.advanceAndSettle(1000, 1000);
      expect(w.result()).to.equal((999 * 1000) / 2);
    });
  });

  describe('mailboxes', () => {
    it('delivers a message to a thread blocked in thread-receive', () => {
      expect(runOut(`
        (define echo (thread-start! (make-thread (lambda () (let ((m (thread-receive))) (thread-send (car m) (list 'echo (cdr m))))))))
        (thread-send echo (cons (current-thread) 'hi))
        (write (thread-receive))`)).to.equal('(echo hi)');
    });

    it('times out thread-receive with a default, or raises mailbox-receive-timeout', () => {
      const w = threadWorld();
      w.run(`(write (thread-receive 0.5 'nothing)) (thread-receive 0.5)`);
      w.host.advanceAndSettle(500);
      expect(w.out()).to.equal('nothing');
      w.host.advanceAndSettle(500);
      expect(w.ended!.report).to.equal('*** ERROR IN "test.scm"@1.39 -- mailbox receive timed out\n(thread-receive .5)\n');
    });

    it('passes 10,000 messages back and forth between two threads', () => {
      const w = threadWorld();
      w.run(`(define (pong) (let loop () (let ((m (thread-receive))) (if (pair? m) (begin (thread-send (car m) (cdr m)) (loop)) 'done))))
             (define p (thread-start! (make-thread pong)))
             (define (ping i acc) (if (< i 10000) (begin (thread-send p (cons (current-thread) i)) (ping (+ i 1) (+ acc (thread-receive)))) acc))
             (define total (ping 0 0))
             (thread-send p 'stop)
             (list total (thread-join! p))`);
      expect(w.show(w.result())).to.equal(`(${(9999 * 10000) / 2} done)`);
    });
  });

  describe('mutexes and condition variables', () => {
    it('keeps a critical section exclusive across yields', () => {
      expect(runOut(`
        (define m (make-mutex))
        (define (critical name) (mutex-lock! m) (display name) (thread-yield!) (display name) (mutex-unlock! m))
        (for-each thread-join! (map (lambda (n) (thread-start! (make-thread (lambda () (critical n))))) '(a b c)))`)).to.equal('aabbcc');
    });

    it('hands an unlocked mutex to its first waiter', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex))
             (mutex-lock! m)
             (define a (thread-start! (make-thread (lambda () (mutex-lock! m) (thread-receive)) 'a)))
             (thread-yield!)
             (mutex-unlock! m)
             (list (mutex-state m) (mutex-lock! m 0))`);
      expect(w.show(w.result())).to.equal('(#<thread #2 a> #f)');
    });

    it('times out mutex-lock! with #f', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex)) (thread-start! (make-thread (lambda () (mutex-lock! m) (thread-sleep! 10)))) (thread-yield!) (mutex-lock! m 0.25)`);
      w.host.advanceAndSettle(249);
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(1);
      expect(w.result()).to.equal(false);
    });

    it('gives a mutex abandoned by a thread that ended to the next locker, with an exception', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex)) (thread-join! (thread-start! (make-thread (lambda () (mutex-lock! m))))) (mutex-lock! m)`);
      expect(w.ended!.report).to.equal('*** ERROR IN ##mutex-lock-out-of-line! -- MUTEX was abandoned\n');
      expect(w.show(w.vm.globalValue('m')!)).to.equal('#<mutex #2>');
    });

    it('wakes waiters with signal one at a time and with broadcast all at once', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex)) (define cv (make-condition-variable)) (define woken '())
             (define (waiter n) (thread-start! (make-thread (lambda () (mutex-lock! m) (mutex-unlock! m cv) (set! woken (cons n woken))))))
             (define ws (map waiter '(1 2 3)))
             (thread-yield!)
             (condition-variable-signal! cv)
             (define after-signal woken)
             (condition-variable-broadcast! cv)
             (for-each thread-join! ws)
             (list after-signal (reverse woken))`);
      expect(w.show(w.result())).to.equal('((1) (1 2 3))');
    });

    it('returns #f from mutex-unlock! when the condition variable wait times out', () => {
      const w = threadWorld();
      w.run(`(define m (make-mutex)) (mutex-lock! m) (mutex-unlock! m (make-condition-variable) 0.1)`);
      w.host.advanceAndSettle(100);
      expect(w.result()).to.equal(false);
    });
  });

  describe('the dynamic environment', () => {
    it('is inherited by make-thread (parameters, current ports) but not by make-root-thread', () => {
      const w = threadWorld();
      w.run(`(define p (make-parameter 'global))
             (define out (open-output-string))
             (parameterize ((p 'outer) (current-output-port out))
               (thread-join! (thread-start! (make-thread (lambda () (display (p))))))
               (thread-join! (thread-start! (make-root-thread (lambda () (display (p)))))))
             (get-output-string out)`);
      expect(w.out()).to.equal('global');
      expect(w.show(w.result())).to.equal('"outer"');
    });

    it('does not pass exception handlers to new threads', () => {
      const w = threadWorld();
      w.run(`(with-exception-catcher (lambda (e) (list 'caught (uncaught-exception? e)))
               (lambda () (thread-join! (thread-start! (make-thread (lambda () (raise 'x)))))))`);
      expect(w.show(w.result())).to.equal('(caught #t)');
    });

    it('travels with a continuation resumed in another thread', () => {
      const w = threadWorld();
      w.run(`(define p (make-parameter 'global))
             (define k #f)
             (define out (open-output-string))
             (thread-join! (thread-start! (make-thread (lambda ()
               (parameterize ((p 'captured) (current-output-port out))
                 (display (list (continuation-capture (lambda (c) (set! k c) 'first)) (p))))))))
             (thread-join! (thread-start! (make-root-thread (lambda () (continuation-return k 'again)))))
             (list (p) (get-output-string out))`);
      expect(w.show(w.result())).to.equal('(global "(first captured)(again captured)")');
      expect(w.out()).to.equal('');
    });
  });

  describe('the talk helpers (scheme-lib/talk-helpers.scm)', () => {
    it('runs pfor over 254 addresses with at most 100 at a time', () => {
      const w = threadWorld();
      w.run(`(include "talk-helpers.scm")
             (define running 0) (define most 0) (define done 0)
             (define throttle (make-throttle 100))
             (pfor 1 255 (lambda (i) (throttle (lambda ()
               (set! running (+ running 1)) (set! most (max most running))
               (sleep 0.5)
               (set! running (- running 1)) (set! done (+ done 1))))))
             (list done most running)`);
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(500, 500);
      expect(w.ended).to.equal(null); // 100 done, the next 100 running
      w.host.advanceAndSettle(1000, 500);
      expect(w.show(w.result())).to.equal('(254 100 0)');
    });

    it('spawns root threads and halts without an exception', () => {
      const w = threadWorld();
      w.run(`(include "talk-helpers.scm")
             (define t (spawn (begin (without-exception (halt)) 'not-reached)))
             (list (without-exception (thread-join! t)) (without-exception (car 1)) (thread-join! (spawn (+ 1 2))))`);
      expect(w.show(w.result())).to.equal('(#f #f 3)');
    });
  });

  describe('#thread-state', () => {
    it('shows the life of a thread', () => {
      const w = threadWorld();
      w.run(`(define t (make-thread (lambda () (thread-sleep! 1) 'r)))
             (define s1 (thread-state t))
             (thread-start! t)
             (define s2 (thread-state t))
             (thread-yield!)
             (define s3 (thread-state t))
             (thread-join! t)
             (list s1 s2 s3 (thread-state-waiting-timeout s3) (thread-state t) (thread-state-normally-terminated-result (thread-state t)))`);
      w.host.advanceAndSettle(1000, 1000);
      expect(w.show(w.result())).to.equal(
        '(#<thread-state-initialized #2> #<thread-state-running #3> #<thread-state-waiting #4> #<time #5> #<thread-state-normally-terminated #6> r)');
    });
  });

  it('gives the value of each kind of wait back through the primitive that waited', () => {
    const w = threadWorld();
    const values: Value[] = [];
    w.run(`(define m (make-mutex)) (define cv (make-condition-variable))
           (list (thread-sleep! 0.01) (thread-join! (thread-start! (make-thread (lambda () 'j))))
                 (mutex-lock! m) (mutex-unlock! m) (thread-receive 0.01 'd))`);
    w.host.advanceAndSettle(20);
    values.push(w.result());
    expect(w.show(values[0]!)).to.equal('(#!void j #t #!void d)');
  });

  describe('#thread-interrupt!', () => {
    it('runs the thunk in a sleeper, which then sleeps until its original deadline', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-sleep! 1) (display "woke")))))
             (thread-sleep! 0.4)
             (display (thread-interrupt! t (lambda () (display "thunk ") 'v)))
             (display " ")
             (thread-join! t)`);
      w.host.advanceAndSettle(400);
      expect(w.out()).to.equal('thunk v ');
      w.host.advanceAndSettle(599);
      expect(w.out()).to.equal('thunk v ');
      w.host.advanceAndSettle(1);
      expect(w.out()).to.equal('thunk v woke');
      expect(w.ended).to.not.equal(null);
    });

    it('lets a join or a receive with a timeout time out at the original deadline', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-receive 1 'timed-out)))))
             (thread-sleep! 0.5)
             (thread-interrupt! t (lambda () 'x))
             (thread-join! t)`);
      w.host.advanceAndSettle(999);
      expect(w.ended).to.equal(null);
      w.host.advanceAndSettle(1);
      expect(w.show(w.result())).to.equal('timed-out');
    });

    it('raises MUTEX was abandoned in the caller when the target ends first', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-sleep! 1)))))
             (thread-yield!)
             (with-exception-catcher abandoned-mutex-exception?
               (lambda () (thread-interrupt! t (lambda () (thread-terminate! t)))))`);
      expect(w.show(w.result())).to.equal('#t');
    });
  });

  describe('#thread-suspend!', () => {
    it('holds a woken thread out of the run queue until it is resumed', () => {
      const w = threadWorld();
      w.run(`(define t (thread-start! (make-thread (lambda () (thread-sleep! 0.1) (display "ran")))))
             (thread-yield!)
             (thread-suspend! t)
             (thread-sleep! 1)
             (display "resume ")
             (thread-resume! t)
             (thread-join! t)`);
      w.host.advanceAndSettle(1000, 10);
      expect(w.out()).to.equal('resume ran');
      expect(w.ended).to.not.equal(null);
    });

    it('detects a deadlock when the primordial thread suspends itself with nothing else to run', () => {
      const w = threadWorld();
      w.run(`(with-exception-catcher deadlock-exception? (lambda () (thread-suspend! (current-thread)) 'resumed))`);
      expect(w.show(w.result())).to.equal('#t');
    });
  });

  describe('thread groups', () => {
    it('drops ended threads from a group of many in any order', () => {
      const w = threadWorld();
      w.run(`(define g (make-thread-group 'many))
             (define ts (let loop ((i 0) (acc '()))
                          (if (< i 2000) (loop (+ i 1) (cons (make-thread (lambda () (thread-receive)) i g) acc)) (reverse acc))))
             (for-each thread-start! ts)
             (define (every-other l) (if (or (null? l) (null? (cdr l))) '() (cons (cadr l) (every-other (cddr l)))))
             (define odd (every-other ts))
             (for-each (lambda (t) (thread-send t 'go)) (reverse odd))
             (for-each thread-join! odd)
             (define left (map thread-name (thread-group->thread-list g)))
             (for-each (lambda (t) (thread-send t 'go)) ts)
             (for-each thread-join! ts)
             (list (length left) (list-tail left 997) (thread-group->thread-list g))`);
      expect(w.show(w.result())).to.equal('(1000 (1994 1996 1998) ())');
    });
  });
});
