// WebSocket binary frames (RFC 6455 §5.2) for the messages of wire.ts, written by hand so that
// the messages a JS task sends leave in one buffer and one socket write. `ws` writes each frame
// as two stream writes (header, payload), and the stream machinery costs more per chunk than
// the bytes do: ~3 us per message on each side under load, a sixth of a node's CPU per rpc.
// `ws` still does everything else: the opening handshake, reading frames, ping, pong, close.
//
// A frame: FIN + opcode 2 (binary); the payload length in 7, 7+16 or 7+64 bits; from a client,
// the MASK bit, a 4-byte masking key and the payload XORed with it (servers reject unmasked
// client frames). Masking keys come, like ws's, from a pool of random bytes.

import { randomFillSync } from 'node:crypto';
import { HEADER_BYTES, writeHeader, type MsgType } from './wire.js';

const RANDOM_POOL = 8192;
let random = Buffer.alloc(0);
let randomAt = RANDOM_POOL;

/** Bytes of frame header (with the masking key, if any) before a payload of `len` bytes. */
function headerBytes(len: number, masked: boolean): number {
  return (len < 126 ? 2 : len < 0x10000 ? 4 : 10) + (masked ? 4 : 0);
}

/** XOR b[start..end) with the 4-byte masking key at b[key..key+4) (masking and unmasking). */
export function mask(b: Uint8Array, key: number, start: number, end: number): void {
  const k0 = b[key]!, k1 = b[key + 1]!, k2 = b[key + 2]!, k3 = b[key + 3]!;
  let i = start;
  for (; i + 3 < end; i += 4) {
    b[i] ^= k0; b[i + 1] ^= k1; b[i + 2] ^= k2; b[i + 3] ^= k3;
  }
  for (let j = 0; i < end; i++, j++) b[i] ^= j === 0 ? k0 : j === 1 ? k1 : k2;
}

export class FrameBatch {
  private buf = Buffer.allocUnsafe(16384);
  private n = 0;

  /** `masked`: frames from a client (masked, as the protocol requires) or from a server. */
  constructor(private readonly masked: boolean) {}

  /** Bytes waiting. */
  get size(): number {
    return this.n;
  }

  /** Append one binary frame carrying the message [type, id, body]. */
  add(type: MsgType, id: number, body: Uint8Array): void {
    const len = HEADER_BYTES + body.length;
    const masked = this.masked;
    this.room(headerBytes(len, masked) + len);
    const b = this.buf;
    let n = this.n;
    b[n++] = 0x82;
    const maskBit = masked ? 0x80 : 0;
    if (len < 126) {
      b[n++] = maskBit | len;
    } else if (len < 0x10000) {
      b[n++] = maskBit | 126;
      b[n++] = len >> 8;
      b[n++] = len & 0xff;
    } else {
      b[n++] = maskBit | 127;
      b.writeUInt32BE(Math.floor(len / 0x100000000), n);
      b.writeUInt32BE(len >>> 0, n + 4);
      n += 8;
    }
    const start = n + (masked ? 4 : 0);
    writeHeader(b, start, type, id);
    b.set(body, start + HEADER_BYTES);
    if (masked) {
      if (randomAt + 4 > RANDOM_POOL) {
        if (random.length === 0) random = Buffer.allocUnsafe(RANDOM_POOL);
        randomFillSync(random);
        randomAt = 0;
      }
      for (let i = 0; i < 4; i++) b[n + i] = random[randomAt++]!;
      mask(b, n, start, start + len);
    }
    this.n = start + len;
  }

  /** The frames added since the last take, in a buffer of their own (the socket keeps it). */
  take(): Buffer {
    const n = this.n;
    this.n = 0;
    if (n > 0x10000) {
      // Large (a continuation, a big value): hand over the buffer itself rather than copy it.
      const out = this.buf.subarray(0, n);
      this.buf = Buffer.allocUnsafe(16384);
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    this.buf.copy(out, 0, 0, n);
    return out;
  }

  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const nb = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.n + k));
    this.buf.copy(nb, 0, 0, this.n);
    this.buf = nb;
  }
}
