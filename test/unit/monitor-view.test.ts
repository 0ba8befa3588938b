// The live view's ink components (cli/monitor/view.ts), rendered by ink-testing-library from
// sample states: the table's rows, the cluster total, a node down, the demo's panes.

import { expect } from 'chai';
import { render } from 'ink-testing-library';
import { addSamples, emptyState, type MonitorState, type NodeSample } from '../../cli/monitor/state.js';
import { headerLine, loadKit, makeViews, rowLine, type Kit, type Views } from '../../cli/monitor/view.js';

/** The frame's text without colours (in case FORCE_COLOR is set). */
function frame(f: string | undefined): string {
  return (f ?? '').replace(/\x1b\[[0-9;]*m/g, '');
}

function sample(address: string, balls: number, hopIn: number, uptime: number): NodeSample {
  return {
    address,
    stats: new Map<string, string | number>([['host', `host${address.slice(-1)}`], ['threads', 7], ['heap', 3 * 1048576], ['uptime', uptime], ['balls', balls], ['hop-in', hopIn], ['hop-out', hopIn]]),
    latencyMs: 1.25,
  };
}

/** Two rounds: .2 and .3 answer both, .4 answers the first and then fails. */
function cluster(): MonitorState {
  const s = addSamples(emptyState(), [sample('127.0.0.2', 3, 0, 10), sample('127.0.0.3', 1, 0, 10), sample('127.0.0.4', 2, 0, 10)]);
  return addSamples(s, [sample('127.0.0.2', 4, 8, 12), sample('127.0.0.3', 1, 2, 12), { address: '127.0.0.4', stats: null, latencyMs: null }]);
}

describe('#MonitorTable', () => {
  let kit: Kit, views: Views;
  before(async () => {
    kit = await loadKit();
    views = makeViews(kit);
  });

  it('shows a header, one row per node, a down node, and the cluster total', () => {
    const { lastFrame, unmount } = render(kit.React.createElement(views.MonitorTable, { state: cluster() }));
    const lines = frame(lastFrame()).split('\n');
    unmount();
    expect(lines).to.deep.equal([
      'node            host          balls  threads   in/s  out/s   rpc ms  heap MB',
      '127.0.0.2       host2             4        7    4.0    4.0      1.3      3.0',
      '127.0.0.3       host3             1        7    1.0    1.0      1.3      3.0',
      '127.0.0.4       host4          down',
      'cluster: 2 nodes up, 1 down, 5 balls, 5.0 teleports/s',
    ]);
  });

  it('says it is looking for nodes before the first round', () => {
    const { lastFrame, unmount } = render(kit.React.createElement(views.MonitorTable, { state: emptyState() }));
    const text = frame(lastFrame());
    unmount();
    expect(text).to.include('looking for nodes...');
    expect(text).to.include('cluster: 0 nodes up, 0 balls, 0.0 teleports/s');
  });

  it('draws the demo\'s panes side by side, titled with the addresses, above the table', () => {
    const state = {
      panes: [{ title: '127.0.0.2', lines: ['ball-1 5', ''] }, { title: '127.0.0.3', lines: ['', 'ball-2 9'] }],
      monitor: cluster(),
      paneCols: 12,
      paneRows: 2,
    };
    const { lastFrame, unmount } = render(kit.React.createElement(views.DemoView, { state }));
    const lines = frame(lastFrame()).split('\n');
    unmount();
    expect(lines.slice(0, 5)).to.deep.equal([
      '╭────────────╮╭────────────╮',
      '│127.0.0.2   ││127.0.0.3   │',
      '│ball-1 5    ││            │',
      '│            ││ball-2 9    │',
      '╰────────────╯╰────────────╯',
    ]);
    expect(lines[5]).to.equal(headerLine());
    expect(lines).to.include('cluster: 2 nodes up, 1 down, 5 balls, 5.0 teleports/s');
  });

  it('fits the panes to a smaller terminal: narrower (ink marks a cut line with …), and clipped to paneRows lines', () => {
    const state = {
      panes: [{ title: '127.0.0.2', lines: ['ball-1 at column 5', 'second', 'third'] }, { title: '127.0.0.3', lines: ['', 'ball-2 9', 'x'] }],
      monitor: cluster(),
      paneCols: 8,
      paneRows: 2,
    };
    const { lastFrame, unmount } = render(kit.React.createElement(views.DemoView, { state }));
    const lines = frame(lastFrame()).split('\n');
    unmount();
    expect(lines.slice(0, 5)).to.deep.equal([
      '╭────────╮╭────────╮',
      '│127.0.0…││127.0.0…│',
      '│ball-1 …││        │',
      '│second  ││ball-2 9│',
      '╰────────╯╰────────╯',
    ]);
  });
});

describe('#rowLine', () => {
  it('shows unknown values as -', () => {
    const s = addSamples(emptyState(), [{ address: '127.0.0.2', stats: new Map([['host', 'h']]), latencyMs: null }]);
    expect(rowLine(s.rows[0]!)).to.equal('127.0.0.2       h                 0        -      -      -        -        -');
  });
});
