// Benchmarks gsi-ts against Gambit's gsi on the programs in bench/programs/.
//
//   node dist/bench/run.js [--runs N] [--only NAME[,NAME...]] [--no-gsi] [--timeout SECONDS]
//
// Each program runs as a whole process (`node dist/gsi-ts.mjs P.scm`, `gsi P.scm`); the time
// is wall-clock, best of N runs (default 3). Both include their start-up, which is also
// measured on its own (an empty program) and shown on the first row. Each program prints its
// result; gsi-ts's output must equal gsi's, otherwise the row is marked and the exit status
// is 1 (without gsi the output is shown instead).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Options {
  runs: number;
  only: string[] | null;
  useGsi: boolean;
  timeoutMs: number;
}

interface Timing {
  /** Best wall time in seconds, or null if a run failed. */
  seconds: number | null;
  output: string;
  failure: string | null;
}

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 3, only: null, useGsi: true, timeoutMs: 300_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench: ${a} needs a value`);
      return v;
    };
    if (a === '--runs') opts.runs = Math.max(1, Number(value()));
    else if (a === '--only') opts.only = value().split(',');
    else if (a === '--no-gsi') opts.useGsi = false;
    else if (a === '--timeout') opts.timeoutMs = Number(value()) * 1000;
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return opts;
}

function onPath(command: string): boolean {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** Runs `command args` `runs` times in `cwd`; keeps the best time and the last output. */
function measure(command: string, args: string[], cwd: string, opts: Options): Timing {
  let best: number | null = null;
  let output = '';
  for (let i = 0; i < opts.runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: opts.timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.error !== undefined) return { seconds: null, output: r.stdout ?? '', failure: r.error.message };
    if (r.status !== 0) {
      const why = r.signal !== null ? `signal ${r.signal}` : `exit ${r.status}`;
      return { seconds: null, output: r.stdout ?? '', failure: `${why}: ${(r.stderr ?? '').trim().split('\n')[0] ?? ''}` };
    }
    output = r.stdout;
    if (best === null || seconds < best) best = seconds;
  }
  return { seconds: best, output, failure: null };
}

function fmt(seconds: number | null): string {
  return seconds === null ? '-' : seconds.toFixed(3);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const cli = join(root, 'dist', 'gsi-ts.mjs');
  const programsDir = join(root, 'bench', 'programs');
  const haveGsi = opts.useGsi && onPath('gsi');
  if (!existsSync(cli)) throw new Error(`bench: ${cli} not found; run npm run build first`);

  const programs = readdirSync(programsDir)
    .filter((f) => f.endsWith('.scm'))
    .map((f) => f.slice(0, -'.scm'.length))
    .filter((name) => opts.only === null || opts.only.includes(name))
    .sort();

  const emptyDir = mkdtempSync(join(tmpdir(), 'gsi-ts-bench-'));
  writeFileSync(join(emptyDir, 'empty.scm'), '');

  const rows: string[][] = [];
  const header = ['program', 'gsi-ts s', 'gsi s', 'gsi-ts/gsi', 'check'];
  let failures = 0;

  const row = (name: string, dir: string, file: string, isStartup: boolean): void => {
    process.stderr.write(`bench: ${name}...\n`);
    const mine = measure(process.execPath, [cli, file], dir, opts);
    const theirs = haveGsi ? measure('gsi', [file], dir, opts) : null;
    let check: string;
    if (mine.failure !== null) check = `gsi-ts failed (${mine.failure})`;
    else if (theirs !== null && theirs.failure !== null) check = `gsi failed (${theirs.failure})`;
    else if (theirs !== null) check = mine.output === theirs.output ? 'same output' : 'OUTPUT DIFFERS';
    else check = isStartup ? '-' : `output ${JSON.stringify(mine.output.trim())}`;
    if (check.startsWith('gsi-ts failed') || check === 'OUTPUT DIFFERS') failures++;
    const ratio =
      mine.seconds !== null && theirs !== null && theirs.seconds !== null && theirs.seconds > 0
        ? (mine.seconds / theirs.seconds).toFixed(1) + 'x'
        : '-';
    rows.push([name, fmt(mine.seconds), fmt(theirs?.seconds ?? null), ratio, check]);
  };

  try {
    row('(start-up)', emptyDir, 'empty.scm', true);
    for (const name of programs) row(name, programsDir, name + '.scm', false);
  } finally {
    rmSync(emptyDir, { recursive: true, force: true });
  }

  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  console.log(`best of ${opts.runs} run(s), whole-process wall time${haveGsi ? '' : ' (gsi not on PATH or --no-gsi)'}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  if (failures > 0) process.exitCode = 1;
}

main();
