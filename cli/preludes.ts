// The Scheme preludes (scheme-lib/prelude-*.scm) in load order, as [name, text]: what the CLI
// loads into its Vm at start-up, and what the tests and benchmarks load into theirs.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const PRELUDE_FILES = ['prelude-core.scm', 'prelude-data.scm', 'prelude-io.scm'] as const;

/** The preludes of the package at `root` (the folder with package.json). */
export function readPreludes(root: string): Array<[string, string]> {
  const dir = path.join(root, 'scheme-lib');
  return PRELUDE_FILES
    .filter((f) => fs.existsSync(path.join(dir, f)))
    .map((f): [string, string] => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}
