// The talk's rpc session at the REPL (its slide "RPC examples"), typed with the talk's exact
// lines: test/net/rpc-session.in, expected transcript test/net/rpc-session.expected.
//
// Three gsi-ts processes on loopback, at the talk's addresses: two members running
// test/net/serve.scm on 127.0.0.102 and 127.0.0.103, then the REPL node on 127.0.0.100, which
// loads test/net/rpc-session.scm (it waits until it sees the three nodes) before `-` starts the
// REPL; the lines are fed on its stdin, a pipe, with --echo. Every process names its host
// "node-N" (they all run on one machine, so the real host names would be equal), which is how
// the test knows that `#4` is a remote node.
//
// Serial numbers: the talk shows `(nodes)` as `(#<thread #3> #<thread #4> #<thread #2>)`, its
// own node being #2 (it had been printed before) and listed last. In gsi-ts `(nodes)` lists
// the nodes in order of arrival, and the local node joins itself first, at start-up; as
// `(nodes)` is the first thing printed, it numbers them #2 (the local node), #3, #4 (the two
// members, in the order the sweep found them). So `#4`, typed as in the talk, is a member —
// the one found second, called <b> in the expected file (<a> is the other) — as in the talk,
// where #4 is the iPod. `table->list` shows the table in gsi-ts's order (the latest entry
// first), pretty-printed over three lines as gsi does for a result wider than 80 columns.
// The error's location is line 6 of the console here (19 in the talk, after 18 earlier lines).
//
// Every child is killed in the `after` hook; every wait is bounded.

import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { testPort } from './net-harness.js';

const NET = path.join(repoRoot(), 'test', 'net');
const ENV = { ...process.env, GSI_TS_HISTORY: '' };

interface Child {
  readonly child: ChildProcess;
  out: string;
}

describe('the talk\'s rpc session at the REPL (three gsi-ts --node processes)', function () {
  this.timeout(40_000);
  const port = testPort();
  const children: Child[] = [];

  function start(ip: string, args: string[], stdin: 'ignore' | 'pipe'): Child {
    const child = spawn(process.execPath, [cliPath(), '--node', '--listen', ip, '--port', String(port), '--cookie', 'sesame', ...args], {
      cwd: NET, env: ENV, stdio: [stdin, 'pipe', 'pipe'],
    });
    const c: Child = { child, out: '' };
    child.stdout!.on('data', (d: Buffer) => { c.out += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { c.out += d.toString(); });
    children.push(c);
    return c;
  }

  function waitFor(c: Child, re: RegExp, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { clearInterval(poll); reject(new Error(`no ${re} within ${ms} ms; output: ${c.out}`)); }, ms);
      const poll = setInterval(() => {
        if (re.test(c.out)) { clearTimeout(timer); clearInterval(poll); resolve(); }
      }, 20);
    });
  }

  after(function () {
    for (const { child } of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('shows the nodes, ip2node, their host names, and a remote error as the talk does', async function () {
    const members = ['127.0.0.102', '127.0.0.103'].map((ip) => start(ip, ['serve.scm'], 'ignore'));
    await Promise.all(members.map((m) => waitFor(m, /nodes: 102 103\n/, 5000)));

    const repl = start('127.0.0.100', ['--echo', 'rpc-session.scm', '-'], 'pipe');
    repl.child.stdin!.end(readFileSync(path.join(NET, 'rpc-session.in'), 'utf8'));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the REPL did not exit; output:\n${repl.out}`)), 20_000);
      repl.child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
    });

    // <b>: the member the REPL numbered #4; <a>: the other one.
    const m = /^\(\(#u8\(127 0 0 (10[23])\) \. #<thread #4>\)$/m.exec(repl.out);
    expect(m, `#4 is one of the members in:\n${repl.out}`).to.not.equal(null);
    const b = m![1]!;
    const a = b === '102' ? '103' : '102';
    const want = readFileSync(path.join(NET, 'rpc-session.expected'), 'utf8').replace(/<a>/g, a).replace(/<b>/g, b);
    const trim = (s: string): string => s.split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '\n');
    expect(trim(repl.out)).to.equal(trim(want));
    expect(code).to.equal(0);
  });
});
