// Procedures that ask the host: host-name, clocks, environment, command line, exit.
// (Gambit manual: "Host environment", "Time".)

import { ErrorObj, typeError } from '../errors.js';
import { plain, pure, type PrimFactory } from '../primitive.js';
import { Flonum, MString, Pair, Primitive, RecordType, STime, VOID, arrayToList, intern, type Value } from '../values.js';
import { writeString } from '../printer.js';
import { flushConsole } from '../ports.js';
import { timeReport } from '../time-report.js';
import type { TimingStats } from '../host.js';
import { instanceError } from './data-util.js';

function seconds(v: Value, arg: number): number {
  if (typeof v === 'number') return v;
  if (v instanceof Flonum) return v.v;
  throw typeError(arg, 'REAL');
}

/** Ends the measures of `time` forms whose expression escaped (see ##time-start). */
/** The name argument (1) of getenv and setenv: a string, without `=` (gsi's limit). */
function envName(name: Value): string {
  if (!(name instanceof MString)) throw typeError(1, 'STRING');
  if (name.s.includes('=')) throw new ErrorObj('os', 'Implementation limit encountered');
  return name.s;
}

const unfinished = new FinalizationRegistry<() => unknown>((end) => { end(); });

/** gsi 4.9.3's `(features)`, in its order; `cond-expand` tests the same names. */
const FEATURE_LIST = [
  'gambit', 'GAMBIT', 'Gambit', 'srfi-0', 'SRFI-0', 'srfi-4', 'SRFI-4', 'srfi-6', 'SRFI-6', 'srfi-8', 'SRFI-8',
  'srfi-9', 'SRFI-9', 'srfi-16', 'SRFI-16', 'srfi-18', 'SRFI-18', 'srfi-21', 'SRFI-21', 'srfi-22', 'SRFI-22',
  'srfi-23', 'SRFI-23', 'srfi-27', 'SRFI-27', 'srfi-30', 'SRFI-30', 'srfi-39', 'SRFI-39', 'srfi-88', 'SRFI-88',
  'exact-closed', 'exact-complex', 'ieee-float', 'full-unicode', 'ratios',
];
export const FEATURES: ReadonlySet<string> = new Set(FEATURE_LIST);

/** gsi's time objects are records of type `time`: `(Argument 1) Instance of #<type #2 time>`. */
const TIME_TYPE = new RecordType('time', '##type-time', false, null, []);

export const hostPrims: PrimFactory = (vm) => {
  const host = vm.host;
  const exit = (code: Value = 0): Value => {
    if (code !== false && (typeof code !== 'number' || code < 0 || code > 255)) throw typeError(1, 'Unsigned 8 bit exact INTEGER');
    flushConsole(vm);
    host.exit(code === false ? 70 : code);
    return VOID;
  };
  return [
    plain('host-name', 0, 0, () => new MString(host.hostName())),
    plain('current-time', 0, 0, () => new STime(host.now() / 1000)),
    pure('time?', 1, 1, (v: Value) => v instanceof STime),
    pure('time->seconds', 1, 1, (t: Value) => {
      if (!(t instanceof STime)) throw instanceError(1, TIME_TYPE);
      return new Flonum(t.seconds);
    }),
    pure('seconds->time', 1, 1, (s: Value) => new STime(seconds(s, 1))),
    plain('real-time', 0, 0, () => new Flonum(host.monotonic() / 1000)),
    // The process's CPU time (user + system) in seconds, as gsi's; a host that cannot tell
    // gives the real time.
    plain('cpu-time', 0, 0, () => new Flonum((host.cpuTime?.() ?? host.monotonic()) / 1000)),
    // (time expr [port]) (scheme-lib/prelude-io.scm): (##time-start) starts measuring and
    // returns the procedure that ends the measure and gives the report for `expr`. If expr
    // escapes (an error, a continuation), that procedure becomes garbage without being called:
    // the measure is then ended when it is collected (the host's measure may hold resources).
    plain('##time-start', 0, 0, () => {
      const state = { stop: host.startTiming?.() ?? null };
      const t0 = host.monotonic();
      const end = (): TimingStats | null => {
        const stop = state.stop;
        state.stop = null;
        return stop === null ? null : stop();
      };
      const prim = new Primitive('##time-stop', 1, 1, 'plain', (expr: Value) => {
        const realMs = host.monotonic() - t0;
        return new MString(timeReport(writeString(vm, expr, false), realMs, end()));
      });
      if (state.stop !== null) unfinished.register(prim, end);
      return prim;
    }),
    // (##gc): a full collection, when the host can do one (a browser cannot: then nothing).
    plain('##gc', 0, 0, () => {
      host.collectGarbage?.();
      return VOID;
    }),
    plain('current-second', 0, 0, () => new Flonum(host.now() / 1000)),
    plain('current-jiffy', 0, 0, () => Math.round(host.monotonic() * 1000)),
    pure('jiffies-per-second', 0, 0, () => 1_000_000),
    plain('features', 0, 0, () => arrayToList(FEATURE_LIST.map((f) => intern(f)))),
    plain('command-line', 0, 0, () => arrayToList(host.commandLine().map((s) => new MString(s)))),
    plain('getenv', 1, 2, (name: Value, dflt?: Value) => {
      const v = host.getenv(envName(name));
      if (v !== undefined) return new MString(v);
      if (dflt !== undefined) return dflt;
      throw new ErrorObj('unbound-os-environment-variable', '');
    }),
    // (setenv name [value]): without a value, the variable is removed. gsi says "Implementation
    // limit encountered" (an os-exception) for a name with `=`, and accepts an empty name.
    plain('setenv', 1, 2, (name: Value, value?: Value) => {
      const n = envName(name);
      if (value !== undefined && !(value instanceof MString)) throw typeError(2, 'STRING');
      if (n !== '') host.setenv?.(n, value?.s);
      return VOID;
    }),
    // R7RS 6.14: a variable's value or #f; all of them as an alist, in the system's order.
    plain('get-environment-variable', 1, 1, (name: Value) => {
      const v = host.getenv(envName(name));
      return v === undefined ? false : new MString(v);
    }),
    plain('get-environment-variables', 0, 0, () =>
      arrayToList((host.environment?.() ?? []).map(([k, v]) => new Pair(new MString(k), new MString(v))))),
    // (exit) is status 0; (exit #f) is 70 as in gsi; otherwise a byte. emergency-exit (R7RS)
    // is the same here: neither runs pending dynamic-wind exits.
    plain('exit', 0, 1, exit),
    plain('emergency-exit', 0, 1, exit),
  ];
};
