// Port objects (Gambit manual ch. 17; R7RS 6.13): the console ports, string ports, u8vector
// ports and file ports.
//
// A port has an input side, an output side, or both (the REPL's console port):
//   InputSide  - `text` holds the characters that have arrived, `pos` what has been consumed.
//                Line and column of `pos` are tracked for the reader's locations. A string port
//                has all its text from the start (`ended`); the console's arrives through `feed`,
//                or on demand through `pull`, until `close`. A byte port (u8vector or file) has
//                its `bytes` from the start and no text: a character read decodes all the bytes
//                not yet read into `text` at once, as Gambit fills its character buffer, and a
//                byte read fails while that text is not all consumed ("Input port character
//                buffer is not empty", as in gsi).
//   OutputSide - a `sink` that receives each piece of text at once (console: the Host), or
//                `chunks` that accumulate (string and u8vector ports until get-output-string /
//                get-output-u8vector, file ports until flushed). `column` is Gambit's
//                output-port-column (1-based), which `pp` needs. A byte port's chunks are byte
//                strings (one char code 0-255 per byte): text written to it is encoded first.
//
// Character encodings of byte ports: gsi 4.9.3 uses ISO-8859-1 unless the port settings say
// `char-encoding: UTF-8`. gsi-ts does so for u8vector ports; file ports are UTF-8 by default,
// as gsi-ts reads source files (see test/golden/DIFFERENCES.md).
//
// Closing, as gsi 4.9.3 does it: an input port keeps delivering what it has buffered (a string
// or file port: everything); a closed string output port still accumulates; a closed file
// output port is flushed and drops later output silently.
//
// Per-Vm state (the console ports, the current-port parameters, the open file ports) lives in
// vm.ext under 'ports'; see portsOf.

import { osError, typeError } from './errors.js';
import { MString, Parameter, RecordType, Tag, intern, list, type HeapObject, type Value } from './values.js';
import type { Vm } from './vm.js';

/** Thrown by a read on a console port that has no data yet and has not reached end of file. */
export class WouldBlock {
  constructor(readonly port: Port) {}
}

export class InputSide {
  text: string;
  pos = 0;
  /** Line (1-based) of `pos`. */
  line = 1;
  /** Index in `text` where the line of `pos` starts. */
  lineStart = 0;
  /** No more text will come. */
  ended: boolean;
  /** Fetches more text synchronously (null: end of file); tried when the buffer runs dry. */
  pull: (() => string | null) | null = null;
  /** Called (once each) when text arrives or the input ends. */
  waiters: Array<() => void> = [];
  /**
   * Told when a reader finds the buffer dry (the console: the line editor then reads a line).
   * It may feed text at once (the read goes on) or later (the reader waits for it).
   */
  demand: (() => void) | null = null;
  /** A byte port's bytes, of which `bpos` have been read as bytes or decoded into `text`. */
  bytes: Uint8Array | null = null;
  bpos = 0;
  encoding: CharEncoding = 'UTF-8';
  /** A byte port whose bytes arrive over time (a TCP port): `ended` only when its input ends. */
  streaming = false;
  /** Why the input failed (a TCP port: "Connection refused"...): raised once its bytes are read. */
  failure: string | null = null;
  /** A streaming UTF-8 port's decoder (a character may be split between two arrivals). */
  private decoder: TextDecoder | null = null;

  constructor(text: string, ended: boolean) {
    this.text = text;
    this.ended = ended;
  }

  feed(text: string): void {
    if (this.pos > 65536 && this.pos > this.text.length / 2) {
      // Drop what has been consumed.
      this.text = this.text.slice(this.pos);
      this.lineStart -= this.pos;
      this.pos = 0;
    }
    this.text += text;
    this.wake();
  }

  close(): void {
    this.ended = true;
    this.wake();
  }

  /** A streaming byte port: bytes have arrived. */
  feedBytes(b: Uint8Array): void {
    const old = this.bytes ?? new Uint8Array(0);
    const rest = old.length - this.bpos;
    const nb = new Uint8Array(rest + b.length);
    nb.set(old.subarray(this.bpos), 0);
    nb.set(b, rest);
    this.bytes = nb;
    this.bpos = 0;
    this.wake();
  }

  /** A streaming byte port failed: reading raises `message` once what arrived is read. */
  fail(message: string): void {
    if (this.failure === null) this.failure = message;
    this.wake();
  }

  /** No byte can be read now: end of file (-1), an error, or wait (WouldBlock). */
  noByte(p: Port): -1 {
    this.raiseFailure();
    if (this.streaming && !this.ended) throw new WouldBlock(p);
    return -1;
  }

  /** Raise the failure, once (as gsi: reading on gives end of file). */
  raiseFailure(): void {
    const f = this.failure;
    if (f === null) return;
    this.failure = null;
    this.ended = true;
    throw osError(f);
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** Try to get more text; false when none can come now (the caller must wait). */
  more(): boolean {
    if (this.bytes !== null) {
      // A byte port: decode what is left of the bytes; then (unless more may arrive) the input
      // has ended.
      if (!this.streaming) this.ended = true;
      if (this.bpos >= this.bytes.length) {
        this.raiseFailure();
        return false;
      }
      const rest = this.bytes.subarray(this.bpos);
      this.bpos = this.bytes.length;
      if (this.streaming && this.encoding === 'UTF-8') {
        this.decoder ??= new TextDecoder('utf-8');
        this.feed(this.decoder.decode(rest, { stream: true }));
      } else {
        this.feed(decodeBytes(rest, this.encoding));
      }
      return true;
    }
    if (this.ended) return false;
    if (this.pull !== null) {
      const t = this.pull();
      if (t === null) this.ended = true;
      else this.feed(t);
      return true;
    }
    if (this.demand !== null) {
      const had = this.text.length;
      this.demand();
      return this.text.length > had || this.ended;
    }
    return false;
  }

  /** 1-based column of `pos`. */
  get column(): number {
    return this.pos - this.lineStart + 1;
  }

  /**
   * Consume up to index `end` of `text`, keeping line and column up to date. Only the consumed
   * characters are looked at (searching for the next newline beyond `end` made reading a long
   * line character by character quadratic).
   */
  advanceTo(end: number): void {
    const start = this.pos;
    if (end - start > 64) {
      // A long stretch (a datum just read): searched natively, within a slice of it.
      const seg = this.text.slice(start, end);
      for (let j = seg.indexOf('\n'); j !== -1; j = seg.indexOf('\n', j + 1)) {
        this.line++;
        this.lineStart = start + j + 1;
      }
    } else {
      const t = this.text;
      for (let i = start; i < end; i++) {
        if (t.charCodeAt(i) === 10) {
          this.line++;
          this.lineStart = i + 1;
        }
      }
    }
    this.pos = end;
  }
}

export class OutputSide {
  chunks: string[] = [];
  /** Gambit's output-port-column: 1 at the start of a line. */
  column = 1;
  /** Gambit's output-port-line: 1 + the newlines written. */
  line = 1;
  /** For a byte port: how text written to it becomes bytes (chunks then hold byte strings). */
  encoding: CharEncoding | null = null;

  constructor(readonly sink: ((text: string) => void) | null) {}

  write(s: string): void {
    if (s.length === 0) return;
    if (this.sink !== null) this.sink(s);
    else this.chunks.push(s);
    const nl = s.lastIndexOf('\n');
    this.column = nl === -1 ? this.column + s.length : s.length - nl;
    for (let i = nl === -1 ? -1 : s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) this.line++;
  }

  /** Everything accumulated, emptying the buffer. */
  take(): string {
    const s = this.chunks.length === 1 ? this.chunks[0]! : this.chunks.join('');
    this.chunks = [];
    return s;
  }
}

export type PortKind = 'console' | 'stdio' | 'string' | 'u8vector' | 'file' | 'tcp' | 'process';

/** The two sides of a byte port whose input arrives over time (TCP and process ports). */
export function streamingSides(encoding: CharEncoding): { inp: InputSide; out: OutputSide } {
  const inp = new InputSide('', false);
  inp.bytes = new Uint8Array(0);
  inp.streaming = true;
  inp.encoding = encoding;
  const out = new OutputSide(null);
  out.encoding = encoding;
  return { inp, out };
}

/** Where a port's bytes go and what closing it does (TCP ports: runtime/tcp.ts). */
export interface PortTransport {
  /** force-output: send what `out` holds (WouldBlock while connecting; raises a failure once).
   * When closing (`closing`) with nothing to send, nothing happens. */
  flush(out: OutputSide, closing: boolean): void;
  closeOutput(): void;
  closeInput(): void;
}

export class Port implements HeapObject {
  get tag(): Tag.Port { return Tag.Port; }
  inClosed = false;
  outClosed = false;
  /** For file output ports: append to the file rather than truncate at open. */
  append = false;
  /** A TCP port's connection (null for the others). */
  transport: PortTransport | null = null;

  constructor(
    readonly kind: PortKind,
    /** The name gsi shows: `(string)`, `(stdin)`, `(console)` (lists) or a file's path (a string). */
    readonly name: Value,
    readonly input: InputSide | null,
    readonly output: OutputSide | null,
    /** Resolved path of a file port. */
    readonly path: string | null = null,
  ) {}

  /** The container name for source locations of data read from this port. */
  get container(): string {
    if (this.path !== null) return this.path;
    return `(${this.kind === 'stdio' ? 'stdin' : this.kind})`;
  }
}

/** A parameter object with a name, shown by `write` as `#<procedure #3 current-output-port>`. */
export class NamedParameter extends Parameter {
  constructor(value: Value, converter: Value | null, readonly name: string) {
    super(value, converter);
  }
}

export interface PortState {
  readonly stdin: Port;
  readonly stdout: Port;
  readonly stderr: Port;
  readonly currentInput: Parameter;
  readonly currentOutput: Parameter;
  readonly currentError: Parameter;
  /** The REPL's input-output console port, once `useConsole` made it. */
  console: Port | null;
  /** File output ports not yet closed (flushed by flushAllPorts). */
  readonly openFiles: Set<Port>;
  /** Gambit's port type, named in `(Argument 1) Instance of #<type #2 port> expected`. */
  readonly portType: RecordType;
}

/** The console ports and current-port parameters of a Vm, made on first use. */
export function portsOf(vm: Vm): PortState {
  let st = vm.ext.get('ports') as PortState | undefined;
  if (st === undefined) {
    const host = vm.host;
    const stdin = new Port('stdio', list(intern('stdin')), new InputSide('', false), null);
    const stdout = new Port('stdio', list(intern('stdout')), null, new OutputSide((s) => host.stdout(s)));
    const stderr = new Port('stdio', list(intern('stderr')), null, new OutputSide((s) => host.stderr(s)));
    st = {
      stdin,
      stdout,
      stderr,
      currentInput: new NamedParameter(stdin, null, 'current-input-port'),
      currentOutput: new NamedParameter(stdout, null, 'current-output-port'),
      currentError: new NamedParameter(stderr, null, 'current-error-port'),
      console: null,
      openFiles: new Set(),
      portType: new RecordType('port', 'gambit-port', false, null, []),
    };
    vm.ext.set('ports', st);
    // The CLI calls this before the process ends (and before printing an error): file ports
    // not closed by the program are flushed then, as gsi does at exit.
    if (!vm.ext.has('flush-console')) vm.ext.set('flush-console', () => flushAllPorts(vm));
  }
  return st;
}

/**
 * Write out what the console (the REPL's line editor) or the open ports hold, before the
 * process writes elsewhere or ends: an error report, a log line, a command's own output.
 */
export function flushConsole(vm: Vm): void {
  (vm.ext.get('flush-console') as (() => void) | undefined)?.();
}

/**
 * Make the REPL's console port (`#<input-output-port #2 (console)>`, gsi's ports when it runs
 * interactively on a terminal) and make it the current input, output and error port.
 * Its input comes through `feed` / `pull`; its output goes to host.stdout.
 */
export function useConsole(vm: Vm): Port {
  const st = portsOf(vm);
  if (st.console === null) {
    const host = vm.host;
    st.console = new Port('console', list(intern('console')), new InputSide('', false), new OutputSide((s) => host.stdout(s)));
  }
  st.currentInput.value = st.console;
  st.currentOutput.value = st.console;
  st.currentError.value = st.console;
  return st.console;
}

/** Where `pp` without a port writes: the console (the REPL's output port), not the current port. */
export function replOutputPort(vm: Vm): Port {
  const st = portsOf(vm);
  return st.console ?? st.stdout;
}

export function isPort(v: Value): v is Port {
  return v instanceof Port;
}

export function isInputPort(v: Value): v is Port & { input: InputSide } {
  return v instanceof Port && v.input !== null;
}

export function isOutputPort(v: Value): v is Port & { output: OutputSide } {
  return v instanceof Port && v.output !== null;
}

// ---------------------------------------------------------------------------------------------
// Making ports

export function openInputString(text: string): Port {
  return new Port('string', list(intern('string')), new InputSide(text, true), null);
}

export function openOutputString(init = ''): Port {
  const p = new Port('string', list(intern('string')), null, new OutputSide(null));
  if (init !== '') p.output!.write(init);
  return p;
}

/** An input side holding bytes (characters are decoded from them on demand). */
function byteInput(bytes: Uint8Array, encoding: CharEncoding): InputSide {
  const inp = new InputSide('', bytes.length === 0);
  inp.bytes = bytes;
  inp.encoding = encoding;
  return inp;
}

function byteOutput(encoding: CharEncoding): OutputSide {
  const out = new OutputSide(null);
  out.encoding = encoding;
  return out;
}

/** `(open-input-u8vector u8)`: reads the bytes (not copied: Gambit does not copy them either). */
export function openInputU8vector(bytes: Uint8Array, encoding: CharEncoding = 'ISO-8859-1'): Port {
  return new Port('u8vector', list(intern('u8vector')), byteInput(bytes, encoding), null);
}

export function openOutputU8vector(init: Uint8Array | null = null, encoding: CharEncoding = 'ISO-8859-1'): Port {
  const p = new Port('u8vector', list(intern('u8vector')), null, byteOutput(encoding));
  if (init !== null && init.length > 0) portWriteBytes(p, bytesToByteString(init));
  return p;
}

/** Opens a file for reading, all of it at once; throws the host's ErrorObj (no-such-file...). */
export function openInputFile(vm: Vm, path: string, encoding: CharEncoding = 'UTF-8'): Port {
  if (path === '') throw osError('Unknown error');
  const full = vm.host.resolvePath(path, null);
  const bytes = vm.host.readBytes(full);
  return new Port('file', new MString(full), byteInput(bytes, encoding), null, full);
}

/** Opens (creating, and truncating unless `append`) a file for writing. */
export function openOutputFile(vm: Vm, path: string, append: boolean, encoding: CharEncoding = 'UTF-8'): Port {
  if (path === '') throw osError('Unknown error');
  const full = vm.host.resolvePath(path, null);
  vm.host.writeBytes(full, new Uint8Array(0), append);
  const p = new Port('file', new MString(full), null, byteOutput(encoding), full);
  p.append = append;
  portsOf(vm).openFiles.add(p);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Write text to an output port (closed file ports drop it, as gsi's do). */
export function portWrite(p: Port, text: string): void {
  if (p.outClosed && p.kind === 'file') return;
  const out = p.output!;
  out.write(out.encoding === null ? text : encodeText(text, out.encoding));
}

/**
 * Write bytes, given as a byte string, to an output port. A text port other than the console
 * and stdio ports is refused by the callers (`Byte OUTPUT PORT expected`).
 */
export function portWriteBytes(p: Port, bytes: string): void {
  if (p.outClosed && p.kind === 'file') return;
  p.output!.write(bytes);
}

/** Whether a port carries bytes (gsi's binary-port?: all but string ports). */
export function isBytePort(p: Port): boolean {
  return p.kind !== 'string';
}

/** `get-output-u8vector`: the bytes written since the last call (gsi empties the port). */
export function takeOutputBytes(p: Port): Uint8Array {
  return byteStringToBytes(p.output!.take());
}

/** force-output: a file port's pending bytes go to the file. */
export function flushPort(vm: Vm, p: Port, closing = false): void {
  const out = p.output;
  if (out === null) return;
  if (p.transport !== null) {
    if (!p.outClosed) p.transport.flush(out, closing);
    return;
  }
  if (p.kind !== 'file' || out.chunks.length === 0) return;
  vm.host.writeBytes(p.path!, byteStringToBytes(out.take()), true);
}

/** Flush every open file port (at exit). */
export function flushAllPorts(vm: Vm): void {
  for (const p of portsOf(vm).openFiles) flushPort(vm, p);
}

export function closeInput(p: Port): void {
  if (!p.inClosed) p.transport?.closeInput();
  p.inClosed = true;
}

export function closeOutput(vm: Vm, p: Port): void {
  if (p.outClosed) return;
  flushPort(vm, p, true);
  p.outClosed = true;
  portsOf(vm).openFiles.delete(p);
  p.transport?.closeOutput();
}

/** `get-output-string`: what was written since the last call (gsi empties the port). */
export function takeOutputString(p: Port): string {
  return p.output!.take();
}

/** Gambit's `##output-port-column` (1-based). */
export function outputColumn(p: Port): number {
  return p.output === null ? 1 : p.output.column;
}

// ---------------------------------------------------------------------------------------------
// Input. Each reader either completes (consuming input) or throws WouldBlock having consumed
// nothing, so the call can simply be made again when more text has arrived.

/** The code point at the read position, or -1 at end of file. */
export function peekCode(p: Port): number {
  const inp = p.input!;
  while (inp.pos >= inp.text.length) {
    if (!inp.more()) {
      if (inp.ended) return -1;
      throw new WouldBlock(p);
    }
  }
  return inp.text.codePointAt(inp.pos)!;
}

export function readCode(p: Port): number {
  const c = peekCode(p);
  if (c >= 0) p.input!.advanceTo(p.input!.pos + (c > 0xffff ? 2 : 1));
  return c;
}

/** True when a character (or end of file) can be read without waiting. */
export function charReady(p: Port): boolean {
  const inp = p.input!;
  if (inp.pos < inp.text.length || inp.ended || inp.failure !== null) return true;
  if (inp.bytes !== null) return !inp.streaming || inp.bpos < inp.bytes.length;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Byte input (read-u8, read-subu8vector, u8-ready?). The stdio and console ports have no bytes:
// a byte read there reads a character and keeps its low 8 bits.

/** Check that the bytes of `p` can be read now (gsi's errors for a closed file port, and for
 * characters decoded but not read). */
function byteReadable(p: Port): InputSide {
  const inp = p.input!;
  if (p.inClosed && p.kind === 'file') throw osError('Device is closed');
  if (inp.bytes !== null && inp.pos < inp.text.length) throw osError('Input port character buffer is not empty');
  return inp;
}

/** The next byte, consumed (or -1 at end of file). */
export function readByte(p: Port): number {
  const inp = byteReadable(p);
  if (inp.bytes === null) {
    const c = readCode(p);
    return c < 0 ? c : c & 0xff;
  }
  return inp.bpos < inp.bytes.length ? inp.bytes[inp.bpos++]! : inp.noByte(p);
}

/** Up to `k` bytes (fewer at end of file), consumed. */
export function readBytes(p: Port, k: number): Uint8Array {
  const inp = byteReadable(p);
  if (inp.bytes === null) {
    const out: number[] = [];
    while (out.length < k) {
      // On the console, waiting (WouldBlock) is only allowed before the first byte.
      if (out.length > 0 && !charReady(p)) break;
      const c = readCode(p);
      if (c < 0) break;
      out.push(c & 0xff);
    }
    return Uint8Array.from(out);
  }
  if (inp.bpos >= inp.bytes.length && k > 0 && inp.noByte(p) < 0) return new Uint8Array(0);
  const end = Math.min(inp.bytes.length, inp.bpos + k);
  const b = inp.bytes.slice(inp.bpos, end);
  inp.bpos = end;
  return b;
}

/** u8-ready?: a byte (or end of file) can be read without waiting. */
export function byteReady(p: Port): boolean {
  const inp = byteReadable(p);
  if (inp.bytes !== null && inp.streaming) return inp.bpos < inp.bytes.length || inp.ended || inp.failure !== null;
  return inp.bytes !== null || charReady(p);
}

// ---------------------------------------------------------------------------------------------
// Character encodings of byte ports. A "byte string" holds one byte per char code (0-255).

export type CharEncoding = 'ISO-8859-1' | 'UTF-8';

/** gsi's names for the encodings understood in port settings (`char-encoding: UTF-8`). */
export function charEncodingNamed(name: string): CharEncoding | null {
  switch (name) {
    case 'UTF-8': case 'utf-8': case 'UTF8': case 'utf8': return 'UTF-8';
    case 'ISO-8859-1': case 'iso-8859-1': case 'latin1': case 'LATIN1': case 'ASCII': case 'ascii': return 'ISO-8859-1';
    default: return null;
  }
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

export function bytesToByteString(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function byteStringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

function decodeBytes(b: Uint8Array, enc: CharEncoding): string {
  return enc === 'UTF-8' ? utf8Decoder.decode(b) : bytesToByteString(b);
}

/**
 * Text as the byte string of its encoding. A character beyond ISO-8859-1 cannot go to a
 * Latin-1 port: gsi fails later, in get-output-u8vector, with this message; gsi-ts at once.
 */
function encodeText(s: string, enc: CharEncoding): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  if (enc === 'UTF-8') return bytesToByteString(utf8Encoder.encode(s));
  if (/[^\x00-\xff]/.test(s)) throw osError("Can't convert to C char-string");
  return s;
}

/** Index just after `k` code points of `t` from `from` (or t.length), and how many there were. */
function skipChars(t: string, from: number, k: number): { end: number; n: number } {
  let i = from;
  let n = 0;
  while (n < k && i < t.length) {
    const c = t.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < t.length ? 2 : 1;
    n++;
  }
  return { end: i, n };
}

/**
 * read-line: the text up to `sep` (a code point; -1 for none: read to end of file), without it
 * unless `keepSep`, and at most `max` characters; null at end of file.
 */
export function readLine(p: Port, sep: number, keepSep: boolean, max = Infinity): string | null {
  const inp = p.input!;
  const sepStr = sep < 0 ? null : String.fromCodePoint(sep);
  for (;;) {
    const t = inp.text;
    const i = sepStr === null ? -1 : t.indexOf(sepStr, inp.pos);
    if (max !== Infinity) {
      const { end, n } = skipChars(t, inp.pos, max);
      if (n === max && (i === -1 || i >= end)) {
        const s = t.slice(inp.pos, end);
        inp.advanceTo(end);
        return s;
      }
    }
    if (i !== -1) {
      const line = t.slice(inp.pos, keepSep ? i + sepStr!.length : i);
      inp.advanceTo(i + sepStr!.length);
      return line;
    }
    if (!inp.more()) {
      if (!inp.ended) throw new WouldBlock(p);
      if (inp.pos >= t.length) return null;
      const line = t.slice(inp.pos);
      inp.advanceTo(t.length);
      return line;
    }
  }
}

/** read-string: up to `k` characters; null when none could be read (end of file). */
export function readChars(p: Port, k: number): string | null {
  const inp = p.input!;
  for (;;) {
    const { end, n } = skipChars(inp.text, inp.pos, k);
    if (n < k && inp.more()) continue;
    if (n < k && !inp.ended) throw new WouldBlock(p);
    if (n === 0) return null;
    const s = inp.text.slice(inp.pos, end);
    inp.advanceTo(end);
    return s;
  }
}

/** The text from the read position to what has arrived so far. */
export function pendingText(p: Port): string {
  const inp = p.input!;
  return inp.text.slice(inp.pos);
}

// ---------------------------------------------------------------------------------------------
// Argument checks for port arguments, with gsi's type names.

/** A port argument (or, when absent, the current port of the parameter). */
export function outputPortArg(vm: Vm, v: Value | undefined, arg: number, typeName: string): Port {
  const p = v === undefined ? vm.paramValue(portsOf(vm).currentOutput) : v;
  if (p instanceof Port && p.output !== null) return p;
  throw typeError(arg, typeName);
}

export function inputPortArg(vm: Vm, v: Value | undefined, arg: number, typeName: string): Port {
  const p = v === undefined ? vm.paramValue(portsOf(vm).currentInput) : v;
  if (p instanceof Port && p.input !== null) return p;
  throw typeError(arg, typeName);
}
