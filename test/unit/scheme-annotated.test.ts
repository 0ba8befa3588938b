// Annotated Scheme tests: test/scheme/NN-area/NAME.scm, run as `gsi-ts NAME.scm` from the
// file's folder, one `it` per file, in bootstrap order (areas and files sorted by name).
//
// Annotations are whole-line comments:
//   ; expect: TEXT         one line of expected stdout. The file's whole stdout must equal the
//                          concatenation of its expect lines in order, each followed by "\n".
//                          `; expect:` with nothing after it expects an empty line.
//   ; expect error: TEXT   the run ends with an uncaught error whose report on stderr contains
//                          TEXT, and exit status 70. At most one per file, after the last
//                          `; expect:` whose output precedes the error.
// Without `; expect error:`, stderr must be empty and the exit status 0.
//
// These hold the cases where gsi 4.9.3 is broken or lacking (syntax-rules, guard,
// let-values, raise-continuable, case =>), so their expectations are hand-written from R7RS
// rather than recorded; what gsi does is recorded in test/golden instead.

import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCliSeparate } from './helpers/run-cli.js';

const SCHEME_DIR = join(repoRoot(), 'test', 'scheme');
const FILE_TIMEOUT_MS = 60_000;

export interface Annotations {
  /** Expected stdout. */
  stdout: string;
  /** Substring of the expected error report, or null if the file must run without error. */
  error: string | null;
}

/** Extracts the `; expect:` and `; expect error:` annotations of a Scheme source. */
export function parseAnnotations(source: string): Annotations {
  let stdout = '';
  let error: string | null = null;
  for (const line of source.split('\n')) {
    const e = /^\s*;+\s*expect error:\s?(.*)$/.exec(line);
    if (e !== null) {
      if (error !== null) throw new Error('more than one "; expect error:" annotation');
      error = e[1]!.trimEnd();
      continue;
    }
    const m = /^\s*;+\s*expect:(?: (.*))?$/.exec(line);
    if (m !== null) stdout += (m[1] ?? '') + '\n';
  }
  return { stdout, error };
}

function listFiles(): Array<{ area: string; file: string }> {
  const out: Array<{ area: string; file: string }> = [];
  for (const area of readdirSync(SCHEME_DIR).sort()) {
    if (!/^\d\d-/.test(area)) continue;
    for (const file of readdirSync(join(SCHEME_DIR, area)).sort()) {
      if (file.endsWith('.scm')) out.push({ area, file });
    }
  }
  return out;
}

describe('#parseAnnotations', function () {
  it('joins expect lines with newlines, an empty expect giving an empty line', function () {
    const src = '(display 1)\n; expect: 1\n;expect:\n  ; expect: a b \n(car 1)\n; expect error: PAIR expected\n';
    expect(parseAnnotations(src)).to.deep.equal({ stdout: '1\n\na b \n', error: 'PAIR expected' });
  });
  it('reports no error when there is no expect error line', function () {
    expect(parseAnnotations('; a comment\n; expect: x\n').error).to.equal(null);
  });
});

describe('annotated Scheme tests (test/scheme)', function () {
  const areas = new Map<string, string[]>();
  for (const { area, file } of listFiles()) {
    const files = areas.get(area) ?? [];
    files.push(file);
    areas.set(area, files);
  }
  for (const [area, files] of areas) {
    describe(area, function () {
      for (const file of files) {
        it(`${file} prints its expected output`, function () {
          this.timeout(FILE_TIMEOUT_MS + 10_000);
          const dir = join(SCHEME_DIR, area);
          const want = parseAnnotations(readFileSync(join(dir, file), 'utf8'));
          const got = runCliSeparate([file], { cwd: dir, timeoutMs: FILE_TIMEOUT_MS });
          expect(got.timedOut, `${area}/${file} timed out after ${FILE_TIMEOUT_MS} ms`).to.equal(false);
          expect(got.stdout, `${area}/${file} stdout`).to.equal(want.stdout);
          if (want.error === null) {
            expect(got.stderr, `${area}/${file} stderr`).to.equal('');
            expect(got.status, `${area}/${file} exit status`).to.equal(0);
          } else {
            expect(got.stderr, `${area}/${file} stderr`).to.contain(want.error);
            expect(got.status, `${area}/${file} exit status`).to.equal(70);
          }
        });
      }
    });
  }
});
