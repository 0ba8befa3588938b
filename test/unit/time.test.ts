// (time expr [port]): the report (runtime/time-report.ts) and the special form
// (scheme-lib/prelude-io.scm). Its numbers vary from run to run, so gsi's output for
// test/golden/shapes/time.scm (recorded by test/golden/record.sh) is compared with gsi-ts's by
// shape: every number becomes N, "no X" and "1 X" count as numbers too. Deliberate difference:
// the collections line ends after "secs real time" (Node.js does not split the time of its
// collections into user and system time as gsi does).

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vmModule from 'node:vm';
import type { Host } from '../../runtime/host.js';
import { timeReport } from '../../runtime/time-report.js';
import { threadWorld } from './helpers/thread-world.js';
import { repoRoot, runCliSeparate } from './helpers/run-cli.js';

/**
 * A report line with its numbers replaced by N, and the time of collections removed (there is
 * none when there are no collections; gsi adds its user/system split).
 */
function shape(line: string): string {
  return line
    .replace(/ accounting for \S+ secs real time( \(\S+ user, \S+ system\))?$/, '')
    .replace(/-?\d+(\.\d+)?/g, 'N')
    .replace(/\bno (collection|byte|minor fault|major fault)s\b/, 'N $1s')
    .replace(/\bN (collection|minor fault|major fault)\b(?!s)/, 'N $1s');
}

describe('#time', () => {
  it('prints what gsi prints, number for number in shape, and returns the values', () => {
    const dir = path.join(repoRoot(), 'test', 'golden', 'shapes');
    const gsi = readFileSync(path.join(dir, 'time.expected'), 'utf8').replace(/;; exit: 0\n$/, '').split('\n');
    const r = runCliSeparate(['time.scm'], { cwd: dir });
    expect(r.stderr).to.equal('');
    expect(r.status).to.equal(0);
    const mine = r.stdout.split('\n');
    expect(mine.map(shape)).to.deep.equal(gsi.map(shape));
    // The values, and the report's lines, exactly where no number is involved.
    expect(mine).to.include.members(['17711', '(1 "two")', '300000', '(time (values 1 "two"))', '    no major faults']);
  });

  it('writes to the port it is given, and returns the value', () => {
    const r = runCliSeparate(['-e', '(define x (time (+ 1 2) (current-error-port))) (write (list x))']);
    expect(r.stdout).to.equal('(3)');
    expect(r.stderr).to.match(/^\(time \(\+ 1 2\)\)\n {4}\d+\.\d{6} secs real time\n {4}\d+\.\d{6} secs cpu time \(\d+\.\d{6} user, \d+\.\d{6} system\)\n/);
  });

  it('counts the collection (##gc) makes', () => {
    const r = runCliSeparate(['-e', '(time (##gc))']);
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.match(/\n {4}([1-9]\d*) collections? accounting for \d+\.\d{6} secs real time\n/);
  });

  it('ends the host\'s measure of a time form whose expression escaped, once that form is garbage', async () => {
    const w = threadWorld();
    let started = 0, ended = 0;
    const host: Host = w.host;
    host.startTiming = () => {
      started++;
      return () => { ended++; return { userMs: 0, systemMs: 0, collections: 0, gcMs: 0, allocatedBytes: 0, minorFaults: 0, majorFaults: 0 }; };
    };
    w.run(`(define (try) (with-exception-catcher (lambda (e) 'escaped) (lambda () (time (car 1)))))
           (list (try) (try) (time 'fine))`);
    expect(w.show(w.result())).to.equal('(escaped escaped fine)');
    expect([started, ended]).to.deep.equal([3, 1]);
    v8.setFlagsFromString('--expose-gc');
    const gc = vmModule.runInNewContext('gc') as () => void;
    for (let i = 0; i < 20 && ended < 3; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(ended).to.equal(3);
  });

  it('says "no", "1 collection", "N collections", and leaves out what the host cannot tell', () => {
    const full = timeReport('(f)', 1.5, { userMs: 1, systemMs: 0.25, collections: 1, gcMs: 0.5, allocatedBytes: 0, minorFaults: 2, majorFaults: 0 });
    expect(full).to.equal([
      '(time (f))',
      '    0.001500 secs real time',
      '    0.001250 secs cpu time (0.001000 user, 0.000250 system)',
      '    1 collection accounting for 0.000500 secs real time',
      '    no bytes allocated',
      '    2 minor faults',
      '    no major faults',
      '',
    ].join('\n'));
    expect(timeReport('(f)', 2, { userMs: 0, systemMs: 0, collections: 0, gcMs: 0, allocatedBytes: 48, minorFaults: 1, majorFaults: 0 }))
      .to.include('    no collections\n    48 bytes allocated\n    1 minor fault\n');
    expect(timeReport('x', 3, null)).to.equal('(time x)\n    0.003000 secs real time\n');
  });
});
