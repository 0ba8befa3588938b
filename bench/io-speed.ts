// The runtime library's speed goal (issue 3): `write` of a 10^5-element list and `read` of its
// text each take under 50 ms. Prints the times; asserts nothing about them (it fails only if
// what is read back is not `equal?` to what was written).
//
//   node dist/bench/io-speed.js [--runs N] [--size N]
//
// Everything goes through Scheme, in one Vm with the preludes loaded, as a program would do it:
//   (call-with-output-string (lambda (port) (write l port)))   -- write
//   (read (open-input-string s))                               -- read
// Each is timed around `evalString` (the compile of the one-line expression is included, and
// negligible). The first run is shown apart: it includes V8's warm-up of the printer and reader.
// CPU time is shown beside wall time: on a loaded machine the wall time mostly measures the
// other processes.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVm, evalString } from '../interpreter/setup.js';
import { NodeHost } from '../cli/node-host.js';
import { readPreludes } from '../cli/preludes.js';
import { MString } from '../runtime/values.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('io-speed: no package.json above this file');
    dir = up;
  }
  return dir;
}

function parseArgs(argv: string[]): { runs: number; size: number } {
  const opts = { runs: 7, size: 100_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = Number(argv[++i]);
    if (a === '--runs') opts.runs = Math.max(1, v);
    else if (a === '--size') opts.size = Math.max(1, v);
    else throw new Error(`io-speed: unknown argument ${a}`);
  }
  return opts;
}

/** The lists measured: name and the Scheme expression building it (n is the size). */
const LISTS: Array<[string, (n: number) => string]> = [
  ['fixnums', (n) => `(iota ${n})`],
  ['mixed', (n) => `(list-tabulate ${n} (lambda (i)
      (case (modulo i 6)
        ((0) i)
        ((1) (* i 1.5))
        ((2) (number->string i))
        ((3) (string->symbol (string-append "sym" (number->string (modulo i 100)))))
        ((4) (list i 'x "y" #\\z))
        (else (vector i (expt 2 70))))))`],
];

/** Wall-clock and CPU (user + system, all threads: the GC's too) milliseconds of one call. */
interface Time { wall: number; cpu: number }

function timed<T>(f: () => T): [T, Time] {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const v = f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return [v, { wall, cpu: (c.user + c.system) / 1000 }];
}

function fmt(t: Time): string {
  return `${t.wall.toFixed(1).padStart(6)} ms (cpu ${t.cpu.toFixed(1).padStart(6)})`;
}

/** The first run apart (cold), then the best and the median of the others (by wall time). */
function summary(times: Time[]): string {
  const rest = times.slice(1).sort((a, b) => a.wall - b.wall);
  const best = rest.length > 0 ? rest[0]! : times[0]!;
  const median = rest.length > 0 ? rest[Math.floor(rest.length / 2)]! : times[0]!;
  return `first ${fmt(times[0]!)}   best ${fmt(best)}   median ${fmt(median)}`;
}

function main(): void {
  const { runs, size } = parseArgs(process.argv.slice(2));
  const vm = createVm(new NodeHost([]), { preludes: readPreludes(repoRoot()) });
  let failed = false;
  console.log(`write and read of a ${size}-element list, ${runs} runs each (goal: under 50 ms)`);
  for (const [name, build] of LISTS) {
    evalString(vm, `(define bench-list ${build(size)})`);
    const writes: Time[] = [];
    const reads: Time[] = [];
    let chars = 0;
    for (let i = 0; i < runs; i++) {
      const [s, tw] = timed(() => evalString(vm, '(call-with-output-string (lambda (port) (write bench-list port)))'));
      writes.push(tw);
      chars = (s as MString).s.length;
      vm.define('bench-text', s);
      const [, tr] = timed(() => evalString(vm, '(define bench-read (read (open-input-string bench-text)))'));
      reads.push(tr);
      if (evalString(vm, '(equal? bench-read bench-list)') !== true) {
        console.log(`  ${name}: what was read back differs from what was written`);
        failed = true;
      }
    }
    console.log(`${name} (${chars} characters)`);
    console.log(`  write  ${summary(writes)}`);
    console.log(`  read   ${summary(reads)}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main();
