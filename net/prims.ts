// The Scheme procedures of the distributed layer (the talk's API; scheme-lib/dcs.scm builds
// `rpc`, discovery and node-start! on them):
//
//   (nodes)                      the connected nodes (threads), the local node included
//   ip2node                      table (test: equal?) from u8vector IP address to node
//   (current-node)               the local node's own node thread, or #f
//   (node? obj)                  is obj a connected node?
//   (node-address [node])        its (or this node's) IP address as a u8vector; #f if none
//   (node-port [node])           its (or this node's) port
//   (node-host-name node)        the host name it announced
//   (DCS-connect ip [port])      a connection to the node at ip (u8vector or string), or #f
//   (connection-node conn)       the node a connection belongs to, or #f
//   (##node-start! addr port cookie discovery max-message)   listen and join (blocks)
//   (##node-stop!)               leave: close everything (blocks)
//   (##dcs-call node u8 timeout) send a call, park until the answer (a u8vector)
//   (##rpc-raise obj)            raise obj here as if it were raised here (the answer closure)
//
// node-stats' primitives are in stats.ts.
//
// Blocking procedures park the thread in a host wait (Scheduler.block) and are woken by the
// network; rpc failures raise ErrorObj kind 'rpc' located at the caller's rpc form.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { raise, ret, type ControlFn, type Regs } from '../interpreter/machine.js';
import { loadTextSync } from '../interpreter/setup.js';
import { ErrorObj, synchronousWaitError, typeError } from '../runtime/errors.js';
import { makePrim, plain, type PrimFactory } from '../runtime/primitive.js';
import { schedulerOf } from '../runtime/scheduler.js';
import { SThread } from '../runtime/threads.js';
import { Flonum, Keyword, MString, Primitive, Sym, U8Vector, VOID, arrayToList, intern, type Value } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { formatIPv4, lanAddress, parseIPv4 } from './addr.js';
import { netOf, type DiscoveryMode } from './bridge.js';
import { Conn } from './conn.js';
import { resolveCookie } from './cookie.js';
import { DEFAULT_PORT } from './manager.js';
import { statsPrims } from './stats.js';

function control(name: string, min: number, max: number, fn: ControlFn): Primitive {
  return makePrim(name, min, max, 'control', fn);
}

export function rpcError(message: string, irritants: Value[] = []): ErrorObj {
  return new ErrorObj('rpc', message, irritants);
}

/** A timeout in seconds: #f (none) or a non-negative real. */
function seconds(v: Value | undefined, arg: number): number | null {
  if (v === undefined || v === false) return null;
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.v;
  throw typeError(arg, 'REAL');
}

/** An IPv4 address given as a 4-byte u8vector or as text. */
function ipArg(v: Value, arg: number): string {
  if (v instanceof U8Vector && v.bytes.length === 4) return formatIPv4(v.bytes);
  if (v instanceof MString && parseIPv4(v.s) !== null) return formatIPv4(parseIPv4(v.s)!);
  throw typeError(arg, 'IP address');
}

function portArg(v: Value, arg: number): number {
  if (typeof v === 'number' && v > 0 && v < 65536) return v;
  throw typeError(arg, 'port number');
}

function text(v: Value): string | null {
  if (v === false || v === VOID) return null;
  if (v instanceof MString) return v.s;
  if (v instanceof Sym || v instanceof Keyword) return v.name;
  throw typeError(1, 'STRING');
}

export const netPrims: PrimFactory = (vm) => {
  const net = netOf(vm);
  const sched = () => schedulerOf(vm);
  /**
   * The thread running `r`, which a blocking procedure may park; null when `r` is not a
   * scheduled thread's (code run synchronously: a macro transformer, a test's evalString).
   */
  const runner = (r: Regs): SThread | null => {
    const t = sched().current;
    return t.regs === r ? t : null;
  };
  const notInThread = synchronousWaitError;
  const nodeArg = (v: Value | undefined) => (v === undefined ? null : net.peerOf(v));

  const park = control('##node-park', 0, 0, (_vm, r) => {
    const me = runner(r);
    if (me === null || net.peerOf(me) === null) { ret(r, VOID); return; } // left before it ever ran
    // Terminating a node's thread drops that node: its connections close.
    sched().block(me, { kind: 'host' }, null, null, () => net.drop(me));
  });
  net.park = park;

  return [
    park,
    plain('nodes', 0, 0, () => arrayToList(net.nodes())),
    plain('current-node', 0, 0, () => net.selfThread() ?? false),
    plain('node?', 1, 1, (v: Value) => net.peerOf(v) !== null),
    plain('node-address', 0, 1, (n?: Value) => {
      if (n === undefined) return net.started ? new U8Vector(parseIPv4(net.manager!.address)!) : false;
      const p = nodeArg(n);
      const ip = p === null ? null : parseIPv4(p.addr);
      return ip === null ? false : new U8Vector(ip);
    }),
    plain('node-port', 0, 1, (n?: Value) => {
      if (n === undefined) return net.started ? net.manager!.port : false;
      return nodeArg(n)?.port ?? false;
    }),
    plain('node-host-name', 1, 1, (n: Value) => {
      const p = nodeArg(n);
      return p === null ? false : new MString(p.hostName);
    }),
    plain('connection-node', 1, 1, (c: Value) => {
      if (!(c instanceof Conn)) throw typeError(1, 'DCS connection');
      const p = c.owner as { data?: unknown; down?: boolean } | null;
      return p !== null && p.down === false && p.data instanceof SThread ? p.data : false;
    }),
    plain('##dcs-global-bound?', 1, 1, (s: Value) => s instanceof Sym && vm.globalValue(s.name) !== undefined),

    // (DCS-connect ip [port]): a connection or #f, within the manager's connect timeout.
    control('DCS-connect', 1, 2, (vm2, r, [ip, port]) => {
      const addr = ipArg(ip!, 1);
      const m = net.manager;
      if (m === null || m.stopped) { ret(r, false); return; }
      const p = port === undefined ? m.port : portArg(port, 2);
      const known = m.peerAt(addr, p);
      if (known !== null) { ret(r, known.conn!); return; }
      const s = sched();
      const me = runner(r);
      if (me === null) return raise(vm2, r, notInThread());
      s.hostActivity++;
      s.block(me, { kind: 'host' }, null, null);
      void m.connect(addr, p).then((c) => {
        s.hostActivity--;
        s.wake(me, c ?? false);
      });
    }),

    // (##dcs-call node request timeout): the encoded answer, or an 'rpc' error.
    control('##dcs-call', 3, 3, (vm2, r, [node, req, timeout]) => {
      const p = net.peerOf(node!);
      const conn = p?.conn ?? null;
      if (conn === null) return raise(vm2, r, rpcError('rpc to a node that is not connected:', [node!]));
      if (!(req instanceof U8Vector)) return raise(vm2, r, rpcError('rpc: encode did not return a u8vector:', [req!]));
      const secs = seconds(timeout, 3);
      if (req.bytes.length + 5 > conn.sendLimit) {
        return raise(vm2, r, rpcError('rpc message too large:', [req.bytes.length, conn.sendLimit]));
      }
      const s = sched();
      const me = runner(r);
      if (me === null) return raise(vm2, r, notInThread());
      let settled = false;
      /** Forget the call: it timed out, or its thread was terminated while waiting. */
      const forget = (): boolean => {
        if (settled) return false;
        settled = true;
        s.hostActivity--;
        conn.cancel(id);
        return true;
      };
      s.hostActivity++;
      s.block(me, { kind: 'host' }, secs, () => {
        if (forget()) s.wakeRaise(me, rpcError('rpc timeout:', [node!]));
      }, forget);
      const id = conn.call(req.bytes, (o) => {
        if (settled) return;
        settled = true;
        s.hostActivity--;
        if (o.kind === 'rep') s.wake(me, new U8Vector(o.payload));
        else if (o.kind === 'fail') s.wakeRaise(me, rpcError(`rpc failed at the destination (${o.text}):`, [node!]));
        else s.wakeRaise(me, rpcError('rpc connection lost:', [node!]));
      });
    }),

    // The answer closure of a call that raised: raise the destination's exception here. Its
    // location is where it is raised now (the caller's rpc form), as in the talk.
    control('##rpc-raise', 1, 1, (vm2, r, [obj]) => {
      if (obj instanceof ErrorObj) {
        obj.loc = null;
        obj.locProc = null;
        obj.located = false;
      }
      raise(vm2, r, obj!);
    }),

    // (##node-start! address port cookie discovery max-message period): #f = the default
    // (from the command line, else the LAN address, port 12345, the cookie file, sweep).
    control('##node-start!', 6, 6, (vm2, r, [address, port, cookie, discovery, maxMessage, period]) => {
      if (net.started) return raise(vm2, r, new ErrorObj('error', 'node-start!: this node is already started'));
      const d = net.defaults;
      const addr = address === false ? d.address ?? lanAddress() : ipArg(address!, 1);
      const p = port === false ? d.port ?? DEFAULT_PORT : portArg(port!, 2);
      const mode = (text(discovery!) ?? d.discovery ?? 'sweep') as DiscoveryMode;
      if (mode !== 'sweep' && mode !== 'broadcast' && mode !== 'none') throw typeError(4, 'sweep, broadcast or none');
      const max = typeof maxMessage === 'number' && maxMessage > 0 ? maxMessage : d.maxMessage;
      let cookieText: string;
      try {
        cookieText = resolveCookie({ option: text(cookie!) ?? d.cookie ?? null }).cookie;
      } catch (e: unknown) {
        return raise(vm2, r, new ErrorObj('os', `node-start!: ${(e as Error).message}`));
      }
      const s = sched();
      const me = runner(r);
      if (me === null) return raise(vm2, r, notInThread());
      s.hostActivity++;
      s.block(me, { kind: 'host' }, null, null);
      net.start({
        address: addr,
        port: p,
        cookie: cookieText,
        hostName: vm.host.hostName(),
        discovery: mode,
        ...(max !== undefined ? { maxMessage: max } : {}),
        ...(d.role !== undefined ? { role: d.role } : {}),
        period: seconds(period, 6) ?? 5,
      }).then(
        () => { s.hostActivity--; s.wake(me, new U8Vector(parseIPv4(addr)!)); },
        (e: unknown) => {
          s.hostActivity--;
          s.wakeRaise(me, new ErrorObj('os', `node-start!: cannot listen on ${addr}:${p}: ${(e as Error).message}`));
        },
      );
    }),

    // The discovery mode of the running node (a symbol), or #f.
    plain('##node-discovery', 0, 0, () => (net.started ? intern(net.discovery) : false)),

    control('##node-stop!', 0, 0, (vm2, r) => {
      if (net.manager === null) { ret(r, VOID); return; }
      const s = sched();
      const me = runner(r);
      if (me === null) return raise(vm2, r, notInThread());
      s.hostActivity++;
      s.block(me, { kind: 'host' }, null, null);
      void net.stop().then(() => {
        net.manager = null;
        s.hostActivity--;
        s.wake(me, VOID);
      });
    }),
  ];
};

/** scheme-lib/, found from this file whether it runs from dist/ or from the bundle. */
function schemeLibDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'scheme-lib', 'dcs.scm')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'scheme-lib');
}

/**
 * Give a Vm the distributed layer: the primitives above, the `ip2node` table, and the Scheme
 * half (scheme-lib/dcs.scm: rpc, encode/decode, discovery, node-start!). Loaded like a
 * prelude (no source locations). The node itself starts only when asked (node-start!, --node).
 */
export function installNet(vm: Vm): void {
  vm.definePrims(netPrims(vm));
  vm.definePrims(statsPrims(vm));
  vm.define('ip2node', netOf(vm).ip2node);
  const file = path.join(schemeLibDir(), 'dcs.scm');
  loadTextSync(vm, fs.readFileSync(file, 'utf8'), '');
}

