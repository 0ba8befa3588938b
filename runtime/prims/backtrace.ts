// (display-continuation-backtrace cont [port [all-frames? [display-env? [max-head [max-tail]]]]])
// (Gambit manual, "Continuations"): the backtrace of a continuation as the REPL's `,b` shows
// it (interpreter/backtrace.ts), on port (default: the current output port), with each
// frame's variables when display-env? is true. Only frames of code with a location are listed;
// gsi also lists its own (##load, ##main...), and with all-frames? true frames of every
// expression in progress, which gsi-ts does not (test/golden/DIFFERENCES.md).

import { backtraceFrames, backtraceLines, type FormLookup } from '../../interpreter/backtrace.js';
import { typeError } from '../errors.js';
import { makePrim, type PrimFactory } from '../primitive.js';
import { outputPortArg, portWrite } from '../ports.js';
import { Continuation, VOID, type Value } from '../values.js';

/** The width gsi cuts backtrace lines to (its port's width: 80 for a file, pipe or terminal). */
const WIDTH = 80;

export const backtracePrims: PrimFactory = (vm) => [
  makePrim('display-continuation-backtrace', 1, 7, 'plain', (cont: Value, port?: Value, _all?: Value, env?: Value, maxHead?: Value, maxTail?: Value) => {
    if (!(cont instanceof Continuation)) throw typeError(1, 'CONTINUATION');
    const out = outputPortArg(vm, port, 2, 'OUTPUT PORT');
    const head = typeof maxHead === 'number' ? maxHead : undefined;
    const tail = typeof maxTail === 'number' ? maxTail : undefined;
    // Forms typed at the REPL are shown as typed (the REPL registers how to find them).
    const lookup = (vm.ext.get('repl-form-lookup') as FormLookup | undefined) ?? (() => undefined);
    const lines = backtraceLines(vm, backtraceFrames(cont.k), 0, WIDTH, lookup, env !== undefined && env !== false, head, tail);
    portWrite(out, lines.map((l) => `${l}\n`).join(''));
    return VOID;
  }),
];
