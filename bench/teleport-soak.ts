// The teleport demo for a long time (issue 8's goal: 3 nodes for 10 minutes, no lost or
// duplicated thread, memory flat).
//
//   node dist/bench/teleport-soak.js [--minutes 10] [--speed 10]
//
// Three `gsi-ts demos/teleport.scm` processes on 127.0.0.2-4 (every sleep --speed times
// shorter: at 10, a thread every 2 s per node, 100 steps of 20-40 ms, a teleport at every
// bounce) spawn threads for --minutes, then stop spawning (GSI_TS_DEMO_SPAWNS) and run until
// every thread has died. Every 10 s it samples each process's resident memory (VmRSS). At the
// end it checks the traces (bench/teleport-trace.ts) and prints births, deaths, hops per
// direction, problems, and memory at the first and last samples.
// Loopback only; every child is killed at the end.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTrace, parseTrace } from './teleport-trace.js';
import { killAtExit, numArg, repoRoot } from './common.js';

const NODES = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];



const children: ChildProcess[] = [];

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? NaN : Number(m[1]) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const minutes = numArg('--minutes', 10), speed = numArg('--speed', 10);
  const spawns = Math.max(1, Math.round((minutes * 60 * speed) / 20));
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-soak-'));
  const trace = join(dir, 'trace.jsonl');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const env = {
    ...process.env,
    GSI_TS_COOKIE: randomBytes(8).toString('hex'),
    GSI_TS_DEMO_SPEED: String(speed),
    GSI_TS_DEMO_SPAWNS: String(spawns),
    GSI_TS_TRACE: trace,
  };
  for (const ip of NODES) {
    const c = spawn(process.execPath, [join(repoRoot(), 'dist', 'gsi-ts.mjs'), '--listen', ip, '--port', String(port), join(repoRoot(), 'demos', 'teleport.scm')], {
      env, stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(killAtExit(c));
  }
  console.log(`${NODES.length} nodes, ${spawns} threads each, speed ${speed}, ~${minutes} min; trace ${trace}`);
  const samples: number[][] = [];
  const t0 = Date.now();
  const births = NODES.length * spawns;
  for (;;) {
    await sleep(10_000);
    if (children.some((c) => c.exitCode !== null)) throw new Error('a node ended');
    samples.push(children.map((c) => rssMB(c.pid!)));
    const events = existsSync(trace) ? parseTrace(readFileSync(trace, 'utf8')) : [];
    const deaths = events.filter((e) => e.event === 'death').length;
    const hops = events.filter((e) => e.event === 'hop-in').length;
    const min = ((Date.now() - t0) / 60000).toFixed(1);
    console.log(`${min} min: deaths ${deaths}/${births}, hops ${hops}, RSS MB ${samples[samples.length - 1]!.map((x) => x.toFixed(0)).join(' ')}`);
    if (deaths >= births || Date.now() - t0 > (minutes + 2) * 60_000) break;
  }
  await sleep(1000);
  const report = checkTrace(parseTrace(readFileSync(trace, 'utf8')));
  console.log(`births ${report.births}, deaths ${report.deaths}, alive ${report.alive}, hops ${report.hops}`);
  console.log(`hops per direction: ${[...report.pairs].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`problems: ${report.problems.length === 0 ? 'none' : report.problems.slice(0, 20).join('; ')}`);
  const avg = (row: number[]) => row.reduce((a, b) => a + b, 0) / row.length;
  const early = samples.slice(0, 3).map(avg), late = samples.slice(-3).map(avg);
  console.log(`RSS per node, mean of first 3 samples ${avg(early).toFixed(1)} MB, of last 3 ${avg(late).toFixed(1)} MB, max ${Math.max(...samples.flat()).toFixed(1)} MB`);
  rmSync(dir, { recursive: true, force: true });
  const ok = report.problems.length === 0 && report.births === births && report.deaths === births;
  process.exit(ok ? 0 : 1);
}

void main().catch((e: unknown) => { console.error(e); process.exit(2); });
