// `gsi-ts --demo [file]` (and `npm run demo`): the teleport demo on one screen. Three child
// processes `gsi-ts --listen 127.0.0.N demos/teleport.scm` (N = 2, 3, 4) share one fresh random
// cookie (GSI_TS_COOKIE); each gets the height of its pane in GSI_TS_DEMO_ROWS (and its width
// in GSI_TS_DEMO_COLS), and GSI_TS_DEMO_SPEED passes through. Their output is interpreted
// as a terminal would show it (vscreen.ts) and drawn side by side in bordered panes titled
// with the node's address; the monitor runs in this process, as an observer on 127.0.0.5,
// and its table is drawn below; the panes follow the terminal's size. q or Ctrl-C quits and
// kills the children.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChildGroup } from './children.js';
import { startObserver, type ObserverOptions } from './observer.js';
import { emptyState } from './state.js';
import { makeStore } from './store.js';
import { loadKit, makeViews, type DemoState } from './view.js';

export interface DemoOptions extends Omit<ObserverOptions, 'onFail'> {
  /** The program the nodes run (default: demos/teleport.scm). */
  readonly file: string | null;
  /** The command that starts gsi-ts: [node, script]. */
  readonly self: readonly string[];
}

const NODES = [2, 3, 4];
const OBSERVER = '127.0.0.5';
/** Rows under the panes: the table's header, 3 nodes, the total, 3 log lines, the key line, one spare (ink redraws the whole screen when its output fills it). */
const MONITOR_ROWS = 10;

/** The panes' inner size for a terminal of rows x cols (3 border/title rows, 2 border columns). */
export function paneSize(rows: number, cols: number): { rows: number; cols: number } {
  return {
    rows: Math.max(8, rows - MONITOR_ROWS - 3),
    cols: Math.max(20, Math.floor(cols / NODES.length) - 2),
  };
}

export async function runDemo(opts: DemoOptions): Promise<void> {
  const file = path.resolve(opts.file ?? path.join(opts.root, 'demos', 'teleport.scm'));
  if (!fs.existsSync(file)) {
    process.stderr.write(`gsi-ts: --demo: no such file: ${file}\n`);
    process.exit(1);
  }
  const kit = await loadKit();
  const { React, ink } = kit;
  const views = makeViews(kit);
  const h = React.createElement;

  // Not on a terminal (a pipe, the tests): ink draws 80 columns.
  const terminalPanes = (): { rows: number; cols: number } => paneSize(process.stdout.rows ?? 30, process.stdout.columns ?? 80);
  const size = terminalPanes();
  const cookie = opts.cookie ?? crypto.randomBytes(16).toString('hex');
  const store = makeStore<DemoState>({ panes: [], monitor: emptyState(), paneCols: size.cols, paneRows: size.rows });
  // The nodes keep drawing for the size they were started with; on a resize the panes follow
  // the terminal (narrower or shorter panes clip the nodes' screens).
  const onResize = (): void => {
    const now = terminalPanes();
    store.update((s) => ({ ...s, paneCols: now.cols, paneRows: now.rows }));
  };
  process.stdout.on('resize', onResize);
  const refresh = (): void => store.update((s) => ({
    ...s,
    panes: group.children.map((c) => ({ title: c.title, lines: c.screen.lines() })),
  }));
  const group = new ChildGroup(refresh);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GSI_TS_COOKIE: cookie,
    GSI_TS_DEMO_ROWS: String(size.rows),
    GSI_TS_DEMO_COLS: String(size.cols),
  };
  const nodeArgs = [
    ...(opts.port !== undefined ? ['--port', String(opts.port)] : []),
    ...(opts.discovery !== undefined ? ['--discovery', opts.discovery] : []),
  ];
  for (const n of NODES) {
    const ip = `127.0.0.${n}`;
    group.start({
      title: ip,
      command: opts.self[0]!,
      args: [...opts.self.slice(1), '--listen', ip, ...nodeArgs, file],
      // One machine: give each node a host name of its own, so that a thread shows where it
      // was born (the talk's nodes were different machines).
      env: { ...env, GSI_TS_HOST_NAME: `node-${n}` },
      cwd: path.dirname(file),
      rows: size.rows,
      cols: size.cols,
    });
  }
  refresh();

  let app: { unmount(): void } | null = null;
  const observer = startObserver({
    ...opts,
    listen: opts.listen ?? OBSERVER,
    cookie,
    onFail: (report) => {
      app?.unmount();
      group.dispose();
      process.stderr.write(report);
      process.exit(70);
    },
  });
  observer.store.subscribe(() => store.update((s) => ({ ...s, monitor: observer.store.get() })));

  const interactive = process.stdin.isTTY === true;
  const inst = ink.render(
    h(views.Live<DemoState>, {
      store,
      view: (s: DemoState) => h(ink.Box, { flexDirection: 'column' },
        h(views.DemoView, { state: s }),
        h(views.Keys, { interactive, onQuit: () => inst.unmount() })),
    }),
    { exitOnCtrlC: true },
  );
  app = inst;
  await inst.waitUntilExit();
  process.stdout.off('resize', onResize);
  group.dispose();
  process.exit(0);
}
