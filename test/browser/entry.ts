// What test/unit/browser-core.test.ts bundles for a browser: the interpreter and the runtime on
// an in-memory host, with no Node.js API. `run` loads the preludes, runs a program in the
// primordial thread (other threads, timers and all), moving the virtual clock until it ends.

import { coreWorld, TickingHost } from '../unit/helpers/world-core.js';

export interface BrowserRun {
  /** What the program wrote to stdout, then to stderr. */
  readonly out: string;
  readonly err: string;
  /** The report of the error that ended the program, if one did. */
  readonly error: string | null;
  /** Whether the primordial thread ended (false: still waiting after 60 virtual seconds). */
  readonly ended: boolean;
}

export function run(preludes: Array<[string, string]>, program: string): BrowserRun {
  const host = new TickingHost();
  const w = coreWorld(host, preludes);
  w.run(program);
  for (let ms = 0; ms < 60_000 && w.ended === null; ms += 10) host.advanceAndSettle(10);
  return { out: host.out, err: host.err, error: w.ended?.report ?? null, ended: w.ended !== null };
}
