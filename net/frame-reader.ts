// Reading the binary frames of wire.ts's messages without going through ws's Receiver, once a
// connection is open. ws reads a chunk from the socket as a Writable stream, then each frame
// through its state machine and two events: ~1.2 us per message under load, where the frames
// of an rpc are small, whole and alike. Here a chunk's leading run of such frames is read
// directly: each complete, final, unfragmented binary frame, masked as the protocol requires
// for this end, no larger than the limit. Everything else (a control frame: ping, pong,
// close; a frame cut by the chunk's end; anything malformed) goes, with the rest of the chunk,
// to ws, which reads it as it would have. So ws sees a stream that starts at a frame boundary
// and is whole but for the frames taken out, and it still decides every error.
//
// Only while ws holds nothing of a frame (its Receiver is between frames, has no buffered
// bytes, no fragmented message, no error, no close): its state is read from the Receiver's
// fields (ws 8). Where they are missing (another ws), nothing is intercepted.

import { mask } from './frames.js';

interface WsReceiver {
  write(chunk: Buffer, ...rest: unknown[]): boolean;
  _state: unknown;
  _bufferedBytes: unknown;
  _fragmented: unknown;
  _opcode: unknown;
  _errored: unknown;
  _writableState: { length: number } | undefined;
}

/**
 * Take over the data frames `ws` receives: `take(payload)` gets each message (a view into the
 * chunk, unmasked). `masked`: frames come from a client. Returns false if ws's Receiver is not
 * the one this was written for (ws then reads everything).
 */
export function interceptFrames(ws: unknown, masked: boolean, max: number, take: (payload: Uint8Array) => void): boolean {
  const rcv = (ws as { _receiver?: WsReceiver })._receiver;
  if (rcv === undefined || typeof rcv.write !== 'function' || typeof rcv._state !== 'number' ||
      typeof rcv._bufferedBytes !== 'number' || typeof rcv._fragmented !== 'number' ||
      typeof rcv._writableState?.length !== 'number') {
    return false;
  }
  const write = rcv.write;
  rcv.write = function (this: WsReceiver, chunk: Buffer, ...rest: unknown[]): boolean {
    if (!Buffer.isBuffer(chunk) || this._state !== 0 || this._bufferedBytes !== 0 || this._fragmented !== 0 ||
        this._opcode === 0x08 || this._errored === true || this._writableState!.length !== 0) {
      return write.call(this, chunk, ...rest);
    }
    const p = readFrames(chunk, masked, max, take);
    if (p === chunk.length) return true;
    return write.call(this, p === 0 ? chunk : chunk.subarray(p), ...rest);
  };
  return true;
}

/**
 * Read the leading complete data frames of `b`, giving each payload to `take`; returns where
 * the first frame left to ws starts (b.length: none).
 */
export function readFrames(b: Buffer, masked: boolean, max: number, take: (payload: Uint8Array) => void): number {
  let p = 0;
  const n = b.length;
  while (p + 2 <= n) {
    const b0 = b[p]!, b1 = b[p + 1]!;
    // FIN, no RSV bits, opcode 2 (binary); the MASK bit as this end expects.
    if (b0 !== 0x82 || (b1 & 0x80) !== (masked ? 0x80 : 0)) return p;
    let len = b1 & 0x7f;
    let q = p + 2;
    if (len === 126) {
      if (q + 2 > n) return p;
      len = (b[q]! << 8) | b[q + 1]!;
      q += 2;
    } else if (len === 127) {
      if (q + 8 > n) return p;
      const hi = b.readUInt32BE(q);
      if (hi > 0x1fffff) return p;
      len = hi * 0x100000000 + b.readUInt32BE(q + 4);
      q += 8;
    }
    if (len > max) return p;
    const start = q + (masked ? 4 : 0);
    if (start + len > n) return p;
    if (masked) mask(b, q, start, start + len);
    p = start + len;
    take(new Uint8Array(b.buffer, b.byteOffset + start, len));
  }
  return p;
}
