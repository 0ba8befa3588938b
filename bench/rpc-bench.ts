// rpc round trips on loopback against a bare WebSocket echo of the same bytes.
//
//   node dist/bench/rpc-bench.js [--n 10000] [--warmup 5000] [--runs 3]
//
// rpc: two gsi-ts processes, nodes on 127.0.0.2 (server) and 127.0.0.3 (client); the client
// times N sequential `(rpc node (+ 1 2))`, then the same N split among 8 threads calling at
// once. Echo: a Node.js process running a bare `ws` server on 127.0.0.2 answers each message
// with a message of the size of an rpc answer; this process sends messages of the size of an
// rpc request (both with the 5-byte header rpc adds), N sequentially, then from 8 concurrent
// loops on one connection. Best of --runs for each, after --warmup round trips (V8 needs some
// 20,000 serializations before the serializer and the machine run at full speed: a short
// warm-up measures the JIT, not rpc). Goal: rpc rate >= half the echo rate.
// Loopback only; every child is killed at the end.

import { spawn, type ChildProcess } from 'node:child_process';
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
  wss.on('connection', (ws) => ws.on('message', () => ws.send(answer)));
  wss.on('listening', () => process.stdout.write('ready\n'));
}

async function echoClient(port: number, reqBytes: number, n: number, warmup: number): Promise<{ seq: number; par: number }> {
  const ws = new WebSocket(`ws://127.0.0.2:${port}/`, { perMessageDeflate: false, localAddress: '127.0.0.3' });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const msg = Buffer.alloc(reqBytes, 3);
  // One round trip at a time per loop; answers come back in order on the one connection.
  const waiting: Array<() => void> = [];
  ws.on('message', () => waiting.shift()!());
  const roundTrip = (): Promise<void> => new Promise((resolve) => { waiting.push(resolve); ws.send(msg); });
  const loop = async (k: number): Promise<void> => { for (let i = 0; i < k; i++) await roundTrip(); };
  await loop(warmup);
  let t0 = performance.now();
  await loop(n);
  const seq = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => loop(n / CONCURRENCY)));
  const par = (performance.now() - t0) / 1000;
  ws.close();
  return { seq, par };
}

// ---------------------------------------------------------------------------------------------
// The rpc client program

function rpcClientProgram(n: number, warmup: number): string {
  return `
(define node (connection-node (DCS-connect "127.0.0.2")))
(define (calls k) (do ((i 0 (+ i 1))) ((= i k)) (rpc node (+ 1 2))))
(define (seconds thunk) (let ((t0 (real-time))) (thunk) (- (real-time) t0)))
(calls ${warmup})
(define seq (seconds (lambda () (calls ${n}))))
(define par (seconds (lambda ()
  (for-each thread-join!
    (map (lambda (k) (thread-start! (make-thread (lambda () (calls ${n / CONCURRENCY})))))
         (iota ${CONCURRENCY}))))))
(define req (u8vector-length (encode (lambda () (+ 1 2)))))
(define rep (u8vector-length (encode (##dcs-value-answer 3))))
(display (list 'result seq par req rep))
(newline)
`;
}

async function main(): Promise<void> {
  const n = numArg('--n', 10_000), runs = numArg('--runs', 3), warmup = numArg('--warmup', 5000);
  const root = repoRoot();
  const cli = join(root, 'dist', 'gsi-ts.mjs');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-rpc-bench-'));
  try {
    const program = join(dir, 'client.scm');
    writeFileSync(program, rpcClientProgram(n, warmup));
    const node = ['--node', '--discovery', 'none', '--port', String(port), '--cookie', 'bench'];
    await child([cli, ...node, '--listen', '127.0.0.2', '-e', '(display "ready") (newline) (let loop () (thread-sleep! 60) (loop))'], /ready/);
    let rpc = { seq: Infinity, par: Infinity }, req = 0, rep = 0;
    for (let r = 0; r < runs; r++) {
      const { c, out } = await child([cli, ...node, '--listen', '127.0.0.3', program], /\(result [^)]*\)/, 120_000);
      const m = /\(result ([\d.e-]+) ([\d.e-]+) (\d+) (\d+)\)/.exec(out())!;
      rpc = { seq: Math.min(rpc.seq, Number(m[1])), par: Math.min(rpc.par, Number(m[2])) };
      req = Number(m[3]) + 5;
      rep = Number(m[4]) + 5;
      c.kill('SIGKILL');
    }
    const echoPort = port + 1;
    await child([fileURLToPath(import.meta.url), '--echo-server', '127.0.0.2', String(echoPort), String(rep)], /ready/);
    let echo = { seq: Infinity, par: Infinity };
    for (let r = 0; r < runs; r++) {
      const e = await echoClient(echoPort, req, n, warmup);
      echo = { seq: Math.min(echo.seq, e.seq), par: Math.min(echo.par, e.par) };
    }
    const rate = (s: number): number => Math.round(n / s);
    const row = (name: string, r: number, e: number): string =>
      `${name.padEnd(22)} ${String(r).padStart(9)} ${String(e).padStart(9)}   ${(r / e).toFixed(2)}${r / e >= 0.5 ? '' : '  (goal: >= 0.50)'}`;
    console.log(`rpc round trips on loopback, ${n} calls, best of ${runs}; request ${req} bytes, answer ${rep} bytes`);
    console.log(`${''.padEnd(22)} ${'rpc/s'.padStart(9)} ${'echo/s'.padStart(9)}   rpc/echo`);
    console.log(row('sequential', rate(rpc.seq), rate(echo.seq)));
    console.log(row(`${CONCURRENCY} concurrent callers`, rate(rpc.par), rate(echo.par)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const c of children) c.kill('SIGKILL');
  }
}

if (process.argv.includes('--echo-server')) echoServer();
else main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
