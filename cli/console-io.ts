// The console on Node.js: process.stdin feeding the console port a line at a time, when a reader
// asks for one (InputSide.demand), so prompts, echo and input interleave as on gsi's terminal.
//
// Two modes:
//   terminal  stdin and stdout are a TTY: raw mode, a LineEditor per line (history saved in
//             ~/.gsi_ts_history, or $GSI_TS_HISTORY; empty: none), Tab completes global names,
//             C-c interrupts (or cancels the line being typed), C-d is end of file. Output
//             written while a line is being edited (other threads) is put above the line.
//   pipe      anything else: lines are taken from stdin as they come; with `echo`, each line
//             is written after the prompt as a terminal would show it (golden transcripts);
//             SIGINT interrupts; the end of stdin ends the session.
//
// For programs run from files, feedStdin gives them process.stdin as their standard input.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Reader, isIncomplete } from '../interpreter/reader.js';
import { FOp, type Frame } from '../interpreter/frames.js';
import { portsOf, portWrite, useConsole } from '../runtime/ports.js';
import type { Scheduler } from '../runtime/scheduler.js';
import { EOF } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import { History, LineEditor, type EditorHost } from './line-editor.js';
import type { NodeHost } from './node-host.js';
import { Repl, definePrims, type ReplIo } from './repl.js';

export interface ConsoleOptions {
  /** Pipe mode: write each input line after the prompt. */
  echo: boolean;
}

/** Does `text` end inside a datum (an open list, string...)? */
export function endsInsideDatum(text: string): boolean {
  const rd = new Reader(text, { container: '(console)' });
  try {
    for (;;) if (rd.read() === EOF && rd.atEnd) return false;
  } catch (e: unknown) {
    return isIncomplete(e);
  }
}

/** Where history is kept: $GSI_TS_HISTORY (empty: nowhere), else ~/.gsi_ts_history. */
function historyPath(): string | null {
  const env = process.env['GSI_TS_HISTORY'];
  if (env !== undefined) return env === '' ? null : env;
  return path.join(os.homedir(), '.gsi_ts_history');
}

export class ConsoleIo implements ReplIo {
  readonly interactive: boolean;
  private repl: Repl | null = null;
  // pipe mode
  private readonly lines: string[] = [];
  private partialInput = '';
  private stdinEnded = false;
  private listening = false;
  // both modes: a reader wants a line
  private demanded = false;
  // terminal mode
  private editor: LineEditor | null = null;
  private typeahead = '';
  /** The text on the cursor's row (after the last newline written): the next edit's prompt. */
  private row = '';
  /** Output written during the current edit that is on the cursor's row. */
  private outTail = '';
  /** Lines of a datum not finished yet (one history entry when it is). */
  private pendingForm = '';
  private readonly history = new History(1000);
  private readonly histFile = historyPath();
  private rawOut: (text: string) => void = (t) => { process.stdout.write(t); };

  constructor(private readonly vm: Vm, private readonly opts: ConsoleOptions) {
    this.interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  }

  /** The terminal's width; 80, as gsi assumes, when the terminal does not tell (0 columns). */
  width(): number {
    return this.interactive ? Math.max(20, process.stdout.columns || 80) : 80;
  }

  exit(code: number): void {
    const flush = this.vm.ext.get('flush-console') as (() => void) | undefined;
    if (flush !== undefined) flush();
    this.restoreTerminal();
    process.exit(code);
  }

  /** On a terminal, route the host's output through here (it may have to go above a line being edited). */
  wrapOutput(host: NodeHost): void {
    if (!this.interactive) return;
    const out = host.stdout.bind(host), err = host.stderr.bind(host);
    this.rawOut = out;
    host.stdout = (text: string): void => this.output(text, out);
    host.stderr = (text: string): void => this.output(text, err);
  }

  private output(text: string, write: (t: string) => void): void {
    if (text === '') return;
    const nl = text.lastIndexOf('\n');
    if (this.demanded && /\x1b\[[0-9;]*[Hf]/.test(text)) {
      // Drawing at a given place on the screen (the talk's bouncing threads) while input is
      // awaited: the cursor comes back to the prompt, or to the line being edited, afterwards.
      write(`\x1b7${text}\x1b8`);
      return;
    }
    if (this.editor === null) {
      write(text);
      this.row = nl === -1 ? this.row + text : text.slice(nl + 1);
      return;
    }
    // Other output during an edit goes above the line: erase the row (prompt, line, and the
    // output already on it), write that output and the new, then draw the prompt and the line
    // after what is left on the last row.
    this.editor.hide();
    write(this.outTail + text);
    this.outTail = nl === -1 ? this.outTail + text : text.slice(nl + 1);
    this.editor.show(this.outTail);
  }

  /** Start serving the console port of `repl` from stdin. */
  attach(repl: Repl): void {
    this.repl = repl;
    const inp = repl.console.input!;
    inp.demand = (): void => this.demand();
    if (this.interactive) {
      this.loadHistory();
      process.stdin.setRawMode(true);
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (s: string) => this.keys(s));
      process.on('exit', () => this.restoreTerminal());
    } else {
      process.on('SIGINT', () => repl.interrupt());
    }
  }

  private restoreTerminal(): void {
    if (this.interactive && process.stdin.isTTY) {
      try { process.stdin.setRawMode(false); } catch { /* already closed */ }
    }
  }

  private demand(): void {
    if (this.demanded) return;
    this.demanded = true;
    if (this.interactive) {
      // Not now: this runs inside the machine, and keys typed ahead may interrupt it.
      setImmediate(() => this.startEditor());
    } else {
      this.listen();
      this.supply();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Pipe mode

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (s: string) => {
      this.partialInput += s;
      let i: number;
      while ((i = this.partialInput.indexOf('\n')) !== -1) {
        this.lines.push(this.partialInput.slice(0, i + 1));
        this.partialInput = this.partialInput.slice(i + 1);
      }
      this.supply();
    });
    const end = (): void => {
      if (this.stdinEnded) return;
      if (this.partialInput !== '') this.lines.push(`${this.partialInput}\n`);
      this.partialInput = '';
      this.stdinEnded = true;
      this.supply();
    };
    process.stdin.on('end', end);
    process.stdin.on('error', end);
  }

  /** Give the console the next line if one is wanted and there is one (or the end of input). */
  private supply(): void {
    if (!this.demanded) return;
    const inp = this.repl!.console.input!;
    const line = this.lines.shift();
    if (line !== undefined) {
      this.demanded = false;
      if (this.opts.echo) portWrite(this.repl!.console, line);
      inp.feed(line);
    } else if (this.stdinEnded) {
      this.demanded = false;
      inp.close();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Terminal mode

  private readonly editorHost: EditorHost = {
    write: (text) => this.rawOut(text),
    columns: () => this.width(),
    words: () => this.repl?.globalNames() ?? [],
  };

  private startEditor(): void {
    if (!this.demanded || this.editor !== null) return;
    this.editor = new LineEditor(this.editorHost, this.history, this.row);
    this.outTail = '';
    const ahead = this.typeahead;
    this.typeahead = '';
    if (ahead !== '') this.keys(ahead);
  }

  private keys(data: string): void {
    const repl = this.repl!;
    if (this.editor === null) {
      // Nobody reads: keep the keys for later, but act on C-c now.
      const i = data.lastIndexOf('\x03');
      if (i !== -1) {
        this.typeahead = '';
        data = data.slice(i + 1);
        repl.interrupt();
      }
      this.typeahead += data;
      return;
    }
    const res = this.editor.feed(data);
    if (res === null) return;
    this.editor = null;
    this.demanded = false;
    const con = repl.console;
    switch (res.kind) {
      case 'line':
        this.row = '';
        con.output!.column = 1;
        this.remember(res.text);
        con.input!.feed(`${res.text}\n`);
        break;
      case 'eof':
        repl.endOfFile();
        break;
      case 'cancel':
        this.row = '';
        con.output!.column = 1;
        this.pendingForm = '';
        if (repl.waiting) repl.cancelInput();
        else repl.interrupt();
        break;
      default: {
        const never: never = res;
        throw new Error(String(never));
      }
    }
    if (res.rest !== '') this.keys(res.rest);
  }

  /** Add an entered line to the history (the lines of a multi-line datum as one entry). */
  private remember(line: string): void {
    const text = this.pendingForm === '' ? line : `${this.pendingForm}\n${line}`;
    if (endsInsideDatum(text)) {
      this.pendingForm = text;
      return;
    }
    this.pendingForm = '';
    const entry = text.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
    if (!this.history.add(entry) || this.histFile === null) return;
    try {
      fs.appendFileSync(this.histFile, `${entry}\n`);
    } catch { /* history is a convenience */ }
  }

  private loadHistory(): void {
    if (this.histFile === null) return;
    try {
      const lines = fs.readFileSync(this.histFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
      for (const l of lines.slice(-this.history.max)) this.history.add(l);
      // Keep the file from growing without bound.
      if (lines.length > 2 * this.history.max) fs.writeFileSync(this.histFile, this.history.entries.join('\n') + '\n');
    } catch { /* no history yet */ }
  }
}

/**
 * A program run from files reads process.stdin through the stdin port: text is fed as it comes,
 * from the first time a reader finds the port empty (so a program that never reads never
 * takes input meant for someone else).
 */
export function feedStdin(vm: Vm): void {
  const inp = portsOf(vm).stdin.input!;
  let started = false;
  inp.demand = (): void => {
    if (started) return;
    started = true;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (s: string) => inp.feed(s));
    const end = (): void => inp.close();
    process.stdin.on('end', end);
    process.stdin.on('error', end);
  };
}

export interface InstallOptions extends ConsoleOptions {
  /** Start the REPL after the files (none given, or `-` among them). */
  repl: boolean;
  /** The banner, or null (gsi prints none when files are given). */
  banner: string | null;
}

/**
 * Set up the console of a gsi-ts process: with the REPL, the console port becomes the current
 * ports and is fed from stdin; returns the frame that starts the REPL once the frames above it
 * (the files) are done. Without it, stdin feeds the stdin port; returns null.
 */
export function installConsole(vm: Vm, sched: Scheduler, host: NodeHost, opts: InstallOptions): Frame | null {
  definePrims(vm);
  if (!opts.repl) {
    feedStdin(vm);
    return null;
  }
  useConsole(vm);
  const io = new ConsoleIo(vm, opts);
  io.wrapOutput(host);
  const repl = new Repl(vm, sched, io, opts.banner);
  vm.ext.set('repl', repl);
  io.attach(repl);
  return { op: FOp.Apply, next: null, fn: repl.startPrim, args: [] };
}
