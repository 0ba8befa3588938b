// Tests of net/manager.ts and net/conn.ts without Scheme: the handshake between managers, and
// what happens to peers that misbehave (wrong cookie, wrong protocol version, frames before
// authentication, malformed or oversized frames, silence): each is disconnected with a log
// line, never reaches the request handler, and no other connection is disturbed.
// Loopback only (127.0.0.x), a random port per test.

import { expect } from 'chai';
import WebSocket from 'ws';
import { PROTOCOL, clientMac, newInstanceId, newNonce, parseHandshake, type Challenge } from '../../net/auth.js';
import type { CallOutcome, Conn } from '../../net/conn.js';
import { NodeManager, type PeerNode } from '../../net/manager.js';
import { MsgType, encodeMessage } from '../../net/wire.js';
import { testPort, until } from './net-harness.js';

interface Mgr {
  m: NodeManager;
  logs: string[];
  up: PeerNode[];
  down: PeerNode[];
  requests: Array<{ c: Conn; id: number; payload: Uint8Array }>;
}

const managers: Mgr[] = [];

async function manager(address: string, port: number, cookie: string, extra: { maxMessage?: number; connectTimeoutMs?: number } = {}): Promise<Mgr> {
  const logs: string[] = [], up: PeerNode[] = [], down: PeerNode[] = [];
  const requests: Mgr['requests'] = [];
  const m = new NodeManager({ address, port, cookie, hostName: `host-${address}`, heartbeatMs: 0, log: (l) => logs.push(l), ...extra }, {
    nodeUp: (p) => up.push(p),
    nodeDown: (p) => down.push(p),
    request: (c, id, payload) => {
      requests.push({ c, id, payload });
      c.reply(id, Uint8Array.from(payload, (b) => b + 1)); // echo, each byte + 1
    },
  });
  await m.start();
  const r = { m, logs, up, down, requests };
  managers.push(r);
  return r;
}

afterEach(async () => {
  await Promise.all(managers.splice(0).map((x) => x.m.stop()));
});

function call(c: Conn, bytes: number[]): Promise<CallOutcome> {
  return new Promise((resolve) => c.call(Uint8Array.from(bytes), resolve));
}

/** A hand-driven client: connects, and (unless told otherwise) authenticates with `cookie`. */
async function rawClient(port: number, cookie: string | null, proto = PROTOCOL): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://127.0.0.2:${port}/`, { localAddress: '127.0.0.9' });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => {});
  const challenge = await new Promise<Challenge>((resolve) => ws.once('message', (d: Buffer) => resolve(parseHandshake(d.toString()) as Challenge)));
  if (cookie !== null) {
    const id = newInstanceId(), nonce = newNonce();
    ws.send(JSON.stringify({
      t: 'response', proto, id, nonce, mac: clientMac(cookie, challenge.nonce, nonce, id, challenge.id),
      addr: '127.0.0.9', port, host: 'raw', max: 1 << 20,
    }));
    await Promise.race([new Promise((resolve) => ws.once('message', resolve)), closed]); // welcome, or the close
  }
  return { ws, closed };
}

describe('#NodeManager.connect', () => {
  it('authenticates two nodes with the same cookie: each becomes a node of the other', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame'), b = await manager('127.0.0.3', port, 'sesame');
    const c = await a.m.connect('127.0.0.3', port);
    expect(c).to.not.equal(null);
    expect(await until(() => b.up.length === 1, 2000)).to.equal(true);
    expect(a.up.map((p) => [p.addr, p.port, p.hostName, p.self])).to.deep.equal([['127.0.0.3', port, 'host-127.0.0.3', false]]);
    expect(b.up.map((p) => [p.addr, p.hostName])).to.deep.equal([['127.0.0.2', 'host-127.0.0.2']]);
    expect(await call(c!, [1, 2, 3])).to.deep.include({ kind: 'rep' });
    // Asking again for the same address gives the same connection, not a new one.
    expect(await a.m.connect('127.0.0.3', port)).to.equal(c);
  });

  it('makes the client end of a connection to itself the self node', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame');
    const c = await a.m.connect('127.0.0.2', port);
    expect(a.up.length).to.equal(1);
    expect(a.up[0]!.self).to.equal(true);
    expect(a.m.selfPeer).to.equal(a.up[0]);
    const o = await call(c!, [7]);
    expect(o.kind === 'rep' && [...o.payload]).to.deep.equal([8]);
  });

  it('refuses a node with another cookie, logging why on both sides', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame'), b = await manager('127.0.0.3', port, 'wrong');
    expect(await b.m.connect('127.0.0.2', port)).to.equal(null);
    await until(() => b.logs.length > 0, 1000);
    expect(a.up).to.deep.equal([]);
    expect(b.up).to.deep.equal([]);
    expect(a.logs).to.have.length(1);
    expect(a.logs[0]).to.match(/^gsi-ts: refused 127\.0\.0\.3:\d+: authentication failed \(wrong cookie\?\)$/);
    expect(b.logs).to.deep.equal([`gsi-ts: could not connect to 127.0.0.2:${port}: it refused us: authentication failed (wrong cookie?)`]);
  });

  it('gives null quickly when nothing listens there', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame');
    const t0 = Date.now();
    expect(await a.m.connect('127.0.0.77', port)).to.equal(null);
    expect(Date.now() - t0).to.be.below(1000);
  });

  it('fails a pending call at once when the peer goes away', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame');
    const b = new NodeManager({ address: '127.0.0.3', port, cookie: 'sesame', hostName: 'b', heartbeatMs: 0, log: () => {} }, {
      nodeUp: () => {}, nodeDown: () => {}, request: () => { /* never answers */ },
    });
    await b.start();
    const c = (await a.m.connect('127.0.0.3', port))!;
    const pending = call(c, [1]);
    const t0 = Date.now();
    await b.stop();
    const o = await pending;
    expect(o.kind).to.equal('lost');
    expect(Date.now() - t0).to.be.below(1000);
    expect(await until(() => a.down.length === 1, 1000)).to.equal(true);
  });
});

describe('#Conn (batching)', () => {
  it('sends the first message of a JS task at once and the rest in one write at its end, framed by hand', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame'), b = await manager('127.0.0.3', port, 'sesame');
    const c = (await a.m.connect('127.0.0.3', port))!;
    // Count the writes that reach the client's TCP socket, and their sizes.
    const sock = (c as unknown as { socket: { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void } }).socket;
    const writes: string[] = [];
    const [w1, wv] = [sock._write.bind(sock), sock._writev.bind(sock)];
    sock._write = (...args: unknown[]) => { writes.push(`write ${(args[0] as Buffer).length}`); w1(...args); };
    sock._writev = (...args: unknown[]) => { writes.push(`writev ${(args[0] as unknown[]).length}`); wv(...args); };
    const answers = Array.from({ length: 20 }, (_, i) => call(c, [i, i]));
    // A masked frame of a 7-byte message: 2 bytes of header, 4 of masking key, 7 of payload.
    expect(writes).to.deep.equal(['write 13']); // the first, at once
    const outcomes = await Promise.all(answers);
    expect(writes[1]).to.equal(`write ${19 * 13}`); // the other 19, together
    expect(outcomes.map((o) => (o.kind === 'rep' ? Array.from(o.payload) : o.kind))).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => [i + 1, i + 1]));
    expect(b.requests.length).to.equal(20);
  });
});

describe('#Conn (misbehaving peers)', () => {
  it('closes a connection that sends a call before authenticating; the call never runs', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame');
    const { ws, closed } = await rawClient(port, null);
    ws.send(encodeMessage(MsgType.Req, 1, new Uint8Array([1])));
    expect(await closed).to.equal(4004);
    expect(a.requests).to.deep.equal([]);
    expect(a.logs[0]).to.match(/refused 127\.0\.0\.9:\d+: malformed message \(unexpected message during the handshake\)/);
  });

  it('refuses a peer speaking another protocol version, saying so', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame');
    const { closed } = await rawClient(port, 'sesame', 'gsi-ts-dcs/0');
    expect(await closed).to.equal(4002);
    expect(a.logs[0]).to.match(/refused 127\.0\.0\.9:\d+: protocol version mismatch \(peer speaks "gsi-ts-dcs\/0", we speak "gsi-ts-dcs\/1"\)/);
    expect(a.up).to.deep.equal([]);
  });

  it('drops a peer that does not complete the handshake in time', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame', { connectTimeoutMs: 200 });
    const { closed } = await rawClient(port, null);
    expect(await closed).to.equal(4003);
    expect(a.logs[0]).to.match(/refused 127\.0\.0\.9:\d+: handshake timed out/);
  });

  it('closes only the connection that sends a malformed frame', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame'), b = await manager('127.0.0.3', port, 'sesame');
    const good = (await b.m.connect('127.0.0.2', port))!;
    const { ws, closed } = await rawClient(port, 'sesame');
    await until(() => a.up.length === 2, 1000);
    ws.send(Buffer.from([42, 0, 0, 0, 1]));
    expect(await closed).to.equal(4004);
    expect(a.logs.some((l) => /closed connection with 127\.0\.0\.9:\d+: malformed message \(unknown message type\)/.test(l))).to.equal(true);
    ws.terminate();
    expect((await call(good, [5])).kind).to.equal('rep');
    expect(good.state).to.equal('open');
  });

  it('closes only the connection that sends an oversized message', async () => {
    const port = testPort();
    const a = await manager('127.0.0.2', port, 'sesame', { maxMessage: 1000 }), b = await manager('127.0.0.3', port, 'sesame');
    const good = (await b.m.connect('127.0.0.2', port))!;
    const { ws, closed } = await rawClient(port, 'sesame');
    ws.send(encodeMessage(MsgType.Req, 1, new Uint8Array(2000)));
    expect(await closed).to.equal(1009);
    expect(a.requests.length).to.equal(0);
    expect(a.logs.some((l) => /closed connection with 127\.0\.0\.9:\d+: message too large \(limit 1000 bytes\)/.test(l))).to.equal(true);
    expect((await call(good, [5])).kind).to.equal('rep');
    // The limit is announced in the handshake: the sender knows it before sending.
    expect(good.sendLimit).to.equal(1000);
  });

  it('drops a peer that stops answering heartbeats', async () => {
    const port = testPort();
    const logs: string[] = [];
    const a = new NodeManager({ address: '127.0.0.2', port, cookie: 'sesame', hostName: 'a', heartbeatMs: 100, log: (l) => logs.push(l) }, {
      nodeUp: () => {}, nodeDown: () => {}, request: () => {},
    });
    await a.start();
    managers.push({ m: a, logs, up: [], down: [], requests: [] });
    const { ws, closed } = await rawClient(port, 'sesame');
    // A frozen peer: its socket stays open but it no longer reads (so never answers pings).
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await until(() => logs.length > 0, 2000);
    expect(logs[0]).to.match(/closed connection with 127\.0\.0\.9:\d+: no heartbeat/);
    ws.terminate();
    await closed;
  });
});
