// The teleport demo end to end: three `gsi-ts demos/teleport.scm` processes on 127.0.0.2, .3
// and .4 find each other with the talk's sweep and exchange bouncing threads for ~30 s (every
// sleep 10 times shorter, 12 threads spawned per node). From the JSON traces (GSI_TS_TRACE) the
// test checks that threads teleported in every direction between the three nodes, that every
// thread lived exactly 100 steps across its hops, that every hop-out has its hop-in, and that
// no thread was lost or duplicated: once all have died, births = deaths.

import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkTrace, parseTrace, type TraceEvent } from '../../bench/teleport-trace.js';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { testPort, until } from './net-harness.js';

const NODES = ['127.0.0.2', '127.0.0.3', '127.0.0.4'];
const SPAWNS = 12;

describe('#the teleport demo on three processes (127.0.0.2-4)', function () {
  this.timeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsi-ts-teleport-'));
  const traceFile = path.join(dir, 'trace.jsonl');
  const children: ChildProcess[] = [];
  const errors: string[] = [];
  const events = (): TraceEvent[] => (fs.existsSync(traceFile) ? parseTrace(fs.readFileSync(traceFile, 'utf8')) : []);

  after(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exchanges threads between every pair of nodes and loses or duplicates none', async () => {
    const port = testPort();
    const env = {
      ...process.env,
      GSI_TS_COOKIE: randomBytes(8).toString('hex'),
      GSI_TS_DEMO_SPEED: '10',
      GSI_TS_DEMO_SPAWNS: String(SPAWNS),
      GSI_TS_TRACE: traceFile,
    };
    for (const ip of NODES) {
      const child = spawn(process.execPath, [cliPath(), '--listen', ip, '--port', String(port), path.join(repoRoot(), 'demos', 'teleport.scm')], {
        env, stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr!.on('data', (d: Buffer) => { errors.push(`${ip}: ${d.toString()}`); });
      children.push(child);
    }
    // Every node spawns SPAWNS threads, one every 2 s; each lives 100 steps of 20-40 ms.
    const births = NODES.length * SPAWNS;
    const done = await until(() => events().filter((e) => e.event === 'death').length >= births, 75_000);
    await new Promise((r) => setTimeout(r, 300)); // let a duplicate, if any, show itself
    for (const c of children) expect(c.exitCode, 'a node ended early').to.equal(null);
    expect(errors.join('')).to.equal('');
    const report = checkTrace(events());
    expect(done, `deaths: ${report.deaths} of ${births}`).to.equal(true);
    expect(report.problems).to.deep.equal([]);
    expect(report.births).to.equal(births);
    expect(report.deaths).to.equal(births);
    expect(report.alive).to.equal(0);
    for (const from of NODES) {
      for (const to of NODES) {
        if (from !== to) expect(report.pairs.get(`${from}>${to}`) ?? 0, `teleports ${from} -> ${to}`).to.be.above(0);
      }
    }
    expect(report.hops).to.be.above(births); // every thread bounces 4-5 times in 100 steps
  });
});

describe('checkTrace', function () {
  const ev = (node: string, event: TraceEvent['event'], thread: string, ttl: number): TraceEvent => ({ t: 0, node, event, thread, ttl });
  const A = '127.0.0.2', B = '127.0.0.3';

  it('accepts a thread born on A, teleported to B, dead on B', () => {
    const r = checkTrace([ev(A, 'spawn', `${A}/1`, 100), ev(B, 'hop-in', `${A}/1`, 80), ev(A, 'hop-out', `${A}/1`, 80), ev(B, 'death', `${A}/1`, 0)]);
    expect(r.problems).to.deep.equal([]);
    expect([r.births, r.deaths, r.alive, r.hops]).to.deep.equal([1, 1, 0, 1]);
    expect(r.pairs.get(`${A}>${B}`)).to.equal(1);
  });

  it('reports a lost hop, a duplicated thread and a wrong life length', () => {
    const lost = checkTrace([ev(A, 'spawn', `${A}/1`, 100), ev(A, 'hop-out', `${A}/1`, 80)]);
    expect(lost.problems).to.deep.equal([`${A}/1: 1 hop-outs but 0 hop-ins`]);
    const dup = checkTrace([ev(A, 'spawn', `${A}/1`, 100), ev(A, 'death', `${A}/1`, 0), ev(B, 'death', `${A}/1`, 0)]);
    expect(dup.problems.join()).to.contain('died 2 times');
    const short = checkTrace([ev(A, 'spawn', `${A}/1`, 100), ev(A, 'death', `${A}/1`, 3)]);
    expect(short.problems).to.deep.equal([`${A}/1: died with ttl 3`]);
  });

  it('refuses a malformed trace line', () => {
    expect(() => parseTrace('{"t": 1, "node": "a", "event": "jump", "thread": "x", "ttl": 1}\n')).to.throw(/not an event/);
  });
});
