// The messages two authenticated nodes exchange: binary WebSocket frames
//
//   byte 0      type: REQ (a call: payload = the encoded thunk)
//                     REP (its answer: payload = the encoded answer closure)
//                     FAIL (the destination could not answer: payload = UTF-8 text)
//   bytes 1-4   call id, unsigned big-endian, chosen by the caller, unique per connection
//   bytes 5-    payload
//
// Anything else (a text frame after the handshake, a short frame, an unknown type) is
// malformed and closes the connection.

export const enum MsgType { Req = 1, Rep = 2, Fail = 3 }

export const HEADER_BYTES = 5;

export interface Message {
  readonly type: MsgType;
  readonly id: number;
  readonly payload: Uint8Array;
}

/** Write a message's header (type, call id) at `at` in `b`; the payload follows it. */
export function writeHeader(b: Uint8Array, at: number, type: MsgType, id: number): void {
  b[at] = type;
  b[at + 1] = id >>> 24;
  b[at + 2] = (id >>> 16) & 0xff;
  b[at + 3] = (id >>> 8) & 0xff;
  b[at + 4] = id & 0xff;
}

export function encodeMessage(type: MsgType, id: number, payload: Uint8Array): Buffer {
  const buf = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  writeHeader(buf, 0, type, id);
  buf.set(payload, HEADER_BYTES);
  return buf;
}

/**
 * Decode a binary frame; null if malformed. The payload is a view, not a copy, and a plain
 * Uint8Array even when the frame is a Node Buffer: the deserializer takes views of it, and a
 * Buffer's subarray (Node's own, in JS) cost 8% of decoding an rpc's answer.
 */
export function decodeMessage(buf: Uint8Array): Message | null {
  if (buf.length < HEADER_BYTES) return null;
  const type = buf[0]!;
  if (type !== MsgType.Req && type !== MsgType.Rep && type !== MsgType.Fail) return null;
  const id = ((buf[1]! << 24) >>> 0) + (buf[2]! << 16) + (buf[3]! << 8) + buf[4]!;
  return { type, id, payload: new Uint8Array(buf.buffer, buf.byteOffset + HEADER_BYTES, buf.length - HEADER_BYTES) };
}
