// In-process micro benchmarks: the machine and the scheduler without process start-up.
//
//   node dist/bench/inproc.js [--runs N] [NAME...]
//
// Creates one Vm (with the preludes), then for each program (bench/programs/NAME.scm) runs it
// N times (default 5) on a fresh scheduler and prints the best user+system CPU time and wall
// time of a run (the time of `load`-ing the program, compilation included). For comparing a
// change with its baseline in the same conditions; not a gsi comparison (see run.ts).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHost } from '../cli/node-host.js';
import { readPreludes } from '../cli/preludes.js';
import { createVm } from '../interpreter/setup.js';
import { FOp } from '../interpreter/frames.js';
import { Mode } from '../interpreter/machine.js';
import { Scheduler } from '../runtime/scheduler.js';
import { MString, VOID } from '../runtime/values.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preludes = readPreludes(root);

class QuietHost extends NodeHost {
  override stdout(_text: string): void {}
  override stderr(_text: string): void {}
}

function runProgram(file: string): Promise<{ cpu: number; wall: number }> {
  const vm = createVm(new QuietHost([file]), { preludes });
  return new Promise((resolve, reject) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const sched = new Scheduler(vm, {
      onPrimordialEnd: (_v, exc) => {
        const c = process.cpuUsage(c0);
        if (exc !== null) reject(new Error(`${file}: uncaught exception`));
        else resolve({ cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000 });
      },
    });
    vm.ext.set('scheduler', sched);
    const r = sched.primordial.regs;
    r.k = { op: FOp.Apply, next: null, fn: vm.globalValue('load')!, args: [new MString(file)] };
    r.mode = Mode.Return;
    r.val = VOID;
    sched.startPrimordial();
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let runs = 5;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else names.push(argv[i]!);
  }
  if (names.length === 0) names.push('fib', 'tak', 'ack', 'nqueens', 'loop', 'deep', 'generator', 'threads-spawn', 'threads-pingpong');
  for (const name of names) {
    let cpu = Infinity, wall = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = await runProgram(join(root, 'bench', 'programs', `${name}.scm`));
      cpu = Math.min(cpu, t.cpu);
      wall = Math.min(wall, t.wall);
    }
    console.log(`${name.padEnd(18)} cpu ${cpu.toFixed(3)} s  wall ${wall.toFixed(3)} s`);
  }
}

void main();
