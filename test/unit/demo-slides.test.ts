// The talk's slides, kept verbatim in demos/slides/, against the demos:
// - every line of each code slide is in its demo, in order (demos/teleport.scm holds the go,
//   bounce, teleport, rpc, encode/decode and discovery slides; demos/continuations.scm the
//   continuation example). Lines are compared trimmed and without their closing parentheses:
//   the slides' code has elided parts (`...`, a gap in the bounce branch) and the text of three
//   slides ends with one `)` too many. The one deliberate correction, the discovery mask, is
//   listed below.
// - each loadable slide typed verbatim into `gsi-ts --echo` (its REPL on a pipe), followed by
//   the probe lines of test/slides/NN-NAME.probe, prints what gsi 4.9.3 printed for the same
//   lines (test/slides/NN-NAME.expected, recorded by test/slides/record.sh). Where gsi-ts
//   deliberately differs, NN-NAME.gsi-ts.expected replaces the recording (see
//   test/slides/README.md).

import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath, repoRoot } from './helpers/run-cli.js';
import { normalizeTranscript } from './helpers/transcript.js';

const ROOT = repoRoot();
const SLIDES = join(ROOT, 'demos', 'slides');
const PROBES = join(ROOT, 'test', 'slides');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Which demo holds each code slide. */
const HOME: Record<string, string> = {
  '01-go.scm': 'teleport.scm',
  '02-bounce.scm': 'teleport.scm',
  '03-teleport.scm': 'teleport.scm',
  '04-continuation-part1.scm': 'continuations.scm',
  '05-continuation-part2.scm': 'continuations.scm',
  '06-rpc-continuation.scm': 'teleport.scm',
  '08-encode-decode.scm': 'teleport.scm',
  '10-discovery.scm': 'teleport.scm',
};

/** Slide line -> demo line (both as compared), where the demo corrects the slide. */
const CORRECTIONS: Record<string, string> = {
  '(let* ((nm #xffffffff00': '(let* ((nm #xffffff00) ;; the slide says #xffffffff00, a typo: with it the sweep covers nothing',
};

/** A line as compared: trimmed, without closing parentheses at its end. */
function norm(line: string): string {
  return line.trim().replace(/\)+$/, '');
}

/** The slide's lines that must be in the demo: not blank, not an elision (`...`). */
function slideLines(text: string): string[] {
  return text.split('\n').map(norm).filter((l) => l !== '' && l !== '...').map((l) => CORRECTIONS[l] ?? l);
}

/** The first slide line not found in order in the demo, or null. */
function missingLine(slide: string[], demo: string[]): string | null {
  let at = 0;
  for (const line of slide) {
    while (at < demo.length && demo[at] !== line) at++;
    if (at === demo.length) return line;
    at++;
  }
  return null;
}

describe('the talk\'s slides (demos/slides/)', function () {
  it('has every code slide in a demo', function () {
    const code = readdirSync(SLIDES).filter((f) => f.endsWith('.scm')).sort();
    expect(code).to.deep.equal(Object.keys(HOME).sort());
  });

  for (const [slide, demo] of Object.entries(HOME)) {
    it(`${slide}: every line is in demos/${demo}, in order`, function () {
      const demoLines = readFileSync(join(ROOT, 'demos', demo), 'utf8').split('\n').map(norm);
      expect(missingLine(slideLines(readFileSync(join(SLIDES, slide), 'utf8')), demoLines)).to.equal(null);
    });
  }

  it('notices a slide line that is missing from the demo', function () {
    expect(missingLine(['(a', '(b'], ['(b', '(a'])).to.equal('(b');
    expect(missingLine(['(a', '(b'], ['(a', 'x', '(b'])).to.equal(null);
  });
});

describe('the talk\'s slides typed into the REPL, as gsi 4.9.3 shows them', function () {
  const probes = readdirSync(PROBES).filter((f) => f.endsWith('.probe')).map((f) => f.slice(0, -'.probe'.length)).sort();
  for (const name of probes) {
    it(`${name} replays`, function () {
      this.timeout(30_000);
      const typed = [
        ...readFileSync(join(SLIDES, `${name}.scm`), 'utf8').split('\n').filter((l) => l.trim() !== ''),
        ...readFileSync(join(PROBES, `${name}.probe`), 'utf8').split('\n').filter((l) => l !== ''),
        ',q',
      ].join('\n') + '\n';
      const r = spawnSync(process.execPath, [cliPath(), '--echo'], {
        cwd: PROBES, input: typed, env: { ...process.env, GSI_TS_HISTORY: '' }, timeout: 20_000, killSignal: 'SIGKILL',
      });
      const override = join(PROBES, `${name}.gsi-ts.expected`);
      const expected = readFileSync(existsSync(override) ? override : join(PROBES, `${name}.expected`), 'utf8')
        .replace(/^Gambit v4\.9\.3\n/, `gsi-ts v${VERSION}\n`);
      expect(normalizeTranscript(r.stdout.toString() + r.stderr.toString())).to.equal(normalizeTranscript(expected));
    });
  }
});
