// Runs the gsi-ts command line (`node dist/gsi-ts.mjs ARGS...`, the bundled CLI that `npx gsi-ts` runs) as a child process, the way
// a user would, for the golden and annotated Scheme tests.
//
// Two ways to collect output:
// - `runCliCombined`: stdout and stderr share ONE file descriptor, so the bytes land in the
//   order the program wrote them. That is what the golden files hold (gsi under a terminal
//   writes both to the same console). Reading two pipes and concatenating them would lose
//   the interleaving (e.g. `partial*** ERROR IN ...`).
// - `runCliSeparate`: stdout and stderr apart, for `; expect:` / `; expect error:` files.
//
// stdin is /dev/null, so a program that reads input sees end of file instead of hanging.
// Every run has a timeout; a run killed by it reports `timedOut: true`.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this file holding package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('run-cli: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** Absolute path of the compiled CLI entry point. */
export function cliPath(): string {
  return join(repoRoot(), 'dist', 'gsi-ts.mjs');
}

export interface CliOptions {
  /** Working directory of the child; the golden cases run from their own folder. */
  cwd?: string;
  /** Milliseconds before the child is killed (default 60 s). */
  timeoutMs?: number;
}

export interface CombinedResult {
  /** stdout and stderr, interleaved as written. */
  output: string;
  /** Exit status, or null if the child was killed by a signal. */
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

export interface SeparateResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function timedOut(error: Error | undefined): boolean {
  return error !== undefined && (error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
}

/** Runs the CLI with stdout and stderr on one file, returning both interleaved. */
export function runCliCombined(args: readonly string[], options: CliOptions = {}): CombinedResult {
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-cli-'));
  const outFile = join(dir, 'output');
  const fd = openSync(outFile, 'w');
  try {
    const r = spawnSync(process.execPath, [cliPath(), ...args], {
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', fd, fd],
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    closeSync(fd);
    return {
      output: readFileSync(outFile, 'utf8'),
      status: r.status,
      signal: r.signal,
      timedOut: timedOut(r.error),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the CLI with stdout and stderr captured separately. */
export function runCliSeparate(args: readonly string[], options: CliOptions = {}): SeparateResult {
  const r = spawnSync(process.execPath, [cliPath(), ...args], {
    cwd: options.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    status: r.status,
    signal: r.signal,
    timedOut: timedOut(r.error),
  };
}
