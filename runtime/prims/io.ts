// Input and output primitives (R7RS 6.13; Gambit manual ch. 17 "I/O and ports"): write, display,
// print, pp, the char/line/string/datum readers, string and file ports, object->string.
// Byte I/O and u8vector ports are in binary-io.ts, the file system in files.ts.
//
// A port argument, when absent, is the current port (the current-input-port /
// current-output-port parameter in the running thread's dynamic environment). The type names in
// argument errors are gsi 4.9.3's, which differ from one procedure to the next (`write` wants an
// "Object OUTPUT PORT", `display` a "Character OUTPUT PORT", `pp` an "OUTPUT PORT").
//
// Procedures that call back into Scheme (with-output-to-string, call-with-input-file...) are in
// scheme-lib/prelude-io.scm.

import { Reader, isIncomplete } from '../../interpreter/reader.js';
import { applyProc, ret, type ControlFn } from '../../interpreter/machine.js';
import { TcpServerPort } from '../tcp.js';
import { schedulerOf, type Scheduler } from '../scheduler.js';
import { checkChar, checkString } from '../check.js';
import { ErrorObj, osError, rangeError, typeError } from '../errors.js';
import { makePrim, plain, pure, type PrimFactory } from '../primitive.js';
import {
  EOF, Keyword, MString, NIL, Pair, Sym, VOID, intern, makeChar, type Primitive, type Value,
} from '../values.js';
import type { Vm } from '../vm.js';
import { objectToString, printString, writeSharedString, writeString } from '../printer.js';
import { prettyString } from '../pretty.js';
import { instanceError } from './data-util.js';
import {
  Port, WouldBlock, charEncodingNamed, charReady, type CharEncoding, closeInput, closeOutput, flushPort, inputPortArg, isInputPort,
  isOutputPort, openInputFile, openInputString, openOutputFile, openOutputString, outputColumn,
  outputPortArg, peekCode, portWrite, portsOf, readChars, readCode, readLine, replOutputPort,
  takeOutputString,
} from '../ports.js';

/** gsi's names for the kinds of port an argument must be. */
const OBJ_OUT = 'Object OUTPUT PORT';
const CHAR_OUT = 'Character OUTPUT PORT';
const OBJ_IN = 'Object INPUT PORT';
const CHAR_IN = 'Character INPUT PORT';
const STRING_OR_SETTINGS = 'STRING or port settings';
const EXACT_INT = 'Exact INTEGER';

/** A non-negative fixnum argument (an index or count). */
export function natural(v: Value, arg: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v === 'number') {
    if (v < 0 || v > max) throw rangeError(arg);
    return v;
  }
  if (typeof v === 'bigint') throw rangeError(arg);
  throw typeError(arg, EXACT_INT);
}

/**
 * A file name argument: a string, or a port-settings list such as `(path: "f" append: #t)`.
 * Only `path:`, `append:` and `char-encoding:` matter here.
 */
/** Open the file a file name argument names, for input or output. */
export function openFileArg(vm: Vm, dir: 'input' | 'output', v: Value, arg: number): Port {
  const s = fileSettings(v, arg);
  return dir === 'input' ? openInputFile(vm, s.path, s.encoding) : openOutputFile(vm, s.path, s.append, s.encoding);
}

export function fileSettings(v: Value, arg: number): { path: string; append: boolean; encoding: CharEncoding } {
  if (v instanceof MString) return { path: v.s, append: false, encoding: 'UTF-8' };
  let path: string | null = null;
  let append = false;
  let encoding: CharEncoding | null = 'UTF-8';
  const proper = eachSetting(v, (key, val) => {
    if (key === 'path' && val instanceof MString) path = val.s;
    else if (key === 'append') append = val !== false;
    else if (key === 'char-encoding') encoding = val instanceof Sym ? charEncodingNamed(val.name) : null;
  });
  if (!proper || path === null || encoding === null) throw typeError(arg, STRING_OR_SETTINGS);
  return { path, append, encoding };
}

/** Call `f` on each `key: value` of a port-settings list; false if `v` is not such a list. */
export function eachSetting(v: Value, f: (key: string, val: Value) => void): boolean {
  let x = v;
  while (x instanceof Pair && x.car instanceof Keyword && x.cdr instanceof Pair) {
    f(x.car.name, x.cdr.car);
    x = x.cdr.cdr;
  }
  return x === NIL;
}

/**
 * A reading primitive. When the port has no text yet (a console port: WouldBlock), the
 * running thread is parked (Scheduler.block) until text arrives or the input ends, and the
 * read is tried again then; the thread resumes with its result (or its error). Without a
 * scheduler (synchronous runs) WouldBlock goes up to the caller.
 */
export function blockingReader(vm: Vm, name: string, min: number, max: number, fn: (...args: Value[]) => Value): Primitive {
  const prim: Primitive = makePrim(name, min, max, 'control', ((_vm, r, args) => {
    try {
      ret(r, fn(...args));
    } catch (e: unknown) {
      if (!(e instanceof WouldBlock)) throw e;
      const sched = vm.ext.get('scheduler') as Scheduler | undefined;
      if (sched === undefined) throw e;
      const t = sched.current;
      sched.block(t, { kind: 'host' }, null, null);
      const retry = (): void => {
        try {
          sched.wake(t, fn(...args));
        } catch (e2: unknown) {
          if (e2 instanceof WouldBlock) {
            e2.port.input!.waiters.push(retry);
          } else if (e2 instanceof ErrorObj) {
            if (e2.proc === null) {
              e2.proc = prim;
              e2.args = args;
            }
            sched.wakeRaise(t, e2);
          } else {
            throw e2;
          }
        }
      };
      e.port.input!.waiters.push(retry);
    }
  }) as ControlFn);
  return prim;
}

/**
 * A primitive that opens what the host makes asynchronously (a TCP server, a process). The
 * running thread waits: `prepare(args)` checks the arguments (raising at once if they are
 * wrong) and gives what starts the opening; its `done(value)` resumes the thread with the
 * value, `done(null, why)` raises an os-exception with the call form.
 */
export function hostOpener(vm: Vm, name: string,
  prepare: (args: Value[]) => (done: (v: Value | null, failure: string | null) => void) => void): Primitive {
  const prim: Primitive = makePrim(name, 1, 1, 'control', ((_vm, r, args) => {
    const start = prepare(args);
    const sched = schedulerOf(vm);
    const t = sched.waiter(r);
    sched.block(t, { kind: 'host' }, null, null);
    start((v, failure) => {
      if (v !== null) {
        sched.wake(t, v);
        return;
      }
      const e = osError(failure!);
      e.proc = prim;
      e.args = args;
      sched.wakeRaise(t, e);
    });
  }) as ControlFn);
  return prim;
}

/**
 * Read one datum from `p`: the reader parses the text not yet consumed. On a console port whose
 * text ends in the middle of a datum, more text is awaited (WouldBlock) before anything is
 * consumed. A syntax error consumes the text up to the error, as gsi does.
 */
export function readDatum(p: Port): Value {
  const inp = p.input!;
  for (;;) {
    const start = inp.pos;
    const opts = { container: p.container, line: inp.line, col: inp.column };
    const reader = new Reader(inp.text.slice(start), opts);
    let d: Value;
    try {
      d = reader.read();
    } catch (e: unknown) {
      if (!inp.ended && isIncomplete(e)) {
        if (inp.more()) continue;
        throw new WouldBlock(p);
      }
      // Skip what the reader consumed, at least one character, so that reading again goes on.
      inp.advanceTo(Math.min(inp.text.length, start + Math.max(1, reader.pos)));
      throw e;
    }
    if (d === EOF && reader.atEnd && !inp.ended) {
      if (inp.more()) continue;
      throw new WouldBlock(p);
    }
    inp.advanceTo(start + reader.pos);
    return d;
  }
}

/** `print`'s arguments: an optional leading `port: p`, then the objects. */
function printArgs(vm: Vm, args: Value[]): { port: Port; items: Value[] } {
  let i = 0;
  let portArg: Value | undefined;
  while (i < args.length && args[i] instanceof Keyword) {
    const k = args[i] as Keyword;
    if (k.name !== 'port' || i + 1 >= args.length) throw new ErrorObj('unknown-keyword-argument', '');
    portArg = args[i + 1];
    i += 2;
  }
  return { port: outputPortArg(vm, portArg, i, CHAR_OUT), items: args.slice(i) };
}

export const ioPrims: PrimFactory = (vm: Vm) => {
  const ps = portsOf(vm);
  vm.define('current-input-port', ps.currentInput);
  vm.define('current-output-port', ps.currentOutput);
  vm.define('current-error-port', ps.currentError);

  const out = (v: Value | undefined, arg: number, typeName: string): Port => outputPortArg(vm, v, arg, typeName);
  const inp = (v: Value | undefined, arg: number, typeName: string): Port => inputPortArg(vm, v, arg, typeName);

  const writer = (name: string, display: boolean, typeName: string) =>
    plain(name, 1, 2, (x: Value, port?: Value) => {
      const p = out(port, 2, typeName);
      portWrite(p, writeString(vm, x, display));
      return VOID;
    });

  const reader = (name: string, min: number, max: number, fn: (...args: Value[]) => Value): Primitive =>
    blockingReader(vm, name, min, max, fn);

  const printer = (name: string, newline: boolean) =>
    plain(name, 0, -1, (...args: Value[]) => {
      const { port, items } = printArgs(vm, args);
      let s = '';
      for (const x of items) s += printString(vm, x);
      portWrite(port, newline ? s + '\n' : s);
      return VOID;
    });

  return [
    // --- output
    writer('write', false, OBJ_OUT),
    plain('write-shared', 1, 2, (x: Value, port?: Value) => {
      portWrite(out(port, 2, OBJ_OUT), writeSharedString(vm, x));
      return VOID;
    }),
    writer('write-simple', false, OBJ_OUT),
    writer('display', true, CHAR_OUT),
    plain('newline', 0, 1, (port?: Value) => {
      portWrite(out(port, 1, OBJ_OUT), '\n');
      return VOID;
    }),
    plain('write-char', 1, 2, (c: Value, port?: Value) => {
      const ch = checkChar(c, 1);
      portWrite(out(port, 2, CHAR_OUT), String.fromCodePoint(ch.code));
      return VOID;
    }),
    plain('write-string', 1, 4, (s: Value, port?: Value, start?: Value, end?: Value) => {
      const str = checkString(s, 1).s;
      const p = out(port, 2, CHAR_OUT);
      const e = end === undefined ? str.length : natural(end, 4, str.length);
      const b = start === undefined ? 0 : natural(start, 3, e);
      portWrite(p, b === 0 && e === str.length ? str : str.slice(b, e));
      return VOID;
    }),
    plain('write-substring', 3, 4, (s: Value, start: Value, end: Value, port?: Value) => {
      const str = checkString(s, 1).s;
      const e = natural(end, 3, str.length);
      const b = natural(start, 2, e);
      portWrite(out(port, 4, CHAR_OUT), str.slice(b, e));
      return VOID;
    }),
    printer('print', false),
    printer('println', true),
    // Without a port, gsi's pp writes to the REPL's port, which is not current-output-port (even
    // on the console) and has a column of its own: a program's output does not move it, so the
    // layout starts at column 1 (`(display "p: ") (pp x)` lays x out as if at the line's start).
    plain('pp', 1, 2, (x: Value, port?: Value) => {
      let p: Port;
      if (port === undefined) p = replOutputPort(vm);
      else if (isOutputPort(port)) p = port;
      else throw typeError(2, 'OUTPUT PORT');
      portWrite(p, prettyString(vm, x, port === undefined ? 1 : outputColumn(p)));
      return VOID;
    }),
    plain('pretty-print', 1, 2, (x: Value, port?: Value) => {
      let p: Port;
      if (port === undefined) p = out(undefined, 2, 'OUTPUT PORT');
      else if (isOutputPort(port)) p = port;
      else throw typeError(2, 'OUTPUT PORT');
      portWrite(p, prettyString(vm, x, outputColumn(p)));
      return VOID;
    }),
    // Blocking: a TCP client's port waits for its connection to be made.
    reader('force-output', 0, 2, (port?: Value, level?: Value) => {
      const p = out(port, 1, OBJ_OUT);
      if (level !== undefined) natural(level, 2, 2);
      flushPort(vm, p);
      return VOID;
    }),
    // Gambit's port positions, 1-based: where the next character will be read or written.
    plain('output-port-column', 1, 1, (port: Value) => outputColumn(out(port, 1, CHAR_OUT))),
    // gsi's console follows its terminal's width; gsi-ts lays out (pp) every port at 80 columns.
    plain('output-port-width', 1, 1, (port: Value) => (out(port, 1, CHAR_OUT), 80)),
    plain('output-port-line', 1, 1, (port: Value) => out(port, 1, CHAR_OUT).output!.line),
    plain('input-port-line', 1, 1, (port: Value) => inp(port, 1, CHAR_IN).input!.line),
    plain('input-port-column', 1, 1, (port: Value) => inp(port, 1, CHAR_IN).input!.column),
    plain('object->string', 1, 2, (x: Value, n?: Value) => {
      const limit = n === undefined ? null : natural(n, 2);
      return new MString(objectToString(vm, x, limit));
    }),

    // --- input (these may wait for console input: see `reader` below)
    reader('read-char', 0, 1, (port?: Value) => {
      const c = readCode(inp(port, 1, CHAR_IN));
      return c < 0 ? EOF : makeChar(c);
    }),
    reader('peek-char', 0, 1, (port?: Value) => {
      const c = peekCode(inp(port, 1, CHAR_IN));
      return c < 0 ? EOF : makeChar(c);
    }),
    plain('char-ready?', 0, 1, (port?: Value) => charReady(inp(port, 1, CHAR_IN))),
    reader('read-line', 0, 4, (port?: Value, sep?: Value, keep?: Value, max?: Value) => {
      const p = inp(port, 1, CHAR_IN);
      const sepCode = sep === undefined ? 10 : sep instanceof MString || sep === false ? -1 : checkChar(sep, 2).code;
      const limit = max === undefined || max === false ? Infinity : natural(max, 4);
      const line = readLine(p, sepCode, keep !== undefined && keep !== false, limit);
      return line === null ? EOF : new MString(line);
    }),
    reader('read-string', 1, 2, (k: Value, port?: Value) => {
      const n = natural(k, 1);
      const s = readChars(inp(port, 2, CHAR_IN), n);
      return s === null ? EOF : new MString(s);
    }),
    reader('read', 0, 1, (port?: Value) => {
      const p = inp(port, 1, OBJ_IN);
      return p instanceof TcpServerPort ? p.accept() : readDatum(p);
    }),

    // --- making and closing ports
    plain('open-input-string', 1, 1, (s: Value) => {
      if (!(s instanceof MString)) throw typeError(1, STRING_OR_SETTINGS);
      return openInputString(s.s);
    }),
    plain('open-output-string', 0, 1, (init?: Value) => {
      if (init === undefined || init === NIL) return openOutputString();
      if (init instanceof MString) return openOutputString(init.s);
      if (init instanceof Pair) return openOutputString();
      throw typeError(1, STRING_OR_SETTINGS);
    }),
    plain('get-output-string', 1, 1, (port: Value) => {
      if (!(port instanceof Port) || port.output === null || port.kind !== 'string') throw typeError(1, 'String OUTPUT PORT');
      return new MString(takeOutputString(port));
    }),
    plain('open-input-file', 1, 1, (path: Value) => openFileArg(vm, 'input', path, 1)),
    plain('open-output-file', 1, 1, (path: Value) => openFileArg(vm, 'output', path, 1)),
    // Blocking, as force-output: a TCP port's pending output goes first.
    reader('close-port', 1, 1, (port: Value) => {
      if (!(port instanceof Port)) throw instanceError(1, ps.portType);
      if (port.input !== null) closeInput(port);
      if (port.output !== null) closeOutput(vm, port);
      return VOID;
    }),
    plain('close-input-port', 1, 1, (port: Value) => {
      if (!isInputPort(port)) throw typeError(1, 'INPUT PORT');
      closeInput(port);
      return VOID;
    }),
    reader('close-output-port', 1, 1, (port: Value) => {
      if (!isOutputPort(port)) throw typeError(1, 'OUTPUT PORT');
      closeOutput(vm, port);
      return VOID;
    }),

    // --- predicates
    pure('port?', 1, 1, (x: Value) => x instanceof Port),
    pure('input-port?', 1, 1, (x: Value) => isInputPort(x)),
    pure('output-port?', 1, 1, (x: Value) => isOutputPort(x)),
    pure('eof-object', 0, 0, () => EOF),
    pure('eof-object?', 1, 1, (x: Value) => x === EOF),

    // --- for scheme-lib/prelude-io.scm. Both act on behalf of the prelude procedure `who`: an
    // error shows `who`'s call form `(who arg ...)`, and, as they are called in tail position,
    // is located where `who` was called.
    // (##io-type-error argnum "TYPE" 'who arg ...): raise gsi's type error; with the symbol
    // `port` for "TYPE", gsi's `Instance of #<type #2 port> expected`.
    plain('##io-type-error', 3, -1, (argNum: Value, typeName: Value, who: Value, ...args: Value[]) => {
      const n = typeof argNum === 'number' ? argNum : 0;
      const e = typeName === intern('port') ? instanceError(n, ps.portType)
        : typeError(n, typeName instanceof MString ? typeName.s : String(typeName));
      throw onBehalfOf(vm, e, who, args);
    }),
    // (##io-open-file 'input|'output path receiver 'who arg ...): open the file and call
    // (receiver port) in tail position.
    makePrim('##io-open-file', 4, -1, 'control', ((_vm, r, args) => {
      const [dir, path, receiver, who, ...whoArgs] = args as [Value, Value, Value, Value, ...Value[]];
      let port: Port;
      try {
        port = openFileArg(vm, dir === intern('input') ? 'input' : 'output', path, 1);
      } catch (e: unknown) {
        if (e instanceof ErrorObj) throw onBehalfOf(vm, e, who, whoArgs);
        throw e;
      }
      applyProc(r, receiver, [port]);
    }) as ControlFn),
  ];
};

/** Make `e` an error of the call `(who arg ...)`, `who` naming a global procedure. */
export function onBehalfOf(vm: Vm, e: ErrorObj, who: Value, args: Value[]): ErrorObj {
  const proc = who instanceof Sym ? vm.globalValue(who.name) : undefined;
  if (proc !== undefined && e.proc === null) {
    e.proc = proc;
    e.args = args;
  }
  return e;
}
