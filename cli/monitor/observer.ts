// The monitor's Scheme side: a Vm that joins the cluster as an observer node (full nodes serve
// its rpcs but never list it) and runs scheme-lib/monitor.scm's collection loop, whose rounds
// of samples arrive here through the primitive `##monitor-sample!` and become a MonitorState
// in a Store. Used by --monitor and --demo; knows nothing of ink.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { FOp, type Frame } from '../../interpreter/frames.js';
import { Mode } from '../../interpreter/machine.js';
import { createVm, loadTextSync } from '../../interpreter/setup.js';
import { netOf } from '../../net/bridge.js';
import { installNetFromCli, type NodeCliOptions } from '../../net/cli.js';
import { errorReport } from '../../runtime/error-text.js';
import { plain } from '../../runtime/primitive.js';
import { Scheduler } from '../../runtime/scheduler.js';
import { Flonum, Keyword, MString, Pair, Sym, VOID, listToArray, type Value } from '../../runtime/values.js';
import type { Vm } from '../../runtime/vm.js';
import { NodeHost } from '../node-host.js';
import { addLog, addSamples, emptyState, type MonitorState, type NodeSample, type StatValue } from './state.js';
import { makeStore, type MutableStore } from './store.js';

export interface ObserverOptions extends NodeCliOptions {
  /** The package root (scheme-lib/ is under it). */
  readonly root: string;
  /** The Scheme preludes, in load order. */
  readonly preludes: Array<[string, string]>;
  /** Seconds between rounds (default 1) and the bound of each rpc (default 2). */
  readonly period?: number;
  readonly timeout?: number;
  /** The node could not start, or the loop failed: gsi's error report. */
  readonly onFail: (report: string) => void;
}

export interface Observer {
  readonly vm: Vm;
  readonly store: MutableStore<MonitorState>;
}

function statValue(v: Value): StatValue | null {
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Flonum) return v.v;
  if (v instanceof MString) return v.s;
  if (v instanceof Sym || v instanceof Keyword) return v.name;
  return null;
}

/** One row `(address stats latency-ms)` of a round (monitor.scm), or null if malformed. */
function sampleOf(row: Value): NodeSample | null {
  const parts = listToArray(row);
  if (parts === null || parts.length !== 3 || !(parts[0] instanceof MString)) return null;
  const [, statsV, latencyV] = parts;
  let stats: Map<string, StatValue> | null = null;
  if (statsV !== false) {
    stats = new Map();
    for (const entry of listToArray(statsV!) ?? []) {
      if (!(entry instanceof Pair) || !(entry.car instanceof Sym)) continue;
      const v = statValue(entry.cdr);
      if (v !== null) stats.set(entry.car.name, v);
    }
  }
  const latency = statValue(latencyV!);
  return { address: parts[0].s, stats, latencyMs: typeof latency === 'number' ? latency : null };
}

/** Start the observer node and its collection loop; the state is in `store`. */
export function startObserver(opts: ObserverOptions): Observer {
  const host = new NodeHost(['gsi-ts', '--monitor']);
  const vm = createVm(host, { preludes: opts.preludes });
  const store = makeStore(emptyState());
  const sched = new Scheduler(vm, {
    onPrimordialEnd: (_value, exception, src) => {
      if (exception !== null) opts.onFail(errorReport(vm, exception, src));
    },
  });
  vm.ext.set('scheduler', sched);
  installNetFromCli(vm, opts);
  const net = netOf(vm);
  net.defaults.role = 'observer';
  net.log = (line) => store.update((s) => addLog(s, line));
  vm.definePrims([
    plain('##monitor-sample!', 1, 1, (rows: Value) => {
      const samples = (listToArray(rows) ?? []).map(sampleOf).filter((s): s is NodeSample => s !== null);
      store.update((s) => addSamples(s, samples));
      return VOID;
    }),
  ]);
  loadTextSync(vm, fs.readFileSync(path.join(opts.root, 'scheme-lib', 'monitor.scm'), 'utf8'), '');

  // The primordial thread: (node-start!), then (monitor-loop period timeout), for ever.
  const loop: Frame = { op: FOp.Apply, next: null, fn: vm.globalValue('monitor-loop')!, args: [opts.period ?? 1, opts.timeout ?? 2] };
  const r = sched.primordial.regs;
  r.k = { op: FOp.Apply, next: loop, fn: vm.globalValue('node-start!')!, args: [] };
  r.mode = Mode.Return;
  r.val = VOID;
  sched.startPrimordial();
  return { vm, store };
}
