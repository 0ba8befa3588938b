// What the benchmark scripts share: the repository root, command-line options, and child
// processes that are killed when the script exits.

import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The value after `name` on the command line, or `dflt`. */
export function textArg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : dflt;
}

/** The number after `name` on the command line, or `dflt`. */
export function numArg(name: string, dflt: number): number {
  return Number(textArg(name, String(dflt)));
}

const children: ChildProcess[] = [];
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Kill `c` (SIGKILL) when this process exits, if it still runs. */
export function killAtExit(c: ChildProcess): ChildProcess {
  children.push(c);
  return c;
}
