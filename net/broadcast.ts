// Discovery by UDP broadcast (beyond the talk, which notes Gambit could not broadcast): a node
// finds its peers in one round trip instead of sweeping its /24.
//
//   querier  --query (broadcast to B:port)-->  every node          (their `rx` socket, bound to B:port)
//   querier  <--here (unicast to A:port)-----  each other node     (the querier's `tx`, bound to A:port)
//   querier then connects to each answering node over WebSocket (the authenticated handshake).
//
// B is the broadcast address of the listen address's subnet (127.255.255.255 for loopback:
// broadcasts there never leave the machine). Datagrams are small JSON objects carrying an
// HMAC over the cookie, so a node answers only members of its cluster and connects only to
// them; the WebSocket handshake authenticates them again in any case. Only the querier
// connects, so two nodes do not race to connect to each other. Every node queries when it
// starts and then every `periodMs`.

import * as crypto from 'node:crypto';
import * as dgram from 'node:dgram';
import { PROTOCOL, macEqual } from './auth.js';
import { broadcastAddressFor, parseIPv4 } from './addr.js';

/** The part of a UDP socket discovery uses (tests substitute a fake network). */
export interface DatagramSocket {
  bind(port: number, address: string): Promise<void>;
  send(msg: Buffer, port: number, address: string): void;
  onMessage(cb: (msg: Buffer, from: { address: string; port: number }) => void): void;
  setBroadcast(): void;
  close(): void;
}

export type SocketFactory = (reuseAddr: boolean) => DatagramSocket;

export interface BroadcastOptions {
  readonly address: string;
  readonly port: number;
  readonly cookie: string;
  /** Our instance id: our own queries come back to us and are ignored. */
  readonly id: string;
  readonly broadcastAddress?: string | undefined;
  readonly periodMs: number;
  /** A cluster member answered: connect to it. */
  readonly found: (address: string, port: number) => void;
  readonly log: (line: string) => void;
  readonly sockets?: SocketFactory;
  /** Clock for the freshness check (ms). */
  readonly now?: () => number;
}

interface Datagram {
  readonly p: string;
  readonly t: 'q' | 'h';
  readonly id: string;
  readonly addr: string;
  readonly port: number;
  readonly ts: number;
  readonly mac: string;
}

/** Datagrams older (or newer) than this are ignored: a recorded one cannot be replayed later. */
const FRESH_MS = 60_000;

function mac(cookie: string, d: Omit<Datagram, 'mac'>): string {
  return crypto.createHmac('sha256', cookie).update([d.p, 'udp', d.t, d.id, d.addr, d.port, d.ts].join('|')).digest('hex');
}

export function encodeDatagram(cookie: string, d: Omit<Datagram, 'mac' | 'p'>): Buffer {
  const body = { p: PROTOCOL, ...d };
  return Buffer.from(JSON.stringify({ ...body, mac: mac(cookie, body) }));
}

/** Parse and authenticate a datagram; null if malformed, foreign or stale. */
export function decodeDatagram(cookie: string, buf: Buffer, now: number): Datagram | null {
  if (buf.length > 1024) return null;
  let o: unknown;
  try { o = JSON.parse(buf.toString('utf8')); } catch { return null; }
  if (typeof o !== 'object' || o === null) return null;
  const d = o as Record<string, unknown>;
  if (d['p'] !== PROTOCOL || (d['t'] !== 'q' && d['t'] !== 'h') || typeof d['id'] !== 'string' || typeof d['addr'] !== 'string'
    || parseIPv4(d['addr']) === null || !Number.isInteger(d['port']) || typeof d['ts'] !== 'number' || typeof d['mac'] !== 'string') return null;
  const dg = d as unknown as Datagram;
  if (Math.abs(now - dg.ts) > FRESH_MS) return null;
  const { mac: m, ...body } = dg;
  return macEqual(m, mac(cookie, body)) ? dg : null;
}

function nodeSocket(reuseAddr: boolean): DatagramSocket {
  const s = dgram.createSocket({ type: 'udp4', reuseAddr });
  s.on('error', () => { /* reported by bind or ignored: discovery is best effort */ });
  return {
    bind: (port, address) => new Promise((resolve, reject) => {
      s.once('error', reject);
      s.bind(port, address, () => { s.off('error', reject); resolve(); });
    }),
    send: (msg, port, address) => s.send(msg, port, address),
    onMessage: (cb) => s.on('message', cb),
    setBroadcast: () => s.setBroadcast(true),
    close: () => { try { s.close(); } catch { /* already closed */ } },
  };
}

export class BroadcastDiscovery {
  private rx: DatagramSocket | null = null;
  private tx: DatagramSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  readonly broadcastAddress: string;
  /** Counters, for tests and curiosity. */
  readonly stats = { queries: 0, answers: 0, found: 0, ignored: 0 };

  constructor(private readonly o: BroadcastOptions) {
    this.broadcastAddress = o.broadcastAddress ?? broadcastAddressFor(o.address);
  }

  async start(): Promise<void> {
    const make = this.o.sockets ?? nodeSocket;
    const rx = make(true), tx = make(false);
    try {
      await rx.bind(this.o.port, this.broadcastAddress);
      await tx.bind(this.o.port, this.o.address);
    } catch (e: unknown) {
      rx.close();
      tx.close();
      throw e;
    }
    tx.setBroadcast();
    rx.onMessage((msg) => this.onQuery(msg));
    tx.onMessage((msg) => this.onAnswer(msg));
    this.rx = rx;
    this.tx = tx;
    this.query();
    this.timer = setInterval(() => this.query(), this.o.periodMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.rx?.close();
    this.tx?.close();
    this.rx = this.tx = null;
  }

  /** Broadcast a query now. */
  query(): void {
    if (this.tx === null) return;
    this.stats.queries++;
    this.tx.send(this.datagram('q'), this.o.port, this.broadcastAddress);
  }

  private datagram(t: 'q' | 'h'): Buffer {
    return encodeDatagram(this.o.cookie, { t, id: this.o.id, addr: this.o.address, port: this.o.port, ts: this.now() });
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private onQuery(msg: Buffer): void {
    const d = decodeDatagram(this.o.cookie, msg, this.now());
    if (d === null || d.t !== 'q' || d.id === this.o.id) {
      if (d === null) this.stats.ignored++;
      return;
    }
    this.stats.answers++;
    this.tx?.send(this.datagram('h'), d.port, d.addr);
  }

  private onAnswer(msg: Buffer): void {
    const d = decodeDatagram(this.o.cookie, msg, this.now());
    if (d === null || d.t !== 'h' || d.id === this.o.id) {
      if (d === null) this.stats.ignored++;
      return;
    }
    this.stats.found++;
    this.o.found(d.addr, d.port);
  }
}
