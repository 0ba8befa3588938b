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
import type { HostServer, HostSocket, SocketEvents } from './host.js';
import { InputSide, OutputSide, Port, WouldBlock, byteStringToBytes, type CharEncoding } from './ports.js';
import { intern, list, type Value } from './values.js';
import type { Vm } from './vm.js';

/**
 * A connection's port: its input side is fed by the socket's events. `connected`: false for a
 * client until the connection is made (force-output waits for it, as gsi's does).
 */
function connectionPort(name: Value, encoding: CharEncoding, connected: boolean, connect: (ev: SocketEvents) => HostSocket): Port {
  const inp = new InputSide('', false);
  inp.bytes = new Uint8Array(0);
  inp.streaming = true;
  inp.encoding = encoding;
  const out = new OutputSide(null);
  out.encoding = encoding;
  const p = new Port('tcp', name, inp, out);
  let open = connected;
  const sock = connect({
    connected: () => {
      open = true;
      inp.feed(''); // wakes a force-output waiting for the connection
    },
    data: (b) => inp.feedBytes(b),
    end: () => inp.close(),
    error: (message) => inp.fail(message),
  });
  p.transport = {
    flush: (o, closing) => {
      if (closing && o.chunks.length === 0) return;
      inp.raiseFailure();
      if (!open && !inp.ended) throw new WouldBlock(p);
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
