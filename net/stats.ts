// What a node says about itself to the live view (gsi-ts --monitor): the primitives under
// scheme-lib/dcs.scm's `node-stat-add!` and `node-stats`.
//
//   (##node-stat-add! key n)   add the exact integer n to counter key (a symbol; starts at 0)
//   (##node-counters)          the counters as an alist, in order of first use
//   (##thread-count)           Scheme threads started and not yet terminated in this Vm
//   (##heap-used)              bytes of JS heap in use (from the host), or #f
//   (##uptime)                 seconds since the distributed layer was installed (a flonum)
//
// The counters are a Map per Vm, updated by a primitive so that concurrent Scheme threads
// never lose an update (a Scheme read-modify-write could be preempted in between).

import { typeError } from '../runtime/errors.js';
import { plain, type PrimFactory } from '../runtime/primitive.js';
import { schedulerOf } from '../runtime/scheduler.js';
import { Flonum, Pair, Sym, VOID, arrayToList, type Value } from '../runtime/values.js';

export const statsPrims: PrimFactory = (vm) => {
  const counters = new Map<Sym, number>();
  const t0 = vm.host.monotonic();
  return [
    plain('##node-stat-add!', 2, 2, (key: Value, n: Value) => {
      if (!(key instanceof Sym)) throw typeError(1, 'SYMBOL');
      if (typeof n !== 'number') throw typeError(2, 'FIXNUM');
      counters.set(key, (counters.get(key) ?? 0) + n);
      return VOID;
    }),
    plain('##node-counters', 0, 0, () => arrayToList([...counters].map(([k, v]) => new Pair(k, v)))),
    plain('##thread-count', 0, 0, () => schedulerOf(vm).live),
    plain('##heap-used', 0, 0, () => {
      const h = vm.host.heapUsed?.();
      return h === undefined ? false : h;
    }),
    plain('##uptime', 0, 0, () => new Flonum((vm.host.monotonic() - t0) / 1000)),
  ];
};
