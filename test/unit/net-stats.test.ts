// The live view's side of the network (net/stats.ts, the observer role of net/auth.ts and
// net/bridge.ts, node-stats in scheme-lib/dcs.scm), with three nodes in this process: two full
// nodes and an observer. An observer sees the full nodes and calls them; they serve it but
// never list it, so nothing picks it as a destination. Every node binds 127.0.0.x.

import { expect } from 'chai';
import { netOf } from '../../net/bridge.js';
import { makeNode, testPort, until, type TestNode } from './net-harness.js';

const live: TestNode[] = [];

function node(role: 'node' | 'observer' = 'node'): TestNode {
  const n = makeNode();
  if (role === 'observer') netOf(n.vm).defaults.role = 'observer';
  live.push(n);
  return n;
}

afterEach(async () => {
  await Promise.all(live.splice(0).map((n) => n.stop()));
});

function start(n: TestNode, ip: string, port: number): Promise<string> {
  return n.ev(`(node-start! address: "${ip}" port: ${port} cookie: "sesame" discovery: 'none)`);
}

async function seen(n: TestNode): Promise<string> {
  const s = await n.ev('(map (lambda (x) (u8vector-ref (node-address x) 3)) (nodes))');
  return s.slice(1, -1).split(' ').filter((x) => x !== '').map(Number).sort((x, y) => x - y).join(' ');
}

describe('#node-stats', () => {
  it('answers host, address, threads, heap, uptime, then the counters in order of first use', async () => {
    const a = node();
    await start(a, '127.0.0.2', testPort());
    await a.ev("(node-stat-add! 'balls 2) (node-stat-add! 'hop-in 1) (node-stat-add! 'balls -1)");
    expect(await a.ev('(map car (node-stats))')).to.equal('(host address threads heap uptime balls hop-in)');
    expect(await a.ev("(cdr (assq 'address (node-stats)))")).to.equal('"127.0.0.2"');
    expect(await a.ev("(equal? (cdr (assq 'host (node-stats))) (host-name))")).to.equal('#t');
    expect(await a.ev("(cdr (assq 'balls (node-stats)))")).to.equal('1');
    expect(await a.ev("(cdr (assq 'hop-in (node-stats)))")).to.equal('1');
    expect(await a.ev("(let ((h (cdr (assq 'heap (node-stats))))) (and (integer? h) (> h 1000000)))")).to.equal('#t');
    expect(await a.ev("(let ((u (cdr (assq 'uptime (node-stats))))) (and (real? u) (>= u 0)))")).to.equal('#t');
  });

  it('counts live Scheme threads: one more while a thread sleeps, back when it ends', async () => {
    const a = node();
    await start(a, '127.0.0.2', testPort());
    const before = Number(await a.ev("(cdr (assq 'threads (node-stats)))"));
    expect(before).to.be.greaterThan(0);
    expect(await a.ev(`(let ((t (thread-start! (make-thread (lambda () (thread-sleep! .3))))))
                          (let ((n (cdr (assq 'threads (node-stats))))) (thread-join! t) n))`)).to.equal(String(before + 1));
    expect(await a.ev("(cdr (assq 'threads (node-stats)))")).to.equal(String(before));
  });

  it('gives an address of #f before node-start!', async () => {
    const a = node();
    expect(await a.ev("(cdr (assq 'address (node-stats)))")).to.equal('#f');
  });

  it('refuses a key that is not a symbol', async () => {
    const a = node();
    expect(await a.ev('(node-stat-add! "balls" 1)')).to.match(/^ERR \(Argument 1\) SYMBOL expected/);
  });
});

describe('#observer role', function () {
  this.timeout(20_000);

  it('lets an observer list and call the full nodes, which never list it', async () => {
    const port = testPort();
    const a = node(), b = node(), o = node('observer');
    await start(a, '127.0.0.2', port);
    await start(b, '127.0.0.3', port);
    await start(o, '127.0.0.4', port);
    expect(await a.ev('(and (DCS-connect "127.0.0.3") #t)')).to.equal('#t');
    // The observer connects to one node; the other node connects to the observer.
    expect(await o.ev('(and (DCS-connect "127.0.0.2") #t)')).to.equal('#t');
    expect(await b.ev('(connection-node (DCS-connect "127.0.0.4"))')).to.equal('#f');
    expect(await until(async () => (await seen(o)) === '2 3 4', 5000)).to.equal(true);
    expect(await seen(a)).to.equal('2 3');
    expect(await seen(b)).to.equal('2 3');
    expect(await a.ev('(table-ref ip2node (u8vector 127 0 0 4) #f)')).to.equal('#f');
    expect(await b.ev('(table-ref ip2node (u8vector 127 0 0 4) #f)')).to.equal('#f');
    await a.ev("(node-stat-add! 'balls 3)");
    expect(await o.ev("(cdr (assq 'balls (rpc (table-ref ip2node (u8vector 127 0 0 2)) (node-stats) 2)))")).to.equal('3');
    expect(await o.ev("(cdr (assq 'address (rpc (table-ref ip2node (u8vector 127 0 0 3)) (node-stats) 2)))")).to.equal('"127.0.0.3"');
  });

  it('is forgotten quietly by the full nodes when it leaves', async () => {
    const port = testPort();
    const a = node(), o = node('observer');
    await start(a, '127.0.0.2', port);
    await start(o, '127.0.0.4', port);
    expect(await o.ev('(and (DCS-connect "127.0.0.2") #t)')).to.equal('#t');
    await o.stop();
    expect(await until(async () => (await a.ev('(length (nodes))')) === '1', 3000)).to.equal(true);
    expect(await seen(a)).to.equal('2');
  });
});
