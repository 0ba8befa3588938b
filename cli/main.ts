#!/usr/bin/env node
// gsi-ts: run Scheme files (`gsi-ts a.scm b.scm`), evaluate expressions (`-e`), or start the REPL.

import { Command } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHost } from './node-host.js';
import { createVm, readForms, SchemeFailure } from '../interpreter/setup.js';
import { Regs, run } from '../interpreter/machine.js';
import { FOp } from '../interpreter/frames.js';
import { errorReport } from '../runtime/error-text.js';
import { MString } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';
import type { Src } from '../interpreter/nodes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..', '..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The Scheme preludes, in load order. */
export function preludes(): Array<[string, string]> {
  const dir = path.join(packageRoot, 'scheme-lib');
  return ['prelude-core.scm', 'prelude-data.scm', 'prelude-io.scm']
    .filter((f) => fs.existsSync(path.join(dir, f)))
    .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

/** Run a sequence of top-level forms to completion; on an uncaught error report it, exit 70. */
function runForms(vm: Vm, forms: Array<{ datum: import('../runtime/values.js').Value; loc: Src }>, container: string): void {
  const r = new Regs();
  r.dyn = vm.dyn;
  r.k = { op: FOp.Load, next: null, forms, i: -1, result: new MString(container) };
  r.mode = 1;
  for (;;) {
    const res = run(vm, r, 1_000_000);
    if (res === 'done') return;
    if (res === 'error') fail(vm, r.val, r.errSrc);
    if (res === 'blocked') fail(vm, new MString('deadlock'), null);
  }
}

function fail(vm: Vm, value: import('../runtime/values.js').Value, src: Src | null): never {
  flush(vm);
  vm.host.stderr(errorReport(vm, value, src));
  process.exit(70);
}

function flush(vm: Vm): void {
  const f = vm.ext.get('flush-console') as (() => void) | undefined;
  if (f !== undefined) f();
}

function main(): void {
  const program = new Command();
  program
    .name('gsi-ts')
    .description('A Gambit-compatible Scheme whose threads can move between machines')
    .version(VERSION, '-v, --version')
    .option('-e, --eval <expr...>', 'evaluate expressions')
    .argument('[files...]', 'Scheme files to load in order ("-" starts the REPL)')
    .allowUnknownOption(false)
    .action((files: string[], opts: { eval?: string[] }) => {
      const host = new NodeHost([process.argv[1] ?? 'gsi-ts', ...files]);
      let vm: Vm;
      try {
        vm = createVm(host, { preludes: preludes() });
      } catch (e: unknown) {
        if (e instanceof SchemeFailure) {
          process.stderr.write('gsi-ts: error in a prelude\n');
          // eslint-disable-next-line no-ex-assign
          const tmp = createVm(host);
          process.stderr.write(errorReport(tmp, e.value, e.src));
          process.exit(70);
        }
        throw e;
      }
      for (const expr of opts.eval ?? []) {
        runForms(vm, guardRead(vm, () => readForms(vm, expr, '(console)')), '(console)');
      }
      for (const file of files) {
        if (file === '-') {
          process.stderr.write('gsi-ts: the REPL is not available yet\n');
          continue;
        }
        const forms = guardRead(vm, () => readForms(vm, host.readFile(path.resolve(file)), file));
        runForms(vm, forms, path.resolve(file));
      }
      flush(vm);
      process.exit(0);
    });
  program.parse(process.argv);
}

function guardRead<T>(vm: Vm, f: () => T): T {
  try {
    return f();
  } catch (e: unknown) {
    if (e instanceof Error) throw e;
    const loc = (e as { loc?: Src | null }).loc ?? null;
    fail(vm, e as import('../runtime/values.js').Value, loc);
  }
}

main();
