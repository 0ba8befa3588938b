// The demo's node processes: each child's stdout and stderr feed its own virtual screen
// (vscreen.ts). Children never outlive the demo: they are killed when it quits, when it exits
// for any reason (the 'exit' hook runs even after an uncaught exception), and on SIGINT,
// SIGTERM and SIGHUP; killed with SIGKILL, it cannot kill them, but they see their IPC channel
// to it close and exit.

import { spawn, type ChildProcess } from 'node:child_process';
import { VScreen } from './vscreen.js';

export interface ChildSpec {
  readonly title: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly rows: number;
  readonly cols: number;
}

export interface Child {
  readonly title: string;
  readonly screen: VScreen;
  readonly proc: ChildProcess;
}

export class ChildGroup {
  readonly children: Child[] = [];
  private readonly onExit = (): void => this.killAll();
  private readonly onSignal = (sig: NodeJS.Signals): void => {
    this.killAll();
    process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143);
  };

  /** `changed` runs after any child wrote something or ended. */
  constructor(private readonly changed: () => void) {
    process.on('exit', this.onExit);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, this.onSignal);
  }

  start(spec: ChildSpec): Child {
    // The IPC channel is only there to close when this process dies, however it dies: the
    // child then exits (cli/main.ts exitWithParent). Nothing is sent on it.
    const proc = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env, GSI_TS_EXIT_WITH_PARENT: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    proc.channel?.unref();
    const screen = new VScreen(spec.rows, spec.cols);
    const child: Child = { title: spec.title, screen, proc };
    const feed = (d: string): void => { screen.write(d); this.changed(); };
    proc.stdout!.setEncoding('utf8');
    proc.stderr!.setEncoding('utf8');
    proc.stdout!.on('data', feed);
    proc.stderr!.on('data', feed);
    proc.on('error', (e) => { screen.write(`\n[${e.message}]`); this.changed(); });
    proc.on('exit', (code, signal) => {
      screen.write(`\n[exited: ${signal ?? `status ${code}`}]`);
      this.changed();
    });
    this.children.push(child);
    return child;
  }

  /** Kill every child still running (synchronous: usable from the 'exit' hook). */
  killAll(): void {
    for (const c of this.children) {
      if (c.proc.exitCode === null && c.proc.signalCode === null) {
        try { c.proc.kill('SIGKILL'); } catch { /* already gone */ }
      }
    }
  }

  /** Kill the children and forget the process hooks. */
  dispose(): void {
    this.killAll();
    process.off('exit', this.onExit);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(sig, this.onSignal);
  }
}
