// Reading and checking the traces of the teleport demo (demos/teleport.scm with
// GSI_TS_TRACE=FILE): one JSON object per line,
//   {"t": ms since epoch, "node": "127.0.0.2", "event": "spawn"|"hop-out"|"hop-in"|"death",
//    "thread": "127.0.0.2/7", "ttl": steps left}.
// Used by the end-to-end test (test/unit/teleport-demo.test.ts) and the long run
// (bench/teleport-soak.ts).
//
// Timestamps come from different processes, and the destination logs a hop-in as soon as the
// thread resumes there, possibly before the source logs its hop-out (after the rpc answer), so
// a thread's events are put in order by ttl (a thread loses one ttl per step), not by time.

export type TraceEventName = 'spawn' | 'hop-out' | 'hop-in' | 'death';

export interface TraceEvent {
  readonly t: number;
  readonly node: string;
  readonly event: TraceEventName;
  readonly thread: string;
  readonly ttl: number;
}

const EVENTS: ReadonlySet<string> = new Set(['spawn', 'hop-out', 'hop-in', 'death']);
const STEPS = 100;

/** The events of a trace file's text; throws on a line that is not a well-formed event. */
export function parseTrace(text: string): TraceEvent[] {
  const events: TraceEvent[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const o = JSON.parse(line) as Record<string, unknown>;
    const ok = typeof o['t'] === 'number' && typeof o['node'] === 'string' && typeof o['event'] === 'string'
      && EVENTS.has(o['event']) && typeof o['thread'] === 'string' && Number.isInteger(o['ttl']);
    if (!ok) throw new Error(`trace line ${i + 1} is not an event: ${line}`);
    events.push(o as unknown as TraceEvent);
  });
  return events;
}

export interface TraceReport {
  readonly births: number;
  readonly deaths: number;
  /** Threads neither dead nor lost: their last event is a spawn or a hop-in. */
  readonly alive: number;
  readonly hops: number;
  /** Hops per direction, "from>to". */
  readonly pairs: ReadonlyMap<string, number>;
  /** Everything that shows a thread lost, duplicated, or not living exactly 100 steps. */
  readonly problems: readonly string[];
}

/** Check every thread's life in the events of all the nodes. */
export function checkTrace(events: readonly TraceEvent[]): TraceReport {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const list = byThread.get(e.thread);
    if (list === undefined) byThread.set(e.thread, [e]);
    else list.push(e);
  }
  const problems: string[] = [];
  const pairs = new Map<string, number>();
  let births = 0, deaths = 0, alive = 0, hops = 0;
  for (const [id, list] of byThread) {
    const life = checkThread(id, list, problems);
    if (life === null) continue;
    births++;
    if (life.dead) deaths++;
    else alive++;
    for (const [from, to] of life.hops) {
      hops++;
      const key = `${from}>${to}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  return { births, deaths, alive, hops, pairs, problems };
}

interface Life {
  readonly dead: boolean;
  readonly hops: Array<[string, string]>;
}

/** One thread: born once with ttl 100, each hop-out matched by one hop-in at another node with
 * the same ttl, hops in decreasing ttl along a chain of nodes, dead once with ttl 0 where the
 * chain ends. Problems are pushed on `problems`; null when the thread has no spawn. */
function checkThread(id: string, list: readonly TraceEvent[], problems: string[]): Life | null {
  const of = (name: TraceEventName) => list.filter((e) => e.event === name);
  const spawns = of('spawn'), deathList = of('death'), outs = of('hop-out'), ins = of('hop-in');
  if (spawns.length !== 1) {
    problems.push(`${id}: ${spawns.length} spawn events`);
    if (spawns.length === 0) return null;
  }
  const spawn = spawns[0]!;
  if (spawn.ttl !== STEPS) problems.push(`${id}: born with ttl ${spawn.ttl}`);
  if (!id.startsWith(`${spawn.node}/`)) problems.push(`${id}: spawned on ${spawn.node}`);
  if (deathList.length > 1) problems.push(`${id}: died ${deathList.length} times`);
  const byTtl = (a: TraceEvent, b: TraceEvent) => b.ttl - a.ttl;
  outs.sort(byTtl);
  ins.sort(byTtl);
  if (outs.length !== ins.length) problems.push(`${id}: ${outs.length} hop-outs but ${ins.length} hop-ins`);
  const hops: Array<[string, string]> = [];
  let at = spawn.node, ttl = spawn.ttl;
  for (let i = 0; i < Math.min(outs.length, ins.length); i++) {
    const out = outs[i]!, inn = ins[i]!;
    if (out.ttl !== inn.ttl) problems.push(`${id}: hop-out at ttl ${out.ttl} arrived with ttl ${inn.ttl}`);
    if (out.ttl > ttl || (i > 0 && out.ttl === ttl)) problems.push(`${id}: hop at ttl ${out.ttl} after ttl ${ttl}`);
    if (out.node !== at) problems.push(`${id}: left ${out.node} but was on ${at}`);
    if (inn.node === out.node) problems.push(`${id}: hopped from ${out.node} to itself`);
    hops.push([out.node, inn.node]);
    at = inn.node;
    ttl = out.ttl;
  }
  const death = deathList[0];
  if (death !== undefined) {
    if (death.ttl !== 0) problems.push(`${id}: died with ttl ${death.ttl}`);
    if (death.node !== at) problems.push(`${id}: died on ${death.node} but was on ${at}`);
  }
  return { dead: death !== undefined, hops };
}
