// Where the network meets the Scheme world of one Vm. Each peer node (manager.ts) becomes a
// Scheme thread, `#<thread #3>`, parked for as long as the peer is connected: that thread is
// what `(nodes)` lists and `ip2node` maps to, and what `rpc` takes. Each incoming call runs
// in a new root thread (current ports: the console) as `(##dcs-serve request reply)`, where
// `reply` is a one-shot primitive sending the encoded answer back (scheme-lib/dcs.scm).

import { applyProc } from '../interpreter/machine.js';
import { schedulerOf } from '../runtime/scheduler.js';
import { SThread } from '../runtime/threads.js';
import { Table } from '../runtime/table.js';
import { flushConsole } from '../runtime/ports.js';
import type { GlobalCell } from '../interpreter/nodes.js';
import { EMPTY_DYN, MString, Primitive, U8Vector, UNASSIGNED, VOID, intern, isProcedure, type Value } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { parseIPv4 } from './addr.js';
import { BroadcastDiscovery } from './broadcast.js';
import type { Conn } from './conn.js';
import type { NodeRole } from './auth.js';
import { NodeManager, PeerNode, type ManagerOptions } from './manager.js';

export type DiscoveryMode = 'sweep' | 'broadcast' | 'none';

export interface NetStartOptions extends ManagerOptions {
  readonly discovery: DiscoveryMode;
  /** Seconds between discovery rounds (broadcast; the sweep's period is in Scheme). */
  readonly period?: number;
  /** Broadcast discovery: the address to broadcast to (default: the listen address's subnet's). */
  readonly broadcastAddress?: string;
}

/** What `(node-start!)` uses for the arguments it is not given (set from the command line). */
export interface NodeDefaults {
  address?: string;
  port?: number;
  cookie?: string;
  discovery?: DiscoveryMode;
  maxMessage?: number;
  role?: NodeRole;
}

export class NetNode {
  manager: NodeManager | null = null;
  readonly defaults: NodeDefaults = {};
  /** The discovery mode of the running node. */
  discovery: DiscoveryMode = 'none';
  broadcast: BroadcastDiscovery | null = null;
  /** ip2node: u8vector IP address -> node thread (equal? keys). */
  readonly ip2node: Table;
  /** Node threads of the live peers. */
  private readonly byThread = new Map<SThread, PeerNode>();
  /** The thunk of every node thread: parks it until its peer leaves (net/prims.ts). */
  park: Primitive | null = null;
  /** The globals an incoming call uses (looked up once: a cell's value follows redefinitions). */
  private readonly serveCell: GlobalCell;
  private readonly rootThreadCell: GlobalCell;
  /** Lines logged by the manager go here (default: stderr, after flushing the console). */
  log: (line: string) => void;

  constructor(readonly vm: Vm) {
    this.serveCell = vm.cell(intern('##dcs-serve'));
    this.rootThreadCell = vm.cell(intern('make-root-thread'));
    this.ip2node = new Table({ test: vm.globalValue('equal?')!, hash: null, init: undefined, weakKeys: false, weakValues: false });
    this.log = (line) => {
      flushConsole(vm);
      vm.host.stderr(`${line}\n`);
    };
  }

  get started(): boolean {
    return this.manager !== null && !this.manager.stopped;
  }

  /** Listen, connect to ourselves (the self node), start broadcast discovery if asked. */
  async start(opts: NetStartOptions): Promise<void> {
    const m = new NodeManager({ ...opts, log: opts.log ?? this.log }, {
      nodeUp: (p) => this.nodeUp(p),
      nodeDown: (p) => this.nodeDown(p),
      request: (c, id, payload) => this.request(c, id, payload),
    });
    await m.start();
    this.manager = m;
    this.discovery = opts.discovery;
    const self = await m.connect(opts.address === '0.0.0.0' ? '127.0.0.1' : opts.address, opts.port);
    if (self === null) {
      await m.stop();
      this.manager = null;
      throw new Error(`cannot connect to this node's own server at ${opts.address}:${opts.port}`);
    }
    if (opts.discovery === 'broadcast') {
      const b = new BroadcastDiscovery({
        address: opts.address,
        port: opts.port,
        cookie: opts.cookie,
        id: m.id,
        broadcastAddress: opts.broadcastAddress,
        periodMs: (opts.period ?? 5) * 1000,
        found: (ip, port) => { void m.connect(ip, port); },
        log: m.log,
      });
      try {
        await b.start();
      } catch (e: unknown) {
        await m.stop();
        this.manager = null;
        throw e;
      }
      this.broadcast = b;
    }
  }

  async stop(): Promise<void> {
    const m = this.manager, b = this.broadcast;
    this.broadcast = null;
    if (b !== null) await b.stop();
    if (m !== null) await m.stop();
  }

  /** The peer a node thread stands for, if it is still connected. */
  peerOf(v: Value): PeerNode | null {
    const p = v instanceof SThread ? this.byThread.get(v) : undefined;
    return p === undefined || p.down ? null : p;
  }

  /** Close every connection of the peer a node thread stands for (its thread was terminated). */
  drop(t: SThread): void {
    const p = this.byThread.get(t);
    if (p === undefined) return;
    for (const c of [...p.conns]) c.close(undefined, 'node thread terminated');
  }

  isNodeThread(t: SThread): boolean {
    return this.byThread.has(t);
  }

  /** Live node threads, in order of arrival. */
  nodes(): SThread[] {
    return [...this.byThread.keys()];
  }

  selfThread(): SThread | null {
    const p = this.manager?.selfPeer;
    return p?.data instanceof SThread && !p.down ? p.data : null;
  }

  // -------------------------------------------------------------------------------------------

  /**
   * A peer became reachable. It becomes a node thread, in `(nodes)` and `ip2node`, unless it
   * is another node's observer (gsi-ts --monitor): that one is served but never listed, so
   * that nothing (a bouncing thread) picks it as a destination. An observer lists itself.
   */
  private nodeUp(p: PeerNode): void {
    if (p.role === 'observer' && !p.self) return;
    const t = new SThread(this.park!, VOID);
    t.regs.dyn = EMPTY_DYN;
    p.data = t;
    this.byThread.set(t, p);
    const ip = parseIPv4(p.addr);
    if (ip !== null) this.ip2node.set(new U8Vector(ip), t);
    applyProc(t.regs, this.park!, []);
    schedulerOf(this.vm).start(t);
  }

  private nodeDown(p: PeerNode): void {
    if (!(p.data instanceof SThread)) return; // an observer: never listed
    const t = p.data;
    this.byThread.delete(t);
    const ip = parseIPv4(p.addr);
    if (ip !== null) {
      const key = new U8Vector(ip);
      if (this.ip2node.get(key)?.value === t) this.ip2node.delete(key);
    }
    schedulerOf(this.vm).wake(t, VOID);
  }

  /**
   * An incoming call: a root thread runs `(##dcs-serve request reply)`. If the thread ends
   * without answering (the thunk terminated it, e.g. the talk's `(halt)`), the call fails as
   * the thread ends, so that the caller does not wait for its timeout.
   */
  private request(c: Conn, id: number, payload: Uint8Array): void {
    const serve = this.serveCell.value;
    if (serve === UNASSIGNED || !isProcedure(serve)) {
      c.fail(id, 'the destination has no rpc server (##dcs-serve is not defined)');
      return;
    }
    let answered = false;
    const answer = (ok: Uint8Array | null, failure: string): void => {
      if (answered) return;
      answered = true;
      if (ok !== null) c.reply(id, ok);
      else c.fail(id, failure);
    };
    const reply = new Primitive('##dcs-reply', 1, 1, 'plain', (v: Value) => {
      if (v instanceof U8Vector) answer(v.bytes, '');
      else answer(null, v instanceof MString ? v.s : 'the destination did not answer with a u8vector');
      return VOID;
    });
    const t = this.rootThread(serve);
    applyProc(t.regs, serve, [new U8Vector(payload), reply]);
    t.onEnd = () => answer(null, 'the thread running the call ended without answering');
    schedulerOf(this.vm).start(t);
  }

  /** A thread with the console as its current ports, as make-root-thread makes them. */
  private rootThread(thunk: Value): SThread {
    const mk = this.rootThreadCell.value;
    if (mk instanceof Primitive && mk.kind !== 'control') {
      const t: unknown = mk.fn(thunk);
      if (t instanceof SThread) return t;
    }
    const t = new SThread(thunk, VOID);
    t.regs.dyn = EMPTY_DYN;
    return t;
  }
}

/** The network state of a Vm (made on first use). */
export function netOf(vm: Vm): NetNode {
  let n = vm.ext.get('net') as NetNode | undefined;
  if (n === undefined) {
    n = new NetNode(vm);
    vm.ext.set('net', n);
  }
  return n;
}
