// Byte input and output, and u8vector ports (Gambit manual ch. 17 "Byte ports" and "U8vector
// ports"; R7RS 6.13 binary ports): read-u8, write-u8, u8-ready?, read-subu8vector,
// write-subu8vector, open-input-u8vector / open-output-u8vector / get-output-u8vector, the R7RS
// bytevector names gsi 4.9.3 defines (it has no peek-u8), binary-port? / textual-port?,
// input-port-open? / output-port-open?, open-binary-input-file / open-binary-output-file.
//
// Argument checks and their order are gsi 4.9.3's: a range `start end` within a u8vector is
// checked as start in [0, length], then end in [start, length]. gsi's R7RS read-bytevector
// returns the end-of-file object when no byte was read, even when 0 bytes were asked for.
//
// The call-with / with-... procedures are in scheme-lib/prelude-io.scm.

import { rangeError, typeError } from '../errors.js';
import { plain, pure, type PrimFactory } from '../primitive.js';
import { EOF, Keyword, NIL, Pair, Sym, U8Vector, VOID, type Value } from '../values.js';
import type { Vm } from '../vm.js';
import {
  Port, byteReady, bytesToByteString, charEncodingNamed, flushPort, inputPortArg, isBytePort,
  isInputPort, isOutputPort, openInputU8vector, openOutputU8vector,
  outputPortArg, portWriteBytes, readByte, readBytes, takeOutputBytes, type CharEncoding,
} from '../ports.js';
import { blockingReader, natural, openFileArg } from './io.js';

const BYTE_OUT = 'Byte OUTPUT PORT';
const BYTE_IN = 'Byte INPUT PORT';
const U8VECTOR_OR_SETTINGS = 'U8VECTOR or port settings';
const U8VECTOR_OUT = 'U8vector OUTPUT PORT';

/** The port-settings keys accepted (and, but for these two, ignored) by the u8vector ports. */
const U8VECTOR_KEYS = new Set(['init', 'char-encoding', 'eol-encoding', 'buffering', 'permanent-close', 'direction']);

/** `(open-input-u8vector X)`: X a u8vector, or settings such as `(init: #u8(1 2) char-encoding: UTF-8)`. */
function u8vectorSettings(v: Value, arg: number): { init: Uint8Array | null; encoding: CharEncoding } {
  if (v instanceof U8Vector) return { init: v.bytes, encoding: 'ISO-8859-1' };
  let init: Uint8Array | null = null;
  let encoding: CharEncoding | null = 'ISO-8859-1';
  let x = v;
  while (x instanceof Pair && x.car instanceof Keyword && x.cdr instanceof Pair) {
    const key = x.car.name;
    const val = x.cdr.car;
    if (!U8VECTOR_KEYS.has(key)) throw typeError(arg, U8VECTOR_OR_SETTINGS);
    if (key === 'init') {
      if (!(val instanceof U8Vector)) throw typeError(arg, U8VECTOR_OR_SETTINGS);
      init = val.bytes;
    } else if (key === 'char-encoding') {
      encoding = val instanceof Sym ? charEncodingNamed(val.name) : null;
    }
    x = x.cdr.cdr;
  }
  if (x !== NIL || encoding === null) throw typeError(arg, U8VECTOR_OR_SETTINGS);
  return { init, encoding };
}

/** A u8vector argument with optional `start` and `end` (arguments `sArg` and `sArg + 1`). */
function span(len: number, start: Value | undefined, end: Value | undefined, sArg: number): { s: number; e: number } {
  const s = start === undefined ? 0 : natural(start, sArg, len);
  const e = end === undefined ? len : natural(end, sArg + 1, len);
  if (e < s) throw rangeError(sArg + 1);
  return { s, e };
}

export const binaryIoPrims: PrimFactory = (vm: Vm) => {
  const byteOut = (v: Value | undefined, arg: number): Port => {
    const p = outputPortArg(vm, v, arg, BYTE_OUT);
    if (!isBytePort(p)) throw typeError(arg, BYTE_OUT);
    return p;
  };
  const byteIn = (v: Value | undefined, arg: number): Port => {
    const p = inputPortArg(vm, v, arg, BYTE_IN);
    if (!isBytePort(p)) throw typeError(arg, BYTE_IN);
    return p;
  };
  const u8vec = (v: Value, arg: number): U8Vector => {
    if (v instanceof U8Vector) return v;
    throw typeError(arg, 'U8VECTOR');
  };
  /** Read into `v` from `s` to at most `e`; the count read. */
  const readInto = (v: U8Vector, s: number, e: number, p: Port): number => {
    const got = readBytes(p, e - s);
    v.bytes.set(got, s);
    return got.length;
  };

  return [
    // --- bytes
    plain('write-u8', 1, 2, (b: Value, port?: Value) => {
      if (typeof b !== 'number' || b < 0 || b > 255) throw typeError(1, 'Unsigned 8 bit exact INTEGER');
      portWriteBytes(byteOut(port, 2), String.fromCharCode(b));
      return VOID;
    }),
    blockingReader(vm, 'read-u8', 0, 1, (port?: Value) => {
      const b = readByte(byteIn(port, 1));
      return b < 0 ? EOF : b;
    }),
    plain('u8-ready?', 0, 1, (port?: Value) => byteReady(byteIn(port, 1))),
    // (read-subu8vector u8vector start end [port [need]]): the count read.
    blockingReader(vm, 'read-subu8vector', 3, 5, (v: Value, start: Value, end: Value, port?: Value, need?: Value) => {
      const u = u8vec(v, 1);
      const { s, e } = span(u.bytes.length, start, end, 2);
      const p = byteIn(port, 4);
      if (need !== undefined) natural(need, 5);
      return readInto(u, s, e, p);
    }),
    plain('write-subu8vector', 3, 4, (v: Value, start: Value, end: Value, port?: Value) => {
      const u = u8vec(v, 1);
      const { s, e } = span(u.bytes.length, start, end, 2);
      portWriteBytes(byteOut(port, 4), bytesToByteString(u.bytes.subarray(s, e)));
      return VOID;
    }),
    blockingReader(vm, 'read-bytevector', 1, 2, (k: Value, port?: Value) => {
      const n = natural(k, 1);
      const got = readBytes(byteIn(port, 2), n);
      return got.length === 0 ? EOF : new U8Vector(got);
    }),
    blockingReader(vm, 'read-bytevector!', 1, 4, (v: Value, port?: Value, start?: Value, end?: Value) => {
      const u = u8vec(v, 1);
      const p = byteIn(port, 2);
      const { s, e } = span(u.bytes.length, start, end, 3);
      const n = readInto(u, s, e, p);
      return n === 0 ? EOF : n;
    }),
    plain('write-bytevector', 1, 4, (v: Value, port?: Value, start?: Value, end?: Value) => {
      const u = u8vec(v, 1);
      const p = byteOut(port, 2);
      const { s, e } = span(u.bytes.length, start, end, 3);
      portWriteBytes(p, bytesToByteString(u.bytes.subarray(s, e)));
      return VOID;
    }),
    plain('flush-output-port', 0, 1, (port?: Value) => {
      flushPort(vm, outputPortArg(vm, port, 1, 'OUTPUT PORT'));
      return VOID;
    }),

    // --- u8vector ports
    plain('open-input-u8vector', 1, 1, (x: Value) => {
      const { init, encoding } = u8vectorSettings(x, 1);
      return openInputU8vector(init ?? new Uint8Array(0), encoding);
    }),
    plain('open-output-u8vector', 0, 1, (x?: Value) => {
      if (x === undefined) return openOutputU8vector();
      const { init, encoding } = u8vectorSettings(x, 1);
      return openOutputU8vector(init, encoding);
    }),
    plain('get-output-u8vector', 1, 1, (port: Value) => {
      if (!(port instanceof Port) || port.output === null || port.kind !== 'u8vector') throw typeError(1, U8VECTOR_OUT);
      return new U8Vector(takeOutputBytes(port));
    }),
    plain('open-input-bytevector', 1, 1, (x: Value) => openInputU8vector(u8vec(x, 1).bytes)),
    plain('open-output-bytevector', 0, 0, () => openOutputU8vector()),
    plain('get-output-bytevector', 1, 1, (port: Value) => {
      if (!(port instanceof Port) || port.output === null || port.kind !== 'u8vector') throw typeError(1, U8VECTOR_OUT);
      return new U8Vector(takeOutputBytes(port));
    }),

    // For scheme-lib/prelude-io.scm: (##io-u8vector-port 'input|'output settings), #f if the
    // settings are not a u8vector or u8vector port settings.
    plain('##io-u8vector-port', 2, 2, (dir: Value, x: Value) => {
      let st: ReturnType<typeof u8vectorSettings>;
      try {
        st = u8vectorSettings(x, 1);
      } catch {
        return false;
      }
      return dir instanceof Sym && dir.name === 'input'
        ? openInputU8vector(st.init ?? new Uint8Array(0), st.encoding)
        : openOutputU8vector(st.init, st.encoding);
    }),

    // --- binary files (gsi's file ports carry both bytes and characters)
    plain('open-binary-input-file', 1, 1, (path: Value) => openFileArg(vm, 'input', path, 1)),
    plain('open-binary-output-file', 1, 1, (path: Value) => openFileArg(vm, 'output', path, 1)),

    // --- predicates. Every port is textual in gsi; all but string ports are binary too.
    pure('binary-port?', 1, 1, (x: Value) => x instanceof Port && isBytePort(x)),
    pure('textual-port?', 1, 1, (x: Value) => x instanceof Port),
    // gsi 4.9.3 answers #t even after the port was closed; gsi-ts answers as R7RS says.
    plain('input-port-open?', 1, 1, (x: Value) => {
      if (!isInputPort(x)) throw typeError(1, 'INPUT PORT');
      return !x.inClosed;
    }),
    plain('output-port-open?', 1, 1, (x: Value) => {
      if (!isOutputPort(x)) throw typeError(1, 'OUTPUT PORT');
      return !x.outClosed;
    }),
  ];
};
