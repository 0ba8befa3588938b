// rpc round trips on loopback against a bare WebSocket echo of the same bytes.
//
//   node dist/bench/rpc-bench.js [--n 20000] [--warmup 40000] [--runs 3]
//
// rpc: two gsi-ts processes, nodes on 127.0.0.2 (server) and 127.0.0.3 (client); the client
// times N sequential `(rpc node (+ 1 2))`, then the same N split among 8 threads calling at
// once. Echo: a Node.js process running a bare `ws` server on 127.0.0.2 answers each message
// with a message of the size of an rpc answer; this process sends messages of the size of an
// rpc request (both with the 5-byte header rpc adds), N sequentially, then from 8 concurrent
// loops on one connection. --runs pairs of runs, rpc and echo alternating; the best rate of
// each, their ratio, the median of the pairs' ratios, and the CPU time per call of client and
// server (less sensitive to the machine's state than the rates). Each phase is measured after
// --warmup round trips made the same way (sequential, then concurrent): the goal is about the
// rate, not V8's warm-up. rpc reaches its rate late: in one client process, successive phases of
// 20,000 concurrent calls cost 38.8, 21.7, 14.3, 14.1, 17.5, 15.7... us of client CPU per call
// (the JIT compiling the serializer, the machine and the scheduler's paths as they get hot),
// while the echo is at full speed after a few thousand. Goal: rpc rate >= half the echo rate.
// Loopback only; every child is killed at the end.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket, WebSocketServer } from 'ws';
import { killAtExit, numArg, repoRoot } from './common.js';

const CONCURRENCY = 8;



const children: ChildProcess[] = [];

/** Start a child; resolve once its stdout matches `ready`; collect its output. */
function child(cmd: string[], ready: RegExp, ms = 10_000): Promise<{ c: ChildProcess; out: () => string }> {
  const c = spawn(process.execPath, cmd, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(killAtExit(c));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child not ready after ${ms} ms: ${cmd.join(' ')}\n${out}`)), ms);
    c.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) { clearTimeout(timer); resolve({ c, out: () => out }); }
    });
    c.on('exit', (code) => { clearTimeout(timer); if (!ready.test(out)) reject(new Error(`child exited (${code}): ${out}`)); });
  });
}

// ---------------------------------------------------------------------------------------------
// The echo server (this file run with --echo-server ADDR PORT ANSWER-BYTES)

function echoServer(): void {
  const i = process.argv.indexOf('--echo-server');
  const [addr, port, size] = [process.argv[i + 1]!, Number(process.argv[i + 2]), Number(process.argv[i + 3])];
  const answer = Buffer.alloc(size, 7);
  const wss = new WebSocketServer({ host: addr, port, perMessageDeflate: false });
  // A text message asks for this process's CPU time (ms); binary ones are echoed.
  wss.on('connection', (ws) => ws.on('message', (_data, isBinary) => {
    if (isBinary) ws.send(answer);
    else ws.send(String(cpuMs()));
  }));
  wss.on('listening', () => process.stdout.write('ready\n'));
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** One measured phase: its wall time (s) and the CPU time of client and server (s). */
interface Phase {
  secs: number;
  clientCpu: number;
  serverCpu: number;
}

async function echoClient(port: number, reqBytes: number, n: number, warmup: number): Promise<{ seq: Phase; par: Phase }> {
  const ws = new WebSocket(`ws://127.0.0.2:${port}/`, { perMessageDeflate: false, localAddress: '127.0.0.3' });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const msg = Buffer.alloc(reqBytes, 3);
  // One round trip at a time per loop; answers come back in order on the one connection.
  const waiting: Array<() => void> = [];
  let cpuAnswer: ((ms: number) => void) | null = null;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) waiting.shift()!();
    else cpuAnswer?.(Number(data.toString()));
  });
  const serverCpuMs = (): Promise<number> => new Promise((resolve) => { cpuAnswer = resolve; ws.send('cpu'); });
  const roundTrip = (): Promise<void> => new Promise((resolve) => { waiting.push(resolve); ws.send(msg); });
  const loop = async (k: number): Promise<void> => { for (let i = 0; i < k; i++) await roundTrip(); };
  const phase = async (work: () => Promise<unknown>): Promise<Phase> => {
    const [t0, c0, s0] = [performance.now(), cpuMs(), await serverCpuMs()];
    await work();
    const [t1, c1, s1] = [performance.now(), cpuMs(), await serverCpuMs()];
    return { secs: (t1 - t0) / 1000, clientCpu: (c1 - c0) / 1000, serverCpu: (s1 - s0) / 1000 };
  };
  const concurrent = (k: number): Promise<unknown> => Promise.all(Array.from({ length: CONCURRENCY }, () => loop(k / CONCURRENCY)));
  await loop(warmup);
  const seq = await phase(() => loop(n));
  await concurrent(warmup);
  const par = await phase(() => concurrent(n));
  ws.close();
  return { seq, par };
}

// ---------------------------------------------------------------------------------------------
// The rpc client program

function rpcClientProgram(n: number, warmup: number): string {
  // Each phase: wall time, this process's CPU time, and the server's (asked by rpc).
  return `
(define node (connection-node (DCS-connect "127.0.0.2")))
(define (calls k) (do ((i 0 (+ i 1))) ((= i k)) (rpc node (+ 1 2))))
(define (phase thunk)
  (let ((t0 (real-time)) (c0 (cpu-time)) (s0 (rpc node (cpu-time))))
    (thunk)
    (let ((t1 (real-time)) (c1 (cpu-time)) (s1 (rpc node (cpu-time))))
      (list (- t1 t0) (- c1 c0) (- s1 s0)))))
(define (concurrent k)
  (for-each thread-join!
    (map (lambda (j) (thread-start! (make-thread (lambda () (calls (quotient k ${CONCURRENCY}))))))
         (iota ${CONCURRENCY}))))
(calls ${warmup})
(define seq (phase (lambda () (calls ${n}))))
(concurrent ${warmup})
(define par (phase (lambda () (concurrent ${n}))))
(define req (u8vector-length (encode (lambda () (+ 1 2)))))
(define rep (u8vector-length (encode (##dcs-value-answer 3))))
(display (append '(result) seq par (list req rep)))
(newline)
`;
}

async function main(): Promise<void> {
  const n = numArg('--n', 20_000), runs = numArg('--runs', 3), warmup = numArg('--warmup', 40_000);
  const root = repoRoot();
  const cli = join(root, 'dist', 'gsi-ts.mjs');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-rpc-bench-'));
  try {
    const program = join(dir, 'client.scm');
    writeFileSync(program, rpcClientProgram(n, warmup));
    const node = ['--node', '--discovery', 'none', '--port', String(port), '--cookie', 'bench'];
    await child([cli, ...node, '--listen', '127.0.0.2', '-e', '(display "ready") (newline) (let loop () (thread-sleep! 60) (loop))'], /ready/);
    // The size of an answer, with the 5-byte header rpc adds (a request's is known after the
    // first run: it depends on the program's file name, in the code's source locations).
    const sizes = spawnSync(process.execPath, [cli, '-e', '(write (u8vector-length (encode (##dcs-value-answer 3))))'], { encoding: 'utf8' });
    if (!/^\d+$/.test(sizes.stdout.trim())) throw new Error(`cannot measure the answer's size: ${sizes.stdout}${sizes.stderr}`);
    const rep = Number(sizes.stdout.trim()) + 5;
    let req = 0;
    const echoPort = port + 1;
    await child([fileURLToPath(import.meta.url), '--echo-server', '127.0.0.2', String(echoPort), String(rep)], /ready/);
    // rpc and echo runs alternate, so that both see the machine in the same state (on a VM the
    // rate of either drifts by ±30% over a minute): each pair gives a ratio.
    const rpcRuns: Array<{ seq: Phase; par: Phase }> = [], echoRuns: Array<{ seq: Phase; par: Phase }> = [];
    for (let r = 0; r < runs; r++) {
      const { c, out } = await child([cli, ...node, '--listen', '127.0.0.3', program], /\(result [^)]*\)/, 120_000);
      const m = /\(result ((?:[\d.e-]+ ){6})(\d+) (\d+)\)/.exec(out());
      if (m === null) throw new Error(`unexpected client output: ${out()}`);
      const v = m[1]!.trim().split(' ').map(Number);
      rpcRuns.push({
        seq: { secs: v[0]!, clientCpu: v[1]!, serverCpu: v[2]! },
        par: { secs: v[3]!, clientCpu: v[4]!, serverCpu: v[5]! },
      });
      req = Number(m[2]) + 5;
      if (Number(m[3]) + 5 !== rep) throw new Error(`the answer is not ${rep - 5} bytes: ${m[0]}`);
      c.kill('SIGKILL');
      echoRuns.push(await echoClient(echoPort, req, n, warmup));
    }
    const rate = (s: number): number => Math.round(n / s);
    const median = (xs: number[]): number => { const v = [...xs].sort((a, b) => a - b); return v[(v.length - 1) >> 1]!; };
    // CPU per call (µs), client + server, the median over the runs.
    const cpu = (ps: Phase[]): string => {
      const c = median(ps.map((p) => p.clientCpu)) / n * 1e6, s = median(ps.map((p) => p.serverCpu)) / n * 1e6;
      return `${c.toFixed(1)}+${s.toFixed(1)}`;
    };
    const row = (name: string, key: 'seq' | 'par'): string => {
      const r = Math.min(...rpcRuns.map((x) => x[key].secs)), e = Math.min(...echoRuns.map((x) => x[key].secs));
      const ratios = rpcRuns.map((x, i) => echoRuns[i]![key].secs / x[key].secs);
      const med = median(ratios);
      return `${name.padEnd(22)} ${String(rate(r)).padStart(9)} ${String(rate(e)).padStart(9)}   ${(e / r).toFixed(2)}`
        + `   ${med.toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`
        + `   ${cpu(rpcRuns.map((x) => x[key])).padStart(11)} ${cpu(echoRuns.map((x) => x[key])).padStart(11)}`
        + `${med >= 0.5 ? '' : '  (goal: >= 0.50)'}`;
    };
    console.log(`rpc round trips on loopback, ${n} calls, ${runs} alternating runs; request ${req} bytes, answer ${rep} bytes`);
    console.log(`${''.padEnd(22)} ${'rpc/s'.padStart(9)} ${'echo/s'.padStart(9)}   ratio  pairs: median (range)   cpu µs/call client+server: rpc, echo`);
    console.log(row('sequential', 'seq'));
    console.log(row(`${CONCURRENCY} concurrent callers`, 'par'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const c of children) c.kill('SIGKILL');
  }
}

if (process.argv.includes('--echo-server')) echoServer();
else main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
