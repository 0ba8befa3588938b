// The thread benchmarks (bench/programs/threads-*.scm), gsi-ts against gsi in the same run.
//
//   node dist/bench/threads.js [--runs N] [--only spawn,pingpong,...] [--no-gsi]
//
// Each program times its own work with (real-time) and prints `bench: key=value ...` on stderr
// (so the whole-process times of bench/run.ts, dominated by start-up, are not the measure).
// This harness runs each program N times (default 3) with both implementations and shows, per
// program, the best time inside the program, the best whole-process wall time, the peak
// resident memory of the process (GNU time's %M, when /usr/bin/time exists) and, for the
// lateness program, the worst and mean lateness of the sleepers. Exit status 1 if gsi-ts
// fails, disagrees with gsi's stdout, or misses a goal:
//   spawn, pingpong   at least as fast as gsi (time inside the program)
//   sleepers          100,000 threads asleep at once in under 500 MB
//   lateness          every sleeper wakes within 50 ms of its deadline

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Run {
  ok: boolean;
  failure: string;
  stdout: string;
  wall: number;
  /** Peak resident set size in MB, or null if unknown. */
  rssMb: number | null;
  /** The key=value pairs of the program's `bench:` line. */
  metrics: Map<string, number>;
}

interface Best {
  stdout: string;
  wall: number;
  rssMb: number | null;
  metrics: Map<string, number>;
  failure: string | null;
}

const PROGRAMS = ['spawn', 'pingpong', 'sleepers', 'lateness'] as const;
const GNU_TIME = '/usr/bin/time';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((d) => d !== '' && existsSync(join(d, command)));
}

function runOnce(command: string, args: string[], cwd: string): Run {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', 'bench-rss-kb=%M', command, ...args]] : [command, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const stderr = r.stderr ?? '';
  const metrics = new Map<string, number>();
  for (const m of stderr.matchAll(/^bench: (.*)$/gm)) {
    for (const kv of m[1]!.trim().split(/\s+/)) {
      const [k, v] = kv.split('=');
      if (k !== undefined && v !== undefined) metrics.set(k, Number(v));
    }
  }
  const rss = /bench-rss-kb=(\d+)/.exec(stderr);
  const ok = r.error === undefined && r.status === 0;
  return {
    ok,
    failure: ok ? '' : r.error?.message ?? `exit ${r.status}: ${stderr.trim().split('\n')[0] ?? ''}`,
    stdout: r.stdout ?? '',
    wall,
    rssMb: rss === null ? null : Number(rss[1]) / 1024,
    metrics,
  };
}

/** Best (lowest) of each measure over `runs` runs. */
function measure(command: string, args: string[], cwd: string, runs: number): Best {
  let best: Best | null = null;
  for (let i = 0; i < runs; i++) {
    const r = runOnce(command, args, cwd);
    if (!r.ok) return { stdout: r.stdout, wall: NaN, rssMb: null, metrics: new Map(), failure: r.failure };
    if (best === null) {
      best = { stdout: r.stdout, wall: r.wall, rssMb: r.rssMb, metrics: r.metrics, failure: null };
      continue;
    }
    best.wall = Math.min(best.wall, r.wall);
    if (r.rssMb !== null) best.rssMb = Math.min(best.rssMb ?? Infinity, r.rssMb);
    for (const [k, v] of r.metrics) best.metrics.set(k, Math.min(best.metrics.get(k) ?? Infinity, v));
  }
  return best!;
}

function fmt(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(digits);
}

function main(): void {
  const argv = process.argv.slice(2);
  let runs = 3;
  let only: string[] | null = null;
  let useGsi = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (a === '--only') only = (argv[++i] ?? '').split(',');
    else if (a === '--no-gsi') useGsi = false;
    else throw new Error(`bench: unknown argument ${a}`);
  }
  const root = repoRoot();
  const cli = join(root, 'dist', 'gsi-ts.mjs');
  const dir = join(root, 'bench', 'programs');
  const haveGsi = useGsi && onPath('gsi');
  let failures = 0;
  const lines: string[] = [];
  const say = (s: string): void => { lines.push(s); };

  for (const name of PROGRAMS) {
    if (only !== null && !only.includes(name)) continue;
    const file = `threads-${name}.scm`;
    process.stderr.write(`bench: ${file}...\n`);
    const mine = measure(process.execPath, [cli, file], dir, runs);
    const theirs = haveGsi ? measure('gsi', [file], dir, runs) : null;
    if (mine.failure !== null) {
      say(`${name}: gsi-ts FAILED (${mine.failure})`);
      failures++;
      continue;
    }
    const same = theirs === null || theirs.failure !== null ? null : theirs.stdout === mine.stdout;
    if (same === false) failures++;
    const inside = (b: Best | null): number | undefined => b?.metrics.get('elapsed');
    let verdict = '';
    switch (name) {
      case 'spawn':
      case 'pingpong': {
        const a = inside(mine), b = inside(theirs);
        const ratio = a !== undefined && b !== undefined ? a / b : undefined;
        verdict = ratio === undefined ? '' : ratio <= 1 ? 'goal met (at least as fast as gsi)' : `goal missed (${fmt(ratio, 2)}x gsi's time)`;
        if (ratio !== undefined && ratio > 1) failures++;
        say(`${name}: inside the program gsi-ts ${fmt(a)} s, gsi ${fmt(b)} s (gsi-ts/gsi ${fmt(ratio, 2)}); ` +
          `whole process gsi-ts ${fmt(mine.wall)} s, gsi ${fmt(theirs?.wall)} s. ${verdict}`);
        // Not the goal's measure; steadier (JIT warm), so a change shows above the noise here.
        const wa = mine.metrics.get('warm'), wb = theirs?.metrics.get('warm');
        say(`${name}, warm (best of 5 more passes in the same process): gsi-ts ${fmt(wa)} s, gsi ${fmt(wb)} s ` +
          `(gsi-ts/gsi ${fmt(wa !== undefined && wb !== undefined ? wa / wb : undefined, 2)})`);
        break;
      }
      case 'sleepers': {
        const ok = mine.rssMb !== null && mine.rssMb < 500;
        if (mine.rssMb !== null && !ok) failures++;
        say(`sleepers: 100,000 threads asleep at once, peak RSS gsi-ts ${fmt(mine.rssMb, 0)} MB, gsi ${fmt(theirs?.rssMb, 0)} MB; ` +
          `start all: gsi-ts ${fmt(mine.metrics.get('started'))} s, gsi ${fmt(theirs?.metrics.get('started'))} s. ` +
          (mine.rssMb === null ? '(no /usr/bin/time: memory not measured)' : ok ? 'goal met (< 500 MB)' : 'goal missed (>= 500 MB)'));
        break;
      }
      case 'lateness': {
        const worst = mine.metrics.get('worst-ms');
        const ok = worst !== undefined && worst < 50;
        if (!ok) failures++;
        say(`lateness: a busy thread and 1,000 sleepers, lateness worst/mean gsi-ts ${fmt(worst, 1)}/${fmt(mine.metrics.get('mean-ms'), 1)} ms, ` +
          `gsi ${fmt(theirs?.metrics.get('worst-ms'), 1)}/${fmt(theirs?.metrics.get('mean-ms'), 1)} ms (best of ${runs}). ` +
          (ok ? 'goal met (< 50 ms)' : 'goal missed'));
        break;
      }
    }
    if (same === false) say(`${name}: OUTPUT DIFFERS from gsi's`);
    if (theirs !== null && theirs.failure !== null) say(`${name}: gsi failed (${theirs.failure})`);
  }
  console.log(`thread benchmarks, best of ${runs} run(s)${haveGsi ? '' : ' (gsi not on PATH or --no-gsi)'}`);
  for (const l of lines) console.log(l);
  if (failures > 0) process.exitCode = 1;
}

main();
