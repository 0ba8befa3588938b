// Tests of net/auth.ts (the handshake's proofs and frame validation) and net/wire.ts (the
// binary messages after it).

import { expect } from 'chai';
import { PROTOCOL, clientMac, macEqual, newInstanceId, newNonce, parseHandshake, serverMac } from '../../net/auth.js';
import { MsgType, decodeMessage, encodeMessage } from '../../net/wire.js';

describe('#clientMac and #serverMac', () => {
  const ns = newNonce(), nc = newNonce(), ci = newInstanceId(), si = newInstanceId();

  it('agree when both sides hold the same cookie', () => {
    expect(macEqual(clientMac('c', ns, nc, ci, si), clientMac('c', ns, nc, ci, si))).to.equal(true);
    expect(macEqual(serverMac('c', nc, ns, si, ci), serverMac('c', nc, ns, si, ci))).to.equal(true);
  });

  it('differ with another cookie, another nonce, or the other role', () => {
    const m = clientMac('c', ns, nc, ci, si);
    expect(macEqual(m, clientMac('d', ns, nc, ci, si))).to.equal(false);
    expect(macEqual(m, clientMac('c', newNonce(), nc, ci, si))).to.equal(false);
    // A client's proof cannot be reflected as a server's.
    expect(macEqual(m, serverMac('c', ns, nc, ci, si))).to.equal(false);
  });

  it('do not contain the cookie', () => {
    expect(clientMac('the-secret-cookie', ns, nc, ci, si)).to.not.contain('the-secret-cookie');
  });
});

describe('#macEqual', () => {
  it('is false for different lengths and for empty strings', () => {
    expect(macEqual('abcd', 'abcdef')).to.equal(false);
    expect(macEqual('', '')).to.equal(false);
  });
});

describe('#parseHandshake', () => {
  const id = newInstanceId(), nonce = newNonce(), mac = clientMac('c', nonce, nonce, id, id);
  const who = { addr: '127.0.0.2', port: 12345, host: 'h', max: 1000 };

  it('accepts the three well-formed frames', () => {
    expect(parseHandshake(JSON.stringify({ t: 'challenge', proto: PROTOCOL, id, nonce }))?.t).to.equal('challenge');
    expect(parseHandshake(JSON.stringify({ t: 'response', proto: PROTOCOL, id, nonce, mac, ...who }))?.t).to.equal('response');
    expect(parseHandshake(JSON.stringify({ t: 'welcome', mac, ...who }))?.t).to.equal('welcome');
  });

  it('rejects malformed frames', () => {
    for (const bad of ['', 'null', '[]', '{"t":"challenge"}', '{"t":"hello"}', 'x'.repeat(5000),
      JSON.stringify({ t: 'challenge', proto: PROTOCOL, id: 'xyz', nonce }),
      JSON.stringify({ t: 'response', proto: PROTOCOL, id, nonce, mac, ...who, port: 70000 }),
      JSON.stringify({ t: 'welcome', mac: 'ab', ...who })]) {
      expect(parseHandshake(bad), bad.slice(0, 40)).to.equal(null);
    }
  });

  it('accepts an optional role, node or observer, and rejects any other', () => {
    expect(parseHandshake(JSON.stringify({ t: 'welcome', mac, ...who, role: 'observer' }))).to.deep.include({ role: 'observer' });
    expect(parseHandshake(JSON.stringify({ t: 'response', proto: PROTOCOL, id, nonce, mac, ...who, role: 'node' }))?.t).to.equal('response');
    expect(parseHandshake(JSON.stringify({ t: 'welcome', mac, ...who, role: 'king' }))).to.equal(null);
  });

  it('leaves the protocol version to the caller (it reports a mismatch itself)', () => {
    expect(parseHandshake(JSON.stringify({ t: 'challenge', proto: 'gsi-ts-dcs/99', id, nonce }))?.t).to.equal('challenge');
  });
});

describe('#encodeMessage and #decodeMessage', () => {
  it('round-trip the type, the call id and the payload', () => {
    const buf = encodeMessage(MsgType.Rep, 0xfffffffe, new Uint8Array([1, 2, 3]));
    expect([...buf]).to.deep.equal([2, 0xff, 0xff, 0xff, 0xfe, 1, 2, 3]);
    const m = decodeMessage(buf)!;
    expect(m.type).to.equal(MsgType.Rep);
    expect(m.id).to.equal(0xfffffffe);
    expect([...m.payload]).to.deep.equal([1, 2, 3]);
    // A view of the frame (no copy), as a plain Uint8Array even though the frame is a Buffer.
    expect(Object.getPrototypeOf(m.payload)).to.equal(Uint8Array.prototype);
    buf[5] = 9;
    expect(m.payload[0]).to.equal(9);
  });

  it('rejects short frames and unknown types', () => {
    expect(decodeMessage(new Uint8Array([1, 0, 0]))).to.equal(null);
    expect(decodeMessage(new Uint8Array([9, 0, 0, 0, 1]))).to.equal(null);
    expect(decodeMessage(new Uint8Array([1, 0, 0, 0, 1]))?.payload.length).to.equal(0);
  });
});
