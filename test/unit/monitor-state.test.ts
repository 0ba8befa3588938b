// The live view's model (cli/monitor/state.ts): rows from rounds of samples, rates from
// counter deltas over the nodes' uptime, totals, nodes going down.

import { expect } from 'chai';
import { addLog, addSamples, compareAddresses, emptyState, type NodeSample, type StatValue } from '../../cli/monitor/state.js';

function up(address: string, stats: Record<string, StatValue>, latencyMs = 2): NodeSample {
  return { address, stats: new Map(Object.entries({ host: `h${address.slice(-1)}`, ...stats })), latencyMs };
}

describe('#addSamples', () => {
  it('makes one row per node, sorted by address, rates unknown on the first round', () => {
    const s = addSamples(emptyState(), [
      up('127.0.0.10', { balls: 1, threads: 4, heap: 2 * 1024 * 1024, uptime: 1 }),
      up('127.0.0.9', { balls: 2, threads: 5, uptime: 1 }),
    ]);
    expect(s.rows.map((r) => r.address)).to.deep.equal(['127.0.0.9', '127.0.0.10']);
    expect(s.rows[1]).to.deep.include({ host: 'h0', up: true, balls: 1, threads: 4, heapMB: 2, inPerSec: null, outPerSec: null, latencyMs: 2 });
    expect(s.totals).to.deep.equal({ nodesUp: 2, balls: 3, teleportsPerSec: 0 });
    expect(s.rounds).to.equal(1);
  });

  it('computes teleports per second in and out from the hop counters over the node\'s uptime', () => {
    let s = addSamples(emptyState(), [up('127.0.0.2', { 'hop-in': 10, 'hop-out': 4, uptime: 5 }), up('127.0.0.3', { 'hop-in': 0, uptime: 5 })]);
    s = addSamples(s, [up('127.0.0.2', { 'hop-in': 16, 'hop-out': 5, uptime: 7 }), up('127.0.0.3', { 'hop-in': 3, uptime: 6 })]);
    expect(s.rows[0]).to.deep.include({ inPerSec: 3, outPerSec: 0.5 });
    expect(s.rows[1]).to.deep.include({ inPerSec: 3, outPerSec: 0 });
    expect(s.totals.teleportsPerSec).to.equal(6);
  });

  it('starts the rates afresh when a node restarted (its uptime went back)', () => {
    let s = addSamples(emptyState(), [up('127.0.0.2', { 'hop-in': 10, uptime: 50 })]);
    s = addSamples(s, [up('127.0.0.2', { 'hop-in': 1, uptime: 1 })]);
    expect(s.rows[0]!.inPerSec).to.equal(null);
  });

  it('marks a node down when its call failed, or when it left; it keeps its host and leaves the totals', () => {
    let s = addSamples(emptyState(), [up('127.0.0.2', { balls: 1, uptime: 1 }), up('127.0.0.3', { balls: 2, uptime: 1 })]);
    s = addSamples(s, [{ address: '127.0.0.2', stats: null, latencyMs: null }]);
    expect(s.rows.map((r) => [r.address, r.host, r.up, r.balls])).to.deep.equal([['127.0.0.2', 'h2', false, null], ['127.0.0.3', 'h3', false, null]]);
    expect(s.totals).to.deep.equal({ nodesUp: 0, balls: 0, teleportsPerSec: 0 });
  });
});

describe('#addLog', () => {
  it('keeps the last three lines', () => {
    let s = emptyState();
    for (const l of ['a', 'b', 'c', 'd']) s = addLog(s, l);
    expect(s.log).to.deep.equal(['b', 'c', 'd']);
  });
});

describe('#compareAddresses', () => {
  it('orders IPv4 addresses by number, not by text', () => {
    expect(['127.0.0.10', '127.0.0.9', '10.0.0.1'].sort(compareAddresses)).to.deep.equal(['10.0.0.1', '127.0.0.9', '127.0.0.10']);
  });
});
