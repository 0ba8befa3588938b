// Tests of rpc between nodes in this process (scheme-lib/dcs.scm's rpc macro over net/): each
// node is its own Vm, so global variables are looked up at the destination, as between
// machines. Values come back, exceptions are re-raised at the caller (the talk's
// `(rpc #4 (/ 1 0))`), timeouts and lost connections raise 'rpc' errors at the caller.

import { expect } from 'chai';
import { makeNode, testPort, until, type TestNode } from './net-harness.js';
import { netOf } from '../../net/bridge.js';
import type { Conn } from '../../net/conn.js';
import { schedulerOf } from '../../runtime/scheduler.js';
import { U8Vector } from '../../runtime/values.js';

let a: TestNode, b: TestNode, c: TestNode;
let port: number;

describe('#rpc', () => {
  // Three fresh nodes for each test of this file (not a root hook: those run for every test of
  // the whole suite).
  beforeEach(async () => {
    port = testPort();
    [a, b, c] = [makeNode(), makeNode(), makeNode()];
    for (const [n, i] of [[a, 2], [b, 3], [c, 4]] as const) {
      n.def(`(define (host-name) "node-${i}")`);
      n.def(`(define where ${i})`);
      expect(await n.ev(`(node-start! address: "127.0.0.${i}" port: ${port} cookie: "sesame" discovery: 'none)`)).to.equal(`#u8(127 0 0 ${i})`);
    }
    a.def('(define (node-at i) (connection-node (DCS-connect (u8vector 127 0 0 i))))');
    expect(await a.ev('(length (list (node-at 3) (node-at 4)))')).to.equal('2');
  });

  afterEach(async () => {
    await Promise.all([a, b, c].map((n) => n.stop()));
  });

  it('runs the expression at the destination: each node answers its own host name', async () => {
    expect(await a.ev('(map (lambda (n) (rpc n (host-name))) (list (node-at 2) (node-at 3) (node-at 4)))'))
      .to.equal('("node-2" "node-3" "node-4")');
    expect(await a.ev('(length (map (lambda (n) (rpc n (host-name))) (nodes)))')).to.equal('3');
  });

  it('carries the closure\'s environment and looks global variables up at the destination', async () => {
    expect(await a.ev('(let ((y 5)) (rpc (node-at 3) (list y where)))')).to.equal('(5 3)');
  });

  it('re-raises the destination\'s exception at the caller, with its call form', async () => {
    expect(await a.ev('(rpc (node-at 3) (/ 1 0))')).to.equal('ERR Divide by zero\n(/ 1 0)');
    expect(await a.ev("(rpc (node-at 3) (raise 'oops))")).to.equal('ERR This object was raised: oops');
    expect(await a.ev('(with-exception-catcher divide-by-zero-exception? (lambda () (rpc (node-at 4) (/ 1 0))))')).to.equal('#t');
  });

  it('raises an rpc error at the caller when the answer is late', async () => {
    const t0 = Date.now();
    expect(await a.ev('(rpc (node-at 3) (thread-sleep! 5) .2)')).to.match(/^ERR rpc timeout: #<thread #\d+>$/);
    expect(Date.now() - t0).to.be.within(150, 1500);
    expect(await a.ev("(rpc (node-at 3) 'fine .5)")).to.equal('fine');
  });

  it('fails a pending call at once when the destination leaves', async () => {
    const pending = a.ev('(rpc (node-at 3) (thread-sleep! 30) 60)', 5000);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await b.stop();
    expect(await pending).to.match(/^ERR rpc connection lost: #<thread #\d+>$/);
    expect(Date.now() - t0).to.be.below(1000);
    expect(await a.ev('(table-ref ip2node (u8vector 127 0 0 3) #f)')).to.equal('#f');
  });

  it('forgets the pending call of a thread terminated while it waits for the answer', async () => {
    const sched = schedulerOf(a.vm);
    const conn = (): Conn => netOf(a.vm).peerOf(netOf(a.vm).ip2node.get(new U8Vector(new Uint8Array([127, 0, 0, 3])))!.value)!.conn!;
    a.def('(define caller (make-thread (lambda () (rpc (node-at 3) (thread-sleep! 30) 60))))');
    const base = sched.hostActivity;
    await a.ev('(thread-start! caller)');
    expect(await until(() => conn().pendingCalls === 1, 1000)).to.equal(true);
    expect(sched.hostActivity).to.equal(base + 1);
    expect(await a.ev('(begin (thread-terminate! caller) (thread-state caller))')).to.match(/terminated/);
    expect(conn().pendingCalls).to.equal(0);
    expect(sched.hostActivity).to.equal(base);
  });

  it('prints on the destination\'s console (the talk\'s encode maps the current ports)', async () => {
    expect(await a.ev('(rpc (node-at 3) (begin (display "hello from afar") (newline) 1))')).to.equal('1');
    expect(b.host.out).to.contain('hello from afar\n');
    expect(a.host.out).to.not.contain('hello from afar');
  });

  it('uses the global encode and decode, which a program may redefine', async () => {
    a.def('(define encodes 0)');
    a.def('(define old-encode encode)');
    a.def('(set! encode (lambda (x) (set! encodes (+ encodes 1)) (old-encode x)))');
    expect(await a.ev('(begin (rpc (node-at 3) 1) (rpc (node-at 4) 2) encodes)')).to.equal('2');
  });

  it('refuses a request larger than the destination accepts, before sending it', async () => {
    const d = makeNode();
    try {
      await d.ev(`(node-start! address: "127.0.0.5" port: ${port} cookie: "sesame" discovery: 'none max-message: 2000)`);
      expect(await a.ev('(let ((v (make-u8vector 5000 1))) (rpc (node-at 5) (u8vector-length v)))'))
        .to.match(/^ERR rpc message too large: \d+ 2000$/);
      expect(await a.ev('(rpc (node-at 5) (+ 1 2))')).to.equal('3');
      // The other way: an answer the caller would refuse is not sent; the call fails instead.
      expect(await d.ev('(rpc (connection-node (DCS-connect "127.0.0.2")) (make-u8vector 5000 1))'))
        .to.match(/^ERR rpc failed at the destination \(the answer is too large \(\d+ bytes, limit 2000\)\): #<thread #\d+>$/);
    } finally {
      await d.stop();
    }
  });

  it('reports an answer that cannot be serialized as an rpc failure', async () => {
    expect(await a.ev('(rpc (node-at 3) (make-mutex))')).to.match(/^ERR rpc failed at the destination \(cannot send the answer: .*\): #<thread #\d+>$/s);
  });

  it('fails a call whose thread ends without answering (the thunk halts it), as the thread ends', async () => {
    const t0 = Date.now();
    expect(await a.ev('(rpc (node-at 3) (thread-terminate! (current-thread)))'))
      .to.match(/^ERR rpc failed at the destination \(the thread running the call ended without answering\): #<thread #\d+>$/);
    // At once (the thread's end fails the call), not at a periodic check for such threads.
    expect(Date.now() - t0).to.be.below(400);
  });

  it('runs concurrent calls from several threads', async () => {
    expect(await a.ev(`(let ((ts (map (lambda (i) (thread-start! (make-thread (lambda () (rpc (node-at (+ 2 (modulo i 3))) (* i i))))))
                                  (iota 20))))
                         (apply + (map thread-join! ts)))`)).to.equal(String([...Array(20).keys()].reduce((s, i) => s + i * i, 0)));
  });
});
