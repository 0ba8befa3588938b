// `gsi-ts --monitor-once` and `gsi-ts --demo` as real processes, with the stand-in demo program
// test/demo/standin.scm (draws with ANSI cursor positioning, moves the counters) on 127.0.0.2-4:
// the monitor finds the nodes and prints their rows and the total; the demo draws the three
// screens and the table, and leaves no node running once it is stopped. Children are killed in
// the after hooks; every wait is bounded.

import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { testPort } from './net-harness.js';

const STANDIN = path.join(repoRoot(), 'test', 'demo', 'standin.scm');
const children: ChildProcess[] = [];

interface Proc {
  readonly child: ChildProcess;
  out: string;
  waitFor(re: RegExp, ms: number): Promise<void>;
  exit(ms: number): Promise<number | null>;
}

function gsi(args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, [cliPath(), ...args], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const p: Proc = {
    child,
    out: '',
    waitFor: (re, ms) => new Promise((resolve, reject) => {
      if (re.test(p.out)) { resolve(); return; }
      const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms; output: ${p.out.slice(-2000)}`)), ms);
      child.stdout!.on('data', () => { if (re.test(p.out)) { clearTimeout(timer); resolve(); } });
    }),
    exit: (ms) => new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) { resolve(child.exitCode); return; }
      const timer = setTimeout(() => reject(new Error(`still running after ${ms} ms; output: ${p.out.slice(-2000)}`)), ms);
      child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    }),
  };
  child.stdout!.on('data', (d: Buffer) => { p.out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { p.out += d.toString(); });
  return p;
}

function killAll(): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Does something accept TCP connections at ip:port? */
function listening(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: ip, port, localAddress: '127.0.0.1' });
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
    s.on('connect', () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

describe('#gsi-ts --monitor-once', function () {
  this.timeout(40_000);
  after(killAll);

  it('finds the nodes by the sweep and prints a row for each, and the cluster total', async () => {
    const port = testPort();
    const env = { GSI_TS_COOKIE: 'sesame', GSI_TS_DEMO_ROWS: '6' };
    const nodes = ['127.0.0.2', '127.0.0.3'].map((ip) => gsi(['--listen', ip, '--port', String(port), STANDIN], env));
    await Promise.all(nodes.map((n) => n.waitFor(/nodes: 2/, 15_000)));
    const mon = gsi(['--monitor-once', '--listen', '127.0.0.5', '--port', String(port), '--cookie', 'sesame']);
    expect(await mon.exit(30_000)).to.equal(0);
    const lines = mon.out.split('\n');
    expect(lines[0]).to.match(/^node +host +balls +threads +in\/s +out\/s +rpc ms +heap MB$/);
    expect(lines[1]).to.match(/^127\.0\.0\.2 +\S+ +2 +\d+ +\d+\.\d +\d+\.\d +\d+\.\d +\d+\.\d$/);
    expect(lines[2]).to.match(/^127\.0\.0\.3 +\S+ +2 +\d+ +\d+\.\d +\d+\.\d +\d+\.\d +\d+\.\d$/);
    expect(lines[3]).to.match(/^cluster: 2 nodes up, 4 balls, \d+\.\d teleports\/s$/);
    // The full nodes list each other, not the observer (the stand-in shows its (nodes) count).
    for (const n of nodes) expect(n.out).to.match(/nodes: 2$/);
  });
});

describe('#gsi-ts --demo', function () {
  this.timeout(40_000);
  after(killAll);

  it('draws the three nodes\' screens and the monitor, and kills the nodes when stopped', async () => {
    const port = testPort();
    // CI=1 as on the CI machine: ink would draw only the last frame there (see loadKit).
    const demo = gsi(['--demo', STANDIN, '--port', String(port)], { CI: '1' });
    await demo.waitFor(/cluster: 3 nodes up, 6 balls/, 30_000);
    for (const ip of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) {
      expect(demo.out).to.include(`│${ip}`);
      expect(demo.out).to.include(`│standin node-${ip.slice(-1)} tick`);
    }
    expect(await listening('127.0.0.2', port)).to.equal(true);
    demo.child.kill('SIGTERM');
    await demo.exit(10_000);
    for (const ip of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']) {
      expect(await listening(ip, port), `${ip}:${port} still listening`).to.equal(false);
    }
  });

  it('leaves no node running when it is killed with SIGKILL (the nodes see their channel to it close)', async () => {
    const port = testPort();
    // Silent nodes (after 2 ticks): a write to the dead demo's pipe would end them anyway.
    const demo = gsi(['--demo', STANDIN, '--port', String(port)], { GSI_TS_STANDIN_TICKS: '2' });
    await demo.waitFor(/cluster: 3 nodes up, 6 balls/, 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await listening('127.0.0.3', port)).to.equal(true);
    demo.child.kill('SIGKILL');
    await demo.exit(10_000);
    const ips = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
    const deadline = Date.now() + 10_000;
    let up = ips;
    while (up.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const still = await Promise.all(up.map((ip) => listening(ip, port)));
      up = up.filter((_, i) => still[i]);
    }
    expect(up, 'nodes still listening 10 s after the demo was killed').to.deep.equal([]);
  });

  it('a node started with an IPC channel and GSI_TS_EXIT_WITH_PARENT=1 ends when its parent is killed', async () => {
    // The parent: a Node process that starts a silent, sleeping gsi-ts (no pipe to break) with
    // the channel, as --demo does, prints the child's pid, and waits.
    const parentJs = `
      const { spawn } = require('node:child_process');
      const c = spawn(process.execPath, [${JSON.stringify(cliPath())}, '-e', '(thread-sleep! 60)'], {
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: { ...process.env, GSI_TS_EXIT_WITH_PARENT: '1' } });
      console.log('child ' + c.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentJs], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(parent);
    const pid = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the parent did not start its child')), 10_000);
      parent.stdout!.on('data', (d: Buffer) => {
        const m = /child (\d+)/.exec(d.toString());
        if (m !== null) { clearTimeout(timer); resolve(Number(m[1])); }
      });
    });
    const alive = (): boolean => { try { process.kill(pid, 0); return true; } catch { return false; } };
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(alive(), 'the child runs while its parent does').to.equal(true);
      parent.kill('SIGKILL');
      const deadline = Date.now() + 5000;
      while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive(), 'the child still runs 5 s after its parent was killed').to.equal(false);
    } finally {
      if (alive()) process.kill(pid, 'SIGKILL');
    }
  });

  it('says so when the demo program is missing', async () => {
    const demo = gsi(['--demo', 'no-such-demo.scm']);
    expect(await demo.exit(10_000)).to.equal(1);
    expect(demo.out).to.match(/gsi-ts: --demo: no such file: .*no-such-demo\.scm\n/);
  });
});
