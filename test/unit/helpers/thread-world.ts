// The thread and scheduler tests' world (world-core.ts) with the preludes of scheme-lib/, and
// the talk's helpers as the file /home/talk-helpers.scm.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './run-cli.js';
import { readPreludes } from '../../../cli/preludes.js';
import { coreWorld, TickingHost, type ThreadWorld } from './world-core.js';

export { TickingHost, type ThreadWorld };

const preludeTexts = readPreludes(repoRoot());

export function threadWorld(): ThreadWorld {
  const host = new TickingHost();
  host.files.set('/home/talk-helpers.scm', fs.readFileSync(path.join(repoRoot(), 'scheme-lib', 'talk-helpers.scm'), 'utf8'));
  return coreWorld(host, preludeTexts);
}
