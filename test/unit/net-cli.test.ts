// Several gsi-ts processes, each a node bound to its own loopback address (127.0.0.2, .3, ...:
// all of 127.0.0.0/8 is loopback on Linux, so the talk's /24 sweep really runs), with the
// programs of test/net/: they discover each other, answer rpcs, re-raise remote errors at the
// caller as the talk shows, time out, lose a node that is killed, refuse a wrong cookie.
// Every child is killed in the `after` hooks; every wait is bounded.

import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { testPort } from './net-harness.js';

interface Proc {
  readonly child: ChildProcess;
  out: string;
  err: string;
  /** Resolves when `re` matches stdout (or stderr, with `onErr`); rejects after `ms`. */
  waitFor(re: RegExp, ms: number, onErr?: boolean): Promise<void>;
  /** Resolves with the exit status when the process ends; rejects after `ms`. */
  exit(ms: number): Promise<number | null>;
}

const NET = path.join(repoRoot(), 'test', 'net');
const children: ChildProcess[] = [];

function gsi(ip: string, port: number, cookie: string, file: string, extra: string[] = []): Proc {
  const child = spawn(process.execPath, [cliPath(), '--node', '--listen', ip, '--port', String(port), '--cookie', cookie, ...extra, file], {
    cwd: NET,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const p: Proc = {
    child,
    out: '',
    err: '',
    waitFor: (re, ms, onErr = false) => new Promise((resolve, reject) => {
      const check = (): boolean => re.test(onErr ? p.err : p.out);
      if (check()) { resolve(); return; }
      const timer = setTimeout(() => reject(new Error(`${ip}: no ${re} within ${ms} ms; stdout: ${p.out} stderr: ${p.err}`)), ms);
      const on = (): void => { if (check()) { clearTimeout(timer); resolve(); } };
      child.stdout!.on('data', on);
      child.stderr!.on('data', on);
    }),
    exit: (ms) => new Promise((resolve, reject) => {
      if (child.exitCode !== null) { resolve(child.exitCode); return; }
      const timer = setTimeout(() => reject(new Error(`${ip}: still running after ${ms} ms; stdout: ${p.out} stderr: ${p.err}`)), ms);
      child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    }),
  };
  child.stdout!.on('data', (d: Buffer) => { p.out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { p.err += d.toString(); });
  return p;
}

function hostName(): string {
  return os.hostname();
}

function killAll(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

describe('#gsi-ts --node (several processes on 127.0.0.0/24)', function () {
  this.timeout(30_000);
  const port = testPort();
  let servers: Proc[] = [];
  let started = 0;

  before(() => {
    started = Date.now();
    servers = [2, 3, 4].map((b) => gsi(`127.0.0.${b}`, port, 'sesame', 'serve.scm'));
  });
  after(killAll);

  it('discover each other by the sweep within 3 s of starting', async () => {
    await Promise.all(servers.map((s) => s.waitFor(/nodes: 2 3 4\n/, 3000)));
    expect(Date.now() - started).to.be.below(3000);
  });

  it('answer rpcs with their own host names, and re-raise a remote error at the caller', async () => {
    const ask = gsi('127.0.0.5', port, 'sesame', 'ask.scm');
    expect(await ask.exit(15_000)).to.equal(70);
    expect(ask.out).to.equal('("node-2" "node-3" "node-4")\n42\n(caught #t)\n');
    expect(ask.err).to.equal('*** ERROR IN "ask.scm"@21.1 -- Divide by zero\n(/ 1 0)\n');
  });

  it('time out at the caller, at the rpc form', async () => {
    const t = gsi('127.0.0.6', port, 'sesame', 'timeout.scm');
    const t0 = Date.now();
    expect(await t.exit(10_000)).to.equal(70);
    expect(Date.now() - t0).to.be.below(5000);
    expect(t.out).to.equal('quick\n');
    expect(t.err).to.match(/^\*\*\* ERROR IN "timeout.scm"@11\.1 -- rpc timeout: #<thread #\d+>\n$/);
  });

  it('teleport a thread with the talk\'s code: it goes on on the destination\'s screen', async () => {
    const t = gsi('127.0.0.9', port, 'sesame', 'teleport.scm');
    expect(await t.exit(10_000)).to.equal(0);
    expect(t.out).to.equal('(step 0 on vm)\n(step 1 on vm)\n(step 2 on vm)\n#t\n'.replace(/vm/g, hostName()));
    await servers[0]!.waitFor(/\(step 3 on node-2\)\n\(step 4 on node-2\)\n/, 3000);
  });

  it('show a remote error at the REPL as the talk does: the console location, the call form, a nested prompt', async () => {
    const child = spawn(process.execPath, [cliPath(), '--node', '--listen', '127.0.0.10', '--port', String(port), '--cookie', 'sesame', '-'], {
      cwd: NET, stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdin.end([
      '(let loop () (if (< (length (nodes)) 4) (begin (thread-sleep! .05) (loop))))',
      '(map (lambda (n) (rpc n (host-name))) (map (lambda (b) (table-ref ip2node (u8vector 127 0 0 b))) (list 2 3 4)))',
      '(rpc (table-ref ip2node (u8vector 127 0 0 4)) (host-name))',
      '(rpc (table-ref ip2node (u8vector 127 0 0 4)) (/ 1 0))',
      ',q',
      '',
    ].join('\n'));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).to.equal(0);
    expect(out).to.contain('("node-2" "node-3" "node-4")\n');
    expect(out).to.contain('"node-4"\n');
    expect(out).to.contain('*** ERROR IN (console)@4.1 -- Divide by zero\n(/ 1 0)\n1> ');
  });

  it('refuse a node with another cookie, which then knows only itself', async () => {
    const c = gsi('127.0.0.8', port, 'not-sesame', 'cookie.scm');
    expect(await c.exit(10_000)).to.equal(0);
    expect(c.out).to.equal('(#u8(127 0 0 8))\n');
    await servers[0]!.waitFor(/^gsi-ts: refused 127\.0\.0\.8:\d+: authentication failed \(wrong cookie\?\)$/m, 2000, true);
  });

  it('fail a pending rpc at once when its node is killed, and drop that node everywhere', async () => {
    const l = gsi('127.0.0.7', port, 'sesame', 'lost.scm');
    await l.waitFor(/calling\n/, 5000);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    servers[2]!.child.kill('SIGKILL');
    expect(await l.exit(5000)).to.equal(70);
    expect(Date.now() - t0).to.be.below(1000);
    expect(l.err).to.match(/^\*\*\* ERROR IN "lost.scm"@11\.1 -- rpc connection lost: #<thread #\d+>\n$/);
    await Promise.all(servers.slice(0, 2).map((s) => s.waitFor(/nodes: 2 3\n$/, 3000)));
  });
});

describe('#gsi-ts --node --discovery broadcast', function () {
  this.timeout(20_000);
  after(killAll);

  it('finds the other nodes by a broadcast to 127.255.255.255', async () => {
    const port = testPort();
    const ps = [2, 3, 4].map((b) => gsi(`127.0.0.${b}`, port, 'sesame', 'serve.scm', ['--discovery', 'broadcast']));
    await Promise.all(ps.map((s) => s.waitFor(/nodes: 2 3 4\n/, 3000)));
  });
});

describe('#gsi-ts (node options)', function () {
  this.timeout(20_000);
  after(killAll);

  it('makes --listen, --port and --cookie the defaults of a program\'s own (node-start!)', async () => {
    const port = testPort();
    const child = spawn(process.execPath, [cliPath(), '--listen', '127.0.0.2', '--port', String(port), '--cookie', 'x', '-e',
      "(write (list (nodes) (node-start! discovery: 'none) (node-port) (length (nodes))))"], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).to.equal(0);
    expect(out).to.equal(`(() #u8(127 0 0 2) ${port} 1)`);
  });

  it('refuses an invalid address or port', async () => {
    for (const args of [['--listen', 'localhost'], ['--port', '70000'], ['--discovery', 'carrier-pigeon']]) {
      const child = spawn(process.execPath, [cliPath(), ...args, '-e', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let err = '';
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code, args.join(' ')).to.equal(1);
      expect(err, args.join(' ')).to.match(/error: option '--(listen|port|discovery) <(addr|n|mode)>' argument '[^']+' is invalid/);
    }
  });
});
