#!/usr/bin/env node
// gsi-ts: run Scheme files (`gsi-ts a.scm b.scm`), evaluate expressions (`-e`), or start the REPL.

import { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHost } from './node-host.js';
import { readPreludes } from './preludes.js';
import { installConsole } from './console-io.js';
import { createVm, readForms, SchemeFailure } from '../interpreter/setup.js';
import { compileForms } from '../interpreter/control-prims.js';
import { Mode } from '../interpreter/machine.js';
import { FOp, type Frame } from '../interpreter/frames.js';
import { errorReport } from '../runtime/error-text.js';
import { Scheduler } from '../runtime/scheduler.js';
import { flushConsole } from '../runtime/ports.js';
import { MString, VOID, type Value } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import type { Src } from '../interpreter/nodes.js';
import { addNodeOptions, installNetFromCli, nodeStartFrame, type NodeCliOptions } from '../net/cli.js';
import { addLiveOptions, runLive, type LiveCliOptions } from './monitor/cli.js';

/** The package root: the nearest folder above this file with a package.json (dist/ or bundle). */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
const packageRoot = findRoot();
const VERSION = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The Scheme preludes, in load order. */
export function preludes(): Array<[string, string]> {
  return readPreludes(packageRoot);
}

/** Report an uncaught error as gsi does and end the process with status 70. */
function fail(vm: Vm, value: Value, src: Src | null): never {
  flushConsole(vm);
  vm.host.stderr(errorReport(vm, value, src));
  process.exit(70);
}

interface Options extends NodeCliOptions, LiveCliOptions {
  eval?: string[];
  threadErrors?: boolean;
  echo?: boolean;
}

function start(files: string[], opts: Options): void {
  const host = new NodeHost([process.argv[1] ?? 'gsi-ts', ...files]);
  let vm: Vm;
  try {
    vm = createVm(host, { preludes: preludes() });
  } catch (e: unknown) {
    if (e instanceof SchemeFailure) {
      process.stderr.write(`gsi-ts: error in a prelude: ${String((e.value as { message?: string }).message ?? '')} at ${JSON.stringify(e.src)}\n`);
      process.exit(70);
    }
    throw e;
  }
  const sched = new Scheduler(vm, {
    onPrimordialEnd: (_value, exception, src) => {
      if (exception !== null) fail(vm, exception, src);
      flushConsole(vm);
      process.exit(0);
    },
    onThreadException: opts.threadErrors
      ? (t, exception, src) => { flushConsole(vm); vm.host.stderr(`*** ${vm.describe(t)} ended with an uncaught exception:\n${errorReport(vm, exception, src)}`); }
      : undefined,
  });
  vm.ext.set('scheduler', sched);
  installNetFromCli(vm, opts); // nodes and rpc (net/); --node starts the node first

  // The REPL (cli/repl.ts) runs when no file nor expression is given, or after the files when
  // one of them is `-` (gsi's convention); the banner only in the first case.
  const bare = files.length === 0 && (opts.eval ?? []).length === 0;
  const repl = bare || files.includes('-');
  const echo = opts.echo === true;
  const replStart = installConsole(vm, sched, host, { repl, echo, banner: bare ? `gsi-ts v${VERSION}` : null });

  // The primordial thread's program: the -e expressions, then `(load file)` for each file, in
  // order, then the REPL, as frames to return through (the innermost runs first).
  const load = vm.globalValue('load')!;
  let k: Frame | null = replStart;
  for (let i = files.length - 1; i >= 0; i--) {
    if (files[i] === '-') continue; // the REPL
    k = { op: FOp.Apply, next: k, fn: load, args: [new MString(files[i]!)] };
  }
  for (let i = (opts.eval ?? []).length - 1; i >= 0; i--) {
    let forms;
    try {
      forms = compileForms(vm, readForms(vm, opts.eval![i]!, '(string)'));
    } catch (e: unknown) {
      if (e instanceof Error) throw e;
      fail(vm, e as Value, (e as { loc?: Src }).loc ?? null);
    }
    k = { op: FOp.Load, next: k, forms, i: -1, result: VOID };
  }
  k = nodeStartFrame(vm, opts, k);
  const r = sched.primordial.regs;
  r.k = k;
  r.mode = Mode.Return;
  r.val = VOID;
  sched.startPrimordial();
}

/**
 * A node started by `gsi-ts --demo` (cli/monitor/children.ts) has an IPC channel to it and
 * GSI_TS_EXIT_WITH_PARENT=1: it ends when the channel closes, so the demo's nodes never
 * outlive it, even when it is killed with SIGKILL. The channel does not keep a node alive.
 */
function exitWithParent(): void {
  if (process.env['GSI_TS_EXIT_WITH_PARENT'] !== '1' || process.channel === undefined) return;
  process.channel.unref();
  process.on('disconnect', () => process.exit(0));
}

function main(): void {
  exitWithParent();
  const program = new Command();
  addLiveOptions(addNodeOptions(program))
    .name('gsi-ts')
    .description('A Gambit-compatible Scheme whose threads can move between machines')
    .version(VERSION, '-v, --version')
    .option('-e, --eval <expr...>', 'evaluate expressions before loading the files')
    .option('--thread-errors', 'report uncaught exceptions of threads when they happen')
    .option('--echo', 'REPL on a pipe: echo each input line after the prompt, as a terminal shows it')
    .argument('[files...]', 'Scheme files to load in order ("-" starts the REPL)')
    .action((files: string[], opts: Options) => {
      // --monitor, --demo: the live view (cli/monitor/), instead of running Scheme files.
      if (!runLive(opts, { root: packageRoot, preludes, self: [process.execPath, process.argv[1] ?? ''] })) start(files, opts);
    });
  program.parse(process.argv);
}

main();
