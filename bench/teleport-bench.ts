// Teleport latency on loopback (issue 8's goal: under 2 ms, median).
//
//   node dist/bench/teleport-bench.js [--hops 1000] [--runs 3]
//
// Two gsi-ts processes run bench/teleport.scm, nodes on 127.0.0.2 ("serve") and 127.0.0.3
// ("lead"). On the lead, one thread teleports to the other node and back, --hops times, with
// the talk's teleport; each teleport is timed at its source from the capture of the
// continuation to the halt of the original thread (by then the destination has resumed it).
// Also printed: the mean time per hop over the whole journey (capture to resumed, and on to
// the next capture) and, as the baseline measured in the same run, the median round trip of a
// plain `(rpc node 'ok)`. Best of --runs. Loopback only; every child is killed at the end.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { killAtExit, numArg, repoRoot } from './common.js';

interface Result {
  readonly 'teleport-median-us': number;
  readonly 'hop-mean-us': number;
  readonly 'rpc-median-us': number;
  readonly 'teleports-timed': number;
}

const GOAL_MS = 2;




function run(ip: string, port: number, env: NodeJS.ProcessEnv): { c: ChildProcess; done: Promise<string> } {
  const cli = join(repoRoot(), 'dist', 'gsi-ts.mjs');
  const c = spawn(process.execPath, [cli, '--listen', ip, '--port', String(port), join(repoRoot(), 'bench', 'teleport.scm')], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  killAtExit(c);
  let out = '';
  c.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const done = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${ip}: no result after 120 s`)), 120_000);
    c.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${ip} exited with ${code}: ${out}`));
    });
  });
  return { c, done };
}

async function once(hops: number): Promise<Result> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const cookie = randomBytes(8).toString('hex');
  const serve = run('127.0.0.2', port, { GSI_TS_COOKIE: cookie, BENCH_ROLE: 'serve' });
  serve.done.catch(() => undefined); // killed at the end
  const lead = run('127.0.0.3', port, { GSI_TS_COOKIE: cookie, BENCH_ROLE: 'lead', BENCH_HOPS: String(hops) });
  const out = await lead.done;
  serve.c.kill('SIGKILL');
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

async function main(): Promise<void> {
  const hops = numArg('--hops', 1000), runs = numArg('--runs', 3);
  let best: Result | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await once(hops);
    if (best === null || r['teleport-median-us'] < best['teleport-median-us']) best = r;
  }
  const r = best!;
  const f = (us: number) => (us / 1000).toFixed(3).padStart(8);
  console.log(`teleport latency, ${hops} hops between two processes on loopback (best of ${runs})`);
  console.log(`  teleport, source side (capture .. halt), median  ${f(r['teleport-median-us'])} ms`);
  console.log(`  hop, whole journey / hops, mean                  ${f(r['hop-mean-us'])} ms`);
  console.log(`  baseline: (rpc node 'ok) round trip, median      ${f(r['rpc-median-us'])} ms`);
  console.log(`  ratio teleport / rpc round trip                  ${(r['teleport-median-us'] / r['rpc-median-us']).toFixed(2).padStart(8)}`);
  const met = r['teleport-median-us'] < GOAL_MS * 1000;
  console.log(`  goal: median under ${GOAL_MS} ms: ${met ? 'met' : 'MISSED'}`);
  process.exit(met ? 0 : 1);
}

void main().catch((e: unknown) => { console.error(e); process.exit(2); });
