// The live view's ink components: pure functions of a state object. ink and react are loaded
// lazily (loadKit), only by --monitor and --demo, so they cost the REPL nothing at start-up;
// that is why the components are made from a Kit rather than imported at module level.
//
//   MonitorTable  one row per node, a cluster total line, the network's last log lines
//   DemoView      the demo's node screens side by side (bordered, titled), the table below
//   Live          re-renders a view whenever a Store changes
//   Keys          q quits

import type * as InkModule from 'ink';
import type * as ReactModule from 'react';
import type { MonitorState, NodeRow } from './state.js';
import type { Store } from './store.js';

export interface Kit {
  readonly ink: typeof InkModule;
  readonly React: typeof ReactModule;
}

/**
 * ink reads CI / CONTINUOUS_INTEGRATION once, when it is first imported, and in "CI mode" draws
 * only the last frame when the app ends: a live view would show nothing while it runs. The view
 * is live by request (--monitor-once is the one-shot form), so those variables are hidden from
 * ink while it loads, then put back.
 */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;

export async function loadKit(): Promise<Kit> {
  const saved = CI_VARIABLES.map((k) => [k, process.env[k]] as const);
  for (const [k] of saved) delete process.env[k];
  try {
    const [ink, React] = await Promise.all([import('ink'), import('react')]);
    return { ink, React };
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}

/** One node's screen in the demo: its lines, already clipped to the pane's size. */
export interface Pane {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface DemoState {
  readonly panes: readonly Pane[];
  readonly monitor: MonitorState;
  /** The panes' inner size (follows the terminal's: a pane shows at most paneRows lines). */
  readonly paneCols: number;
  readonly paneRows: number;
}

// ---------------------------------------------------------------------------------------------
// Text of the table (pure; also what the tests read)

const COLUMNS: ReadonlyArray<readonly [title: string, width: number, left: boolean]> = [
  ['node', 15, true], ['host', 12, true], ['balls', 6, false], ['threads', 8, false],
  ['in/s', 6, false], ['out/s', 6, false], ['rpc ms', 8, false], ['heap MB', 8, false],
];

function fit(text: string, width: number, left: boolean): string {
  const t = text.length > width ? text.slice(0, width) : text;
  return left ? t.padEnd(width) : t.padStart(width);
}

function line(cells: readonly string[]): string {
  return COLUMNS.map(([, w, left], i) => fit(cells[i] ?? '', w, left)).join(' ').trimEnd();
}

function fixed(v: number | null, digits: number): string {
  return v === null ? '-' : v.toFixed(digits);
}

export function headerLine(): string {
  return line(COLUMNS.map(([t]) => t));
}

export function rowLine(r: NodeRow): string {
  if (!r.up) return line([r.address, r.host, 'down']);
  return line([
    r.address, r.host, String(r.balls ?? '-'), String(r.threads ?? '-'),
    fixed(r.inPerSec, 1), fixed(r.outPerSec, 1), fixed(r.latencyMs, 1), fixed(r.heapMB, 1),
  ]);
}

export function totalLine(s: MonitorState): string {
  const t = s.totals;
  const down = s.rows.length - t.nodesUp;
  return `cluster: ${t.nodesUp} node${t.nodesUp === 1 ? '' : 's'} up${down > 0 ? `, ${down} down` : ''}, `
    + `${t.balls} ball${t.balls === 1 ? '' : 's'}, ${t.teleportsPerSec.toFixed(1)} teleports/s`;
}

// ---------------------------------------------------------------------------------------------
// Components

export interface Views {
  MonitorTable(props: { state: MonitorState }): ReactModule.ReactElement;
  DemoView(props: { state: DemoState }): ReactModule.ReactElement;
  Live<S>(props: { store: Store<S>; view: (s: S) => ReactModule.ReactElement }): ReactModule.ReactElement;
  /** Calls onQuit on `q` (only on a terminal: ink reads keys in raw mode). Renders nothing. */
  Keys(props: { interactive: boolean; onQuit: () => void }): null;
}

export function makeViews({ ink, React }: Kit): Views {
  const h = React.createElement;
  const { Box, Text } = ink;

  function MonitorTable({ state }: { state: MonitorState }): ReactModule.ReactElement {
    const waiting = state.rounds === 0 ? 'looking for nodes...' : state.rows.length === 0 ? 'no nodes yet' : null;
    return h(Box, { flexDirection: 'column' },
      h(Text, { bold: true, wrap: 'truncate' }, headerLine()),
      ...state.rows.map((r) => h(Text, { key: r.address, color: r.up ? undefined : 'red', wrap: 'truncate' }, rowLine(r))),
      waiting === null ? null : h(Text, { dimColor: true }, waiting),
      h(Text, { bold: true, wrap: 'truncate' }, totalLine(state)),
      ...state.log.map((l, i) => h(Text, { key: `log${i}`, dimColor: true, wrap: 'truncate' }, l)));
  }

  function DemoView({ state }: { state: DemoState }): ReactModule.ReactElement {
    return h(Box, { flexDirection: 'column' },
      h(Box, { flexDirection: 'row' },
        ...state.panes.map((p) => h(Box, { key: p.title, flexDirection: 'column', borderStyle: 'round', width: state.paneCols + 2 },
          h(Text, { bold: true, color: 'cyan', wrap: 'truncate' }, p.title),
          ...p.lines.slice(0, state.paneRows).map((l, i) => h(Text, { key: i, wrap: 'truncate' }, l === '' ? ' ' : l))))),
      h(MonitorTable, { state: state.monitor }),
      h(Text, { dimColor: true }, 'q: quit'));
  }

  function Live<S>({ store, view }: { store: Store<S>; view: (s: S) => ReactModule.ReactElement }): ReactModule.ReactElement {
    const s = React.useSyncExternalStore(store.subscribe, store.get);
    return view(s);
  }

  function Keys({ interactive, onQuit }: { interactive: boolean; onQuit: () => void }): null {
    ink.useInput((input) => { if (input === 'q') onQuit(); }, { isActive: interactive });
    return null;
  }

  return { MonitorTable, DemoView, Live, Keys };
}
