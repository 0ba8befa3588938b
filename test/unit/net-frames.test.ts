// net/frames.ts: the binary frames Conn writes by hand are read back by ws's own Receiver (what
// every node reads with), masked from a client and plain from a server, at every length
// encoding's boundary, several to a buffer.

import { expect } from 'chai';
import * as ws from 'ws';
import { FrameBatch } from '../../net/frames.js';
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
