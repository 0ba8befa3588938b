// The handshake that authenticates two nodes: a mutual challenge-response over the cluster
// cookie, in three text frames, before any other message is accepted.
//
//   server -> client  challenge  {t, proto, id: serverId, nonce: Ns}
//   client -> server  response   {t, proto, id: clientId, nonce: Nc, mac: HMAC(cookie, client|Ns|Nc|ids), addr, port, host, max, role?}
//   server -> client  welcome    {t, mac: HMAC(cookie, server|Nc|Ns|ids), addr, port, host, max, role?}
//
// Both nonces are fresh random 32-byte values, so a recorded handshake cannot be replayed; the
// role label in each MAC stops a client's proof from being reflected back as a server's. The
// server proves itself only after the client has (it is no oracle for strangers). The ids are
// random per node instance: equal ids mean a node connected to itself. `max` is each side's
// message size limit, so a sender can refuse an oversized rpc instead of losing the link.
// `role` is 'observer' for a node that only watches (gsi-ts --monitor): full nodes serve its
// calls but do not count it as a node (bridge.ts); absent means 'node'.
// Failures close the socket with a 40xx code (see CLOSE) and a log line.

import * as crypto from 'node:crypto';

export const PROTOCOL = 'gsi-ts-dcs/1';

/** A handshake frame longer than this is malformed. */
export const MAX_HANDSHAKE_BYTES = 4096;

/** WebSocket close codes (4000-4999 are for applications). */
export const CLOSE = {
  normal: 1000,
  going: 1001,
  protocolError: 1002,
  tooBig: 1009,
  authFailed: 4001,
  version: 4002,
  handshakeTimeout: 4003,
  malformed: 4004,
  heartbeat: 4005,
  stopped: 4006,
} as const;

export interface Challenge {
  readonly t: 'challenge';
  readonly proto: string;
  readonly id: string;
  readonly nonce: string;
}

/** What each side tells the other about itself once authenticated. */
export interface Identity {
  /** The address and port the node listens on (its key in ip2node). */
  readonly addr: string;
  readonly port: number;
  readonly host: string;
  /** Largest message it accepts, in bytes. */
  readonly max: number;
  /** 'observer': serve it, but do not list it among the nodes. Absent: 'node'. */
  readonly role?: NodeRole;
}

export type NodeRole = 'node' | 'observer';

export interface Response extends Identity {
  readonly t: 'response';
  readonly proto: string;
  readonly id: string;
  readonly nonce: string;
  readonly mac: string;
}

export interface Welcome extends Identity {
  readonly t: 'welcome';
  readonly mac: string;
}

export type HandshakeMessage = Challenge | Response | Welcome;

export function newNonce(): string {
  return crypto.randomBytes(32).toString('hex');
}

export function newInstanceId(): string {
  return crypto.randomBytes(16).toString('hex');
}

function hmac(cookie: string, parts: string[]): string {
  return crypto.createHmac('sha256', cookie).update(parts.join('|')).digest('hex');
}

/** The client's proof: it knows the cookie, for this server nonce. */
export function clientMac(cookie: string, serverNonce: string, clientNonce: string, clientId: string, serverId: string): string {
  return hmac(cookie, [PROTOCOL, 'client', serverNonce, clientNonce, clientId, serverId]);
}

/** The server's proof, over the client's nonce. */
export function serverMac(cookie: string, clientNonce: string, serverNonce: string, serverId: string, clientId: string): string {
  return hmac(cookie, [PROTOCOL, 'server', clientNonce, serverNonce, serverId, clientId]);
}

/** Constant-time comparison of two hex MACs. */
export function macEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex'), y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

const HEX = /^[0-9a-f]+$/;

function isHex(v: unknown, len: number): v is string {
  return typeof v === 'string' && v.length === len && HEX.test(v);
}

function identityOk(o: Record<string, unknown>): boolean {
  return typeof o['addr'] === 'string' && o['addr'].length <= 64
    && Number.isInteger(o['port']) && (o['port'] as number) > 0 && (o['port'] as number) < 65536
    && typeof o['host'] === 'string' && o['host'].length <= 255
    && Number.isInteger(o['max']) && (o['max'] as number) > 0
    && (o['role'] === undefined || o['role'] === 'node' || o['role'] === 'observer');
}

/**
 * Parse and validate a handshake frame. Returns null if it is malformed (not JSON, wrong
 * fields); the protocol version is checked by the caller, which reports a mismatch clearly.
 */
export function parseHandshake(text: string): HandshakeMessage | null {
  if (text.length > MAX_HANDSHAKE_BYTES) return null;
  let o: unknown;
  try { o = JSON.parse(text); } catch { return null; }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const m = o as Record<string, unknown>;
  switch (m['t']) {
    case 'challenge':
      return typeof m['proto'] === 'string' && isHex(m['id'], 32) && isHex(m['nonce'], 64) ? (m as unknown as Challenge) : null;
    case 'response':
      return typeof m['proto'] === 'string' && isHex(m['id'], 32) && isHex(m['nonce'], 64) && isHex(m['mac'], 64) && identityOk(m)
        ? (m as unknown as Response) : null;
    case 'welcome':
      return isHex(m['mac'], 64) && identityOk(m) ? (m as unknown as Welcome) : null;
    default:
      return null;
  }
}
