// net/frames.ts: the binary frames Conn writes by hand are read back by ws's own Receiver (what
// every node reads with), masked from a client and plain from a server, at every length
// encoding's boundary, several to a buffer. net/frame-reader.ts: the frames read without ws
// are those, and only those, ws would have read as whole binary messages; on a live
// connection whatever it leaves (control frames, frames cut between chunks) reaches ws, in
// order. Loopback only.

import { expect } from 'chai';
import * as ws from 'ws';
import { interceptFrames, readFrames } from '../../net/frame-reader.js';
import { FrameBatch } from '../../net/frames.js';
import { testPort, until } from './net-harness.js';
import { MsgType, decodeMessage } from '../../net/wire.js';

interface Got { type: number; id: number; body: number[] }

/** ws's frame reader (exported by ws, not declared by @types/ws). */
interface Receiver {
  on(ev: 'message', f: (data: Buffer, isBinary: boolean) => void): void;
  on(ev: 'error', f: (e: Error) => void): void;
  write(b: Buffer, done: (e?: Error | null) => void): void;
}
const { Receiver } = ws as unknown as { Receiver: new (o: { isServer: boolean; maxPayload: number }) => Receiver };

/** Feed `bytes` to a ws Receiver (a server's if `server`); the messages, or the error. */
function receive(bytes: Buffer, server: boolean): Promise<Got[] | Error> {
  const r = new Receiver({ isServer: server, maxPayload: 1 << 20 });
  const got: Got[] = [];
  return new Promise((resolve) => {
    r.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).to.equal(true);
      const m = decodeMessage(data)!;
      got.push({ type: m.type, id: m.id, body: Array.from(m.payload) });
    });
    r.on('error', (e: Error) => resolve(e));
    r.write(bytes, (e) => resolve(e ?? got));
  });
}

// Payload = 5 bytes of message header + body: 125 / 126 and 65535 / 65536 are the boundaries
// of the 7-bit, 16-bit and 64-bit length forms.
const sizes = [0, 1, 3, 4, 120, 121, 122, 65530, 65531, 70000];
const body = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('#FrameBatch', () => {
  for (const masked of [true, false]) {
    it(`writes ${masked ? 'masked (client)' : 'plain (server)'} frames that ws reads back, several to a buffer`, async () => {
      const b = new FrameBatch(masked);
      sizes.forEach((n, i) => b.add(i % 2 === 0 ? MsgType.Req : MsgType.Rep, 0xfffffff0 + i, body(n, i)));
      const bytes = b.take();
      expect(b.size).to.equal(0);
      const got = await receive(bytes, masked);
      expect(got).to.deep.equal(sizes.map((n, i) => ({
        type: i % 2 === 0 ? MsgType.Req : MsgType.Rep, id: 0xfffffff0 + i, body: Array.from(body(n, i)),
      })));
    });
  }

  it('masks each frame with a key of its own, and ws refuses what is not masked the right way', async () => {
    const b = new FrameBatch(true);
    b.add(MsgType.Req, 1, new Uint8Array(8));
    b.add(MsgType.Req, 1, new Uint8Array(8));
    const bytes = b.take();
    // Frame: 0x82, 0x80|13, 4 bytes of key, 13 bytes of payload (a zero body shows the key).
    expect(bytes.length).to.equal(2 * 19);
    const key1 = bytes.subarray(2, 6), key2 = bytes.subarray(21, 25);
    expect(Buffer.compare(key1, key2)).to.not.equal(0);
    expect(Array.from(bytes.subarray(11, 19))).to.deep.equal([...key1.subarray(1), ...key1, ...key1.subarray(0, 1)].slice(0, 8));
    // A client reading masked frames, or a server reading plain ones: protocol errors.
    expect(await receive(bytes, false)).to.be.instanceOf(Error);
    const plain = new FrameBatch(false);
    plain.add(MsgType.Rep, 2, new Uint8Array(3));
    expect(await receive(plain.take(), true)).to.be.instanceOf(Error);
  });
});

describe('#readFrames', () => {
  const take = (b: Buffer, masked: boolean, max = 1 << 20): { at: number; got: Got[] } => {
    const got: Got[] = [];
    const at = readFrames(b, masked, max, (p) => {
      const m = decodeMessage(p)!;
      got.push({ type: m.type, id: m.id, body: Array.from(m.payload) });
    });
    return { at, got };
  };
  const frames = (masked: boolean, n: number[]): Buffer => {
    const b = new FrameBatch(masked);
    n.forEach((len, i) => b.add(MsgType.Req, i + 1, body(len, i)));
    return b.take();
  };

  for (const masked of [true, false]) {
    it(`reads whole ${masked ? 'masked' : 'plain'} binary frames, and stops at the first that is cut short`, () => {
      const b = frames(masked, [3, 200, 70000, 1]);
      const all = take(Buffer.from(b), masked);
      expect(all.at).to.equal(b.length);
      expect(all.got.map((g) => g.body)).to.deep.equal([3, 200, 70000, 1].map((n, i) => Array.from(body(n, i))));
      // Cut inside the third frame's header, then inside its payload: the first two are read.
      const first2 = frames(masked, [3, 200]).length;
      for (const cut of [first2 + 1, first2 + 5, first2 + 70000]) {
        const part = take(Buffer.from(b.subarray(0, cut)), masked);
        expect(part.at).to.equal(first2);
        expect(part.got.length).to.equal(2);
      }
    });
  }

  it('leaves to ws what is not a whole binary message masked as expected, or is over the limit', () => {
    const one = frames(true, [4]);
    const cases: Array<[string, Buffer, boolean, number]> = [
      ['a ping', Buffer.from([0x89, 0x80, 1, 2, 3, 4]), true, 1 << 20],
      ['a text frame', Buffer.from([0x81, 0x80, 1, 2, 3, 4]), true, 1 << 20],
      ['a first fragment', Buffer.concat([Buffer.from([0x02]), one.subarray(1)]), true, 1 << 20],
      ['RSV1 (compressed)', Buffer.concat([Buffer.from([0xc2]), one.subarray(1)]), true, 1 << 20],
      ['a masked frame at a client', one, false, 1 << 20],
      ['a plain frame at a server', frames(false, [4]), true, 1 << 20],
      ['a frame over the limit', one, true, 8],
    ];
    for (const [what, b, masked, max] of cases) {
      const r = take(Buffer.concat([frames(masked, [2]), b]), masked, max);
      expect(r.got.length, what).to.equal(1);
      expect(r.at, what).to.equal(frames(masked, [2]).length);
    }
  });
});

describe('#interceptFrames (a live connection)', () => {
  it('takes the data frames, and ws still reads the rest in order: control frames, frames cut between chunks', async () => {
    const port = testPort();
    const wss = new ws.WebSocketServer({ host: '127.0.0.2', port, perMessageDeflate: false });
    try {
      const serverSide = new Promise<ws.WebSocket>((resolve) => wss.on('connection', resolve));
      const client = new ws.WebSocket(`ws://127.0.0.2:${port}/`, { localAddress: '127.0.0.3', perMessageDeflate: false });
      await new Promise((resolve) => client.on('open', resolve));
      const server = await serverSide;
      const order: string[] = [];
      server.on('message', (d: Buffer) => order.push(`ws ${decodeMessage(d)!.id}`));
      expect(interceptFrames(server, true, 1 << 20, (p) => order.push(`taken ${decodeMessage(p)!.id}`))).to.equal(true);
      let pongs = 0;
      client.on('pong', () => pongs++);
      const sock = (client as unknown as { _socket: { write(b: Uint8Array): boolean } })._socket;
      const batch = new FrameBatch(true);
      for (let id = 1; id <= 3; id++) batch.add(MsgType.Req, id, body(10, id));
      const a = batch.take();
      // Chunk 1: frames 1-2, and half of 3 (ws gets the half); chunk 2: the rest of 3 (ws
      // holds a partial frame: all of it goes to ws), frame 4; chunk 3: frame 5, a ping, frame 6.
      const cut = a.length - 8;
      sock.write(a.subarray(0, cut));
      await until(() => order.length >= 2, 2000);
      batch.add(MsgType.Req, 4, body(10, 4));
      sock.write(Buffer.concat([a.subarray(cut), batch.take()]));
      await until(() => order.length >= 4, 2000);
      batch.add(MsgType.Req, 5, body(10, 5));
      const five = batch.take();
      batch.add(MsgType.Req, 6, body(10, 6));
      sock.write(Buffer.concat([five, Buffer.from([0x89, 0x80, 9, 9, 9, 9]), batch.take()]));
      expect(await until(() => order.length >= 6 && pongs === 1, 2000)).to.equal(true);
      expect(order).to.deep.equal(['taken 1', 'taken 2', 'ws 3', 'ws 4', 'taken 5', 'ws 6']);
      client.terminate();
    } finally {
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});
