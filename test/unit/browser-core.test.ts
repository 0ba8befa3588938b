// interpreter/ and runtime/ must not need Node.js (a browser node is planned): they reach the
// outside world only through the Host interface. This bundles them for a browser with esbuild
// (test/browser/entry.ts: the core on an in-memory host), which fails on any `node:` import,
// then runs the bundle in a fresh V8 context that has none of Node's globals (no process,
// Buffer, require, setTimeout...), and checks that a program using closures, call/cc,
// serialization, records, threads and timers, bignums and errors prints there exactly what
// `gsi-ts` prints for it.

import { expect } from 'chai';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readPreludes } from '../../cli/preludes.js';
import { repoRoot, runCliSeparate } from './helpers/run-cli.js';
import type { BrowserRun } from '../browser/entry.js';

const PROGRAM = `
(define-type point id: 0F6F0A5C-3F2B-4E0B-9D1C-7A6B5C4D3E2F x y)
(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
(define c (make-counter))
(c)
(c)
(define copy (u8vector->object (object->u8vector c)))
(write (list (copy) (c) (copy)))
(newline)
(write (+ 1 (call/cc (lambda (k) (k 41)))))
(newline)
(define t (thread-start! (make-thread (lambda () (thread-sleep! .05) (list (thread-receive) (current-thread))) 'worker)))
(thread-send t 'hello)
(write (thread-join! t))
(newline)
(write (with-exception-catcher (lambda (e) (error-exception-message e)) (lambda () (error "bad" 1))))
(newline)
(write (point-y (u8vector->object (object->u8vector (make-point 1 2)))))
(newline)
(write (list (expt 2 100) (/ 1 3) (exact->inexact 1/3) (string->symbol "x y")))
(newline)
(car '())
`;

/** Every compiled module of interpreter/ and runtime/ (relative to dist/). */
function coreModules(dist: string): string[] {
  const found: string[] = [];
  for (const top of ['interpreter', 'runtime']) {
    for (const f of readdirSync(path.join(dist, top), { recursive: true }) as string[]) {
      if (f.endsWith('.js')) found.push(path.join(top, f));
    }
  }
  return found;
}

describe('#browser core', function () {
  this.timeout(60_000);

  it('no module of interpreter/ or runtime/ imports a Node.js module (all bundled for a browser)', async () => {
    const dist = path.join(repoRoot(), 'dist');
    const modules = coreModules(dist);
    expect(modules.length).to.be.greaterThan(40);
    const result = await build({
      stdin: { contents: modules.map((m) => `import ${JSON.stringify(`./${m}`)};`).join('\n'), resolveDir: dist },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).to.deep.equal([]);
  });

  it('bundles interpreter/ and runtime/ for a browser and runs them without Node.js, as gsi-ts runs them', async () => {
    const root = repoRoot();
    const result = await build({
      entryPoints: [path.join(root, 'dist', 'test', 'browser', 'entry.js')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'GsiCore',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    // Only the core and the in-memory host went in.
    const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(path.join(root, 'dist'), path.resolve(f)));
    const outside = inputs.filter((f) => !/^(interpreter|runtime)\//.test(f)
      && !['test/browser/entry.js', 'test/unit/helpers/world-core.js', 'test/unit/helpers/memory-host.js'].includes(f));
    expect(outside, 'bundled files outside interpreter/ and runtime/').to.deep.equal([]);
    expect(inputs.filter((f) => f.startsWith('interpreter/')).length).to.be.greaterThan(5);

    // A context with the standard JavaScript globals only (plus TextEncoder/TextDecoder, which
    // browsers have).
    const context = vm.createContext({ TextEncoder, TextDecoder });
    expect(vm.runInContext('typeof process + typeof Buffer + typeof require + typeof setTimeout', context))
      .to.equal('undefinedundefinedundefinedundefined');
    vm.runInContext(result.outputFiles[0]!.text, context);
    context['preludes'] = readPreludes(root);
    context['program'] = PROGRAM;
    const browser = vm.runInContext('GsiCore.run(preludes, program)', context) as BrowserRun;

    const dir = mkdtempSync(path.join(tmpdir(), 'gsi-ts-browser-'));
    try {
      writeFileSync(path.join(dir, 'test.scm'), PROGRAM);
      const cli = runCliSeparate(['test.scm'], { cwd: dir });
      expect(browser.ended).to.equal(true);
      expect(browser.out).to.equal(cli.stdout);
      expect(browser.error).to.equal(cli.stderr);
      expect(cli.status).to.equal(70);
      expect(cli.stdout).to.include('(3 3 4)\n42\n(hello #<thread #2 worker>)\n"bad"\n2\n');
      expect(cli.stderr).to.match(/^\*\*\* ERROR IN "test\.scm"@22\.1 -- \(Argument 1\) PAIR expected\n\(car '\(\)\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
