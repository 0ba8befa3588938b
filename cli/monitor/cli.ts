// The command-line side of the live view: `--monitor`, `--monitor-once`, `--demo [file]`. They
// take the node options of net/cli.ts (--listen --port --cookie --discovery). The modules that
// do the work, and ink and react with them, are imported only when one of these is given, so
// that they cost the REPL's start-up nothing.

import type { Command } from 'commander';
import type { NodeCliOptions } from '../../net/cli.js';

export interface LiveCliOptions extends NodeCliOptions {
  monitor?: boolean;
  monitorOnce?: boolean;
  /** true: demos/teleport.scm; a string: that program instead. */
  demo?: string | boolean;
}

export function addLiveOptions(program: Command): Command {
  return program
    .option('--monitor', 'join the cluster as an observer and show its nodes live (q quits)')
    .option('--monitor-once', 'like --monitor, but print the table once as text and exit')
    .option('--demo [file]', 'run the teleport demo: three nodes on 127.0.0.2-4 side by side, and the monitor (q quits)');
}

export interface LiveContext {
  /** The package root (scheme-lib/, demos/ are under it). */
  readonly root: string;
  readonly preludes: () => Array<[string, string]>;
  /** This command, to start the demo's nodes with: [node, script]. */
  readonly self: readonly string[];
}

function failed(e: unknown): void {
  process.stderr.write(`gsi-ts: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(70);
}

/** Run the live view the options ask for; false if they ask for none. */
export function runLive(opts: LiveCliOptions, ctx: LiveContext): boolean {
  if (opts.demo !== undefined && opts.demo !== false) {
    import('./demo.js')
      .then((m) => m.runDemo({ ...opts, file: typeof opts.demo === 'string' ? opts.demo : null, root: ctx.root, preludes: ctx.preludes(), self: ctx.self }))
      .catch(failed);
    return true;
  }
  if (opts.monitor === true || opts.monitorOnce === true) {
    import('./monitor.js')
      .then((m) => m.runMonitor({ ...opts, once: opts.monitorOnce === true, root: ctx.root, preludes: ctx.preludes() }))
      .catch(failed);
    return true;
  }
  return false;
}
