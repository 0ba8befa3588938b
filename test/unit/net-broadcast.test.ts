// Tests of net/broadcast.ts, the UDP discovery: the protocol logic over a fake datagram
// network (queries, answers, our own echo, foreign cookies, stale or forged datagrams), then
// the real thing on loopback, where a broadcast to 127.255.255.255 never leaves the machine.

import { expect } from 'chai';
import { BroadcastDiscovery, decodeDatagram, encodeDatagram, type DatagramSocket } from '../../net/broadcast.js';
import { newInstanceId } from '../../net/auth.js';
import { testPort, until } from './net-harness.js';

/** An in-memory datagram network: delivery by address:port, every matching socket gets a copy. */
class FakeNet {
  readonly bound = new Map<string, FakeSocket[]>();
  readonly sent: Array<{ to: string; msg: Buffer }> = [];
  socket(): FakeSocket { return new FakeSocket(this); }
  deliver(msg: Buffer, to: string, from: { address: string; port: number }): void {
    this.sent.push({ to, msg });
    for (const s of this.bound.get(to) ?? []) s.handler?.(msg, from);
  }
}

class FakeSocket implements DatagramSocket {
  handler: ((msg: Buffer, from: { address: string; port: number }) => void) | null = null;
  private at: { address: string; port: number } | null = null;
  broadcast = false;
  constructor(private readonly net: FakeNet) {}
  bind(port: number, address: string): Promise<void> {
    this.at = { address, port };
    const key = `${address}:${port}`;
    this.net.bound.set(key, [...(this.net.bound.get(key) ?? []), this]);
    return Promise.resolve();
  }
  send(msg: Buffer, port: number, address: string): void { this.net.deliver(msg, `${address}:${port}`, this.at!); }
  onMessage(cb: (msg: Buffer, from: { address: string; port: number }) => void): void { this.handler = cb; }
  setBroadcast(): void { this.broadcast = true; }
  close(): void {
    for (const [k, v] of this.net.bound) this.net.bound.set(k, v.filter((s) => s !== this));
  }
}

const running: BroadcastDiscovery[] = [];
afterEach(async () => { await Promise.all(running.splice(0).map((d) => d.stop())); });

function discovery(address: string, port: number, cookie: string, found: string[], net: FakeNet | null, broadcastAddress = '127.255.255.255'): BroadcastDiscovery {
  const d = new BroadcastDiscovery({
    address, port, cookie, id: newInstanceId(), broadcastAddress, periodMs: 60_000,
    found: (ip, p) => found.push(`${ip}:${p}`), log: () => {},
    ...(net === null ? {} : { sockets: () => net.socket() }),
  });
  running.push(d);
  return d;
}

describe('#BroadcastDiscovery (fake network)', () => {
  it('finds every member in one round trip: a query, one answer from each other node', async () => {
    const net = new FakeNet();
    const fa: string[] = [], fb: string[] = [], fc: string[] = [];
    const b = discovery('127.0.0.3', 5000, 'c', fb, net), c = discovery('127.0.0.4', 5000, 'c', fc, net);
    await b.start();
    await c.start();
    fb.length = 0;
    fc.length = 0;
    net.sent.length = 0;
    const a = discovery('127.0.0.2', 5000, 'c', fa, net);
    await a.start();
    expect(fa.sort()).to.deep.equal(['127.0.0.3:5000', '127.0.0.4:5000']);
    // One broadcast query and two unicast answers; the others do not connect back.
    expect(net.sent.map((s) => s.to)).to.deep.equal(['127.255.255.255:5000', '127.0.0.2:5000', '127.0.0.2:5000']);
    expect(fb).to.deep.equal([]);
    expect(fc).to.deep.equal([]);
  });

  it('ignores its own query, and nodes of another cluster', async () => {
    const net = new FakeNet();
    const fa: string[] = [], fb: string[] = [];
    const b = discovery('127.0.0.3', 5000, 'other', fb, net);
    await b.start();
    const a = discovery('127.0.0.2', 5000, 'c', fa, net);
    await a.start();
    expect(fa).to.deep.equal([]);
    expect(b.stats.answers).to.equal(0);
    expect(b.stats.ignored).to.equal(1);
  });

  it('binds the broadcast address for queries and its own address for answers', async () => {
    const net = new FakeNet();
    await discovery('127.0.0.2', 5000, 'c', [], net).start();
    expect([...net.bound.keys()].sort()).to.deep.equal(['127.0.0.2:5000', '127.255.255.255:5000']);
  });
});

describe('#decodeDatagram', () => {
  const id = newInstanceId();
  it('accepts a fresh datagram made with the same cookie', () => {
    const buf = encodeDatagram('c', { t: 'q', id, addr: '127.0.0.2', port: 1, ts: 1000 });
    expect(decodeDatagram('c', buf, 1000)?.addr).to.equal('127.0.0.2');
  });
  it('rejects another cookie, a stale or forged datagram, and garbage', () => {
    const buf = encodeDatagram('c', { t: 'q', id, addr: '127.0.0.2', port: 1, ts: 1000 });
    expect(decodeDatagram('d', buf, 1000)).to.equal(null);
    expect(decodeDatagram('c', buf, 1000 + 120_000)).to.equal(null);
    const forged = Buffer.from(buf.toString().replace('127.0.0.2', '127.0.0.6'));
    expect(decodeDatagram('c', forged, 1000)).to.equal(null);
    expect(decodeDatagram('c', Buffer.from('hello'), 1000)).to.equal(null);
  });
});

describe('#BroadcastDiscovery (loopback)', () => {
  it('finds the other nodes through a real broadcast to 127.255.255.255', async () => {
    const port = testPort();
    const found: string[][] = [[], [], []];
    const ds = [0, 1, 2].map((i) => discovery(`127.0.0.${i + 2}`, port, 'c', found[i]!, null));
    for (const d of ds) await d.start();
    // The last one to start hears from the two others at once.
    expect(await until(() => found[2]!.length === 2, 2000)).to.equal(true);
    expect(found[2]!.sort()).to.deep.equal([`127.0.0.2:${port}`, `127.0.0.3:${port}`]);
    expect(found[0]).to.deep.equal([]);
    ds[0]!.query();
    expect(await until(() => found[0]!.length === 2, 2000)).to.equal(true);
  });
});
