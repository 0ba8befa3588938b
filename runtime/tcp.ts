// TCP ports, as gsi 4.9.3 has them (Gambit manual, "Network devices"):
//
//   (open-tcp-client "host:port")  or  (open-tcp-client (list server-address: "host" port-number: N))
//     an input-output byte port, `#<input-output-port #3 (tcp-client "127.0.0.2" 8000)>`. As in
//     gsi it is returned before the connection is made: a failure ("Connection refused") is
//     raised by the first read, or by the force-output that sends the first bytes.
//   (open-tcp-server N)  or  (open-tcp-server (list local-address: "127.0.0.2" port-number: N))
//     a server port, `#<input-port #2 (tcp-server 8000)>`; `(read server)` waits for a
//     connection and returns its port, `#<input-output-port #4 (tcp-client)>`.
//
// Bytes arrive over time (a streaming InputSide): a read with nothing to read parks the thread
// until bytes, the end of the input or a failure arrive. Output is buffered until
// force-output or close (as in gsi). Characters are ISO-8859-1 unless the settings say
// `char-encoding: UTF-8`.

import { osError } from './errors.js';
import type { HostServer, HostSocket, SockAddr, SocketEvents } from './host.js';
import { InputSide, Port, WouldBlock, byteStringToBytes, streamingSides, type CharEncoding } from './ports.js';
import { Record, RecordType, U8Vector, intern, list, type Value } from './values.js';
import type { Vm } from './vm.js';

/** A connection's port. `connected`: false for a client until the connection is made. */
export class TcpPort extends Port {
  sock: HostSocket | null = null;
  connected = false;

  /** Wait (WouldBlock) while connecting; raise the connection's failure, once. */
  awaitConnection(): void {
    const inp = this.input!;
    inp.raiseFailure();
    if (!this.connected && !inp.ended) throw new WouldBlock(this);
  }

  /** An address of the connection (once made; its failure, if it failed). */
  address(which: 'local' | 'remote'): SockAddr {
    if (!this.connected) this.awaitConnection();
    const a = this.sock === null ? null : which === 'local' ? this.sock.local() : this.sock.remote();
    if (a === null) throw osError('Transport endpoint is not connected');
    return a;
  }
}

/** A connection's port: its input side is fed by the socket's events. */
function connectionPort(name: Value, encoding: CharEncoding, connected: boolean, connect: (ev: SocketEvents) => HostSocket): TcpPort {
  const { inp, out } = streamingSides(encoding);
  const p = new TcpPort('tcp', name, inp, out);
  p.connected = connected;
  const sock = connect({
    connected: () => {
      p.connected = true;
      inp.feed(''); // wakes a force-output waiting for the connection
    },
    data: (b) => inp.feedBytes(b),
    end: () => inp.close(),
    error: (message) => inp.fail(message),
  });
  p.sock = sock;
  p.transport = {
    // force-output waits for the connection to be made, as gsi's does.
    flush: (o, closing) => {
      if (closing && o.chunks.length === 0) return;
      p.awaitConnection();
      if (o.chunks.length > 0) sock.write(byteStringToBytes(o.take()));
    },
    // Output closed: the peer reads end of file (what was written still goes first). The
    // connection ends once both sides have closed their output.
    closeOutput: () => sock.end(),
    closeInput: () => {},
  };
  return p;
}

export function openTcpClient(vm: Vm, name: Value, host: string, port: number, encoding: CharEncoding): Port {
  const h = vm.host;
  if (h.tcpConnect === undefined) throw osError('Operation not supported');
  return connectionPort(name, encoding, false, (ev) => h.tcpConnect!(host, port, ev));
}

/**
 * A server port. Its input side only carries the wait for a connection (`read`); accepted
 * connections queue up until read.
 */
export class TcpServerPort extends Port {
  readonly accepted: Port[] = [];
  server: HostServer | null = null;

  /** The next connection's port; WouldBlock while none has come; raises once closed. */
  accept(): Port {
    const c = this.accepted.shift();
    if (c !== undefined) return c;
    if (this.inClosed) throw osError('Device is closed');
    const inp = this.input!;
    if (inp.failure !== null) throw osError(inp.failure);
    throw new WouldBlock(this);
  }
}

/**
 * Listen on address:port (null: every interface); `done` gets the server port once listening,
 * or the failure ("Address already in use"...).
 */
export function listenTcp(vm: Vm, name: Value, address: string | null, port: number, backlog: number, encoding: CharEncoding,
  done: (p: Port | null, failure: string | null) => void): void {
  const h = vm.host;
  if (h.tcpListen === undefined) {
    done(null, 'Operation not supported');
    return;
  }
  const inp = new InputSide('', false);
  const sp = new TcpServerPort('tcp', name, inp, null);
  let listening = false;
  sp.transport = {
    flush: () => {},
    closeOutput: () => {},
    closeInput: () => {
      sp.server?.close();
      for (const c of sp.accepted.splice(0)) c.transport?.closeOutput();
      inp.close();
    },
  };
  sp.server = h.tcpListen(address, port, backlog, {
    listening: () => {
      listening = true;
      done(sp, null);
    },
    error: (message) => {
      if (!listening) done(null, message);
      else inp.fail(message);
    },
    connection: (s) => {
      let events: SocketEvents | null = null;
      const c = connectionPort(list(intern('tcp-client')), encoding, true, (ev) => {
        events = ev;
        return s;
      });
      if (sp.inClosed) {
        s.destroy();
      } else {
        sp.accepted.push(c);
        inp.feed(''); // wakes a reader waiting for a connection
      }
      return events!;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// socket-info objects: `#<socket-info #3 family: INET port-number: 8000 address: #u8(127 0 0 2)>`

const SOCKET_INFO = new RecordType('socket-info', '##type-3-socket-info', false, null,
  ['family', 'port-number', 'address'].map((name) => ({ name, printable: true, mutable: false })));

export function isSocketInfo(v: Value): v is Record {
  return v instanceof Record && v.type === SOCKET_INFO;
}

export function socketInfo(a: SockAddr): Record {
  return new Record(SOCKET_INFO, [intern(a.family), a.port, new U8Vector(ipBytes(a))]);
}

/** The address's bytes: 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6. */
function ipBytes(a: SockAddr): Uint8Array {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(a.address);
  if (v4 !== null) return Uint8Array.from(v4.slice(1, 5).map(Number));
  const [head, tail] = a.address.includes('::') ? a.address.split('::') as [string, string] : [a.address, null];
  const groups = (x: string): number[] => (x === '' ? [] : x.split(':').map((g) => parseInt(g, 16) || 0));
  const hi = groups(head), lo = tail === null ? [] : groups(tail);
  const all = [...hi, ...new Array<number>(Math.max(0, 8 - hi.length - lo.length)).fill(0), ...lo];
  const out = new Uint8Array(16);
  all.slice(0, 8).forEach((g, i) => { out[2 * i] = g >> 8; out[2 * i + 1] = g & 0xff; });
  return out;
}
