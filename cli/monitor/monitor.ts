// `gsi-ts --monitor`: join the cluster as an observer and show a live table of its nodes with
// ink (q or Ctrl-C quits). `--monitor-once`: the same collection, but print the table once as
// plain text, when two rounds have answered (so rates are known) or after `onceWaitMs`, and
// exit: for scripts and the tests.

import { startObserver, type ObserverOptions } from './observer.js';
import type { MonitorState } from './state.js';
import { loadKit, makeViews } from './view.js';

export interface MonitorOptions extends Omit<ObserverOptions, 'onFail'> {
  readonly once?: boolean;
  /** --monitor-once prints after this long even if no node has answered twice (default 15 s). */
  readonly onceWaitMs?: number;
}

/** Has every node been seen twice (its rates are known)? */
function settled(s: MonitorState, roundsWithNodes: number): boolean {
  return roundsWithNodes >= 2 && s.rows.every((r) => !r.up || r.inPerSec !== null);
}

export async function runMonitor(opts: MonitorOptions): Promise<void> {
  const kit = await loadKit();
  const { React, ink } = kit;
  const views = makeViews(kit);
  const h = React.createElement;
  const fail = (report: string): never => {
    process.stderr.write(report);
    process.exit(70);
  };
  const { store } = startObserver({ ...opts, onFail: fail });

  if (opts.once === true) {
    let roundsWithNodes = 0, lastRound = 0;
    const print = (): void => {
      const text = ink.renderToString(h(views.MonitorTable, { state: store.get() }), { columns: 100 });
      process.stdout.write(`${text}\n`, () => process.exit(0));
    };
    const timer = setTimeout(print, opts.onceWaitMs ?? 15_000);
    store.subscribe(() => {
      const s = store.get();
      if (s.rounds === lastRound) return;
      lastRound = s.rounds;
      if (s.rows.some((r) => r.up)) roundsWithNodes++;
      if (settled(s, roundsWithNodes)) { clearTimeout(timer); print(); }
    });
    return;
  }

  const interactive = process.stdin.isTTY === true;
  const app = ink.render(
    h(views.Live<MonitorState>, {
      store,
      view: (s: MonitorState) => h(ink.Box, { flexDirection: 'column' },
        h(views.MonitorTable, { state: s }),
        h(views.Keys, { interactive, onQuit: () => app.unmount() }),
        h(ink.Text, { dimColor: true }, interactive ? 'q: quit' : 'Ctrl-C: quit')),
    }),
    { exitOnCtrlC: true },
  );
  await app.waitUntilExit();
  process.exit(0);
}
