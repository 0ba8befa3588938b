// open-tcp-client and open-tcp-server (runtime/tcp.ts). Arguments as gsi 4.9.3 takes them: a
// port number, "address:port", or a port-settings list (server-address: / local-address:,
// port-number:, backlog:, char-encoding:; other settings are accepted and have no effect).

import { osError, typeError } from '../errors.js';
import { plain, type PrimFactory } from '../primitive.js';
import { charEncodingNamed, type CharEncoding } from '../ports.js';
import { TcpPort, TcpServerPort, isSocketInfo, listenTcp, openTcpClient, socketInfo } from '../tcp.js';
import { MString, NIL, Record, RecordType, Sym, U8Vector, intern, list, type Value } from '../values.js';
import { instanceError } from './data-util.js';
import { blockingReader, eachSetting, hostOpener } from './io.js';
import type { Vm } from '../vm.js';

const TCP_ARG = 'Exact INTEGER or STRING or port settings';
/** The types gsi names in its errors (`Instance of #<type #2 tcp-server-port> expected`). */
const SERVER_PORT_TYPE = new RecordType('tcp-server-port', '##type-tcp-server-port', false, null, []);
const SOCKET_INFO_TYPE = new RecordType('socket-info', '##type-3-socket-info', false, null, []);

interface TcpSettings {
  /** null: none given (a client connects to 127.0.0.1, a server listens on every interface). */
  address: string | null;
  port: number;
  backlog: number;
  encoding: CharEncoding;
  /** The argument was a settings list (gsi then names a server port `(tcp-server ())`). */
  list: boolean;
}

function portNumber(v: Value): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 65536 ? v : null;
}

function tcpSettings(v: Value, addressKey: string): TcpSettings {
  const s: TcpSettings = { address: null, port: 0, backlog: 128, encoding: 'UTF-8', list: false };
  const n = portNumber(v);
  if (n !== null) {
    s.port = n;
    return s;
  }
  if (v instanceof MString) {
    const i = v.s.lastIndexOf(':');
    const p = i < 0 ? null : portNumber(/^\d+$/.test(v.s.slice(i + 1)) ? Number(v.s.slice(i + 1)) : -1);
    if (p === null) throw typeError(1, TCP_ARG);
    s.address = v.s.slice(0, i);
    s.port = p;
    return s;
  }
  s.list = true;
  const proper = eachSetting(v, (key, val) => {
    if (key === addressKey) {
      if (!(val instanceof MString)) throw typeError(1, TCP_ARG);
      s.address = val.s;
    } else if (key === 'port-number') {
      const p = portNumber(val);
      if (p === null) throw typeError(1, TCP_ARG);
      s.port = p;
    } else if (key === 'backlog') {
      if (typeof val !== 'number' || val < 0) throw typeError(1, TCP_ARG);
      s.backlog = val;
    } else if (key === 'char-encoding') {
      const e = val instanceof Sym ? charEncodingNamed(val.name) : null;
      if (e === null) throw typeError(1, TCP_ARG);
      s.encoding = e;
    }
  });
  if (!proper) throw typeError(1, TCP_ARG);
  return s;
}

export const tcpPrims: PrimFactory = (vm: Vm) => {
  // Waits until the server listens, or raises its failure ("Address already in use"...).
  const openServer = hostOpener(vm, 'open-tcp-server', ([v]) => {
    const s = tcpSettings(v!, 'local-address');
    return (done) => listenTcp(vm, list(intern('tcp-server'), s.list ? NIL : s.port), s.address, s.port, s.backlog, s.encoding, done);
  });
  const clientPort = (v: Value): TcpPort => {
    if (v instanceof TcpPort) return v;
    throw typeError(1, 'Tcp client PORT');
  };
  const info = (v: Value): Record => {
    if (isSocketInfo(v)) return v;
    throw instanceError(1, SOCKET_INFO_TYPE);
  };
  return [
    // A client's addresses wait for its connection to be made.
    blockingReader(vm, 'tcp-client-self-socket-info', 1, 1, (p: Value) => socketInfo(clientPort(p).address('local'))),
    blockingReader(vm, 'tcp-client-peer-socket-info', 1, 1, (p: Value) => socketInfo(clientPort(p).address('remote'))),
    plain('tcp-server-socket-info', 1, 1, (p: Value) => {
      if (!(p instanceof TcpServerPort)) throw instanceError(1, SERVER_PORT_TYPE);
      const a = p.server?.address() ?? null;
      if (a === null) throw osError('Device is closed');
      return socketInfo(a);
    }),
    plain('socket-info?', 1, 1, (v: Value) => isSocketInfo(v)),
    plain('socket-info-family', 1, 1, (v: Value) => info(v).fields[0]!),
    plain('socket-info-port-number', 1, 1, (v: Value) => info(v).fields[1]!),
    plain('socket-info-address', 1, 1, (v: Value) => info(v).fields[2]!),
    plain('open-tcp-client', 1, 1, (v: Value) => {
      const s = tcpSettings(v, 'server-address');
      // gsi names the port with the address it was given, or 127.0.0.1 as a u8vector.
      const host = s.address ?? '127.0.0.1';
      const shown = s.address === null ? new U8Vector(Uint8Array.of(127, 0, 0, 1)) : new MString(host);
      return openTcpClient(vm, list(intern('tcp-client'), shown, s.port), host, s.port, s.encoding);
    }),
    openServer,
  ];
};
