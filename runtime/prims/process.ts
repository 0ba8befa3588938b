// (shell-command command [capture?]) (Gambit manual, "Host environment"): run a command with
// the system's shell. The calling thread waits for it (the others keep running); the result is
// the wait status (0, or the exit code times 256, as gsi returns it), or with capture? true a
// pair (status . output), the command's standard output and error together. Without capture
// the command writes to this process's own output (what the console holds is written first).
// Terminating the waiting thread kills the command.

import type { ControlFn } from '../../interpreter/machine.js';
import { ErrorObj, typeError } from '../errors.js';
import { makePrim, type PrimFactory } from '../primitive.js';
import { flushConsole } from '../ports.js';
import { schedulerOf } from '../scheduler.js';
import { MString, Pair } from '../values.js';

export const processPrims: PrimFactory = (vm) => [
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
