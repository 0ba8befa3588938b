// Discovery time on loopback: 3 gsi-ts processes started at once as nodes on 127.0.0.2, .3
// and .4 (`--node --discovery sweep|broadcast`); the time from spawning them to the moment the
// last of them sees all three in (nodes). Goal (sweep): under 3 s.
//
//   node dist/bench/rpc-discovery.js [--runs 3] [--discovery sweep|broadcast]
//
// Includes each process's start-up (~0.15 s). Loopback only; children are killed at the end.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAtExit, textArg, repoRoot } from './common.js';



const PROGRAM = `
(let loop ()
  (if (< (length (nodes)) 3)
      (begin (thread-sleep! .01) (loop))))
(display "all") (newline)
(thread-sleep! 60)
`;

const children: ChildProcess[] = [];

async function once(cli: string, program: string, discovery: string): Promise<number> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const t0 = performance.now();
  const done = [2, 3, 4].map((b) => new Promise<number>((resolve, reject) => {
    const c = spawn(process.execPath, [cli, '--node', '--discovery', discovery, '--listen', `127.0.0.${b}`, '--port', String(port), '--cookie', 'bench', program], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(killAtExit(c));
    const timer = setTimeout(() => reject(new Error(`127.0.0.${b} did not see 3 nodes within 20 s`)), 20_000);
    c.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('all')) { clearTimeout(timer); resolve(performance.now() - t0); }
    });
  }));
  const times = await Promise.all(done);
  for (const c of children.splice(0)) c.kill('SIGKILL');
  return Math.max(...times) / 1000;
}

async function main(): Promise<void> {
  const runs = Number(textArg('--runs', '3'));
  const discovery = textArg('--discovery', 'sweep');
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-discovery-'));
  try {
    const program = join(dir, 'wait.scm');
    writeFileSync(program, PROGRAM);
    const cli = join(repoRoot(), 'dist', 'gsi-ts.mjs');
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push(await once(cli, program, discovery));
    const best = Math.min(...times), worst = Math.max(...times);
    console.log(`discovery of 3 nodes on loopback (${discovery}), ${runs} runs: all see each other ${best.toFixed(2)}-${worst.toFixed(2)} s after spawning${discovery === 'sweep' && worst >= 3 ? '  (goal: < 3 s)' : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
