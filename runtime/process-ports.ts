// Process ports, as gsi 4.9.3 has them (Gambit manual, "Process devices"): `open-process`
// starts a program and gives an input-output byte port, `#<input-output-port #2 (process
// "cat")>`, on its standard input and output. Bytes arrive over time (the streaming input of
// TCP ports: a read with nothing to read parks the thread); output is buffered until
// force-output or close; closing the output closes the program's standard input.
// `process-status` waits for the program's end: its exit code * 256, or a signal's number.

import { osError } from './errors.js';
import type { HostProcess } from './host.js';
import { Port, WouldBlock, byteStringToBytes, streamingSides, type CharEncoding } from './ports.js';
import type { Value } from './values.js';
import type { Vm } from './vm.js';

export interface ProcessSettings {
  readonly path: string;
  readonly args: string[];
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  readonly directory: string | null;
  readonly environment: string[] | null;
  readonly encoding: CharEncoding;
}

export class ProcessPort extends Port {
  proc: HostProcess | null = null;
  pid = 0;
  /** The wait status, once the program has ended. */
  status: number | null = null;

  /** process-status: WouldBlock until the program has ended. */
  waitStatus(): number {
    if (this.status === null) throw new WouldBlock(this);
    return this.status;
  }
}

/**
 * Start the program; `done` gets its port once it runs, or the failure ("No such file or
 * directory"...), as gsi raises it from open-process.
 */
export function openProcess(vm: Vm, name: Value, s: ProcessSettings, done: (p: ProcessPort | null, failure: string | null) => void): void {
  const h = vm.host;
  if (h.spawnProcess === undefined) {
    done(null, 'Operation not supported');
    return;
  }
  const { inp, out } = streamingSides(s.encoding);
  const p = new ProcessPort('process', name, inp, out);
  let started = false;
  const proc = h.spawnProcess(s.path, s.args, s, {
    spawned: (pid) => {
      started = true;
      p.pid = pid;
      done(p, null);
    },
    error: (message) => {
      if (!started) done(null, message);
      else inp.fail(message);
    },
    data: (b) => inp.feedBytes(b),
    end: () => inp.close(),
    exit: (status) => {
      p.status = status;
      inp.feed(''); // wakes process-status
    },
  });
  p.proc = proc;
  p.transport = {
    flush: (o) => {
      if (o.chunks.length === 0) return;
      if (!s.stdin) throw osError('Bad file descriptor');
      proc.write(byteStringToBytes(o.take()));
    },
    closeOutput: () => proc.endInput(),
    closeInput: () => {},
  };
}
