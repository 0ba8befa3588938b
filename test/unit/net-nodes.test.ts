// Tests of the node API as Scheme sees it (net/prims.ts, net/bridge.ts, scheme-lib/dcs.scm),
// with several nodes in this process: node-start!, (nodes), ip2node, current-node,
// DCS-connect, the talk's /24 sweep, nodes leaving, a node with the wrong cookie.
// Every node binds 127.0.0.x; the sweeps cover 127.0.0.0/24 only.

import { expect } from 'chai';
import { makeNode, testPort, until, type TestNode } from './net-harness.js';

const live: TestNode[] = [];

function node(): TestNode {
  const n = makeNode();
  live.push(n);
  return n;
}

afterEach(async () => {
  await Promise.all(live.splice(0).map((n) => n.stop()));
});

function start(n: TestNode, ip: string, port: number, extra = ''): Promise<string> {
  return n.ev(`(node-start! address: "${ip}" port: ${port} cookie: "sesame" ${extra})`);
}

/** The addresses of a node's (nodes), sorted. */
async function seen(n: TestNode): Promise<string> {
  return sorted(await n.ev('(map (lambda (x) (u8vector-ref (node-address x) 3)) (nodes))'));
}

/** A written list of numbers, sorted. */
function sorted(list: string): string {
  if (!list.startsWith('(')) return list;
  return `(${list.slice(1, -1).split(' ').filter((x) => x !== '').map(Number).sort((x, y) => x - y).join(' ')})`;
}

describe('#node-start!', () => {
  it('listens and makes the local node the first of (nodes), in ip2node', async () => {
    const a = node();
    expect(await start(a, '127.0.0.2', testPort(), "discovery: 'none")).to.equal('#u8(127 0 0 2)');
    expect(await a.ev('(nodes)')).to.match(/^\(#<thread #\d+>\)$/);
    expect(await a.ev('(eq? (car (nodes)) (current-node))')).to.equal('#t');
    expect(await a.ev('(equal? (table->list ip2node) (list (cons (u8vector 127 0 0 2) (current-node))))')).to.equal('#t');
    expect(await a.ev('(thread? (current-node))')).to.equal('#t');
    expect(await a.ev('(node? (current-node))')).to.equal('#t');
    expect(await a.ev('(node? (current-thread))')).to.equal('#f');
    expect(await a.ev('(node-address)')).to.equal('#u8(127 0 0 2)');
  });

  it('reports an address it cannot listen on as an os error', async () => {
    const a = node(), b = node();
    const port = testPort();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    expect(await start(b, '127.0.0.2', port, "discovery: 'none"))
      .to.equal(`ERR node-start!: cannot listen on 127.0.0.2:${port}: listen EADDRINUSE: address already in use 127.0.0.2:${port}`);
  });

  it('leaves the program working when there is no node: no nodes, DCS-connect gives #f', async () => {
    const a = node();
    expect(await a.ev('(nodes)')).to.equal('()');
    expect(await a.ev('(current-node)')).to.equal('#f');
    expect(await a.ev('(table->list ip2node)')).to.equal('()');
    expect(await a.ev('(DCS-connect (u8vector 127 0 0 2))')).to.equal('#f');
    expect(await a.ev('(rpc (current-thread) 1)')).to.match(/^ERR rpc to a node that is not connected: #<thread #\d+>$/);
  });
});

describe('#DCS-connect', () => {
  it('returns a connection to a node, or #f where there is none, within a bounded time', async () => {
    const a = node(), b = node();
    const port = testPort();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    await start(b, '127.0.0.3', port, "discovery: 'none");
    expect(await a.ev('(DCS-connect (u8vector 127 0 0 3))')).to.match(/^#<foreign #\d+ "127\.0\.0\.3:\d+">$/);
    expect(await a.ev('(eq? (DCS-connect (u8vector 127 0 0 3)) (DCS-connect "127.0.0.3"))')).to.equal('#t');
    expect(await a.ev('(eq? (connection-node (DCS-connect (u8vector 127 0 0 3))) (table-ref ip2node (u8vector 127 0 0 3)))')).to.equal('#t');
    const t0 = Date.now();
    expect(await a.ev('(DCS-connect (u8vector 127 0 0 99))')).to.equal('#f');
    expect(Date.now() - t0).to.be.below(2500);
    // b learnt about a from the incoming connection.
    expect(await seen(b)).to.equal('(2 3)');
  });
});

describe('#discover-local-DCS-servers', () => {
  it('finds 3 nodes on 127.0.0.0/24: all see each other within 3 s of starting', async () => {
    const port = testPort();
    const ns = [node(), node(), node()];
    const t0 = Date.now();
    await Promise.all(ns.map((n, i) => start(n, `127.0.0.${i + 2}`, port, "discovery: 'sweep")));
    const ok = await until(async () => (await Promise.all(ns.map(seen))).every((s) => s === '(2 3 4)'), 3000);
    const ms = Date.now() - t0;
    expect(ok, `after ${ms} ms: ${(await Promise.all(ns.map(seen))).join(' ')}`).to.equal(true);
    expect(ms).to.be.below(3000);
    for (const n of ns) expect(await n.ev('(length (table->list ip2node))')).to.equal('3');
  });

  it('runs verbatim from the slides with a found procedure of our own', async () => {
    const port = testPort();
    const a = node(), b = node();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    await start(b, '127.0.0.3', port, "discovery: 'none");
    const found = await a.ev(`(let ((found '()))
      (discover-local-DCS-servers (u8vector 127 0 0 2)
        (lambda (conn) (set! found (cons (u8vector-ref (node-address (connection-node conn)) 3) found))))
      found)`, 15_000);
    expect(sorted(found)).to.equal('(2 3)');
  });

  it('converts IP addresses as big-endian integers', async () => {
    const a = node();
    expect(await a.ev('(ip->num (u8vector 192 168 0 100))')).to.equal(String(192 * 2 ** 24 + 168 * 2 ** 16 + 100));
    expect(await a.ev('(num->ip (ip->num (u8vector 192 168 0 100)))')).to.equal('#u8(192 168 0 100)');
  });
});

describe('#nodes (membership)', () => {
  it('drops a node that leaves, from (nodes) and ip2node', async () => {
    const port = testPort();
    const a = node(), b = node();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    await start(b, '127.0.0.3', port, "discovery: 'none");
    await a.ev('(DCS-connect "127.0.0.3")');
    expect(await seen(a)).to.equal('(2 3)');
    const bNode = await a.ev('(table-ref ip2node (u8vector 127 0 0 3))');
    await b.stop();
    expect(await until(async () => (await seen(a)) === '(2)', 1000)).to.equal(true);
    expect(await a.ev('(table-ref ip2node (u8vector 127 0 0 3) #f)')).to.equal('#f');
    // Its thread has ended.
    expect(await a.ev(`(thread-join! (serial-number->object ${bNode.match(/#(\d+)/)![1]}) 1)`)).to.equal('#!void');
  });

  it('drops a node whose thread is terminated: its connections close, both sides forget', async () => {
    const port = testPort();
    const a = node(), b = node();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    await start(b, '127.0.0.3', port, "discovery: 'none");
    await a.ev('(DCS-connect "127.0.0.3")');
    expect(await until(async () => (await seen(b)) === '(2 3)', 1000)).to.equal(true);
    await a.ev('(thread-terminate! (table-ref ip2node (u8vector 127 0 0 3)))');
    expect(await until(async () => (await seen(a)) === '(2)', 1000)).to.equal(true);
    expect(await until(async () => (await seen(b)) === '(3)', 1000)).to.equal(true);
    expect(await a.ev('(table-ref ip2node (u8vector 127 0 0 3) #f)')).to.equal('#f');
  });

  it('never admits a node with another cookie', async () => {
    const port = testPort();
    const a = node(), b = node();
    await start(a, '127.0.0.2', port, "discovery: 'none");
    await b.ev(`(node-start! address: "127.0.0.3" port: ${port} cookie: "other" discovery: 'none)`);
    expect(await b.ev('(DCS-connect "127.0.0.2")')).to.equal('#f');
    expect(await a.ev('(DCS-connect "127.0.0.3")')).to.equal('#f');
    expect(await seen(a)).to.equal('(2)');
    expect(await seen(b)).to.equal('(3)');
    expect(a.logs.some((l) => /^gsi-ts: refused 127\.0\.0\.3:\d+: authentication failed \(wrong cookie\?\)$/.test(l))).to.equal(true);
  });
});
