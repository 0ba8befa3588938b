// Serialization against gsi: round-trip speed and message sizes.
//
//   node dist/bench/serialize-speed.js [--runs N] [--no-gsi]
//
// Runs bench/serialize-speed.scm (a 10^5-element list and a vector of 10^4 records, each
// through object->u8vector then u8vector->object 30 times in one process, best time kept) and
// bench/serialize-sizes.scm (the talk's pprinter and a teleporting thread's message) with
// gsi-ts (`node dist/gsi-ts.mjs`) and with gsi, alternating, N processes each (default 3), and
// prints the best times side by side. The goal: gsi-ts at least as fast as gsi on both round
// trips; exit status 1 if it is not, or if a program fails.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('serialize-speed: no package.json above this file');
    dir = up;
  }
  return dir;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => existsSync(join(d, cmd)));
}

interface Row {
  bytes: number;
  ser: number;
  de: number;
  rt: number;
}

/** Runs a program; its output lines `NAME NUMBER...` as a map. */
function runProgram(cmd: string, args: string[], cwd: string): Map<string, number[]> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stdout}${r.stderr}`);
  const out = new Map<string, number[]>();
  for (const line of r.stdout.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    // gsi writes .5 for 0.5
    out.set(parts[0]!, parts.slice(1).map((p) => Number(p.startsWith('.') ? `0${p}` : p)));
  }
  return out;
}

function best(into: Map<string, Row>, got: Map<string, number[]>): void {
  for (const [name, [bytes, ser, de, rt]] of got) {
    if (rt === undefined) continue;
    const old = into.get(name);
    if (old === undefined) into.set(name, { bytes: bytes!, ser: ser!, de: de!, rt });
    else into.set(name, { bytes: bytes!, ser: Math.min(old.ser, ser!), de: Math.min(old.de, de!), rt: Math.min(old.rt, rt) });
  }
}

function ms(s: number): string {
  return `${(s * 1000).toFixed(2)} ms`.padStart(10);
}

function main(): void {
  const argv = process.argv.slice(2);
  let runs = 3;
  let useGsi = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--no-gsi') useGsi = false;
    else throw new Error(`serialize-speed: unknown option ${argv[i]}`);
  }
  const root = repoRoot();
  const bench = join(root, 'bench');
  const cli = join(root, 'dist', 'gsi-ts.mjs');
  const haveGsi = useGsi && onPath('gsi');
  const ours = new Map<string, Row>();
  const theirs = new Map<string, Row>();
  for (let i = 0; i < runs; i++) {
    best(ours, runProgram(process.execPath, [cli, 'serialize-speed.scm'], bench));
    if (haveGsi) best(theirs, runProgram('gsi', ['serialize-speed.scm'], bench));
  }
  let ok = true;
  console.log(`round trips, best of ${runs} processes x 30 (serialize / deserialize / round trip):`);
  for (const [name, o] of ours) {
    console.log(`  ${name.padEnd(14)} gsi-ts ${String(o.bytes).padStart(7)} B ${ms(o.ser)} ${ms(o.de)} ${ms(o.rt)}`);
    const g = theirs.get(name);
    if (g !== undefined) {
      console.log(`  ${''.padEnd(14)} gsi    ${String(g.bytes).padStart(7)} B ${ms(g.ser)} ${ms(g.de)} ${ms(g.rt)}   ratio ${(o.rt / g.rt).toFixed(2)}`);
      if (o.rt > g.rt) ok = false;
    }
  }
  const sizesOurs = runProgram(process.execPath, [cli, 'serialize-sizes.scm'], bench);
  const sizesTheirs = haveGsi ? runProgram('gsi', ['serialize-sizes.scm'], bench) : new Map<string, number[]>();
  console.log('message sizes (bytes):');
  for (const [name, [n]] of sizesOurs) {
    const g = sizesTheirs.get(name)?.[0];
    console.log(`  ${name.padEnd(14)} gsi-ts ${String(n).padStart(7)}${g === undefined ? '' : `   gsi ${String(g).padStart(7)}`}`);
  }
  if (!haveGsi) console.log('(gsi not found: no comparison)');
  if (!ok) {
    console.log('gsi-ts is slower than gsi on a round trip');
    process.exitCode = 1;
  }
}

main();
