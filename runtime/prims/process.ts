// (shell-command command [capture?]) (Gambit manual, "Host environment"): run a command with
// the system's shell. The calling thread waits for it (the others keep running); the result is
// the wait status (0, or the exit code times 256, as gsi returns it), or with capture? true a
// pair (status . output), the command's standard output and error together. Without capture
// the command writes to this process's own output (what the console holds is written first).
// Terminating the waiting thread kills the command.
//
// open-process, open-input-process, open-output-process (runtime/process-ports.ts): a string
// (the program's path) or port settings: path:, arguments:, directory:, environment:,
// stdin-redirection:, stdout-redirection:, stderr-redirection:, char-encoding: (others are
// accepted and have no effect). They wait until the program runs (or raise why it cannot).
// process-status waits for its end; process-pid.

import { applyProc, type ControlFn } from '../../interpreter/machine.js';
import { ErrorObj, osError, typeError } from '../errors.js';
import { makePrim, plain, type PrimFactory } from '../primitive.js';
import { charEncodingNamed, flushConsole, type CharEncoding } from '../ports.js';
import { ProcessPort, openProcess, type ProcessSettings } from '../process-ports.js';
import { schedulerOf } from '../scheduler.js';
import { MString, NIL, Pair, Primitive, Sym, intern, list, type Value } from '../values.js';
import type { Vm } from '../vm.js';
import { blockingReader, eachSetting, hostOpener, onBehalfOf } from './io.js';

const SETTINGS = 'STRING or port settings';

function strings(v: Value): string[] | null {
  const out: string[] = [];
  let x = v;
  while (x instanceof Pair && x.car instanceof MString) { out.push(x.car.s); x = x.cdr; }
  return x === NIL ? out : null;
}

/** open-process's argument; `input` / `output`: open-input-process / open-output-process. */
function processSettings(v: Value, which: 'both' | 'input' | 'output'): ProcessSettings {
  let path: string | null = null;
  let args: string[] = [];
  let directory: string | null = null;
  let environment: string[] | null = null;
  let stdin = which !== 'input', stdout = which !== 'output', stderr = false;
  let encoding: CharEncoding = 'UTF-8';
  if (v instanceof MString) {
    path = v.s;
  } else {
    const bad = (): never => { throw typeError(1, SETTINGS); };
    const proper = eachSetting(v, (key, val) => {
      switch (key) {
        case 'path': path = val instanceof MString ? val.s : bad(); break;
        case 'arguments': args = strings(val) ?? bad(); break;
        case 'directory': directory = val instanceof MString ? val.s : bad(); break;
        case 'environment': environment = strings(val) ?? bad(); break;
        case 'stdin-redirection': stdin = val !== false; break;
        case 'stdout-redirection': stdout = val !== false; break;
        case 'stderr-redirection': stderr = val !== false; break;
        case 'char-encoding': encoding = (val instanceof Sym ? charEncodingNamed(val.name) : null) ?? bad(); break;
        default: break;
      }
    });
    if (!proper) bad();
  }
  if (path === null) throw typeError(1, SETTINGS);
  return { path, args, stdin, stdout, stderr, directory, environment, encoding };
}

/** What starts the program (its output not redirected goes after what the console holds). */
function starter(vm: Vm, s: ProcessSettings): (done: (p: ProcessPort | null, failure: string | null) => void) => void {
  const shown = list(intern('process'), new MString(s.path), ...s.args.map((a) => new MString(a)));
  return (done) => {
    if (!s.stdout || !s.stderr) flushConsole(vm);
    openProcess(vm, shown, s, done);
  };
}

/** open-process and its two variants: wait until the program runs. */
function opener(vm: Vm, name: string, which: 'both' | 'input' | 'output'): Primitive {
  return hostOpener(vm, name, ([v]) => starter(vm, processSettings(v!, which)));
}

/**
 * (##io-open-process 'input|'output|'both settings receiver 'who arg ...): start the program
 * and call (receiver port) in tail position, for call-with-input-process and its kin
 * (prelude-io.scm). The thread waits for the program to run; the primitive is then applied
 * again (Scheduler.retry) and finds the outcome: an error is raised from there on behalf of
 * `who`, located at the caller's form as ##io-open-file's are.
 */
function ioOpenProcess(vm: Vm): Primitive {
  const outcomes = new WeakMap<object, ProcessPort | ErrorObj>();
  return makePrim('##io-open-process', 4, -1, 'control', ((_vm, r, args) => {
    const [dir, settings, receiver, who, ...whoArgs] = args as [Value, Value, Value, Value, ...Value[]];
    const done = outcomes.get(r);
    if (done !== undefined) {
      outcomes.delete(r);
      if (done instanceof ErrorObj) throw onBehalfOf(vm, done, who, whoArgs);
      applyProc(r, receiver, [done]);
      return;
    }
    const which = dir === intern('input') ? 'input' : dir === intern('output') ? 'output' : 'both';
    let s: ProcessSettings;
    try {
      s = processSettings(settings, which);
    } catch (e: unknown) {
      if (e instanceof ErrorObj) throw onBehalfOf(vm, e, who, whoArgs);
      throw e;
    }
    const sched = schedulerOf(vm);
    const t = sched.waiter(r);
    sched.block(t, { kind: 'host' }, null, null);
    starter(vm, s)((p, failure) => {
      outcomes.set(r, p ?? osError(failure!));
      sched.retry(t);
    });
  }) as ControlFn);
}

/** A process port argument (gsi 4.9.3's message for another object: "Unknown type expected"). */
function processPort(v: Value): ProcessPort {
  if (v instanceof ProcessPort) return v;
  throw typeError(1, 'Unknown type');
}

export const processPrims: PrimFactory = (vm) => [
  opener(vm, 'open-process', 'both'),
  opener(vm, 'open-input-process', 'input'),
  opener(vm, 'open-output-process', 'output'),
  blockingReader(vm, 'process-status', 1, 1, (p: Value) => processPort(p).waitStatus()),
  plain('process-pid', 1, 1, (p: Value) => processPort(p).pid),
  ioOpenProcess(vm),
  makePrim('shell-command', 1, 2, 'control', ((vm2, r, args) => {
    const cmd = args[0]!;
    if (!(cmd instanceof MString)) throw typeError(1, 'STRING');
    const capture = args.length > 1 && args[1] !== false;
    const run = vm.host.shellCommand;
    if (run === undefined) throw new ErrorObj('os', 'shell-command: this host cannot run commands');
    const s = schedulerOf(vm2);
    const me = s.waiter(r);
    if (!capture) flushConsole(vm2);
    let settled = false;
    s.hostActivity++;
    const kill = run.call(vm.host, cmd.s, capture, (status, output) => {
      if (settled) return;
      settled = true;
      s.hostActivity--;
      s.wake(me, capture ? new Pair(status, new MString(output)) : status);
    });
    s.block(me, { kind: 'host' }, null, null, () => {
      if (settled) return;
      settled = true;
      s.hostActivity--;
      kill();
    });
  }) satisfies ControlFn),
];
