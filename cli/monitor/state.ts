// The live view's model: what the monitor knows of the cluster, rebuilt from each round of
// samples (scheme-lib/monitor.scm hands them over). Pure data and pure functions; the ink
// components (view.ts) are functions of a MonitorState.
//
// Rates come from counter deltas between two answers of the same node, over the node's own
// uptime (so the rpc's latency does not distort them): teleports in = 'hop-in per second,
// out = 'hop-out per second. A node is down when its last call failed or it left (nodes);
// it keeps its row (its last known host) so that one sees it go.

export type StatValue = number | string | boolean;

/** One node's answer in a round: stats null if the rpc failed. */
export interface NodeSample {
  readonly address: string;
  readonly stats: ReadonlyMap<string, StatValue> | null;
  readonly latencyMs: number | null;
}

export interface NodeRow {
  readonly address: string;
  readonly host: string;
  readonly up: boolean;
  /** Bouncing threads (the 'balls counter). */
  readonly balls: number | null;
  /** Live Scheme threads. */
  readonly threads: number | null;
  readonly inPerSec: number | null;
  readonly outPerSec: number | null;
  readonly latencyMs: number | null;
  readonly heapMB: number | null;
}

export interface Totals {
  readonly nodesUp: number;
  readonly balls: number;
  /** Every teleport arrives once: the sum of the nodes' rates in. */
  readonly teleportsPerSec: number;
}

/** The counters a rate is computed from, as last seen. */
interface Mark {
  readonly hopIn: number;
  readonly hopOut: number;
  readonly uptime: number;
}

export interface MonitorState {
  /** Sorted by address. */
  readonly rows: readonly NodeRow[];
  readonly totals: Totals;
  /** Rounds of samples received so far. */
  readonly rounds: number;
  /** The last few lines the network layer logged (refused connections...). */
  readonly log: readonly string[];
  readonly marks: ReadonlyMap<string, Mark>;
}

const LOG_LINES = 3;

export function emptyState(): MonitorState {
  return { rows: [], totals: { nodesUp: 0, balls: 0, teleportsPerSec: 0 }, rounds: 0, log: [], marks: new Map() };
}

function num(stats: ReadonlyMap<string, StatValue>, key: string): number | null {
  const v = stats.get(key);
  return typeof v === 'number' ? v : null;
}

/** Compare dotted IPv4 addresses numerically (anything else after them, by text). */
export function compareAddresses(a: string, b: string): number {
  const x = a.split('.').map(Number), y = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function rate(now: number, before: number, dt: number | null): number | null {
  return dt === null || dt <= 0 ? null : Math.max(0, (now - before) / dt);
}

function upRow(s: NodeSample, stats: ReadonlyMap<string, StatValue>, mark: Mark | undefined): { row: NodeRow; mark: Mark } {
  const next: Mark = { hopIn: num(stats, 'hop-in') ?? 0, hopOut: num(stats, 'hop-out') ?? 0, uptime: num(stats, 'uptime') ?? 0 };
  // A restarted node (uptime went back) starts its rates afresh.
  const dt = mark === undefined || next.uptime < mark.uptime ? null : next.uptime - mark.uptime;
  const heap = num(stats, 'heap');
  const host = stats.get('host');
  return {
    row: {
      address: s.address,
      host: typeof host === 'string' ? host : '?',
      up: true,
      balls: num(stats, 'balls') ?? 0,
      threads: num(stats, 'threads'),
      inPerSec: rate(next.hopIn, mark?.hopIn ?? 0, dt),
      outPerSec: rate(next.hopOut, mark?.hopOut ?? 0, dt),
      latencyMs: s.latencyMs,
      heapMB: heap === null ? null : heap / (1024 * 1024),
    },
    mark: next,
  };
}

function downRow(address: string, last: NodeRow | undefined): NodeRow {
  return {
    address, host: last?.host ?? '?', up: false,
    balls: null, threads: null, inPerSec: null, outPerSec: null, latencyMs: null, heapMB: null,
  };
}

/** The state after a round of samples (one per node the monitor currently lists). */
export function addSamples(state: MonitorState, samples: readonly NodeSample[]): MonitorState {
  const previous = new Map(state.rows.map((r) => [r.address, r]));
  const rows = new Map<string, NodeRow>();
  const marks = new Map<string, Mark>();
  for (const s of samples) {
    if (s.stats === null) {
      rows.set(s.address, downRow(s.address, previous.get(s.address)));
      continue;
    }
    const { row, mark } = upRow(s, s.stats, state.marks.get(s.address));
    rows.set(s.address, row);
    marks.set(s.address, mark);
  }
  for (const [address, last] of previous) {
    if (!rows.has(address)) rows.set(address, downRow(address, last));
  }
  const sorted = [...rows.values()].sort((a, b) => compareAddresses(a.address, b.address));
  let nodesUp = 0, balls = 0, teleportsPerSec = 0;
  for (const r of sorted) {
    if (!r.up) continue;
    nodesUp++;
    balls += r.balls ?? 0;
    teleportsPerSec += r.inPerSec ?? 0;
  }
  return { rows: sorted, totals: { nodesUp, balls, teleportsPerSec }, rounds: state.rounds + 1, log: state.log, marks };
}

export function addLog(state: MonitorState, line: string): MonitorState {
  return { ...state, log: [...state.log, line].slice(-LOG_LINES) };
}
