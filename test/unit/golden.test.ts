// Golden cases: test/golden/cases/NN-area/NAME.scm, each with NAME.expected recorded from
// real gsi 4.9.3 by test/golden/record.sh. Each case runs as `gsi-ts NAME.scm` from the
// case's own folder (so locations read "NAME.scm"@L.C, as in the recording), and its
// combined stdout+stderr and exit status must equal the recording exactly.
//
// .expected format (written by record.sh):
//   <output, byte for byte>
//   ;; (no newline at end of output)   <- only when the output does not end in "\n"; the
//                                          "\n" before this line is then not output
//   ;; exit: N
//
// Deliberate differences from gsi are listed in test/golden/DIFFERENCES.md, one per line as
//   - `NN-area/NAME`: MODE — why
// where MODE is one of
//   skip          the case is not run (say why in the line),
//   status-only   only the exit status is compared,
//   override      NAME.gsi-ts.expected (hand-written, same format) replaces NAME.expected.
// Anything not listed there must match gsi exactly.

import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCliCombined } from './helpers/run-cli.js';

const GOLDEN_DIR = join(repoRoot(), 'test', 'golden');
const CASES_DIR = join(GOLDEN_DIR, 'cases');
/** Per-case budget: the slowest cases do a million non-tail calls or 10^6 tail calls. */
const CASE_TIMEOUT_MS = 60_000;

type Mode = 'skip' | 'status-only' | 'override';

export interface Expected {
  output: string;
  status: number;
}

const NO_NEWLINE_MARK = '\n;; (no newline at end of output)\n';

/** Parses the text of a .expected file into the output and the exit status. */
export function parseExpected(text: string): Expected {
  const m = /(^|\n);; exit: (\d+)\n$/.exec(text);
  if (m === null) throw new Error('expected file does not end with ";; exit: N"');
  let output = text.slice(0, m.index + m[1]!.length);
  if (output.endsWith(NO_NEWLINE_MARK)) output = output.slice(0, -NO_NEWLINE_MARK.length);
  return { output, status: Number(m[2]) };
}

/** Reads the machine-readable lines of DIFFERENCES.md: case id -> mode. */
export function readDifferences(markdown: string): Map<string, Mode> {
  const out = new Map<string, Mode>();
  for (const line of markdown.split('\n')) {
    const m = /^- `([^`]+)`: (skip|status-only|override)\b/.exec(line);
    if (m !== null) out.set(m[1]!, m[2] as Mode);
  }
  return out;
}

function listCases(): Array<{ area: string; name: string }> {
  const cases: Array<{ area: string; name: string }> = [];
  for (const area of readdirSync(CASES_DIR).sort()) {
    if (!/^\d\d-/.test(area)) continue;
    for (const file of readdirSync(join(CASES_DIR, area)).sort()) {
      if (file.endsWith('.scm')) cases.push({ area, name: file.slice(0, -'.scm'.length) });
    }
  }
  return cases;
}

const differencesFile = join(GOLDEN_DIR, 'DIFFERENCES.md');
const differences = existsSync(differencesFile)
  ? readDifferences(readFileSync(differencesFile, 'utf8'))
  : new Map<string, Mode>();

describe('#parseExpected', function () {
  it('splits the output from the exit status', function () {
    expect(parseExpected('a\nb\n;; exit: 70\n')).to.deep.equal({ output: 'a\nb\n', status: 70 });
  });
  it('reads an empty output', function () {
    expect(parseExpected(';; exit: 0\n')).to.deep.equal({ output: '', status: 0 });
  });
  it('drops the newline added before the no-newline marker', function () {
    expect(parseExpected('abc\n;; (no newline at end of output)\n;; exit: 3\n')).to.deep.equal({ output: 'abc', status: 3 });
  });
});

describe('#readDifferences', function () {
  it('reads the case id and mode of each entry line and ignores prose', function () {
    const md = 'Intro `x`: skip\n- `01-a/b`: skip \u2014 why\n- `02-c/d`: override \u2014 why\n- `x` text\n';
    expect([...readDifferences(md)]).to.deep.equal([['01-a/b', 'skip'], ['02-c/d', 'override']]);
  });
});

describe('golden cases recorded from gsi 4.9.3', function () {
  const cases = listCases();

  it('has an .expected file for every case and every listed difference names a case', function () {
    const missing = cases
      .filter((c) => !existsSync(join(CASES_DIR, c.area, c.name + '.expected')))
      .map((c) => `${c.area}/${c.name}`);
    expect(missing, 'cases without .expected (run test/golden/record.sh)').to.deep.equal([]);
    const known = new Set(cases.map((c) => `${c.area}/${c.name}`));
    const unknown = [...differences.keys()].filter((id) => !known.has(id));
    expect(unknown, 'DIFFERENCES.md entries naming no case').to.deep.equal([]);
  });

  const areas = new Map<string, string[]>();
  for (const c of cases) {
    const names = areas.get(c.area) ?? [];
    names.push(c.name);
    areas.set(c.area, names);
  }
  for (const [area, names] of areas) {
    describe(area, function () {
      for (const name of names) {
        const id = `${area}/${name}`;
        const mode = differences.get(id);
        const dir = join(CASES_DIR, area);
        const define = mode === 'skip' ? it.skip : it;
        define(`${name}.scm prints what gsi prints and exits as gsi does`, function () {
          this.timeout(CASE_TIMEOUT_MS + 10_000);
          const expectedFile = join(dir, name + (mode === 'override' ? '.gsi-ts.expected' : '.expected'));
          const want = parseExpected(readFileSync(expectedFile, 'utf8'));
          const got = runCliCombined([name + '.scm'], { cwd: dir, timeoutMs: CASE_TIMEOUT_MS });
          expect(got.timedOut, `${id} timed out after ${CASE_TIMEOUT_MS} ms`).to.equal(false);
          if (mode !== 'status-only') expect(got.output, `${id} output`).to.equal(want.output);
          expect(got.status, `${id} exit status`).to.equal(want.status);
        });
      }
    });
  }
});
