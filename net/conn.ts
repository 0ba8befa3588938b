// One WebSocket connection between two nodes: the handshake (auth.ts), then calls and answers
// (wire.ts), heartbeats, size limits. A Conn is also the Scheme-visible connection object
// that DCS-connect returns (it prints as `#<foreign #5 "127.0.0.3:12345">`).
//
// States:
//   handshake  only the three handshake text frames are accepted; a server closes the socket
//              if the client has not proved itself within `handshakeMs`
//   open       authenticated: binary messages; `calls` holds our calls awaiting an answer
//   closed     final; every pending call has failed with 'lost'
// A Conn never runs code itself: it hands requests to `events.request` only when open.

import type WebSocket from 'ws';
import {
  CLOSE, MAX_HANDSHAKE_BYTES, PROTOCOL, clientMac, macEqual, newNonce, parseHandshake, serverMac,
  type Identity,
} from './auth.js';
import { interceptFrames } from './frame-reader.js';
import { FrameBatch } from './frames.js';
import { MsgType, decodeMessage, encodeMessage } from './wire.js';
import { MString, Tag, type HeapObject } from '../runtime/values.js';

/** What sendBinary needs of the TCP socket under a WebSocket. */
export interface RawSocket {
  write(b: Uint8Array): boolean;
}

/** ws's WebSocket.OPEN (the module is imported for its type only). */
const OPEN = 1;
/** Larger messages are framed and written by ws (no copy into the batch). */
const BATCH_MAX = 0x10000;

export interface ConnConfig {
  readonly cookie: string;
  /** Our instance id (auth.ts). */
  readonly id: string;
  readonly identity: Identity;
  readonly handshakeMs: number;
  /** Ping interval; a peer silent for two intervals is dropped. 0: no heartbeat. */
  readonly heartbeatMs: number;
}

export interface ConnEvents {
  /** The client learnt the server's id: return false to abandon (we already have that node). */
  challenged?(c: Conn, peerId: string): boolean;
  established(c: Conn): void;
  request(c: Conn, id: number, payload: Uint8Array): void;
  closed(c: Conn): void;
  log(line: string): void;
}

/** How a call ended: an answer, a failure text from the destination, or the link was lost. */
export type CallOutcome =
  | { readonly kind: 'rep'; readonly payload: Uint8Array }
  | { readonly kind: 'fail'; readonly text: string }
  | { readonly kind: 'lost'; readonly text: string };

export type ConnState = 'handshake' | 'open' | 'closed';

export class Conn implements HeapObject {
  get tag(): Tag.Host { return Tag.Host; }
  /** Shown by the printer. */
  readonly name: MString;
  state: ConnState = 'handshake';
  /** The peer's instance id, once known; its identity once authenticated. */
  peerId: string | null = null;
  peer: Identity | null = null;
  /** Why it closed (for logs and rpc errors). */
  closeReason = '';
  /** Whatever the manager attaches (the node this connection belongs to). */
  owner: unknown = null;
  private readonly nonce = newNonce();
  private peerNonce = '';
  private readonly calls = new Map<number, (o: CallOutcome) => void>();

  /** How many of our calls await an answer. */
  get pendingCalls(): number {
    return this.calls.size;
  }
  private nextCall = 1;
  private alive = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly role: 'client' | 'server',
    /** The socket's remote end, `ip:port`. */
    readonly remote: string,
    private readonly cfg: ConnConfig,
    private readonly events: ConnEvents,
  ) {
    this.name = new MString(remote);
    this.batch = new FrameBatch(role === 'client');
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data: Buffer, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.once('upgrade', (res: { socket: RawSocket }) => this.attachSocket(res.socket));
    ws.on('pong', () => { this.alive = true; });
    ws.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.log(`message too large (limit ${this.cfg.identity.max} bytes)`);
      else if (this.state === 'open') this.log(`connection error: ${e.message}`);
      this.finish(e.message);
    });
    ws.on('close', (code: number, reason: Buffer) => this.onClose(code, reason.toString()));
    this.timer = setTimeout(() => {
      if (this.state === 'handshake') {
        if (this.role === 'server') this.log('handshake timed out');
        this.close(CLOSE.handshakeTimeout, 'handshake timed out');
      }
    }, cfg.handshakeMs);
    this.timer.unref();
    if (role === 'server') this.sendText({ t: 'challenge', proto: PROTOCOL, id: cfg.id, nonce: this.nonce });
  }

  /** The peer's listening address as `ip:port` once known, else the socket's remote end. */
  get label(): string {
    return this.peer === null ? this.remote : `${this.peer.addr}:${this.peer.port}`;
  }

  /** Largest payload both ends accept. */
  get sendLimit(): number {
    return Math.min(this.cfg.identity.max, this.peer?.max ?? this.cfg.identity.max);
  }

  /** Send a call; `done` runs exactly once, with the answer or the failure. */
  call(payload: Uint8Array, done: (o: CallOutcome) => void): number {
    if (this.state !== 'open') {
      done({ kind: 'lost', text: this.closeReason || 'not connected' });
      return 0;
    }
    const id = this.nextCall;
    this.nextCall = this.nextCall >= 0xffffffff ? 1 : this.nextCall + 1;
    this.calls.set(id, done);
    this.sendBinary(MsgType.Req, id, payload);
    return id;
  }

  /** Forget a call (it timed out): a late answer is dropped. */
  cancel(id: number): void {
    this.calls.delete(id);
  }

  reply(id: number, payload: Uint8Array): void {
    if (this.state !== 'open') return;
    if (payload.length + 5 > (this.peer?.max ?? Infinity)) {
      this.fail(id, `the answer is too large (${payload.length} bytes, limit ${this.peer!.max})`);
      return;
    }
    this.sendBinary(MsgType.Rep, id, payload);
  }

  fail(id: number, text: string): void {
    if (this.state !== 'open') return;
    this.sendBinary(MsgType.Fail, id, Buffer.from(text.slice(0, 1000), 'utf8'));
  }

  /**
   * Send a binary message. The first of a JS task (a scheduler turn runs many threads in one)
   * leaves at once, so the peer can start on it; the others wait for the end of the task
   * (process.nextTick) and leave together, framed by hand into one buffer (frames.ts): one
   * system call and one stream write for all of them. On loopback a write costs ~5 us of CPU
   * (it does the receiver's TCP work too), a third of a node's time under load. Measured
   * (bench/rpc-bench.ts's client, 8 concurrent callers, alternating pairs): batching the writes
   * (socket corked until the end of the task): 34.3-38.1k -> 37.8-42.7k rpc/s, under strace the
   * server's writes fell from one per answer to one per 2.2; framing by hand instead of ws's
   * two stream writes per frame: see frames.ts. (Holding the first message of a task too was
   * measured and is worse: the peer waits for the end of the task before it can start.)
   * Before the socket is known, and for large messages, ws sends the frame.
   */
  private sendBinary(type: MsgType, id: number, body: Uint8Array): void {
    if (this.socket === null || body.length > BATCH_MAX) {
      this.flush();
      this.ws.send(encodeMessage(type, id, body));
      return;
    }
    this.batch.add(type, id, body);
    if (this.flushPending) return;
    this.flush();
    this.flushPending = true;
    process.nextTick(this.endOfTask);
  }

  private readonly endOfTask = (): void => {
    this.flushPending = false;
    this.flush();
  };

  /** Write the frames waiting (dropped if the connection is no longer open). */
  private flush(): void {
    if (this.batch.size === 0) return;
    const frames = this.batch.take();
    if (this.socket !== null && this.ws.readyState === OPEN) this.socket.write(frames);
  }

  /** The connection's TCP socket (set when known: at once for a server, on upgrade for a client). */
  private socket: RawSocket | null = null;
  private readonly batch: FrameBatch;
  /** Frames are waiting for the end of the current JS task. */
  private flushPending = false;

  attachSocket(s: RawSocket): void {
    this.socket = s;
  }

  close(code: number = CLOSE.normal, reason = 'closed'): void {
    if (this.state === 'closed') return;
    this.flush(); // what was sent before the close goes first
    try { this.ws.close(code, reason); } catch { this.ws.terminate(); }
    this.finish(reason);
  }

  /** Drop the socket without the closing handshake. */
  terminate(reason = 'terminated'): void {
    this.ws.terminate();
    this.finish(reason);
  }

  // -------------------------------------------------------------------------------------------

  /** Log why we close: `gsi-ts: refused 127.0.0.5:40312: ...` or `gsi-ts: closed connection with ...`. */
  private log(what: string): void {
    const verb = this.state === 'handshake' ? (this.role === 'server' ? 'refused' : 'could not connect to') : 'closed connection with';
    this.events.log(`gsi-ts: ${verb} ${this.label}: ${what}`);
  }

  private sendText(o: object): void {
    this.ws.send(JSON.stringify(o));
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.alive = true;
    if (this.state === 'closed') return;
    if (this.state === 'handshake') {
      if (isBinary || data.length > MAX_HANDSHAKE_BYTES) return this.malformed('unexpected message during the handshake');
      this.onHandshake(data.toString('utf8'));
      return;
    }
    if (!isBinary) return this.malformed('text frame after the handshake');
    this.onBinary(data);
  }

  /** A binary message, once open (from ws, or read directly: frame-reader.ts). */
  private onBinary(data: Uint8Array): void {
    this.alive = true;
    if (this.state !== 'open') return;
    const m = decodeMessage(data);
    if (m === null) return this.malformed('unknown message type');
    switch (m.type) {
      case MsgType.Req:
        this.events.request(this, m.id, m.payload);
        break;
      case MsgType.Rep:
      case MsgType.Fail: {
        const done = this.calls.get(m.id);
        if (done === undefined) return; // timed out and forgotten
        this.calls.delete(m.id);
        done(m.type === MsgType.Rep ? { kind: 'rep', payload: m.payload } : { kind: 'fail', text: Buffer.from(m.payload).toString('utf8') });
        break;
      }
      default: {
        const never: never = m.type;
        throw new Error(String(never));
      }
    }
  }

  private malformed(what: string): void {
    this.log(`malformed message (${what})`);
    this.close(CLOSE.malformed, 'malformed message');
  }

  private onHandshake(text: string): void {
    const m = parseHandshake(text);
    if (m === null) return this.malformed('bad handshake frame');
    const cfg = this.cfg;
    if (this.role === 'client') {
      if (m.t === 'challenge' && this.peerId === null) {
        if (m.proto !== PROTOCOL) return this.versionMismatch(m.proto);
        this.peerId = m.id;
        this.peerNonce = m.nonce;
        if (this.events.challenged?.(this, m.id) === false) return this.close(CLOSE.normal, 'already connected');
        const mac = clientMac(cfg.cookie, m.nonce, this.nonce, cfg.id, m.id);
        this.sendText({ t: 'response', proto: PROTOCOL, id: cfg.id, nonce: this.nonce, mac, ...cfg.identity });
        return;
      }
      if (m.t === 'welcome' && this.peerId !== null) {
        if (!macEqual(m.mac, serverMac(cfg.cookie, this.nonce, this.peerNonce, this.peerId, cfg.id))) {
          this.peer = identityOf(m);
          this.log('the server failed authentication (wrong cookie?)');
          return this.close(CLOSE.authFailed, 'authentication failed');
        }
        this.peer = identityOf(m);
        return this.open();
      }
      return this.malformed(`unexpected ${m.t}`);
    }
    if (m.t !== 'response' || this.peerId !== null) return this.malformed(`unexpected ${m.t}`);
    if (m.proto !== PROTOCOL) return this.versionMismatch(m.proto);
    if (!macEqual(m.mac, clientMac(cfg.cookie, this.nonce, m.nonce, m.id, cfg.id))) {
      this.log('authentication failed (wrong cookie?)');
      return this.close(CLOSE.authFailed, 'authentication failed');
    }
    this.peerId = m.id;
    this.peer = identityOf(m);
    this.sendText({ t: 'welcome', mac: serverMac(cfg.cookie, m.nonce, this.nonce, cfg.id, m.id), ...cfg.identity });
    this.open();
  }

  private versionMismatch(theirs: string): void {
    this.log(`protocol version mismatch (peer speaks ${JSON.stringify(theirs)}, we speak ${JSON.stringify(PROTOCOL)})`);
    this.close(CLOSE.version, 'protocol version mismatch');
  }

  private open(): void {
    this.state = 'open';
    // From now on the data frames are read directly where possible (frame-reader.ts).
    interceptFrames(this.ws, this.role === 'server', this.cfg.identity.max, (payload) => this.onBinary(payload));
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.cfg.heartbeatMs > 0) {
      this.timer = setInterval(() => this.heartbeat(), this.cfg.heartbeatMs);
      this.timer.unref();
    }
    this.events.established(this);
  }

  private heartbeat(): void {
    if (!this.alive) {
      this.log('no heartbeat');
      this.ws.terminate();
      this.finish('no heartbeat');
      return;
    }
    this.alive = false;
    try { this.ws.ping(); } catch { /* closing */ }
  }

  private onClose(code: number, reason: string): void {
    if (this.state !== 'closed') {
      if (code === CLOSE.authFailed && this.role === 'client') this.log('it refused us: authentication failed (wrong cookie?)');
      else if (code === CLOSE.version && this.role === 'client') this.log('it refused us: protocol version mismatch');
    }
    this.finish(reason || `closed (${code})`);
  }

  /** Enter the closed state once: fail every pending call at once, tell the manager. */
  private finish(reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closeReason = reason;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      clearInterval(this.timer);
      this.timer = null;
    }
    const calls = [...this.calls.values()];
    this.calls.clear();
    for (const done of calls) done({ kind: 'lost', text: reason });
    this.events.closed(this);
  }
}

function identityOf(m: Identity): Identity {
  return { addr: m.addr, port: m.port, host: m.host, max: m.max, ...(m.role === undefined ? {} : { role: m.role }) };
}
