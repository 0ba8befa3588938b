// The node manager: one per node (per Vm). It listens for WebSocket connections, makes them
// (DCS-connect, discovery), authenticates them (conn.ts) and groups them by peer: a PeerNode
// is one remote node instance, whatever the number of connections to it. It knows nothing of
// Scheme: net/bridge.ts turns peers into node threads and requests into Scheme threads.
//
// Peers are identified by their random instance id (auth.ts), so a node that restarts at the
// same address is a new node. Connecting to ourselves is allowed and wanted (the talk's
// `(nodes)` includes the local node): the client end of that connection is the self node;
// the server end only serves. Two nodes that discover each other at the same moment may end
// up with two connections: both belong to the same PeerNode, calls go out on the oldest, and
// the node leaves only when its last connection closes.

import * as http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { CLOSE, newInstanceId, type Identity, type NodeRole } from './auth.js';
import { Conn, type ConnConfig, type ConnEvents } from './conn.js';
import { unmapIPv4 } from './addr.js';

export const DEFAULT_PORT = 12345;
export const DEFAULT_MAX_MESSAGE = 16 * 1024 * 1024;

export interface ManagerOptions {
  /** The address to listen on and to be known by (an IPv4 address). */
  readonly address: string;
  readonly port: number;
  readonly cookie: string;
  readonly hostName: string;
  /** Largest message accepted, in bytes (default 16 MiB). */
  readonly maxMessage?: number;
  /** Time allowed to connect and authenticate, in ms (default 2000): DCS-connect's bound. */
  readonly connectTimeoutMs?: number;
  /** Ping interval in ms (default 5000; 0 = none): a peer silent for two intervals is dropped. */
  readonly heartbeatMs?: number;
  /** Where log lines go (default: stderr). */
  readonly log?: (line: string) => void;
  /** 'observer': peers serve us but do not list us among their nodes (default 'node'). */
  readonly role?: NodeRole;
}

export interface ManagerEvents {
  nodeUp(n: PeerNode): void;
  nodeDown(n: PeerNode): void;
  request(c: Conn, id: number, payload: Uint8Array): void;
}

export class PeerNode {
  readonly conns: Conn[] = [];
  /** Whatever the bridge attaches (the node's thread). */
  data: unknown = null;
  down = false;
  constructor(
    readonly id: string,
    /** Its listening address and port: its key in ip2node. */
    readonly addr: string,
    readonly port: number,
    readonly hostName: string,
    readonly self: boolean,
    /** What it announced itself as: an observer is served but not listed as a node. */
    readonly role: NodeRole = 'node',
  ) {}

  /** The connection calls go out on (the oldest open one). */
  get conn(): Conn | null {
    for (const c of this.conns) if (c.state === 'open') return c;
    return null;
  }
}

/** At most this many connections may be in their handshake at once (each buffers input). */
const MAX_HANDSHAKING = 256;

export class NodeManager {
  readonly id = newInstanceId();
  readonly port: number;
  readonly address: string;
  readonly maxMessage: number;
  private server: WebSocketServer | null = null;
  private httpServer: http.Server | null = null;
  /** Peers by instance id, in order of arrival. */
  readonly peers = new Map<string, PeerNode>();
  private readonly conns = new Set<Conn>();
  /** Connection attempts in progress, by `ip:port` (a second attempt joins the first). */
  private readonly connecting = new Map<string, Promise<Conn | null>>();
  private readonly connCfg: ConnConfig;
  private readonly connEvents: ConnEvents;
  private readonly connectTimeoutMs: number;
  readonly log: (line: string) => void;
  stopped = false;

  constructor(readonly opts: ManagerOptions, private readonly events: ManagerEvents) {
    this.address = opts.address;
    this.port = opts.port;
    this.maxMessage = opts.maxMessage ?? DEFAULT_MAX_MESSAGE;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 2000;
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
    const identity: Identity = {
      addr: opts.address, port: opts.port, host: opts.hostName, max: this.maxMessage,
      ...(opts.role === 'observer' ? { role: opts.role } : {}),
    };
    this.connCfg = { cookie: opts.cookie, id: this.id, identity, handshakeMs: this.connectTimeoutMs, heartbeatMs: opts.heartbeatMs ?? 5000 };
    this.connEvents = {
      challenged: (c, peerId) => this.challenged(c, peerId),
      established: (c) => this.established(c),
      request: (c, id, payload) => this.events.request(c, id, payload),
      closed: (c) => this.closed(c),
      log: (line) => this.log(line),
    };
  }

  /** Listen on address:port. Rejects (EADDRINUSE, EADDRNOTAVAIL...) without leaving anything open. */
  start(): Promise<void> {
    const httpServer = http.createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' });
      res.end('gsi-ts node: WebSocket only\n');
    });
    const wss = new WebSocketServer({ server: httpServer, maxPayload: this.maxMessage, perMessageDeflate: false, clientTracking: false });
    wss.on('connection', (ws, req) => this.accept(ws, req));
    wss.on('error', (e) => this.log(`gsi-ts: node server error: ${e.message}`));
    return new Promise((resolve, reject) => {
      const onError = (e: Error): void => {
        httpServer.close();
        wss.close();
        reject(e);
      };
      httpServer.once('error', onError);
      httpServer.listen(this.port, this.address, () => {
        httpServer.off('error', onError);
        httpServer.on('error', (e) => this.log(`gsi-ts: node server error: ${e.message}`));
        this.httpServer = httpServer;
        this.server = wss;
        resolve();
      });
    });
  }

  /** Close every connection and the server. Pending calls fail; pending connects give null. */
  stop(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stopped = true;
    const conns = [...this.conns];
    for (const c of conns) c.close(CLOSE.stopped, 'node stopped');
    const wss = this.server, hs = this.httpServer;
    this.server = null;
    this.httpServer = null;
    return new Promise((resolve) => {
      // Peers normally answer the close frame at once; drop the sockets of those that do not,
      // and do not wait for ever for the server to report that it has closed.
      const drop = setTimeout(() => {
        for (const c of conns) c.terminate('node stopped');
        hs?.closeAllConnections();
      }, 500);
      const giveUp = setTimeout(resolve, 1500);
      if (wss === null || hs === null) { clearTimeout(drop); clearTimeout(giveUp); resolve(); return; }
      wss.close();
      hs.close(() => { clearTimeout(drop); clearTimeout(giveUp); resolve(); });
    });
  }

  /** The live peer listening at ip:port, if any. */
  peerAt(ip: string, port: number): PeerNode | null {
    for (const p of this.peers.values()) if (!p.down && p.addr === ip && p.port === port && p.conn !== null) return p;
    return null;
  }

  get selfPeer(): PeerNode | null {
    return this.peers.get(this.id) ?? null;
  }

  /**
   * Connect to the node at ip:port and authenticate; the connection joins its peer (a new
   * node, or one we know). Resolves null on any failure within connectTimeoutMs. If we are
   * already connected to that address, resolves the existing connection at once.
   */
  connect(ip: string, port: number): Promise<Conn | null> {
    if (this.stopped) return Promise.resolve(null);
    const known = this.peerAt(ip, port);
    if (known !== null) return Promise.resolve(known.conn);
    const key = `${ip}:${port}`;
    const inFlight = this.connecting.get(key);
    if (inFlight !== undefined) return inFlight;
    const p = new Promise<Conn | null>((resolve) => {
      let ws: WebSocket;
      try {
        ws = new WebSocket(`ws://${key}/`, {
          perMessageDeflate: false,
          maxPayload: this.maxMessage,
          handshakeTimeout: this.connectTimeoutMs,
          ...(this.address === '0.0.0.0' ? {} : { localAddress: this.address }),
        });
      } catch {
        resolve(null);
        return;
      }
      const c = new Conn(ws, 'client', key, this.connCfg, {
        ...this.connEvents,
        established: (conn) => { this.connEvents.established(conn); resolve(conn); },
        closed: (conn) => {
          this.connEvents.closed(conn);
          // Abandoned because we already have that node: answer with its connection.
          const peer = conn.peerId === null ? null : this.peers.get(conn.peerId);
          resolve(peer?.conn ?? null);
        },
      });
      this.conns.add(c);
    });
    this.connecting.set(key, p);
    void p.then(() => this.connecting.delete(key));
    return p;
  }

  // -------------------------------------------------------------------------------------------

  private accept(ws: WebSocket, req: http.IncomingMessage): void {
    if (this.stopped) { ws.terminate(); return; }
    let handshaking = 0;
    for (const c of this.conns) if (c.state === 'handshake') handshaking++;
    if (handshaking >= MAX_HANDSHAKING) { ws.terminate(); return; }
    const remote = `${unmapIPv4(req.socket.remoteAddress ?? '?')}:${req.socket.remotePort ?? 0}`;
    const c = new Conn(ws, 'server', remote, this.connCfg, this.connEvents);
    c.attachSocket(req.socket);
    this.conns.add(c);
  }

  /** A client learnt who it reached: give up if that node is already connected. */
  private challenged(_c: Conn, peerId: string): boolean {
    const p = this.peers.get(peerId);
    return p === undefined || p.down || p.conn === null;
  }

  private established(c: Conn): void {
    if (this.stopped) { c.close(CLOSE.stopped, 'node stopped'); return; }
    const peerId = c.peerId!;
    // The server end of a connection to ourselves only serves: the client end is the node.
    if (peerId === this.id && c.role === 'server') return;
    let p = this.peers.get(peerId);
    const isNew = p === undefined || p.down;
    if (p === undefined || p.down) {
      const info = c.peer!;
      // A peer listening on all interfaces is known by the address it connected from.
      const addr = info.addr === '0.0.0.0' || info.addr === '' ? c.remote.replace(/:\d+$/, '') : info.addr;
      p = new PeerNode(peerId, addr, info.port, info.host, peerId === this.id, info.role ?? 'node');
      this.peers.set(peerId, p);
    }
    p.conns.push(c);
    c.owner = p;
    if (isNew) this.events.nodeUp(p);
  }

  private closed(c: Conn): void {
    this.conns.delete(c);
    const p = c.owner;
    if (!(p instanceof PeerNode)) return;
    const i = p.conns.indexOf(c);
    if (i >= 0) p.conns.splice(i, 1);
    if (p.conns.length === 0 && !p.down) {
      p.down = true;
      if (this.peers.get(p.id) === p) this.peers.delete(p.id);
      this.events.nodeDown(p);
    }
  }
}
