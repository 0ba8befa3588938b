// The REPL (cli/repl.ts, cli/console-io.ts, cli/line-editor.ts).
//
// Golden transcripts: test/repl/NAME.in holds lines typed into the REPL and NAME.expected what
// gsi 4.9.3 left on its terminal, recorded by test/repl/record.sh. The driver feeds NAME.in to
// `gsi-ts --echo` on a pipe (each line is echoed after the prompt, as a terminal shows it) and
// compares the whole output with NAME.expected, line by line, after dropping trailing blanks
// of each line and blank lines at the end (the terminal rendering loses them). The first line
// of the recording, gsi's banner `Gambit v4.9.3`, stands for gsi-ts's own `gsi-ts vX`.
// Cases listed in test/repl/README.md as `- \`NAME\`: skip — why` are not run; a hand-written
// NAME.gsi-ts.expected, if present, replaces NAME.expected.
//
// Every child process runs with a timeout (spawnSync) or is killed in afterEach, and every
// wait is bounded.

import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/run-cli.js';
import { normalizeTranscript, typedLines } from './helpers/transcript.js';
import { History, LineEditor, splitKeys, visibleLength, type EditorHost } from '../../cli/line-editor.js';
import { endsInsideDatum } from '../../cli/console-io.js';
import { InputSide, Port, readLine } from '../../runtime/ports.js';
import { NIL } from '../../runtime/values.js';

const ROOT = repoRoot();
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const REPL_DIR = join(ROOT, 'test', 'repl');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TIMEOUT_MS = 20_000;
/** No history file for the children (GSI_TS_HISTORY empty). */
const ENV = { ...process.env, GSI_TS_HISTORY: '' };

interface RunResult {
  output: string;
  status: number | null;
  timedOut: boolean;
}

/** Run gsi-ts with `input` on stdin (a pipe); stdout and stderr share one file, in order. */
function runRepl(args: string[], input: string, cwd = ROOT): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-repl-'));
  const outFile = join(dir, 'output');
  const fd = openSync(outFile, 'w');
  try {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      cwd, input, env: ENV, stdio: ['pipe', fd, fd], timeout: TIMEOUT_MS, killSignal: 'SIGKILL',
    });
    closeSync(fd);
    return {
      output: readFileSync(outFile, 'utf8'),
      status: r.status,
      timedOut: r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names listed as skipped in test/repl/README.md. */
function skipped(): Set<string> {
  const out = new Set<string>();
  const readme = join(REPL_DIR, 'README.md');
  if (!existsSync(readme)) return out;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const m = /^- `([^`]+)`: skip\b/.exec(line);
    if (m !== null) out.add(m[1]!);
  }
  return out;
}

describe('#normalizeTranscript', function () {
  it('drops trailing blanks of lines and blank lines at the end', function () {
    expect(normalizeTranscript('> \n3  \r\n\n\n')).to.equal('>\n3\n');
  });
});

describe('REPL transcripts recorded from gsi 4.9.3', function () {
  const skip = skipped();
  const names = readdirSync(REPL_DIR).filter((f) => f.endsWith('.in')).map((f) => f.slice(0, -3)).sort();
  it('has an .expected file for every .in file', function () {
    expect(names.filter((n) => !existsSync(join(REPL_DIR, `${n}.expected`)))).to.deep.equal([]);
  });
  for (const name of names) {
    (skip.has(name) ? it.skip : it)(`${name} replays as gsi shows it`, function () {
      this.timeout(TIMEOUT_MS + 5000);
      const override = join(REPL_DIR, `${name}.gsi-ts.expected`);
      const expectedFile = existsSync(override) ? override : join(REPL_DIR, `${name}.expected`);
      const want = normalizeTranscript(readFileSync(expectedFile, 'utf8')).replace(/^Gambit v4\.9\.3\n/, `gsi-ts v${VERSION}\n`);
      const got = runRepl(['--echo'], typedLines(readFileSync(join(REPL_DIR, `${name}.in`), 'utf8')), REPL_DIR);
      expect(got.timedOut, 'timed out').to.equal(false);
      expect(normalizeTranscript(got.output)).to.equal(want);
      expect(got.status).to.equal(0);
    });
  }
});

describe('REPL on a pipe', function () {
  this.timeout(TIMEOUT_MS + 5000);

  it('prints the banner, prompts and results, without echo by default', function () {
    const r = runRepl([], '(+ 1 2)\n(define x 5)\n(values x x)\n');
    expect(r.output).to.equal(`gsi-ts v${VERSION}\n\n> 3\n> > 5\n5\n> \n`);
    expect(r.status).to.equal(0);
  });

  it('counts every line typed for error locations', function () {
    const r = runRepl(['--echo'], '1\n\n(define (f x)\n  (+ 1 (car x)))\n(f 2)\n');
    expect(r.output).to.contain('*** ERROR IN f, (console)@4.8 -- (Argument 1) PAIR expected\n(car 2)\n1> ');
  });

  it('exits with status 70 when the input ends at an error level', function () {
    const r = runRepl([], '(car 1)\n');
    expect(r.output).to.equal(`gsi-ts v${VERSION}\n\n> *** ERROR IN (console)@1.1 -- (Argument 1) PAIR expected\n(car 1)\n1> \n`);
    expect(r.status).to.equal(70);
  });

  it('exits with ,q at a nested level with status 0', function () {
    const r = runRepl([], '(car 1)\n,q\n(display "not reached")\n');
    expect(r.output).not.to.contain('not reached');
    expect(r.status).to.equal(0);
  });

  it('loads the files before `-`, then starts the REPL without a banner', function () {
    const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-repl-'));
    try {
      writeFileSync(join(dir, 'lib.scm'), '(define (twice x) (* 2 x))\n(display "loaded")\n(newline)\n');
      const r = runRepl(['lib.scm', '-'], '(twice 21)\n', dir);
      expect(r.output).to.equal('loaded\n> 42\n> \n');
      expect(r.status).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends with status 70 on an error in a file before `-`, as gsi does', function () {
    const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-repl-'));
    try {
      writeFileSync(join(dir, 'bad.scm'), '(car 1)\n');
      const r = runRepl(['bad.scm', '-'], '(display "not reached")\n', dir);
      expect(r.output).to.equal('*** ERROR IN "bad.scm"@1.1 -- (Argument 1) PAIR expected\n(car 1)\n');
      expect(r.status).to.equal(70);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a form read the rest of its line and the lines after it from the console', function () {
    const r = runRepl(['--echo'], '(list (read-line) (read-line))\nnext line\n(+ 1 2)\n');
    expect(normalizeTranscript(r.output)).to.equal(`gsi-ts v${VERSION}\n\n> (list (read-line) (read-line))\nnext line\n("" "next line")\n> (+ 1 2)\n3\n>\n`);
  });

  it('still runs -e expressions and files without a REPL', function () {
    const r = runRepl(['-e', '(display (+ 1 2))'], '(display "not read")\n');
    expect(r.output).to.equal('3');
    expect(r.status).to.equal(0);
  });
});

describe('standard input of a program run from a file', function () {
  this.timeout(TIMEOUT_MS + 5000);

  it('comes from stdin when it is a pipe', function () {
    const dir = mkdtempSync(join(tmpdir(), 'gsi-ts-repl-'));
    try {
      writeFileSync(join(dir, 'echo.scm'), '(display (read-line)) (newline) (display (read-line)) (newline) (write (read-line))\n');
      const r = runRepl(['echo.scm'], 'hello\nworld\n', dir);
      expect(r.output).to.equal('hello\nworld\n#!eof');
      expect(r.status).to.equal(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A gsi-ts child driven line by line, with bounded waits on its output. */
class Session {
  readonly child: ChildProcess;
  output = '';
  private waiters: Array<() => void> = [];

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    const got = (b: Buffer): void => {
      this.output += b.toString('utf8');
      for (const w of this.waiters.splice(0)) w();
    };
    this.child.stdout!.on('data', got);
    this.child.stderr!.on('data', got);
  }

  send(text: string): void {
    this.child.stdin!.write(text);
  }

  /** Wait until the output matches `re` (from index `from`), at most `ms` milliseconds. */
  waitFor(re: RegExp, ms = 5000, from = 0): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(re)}; output so far:\n${this.output}`)), ms);
      const check = (): void => {
        if (re.test(this.output.slice(from))) {
          clearTimeout(timer);
          resolve();
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  exited(ms = 5000): Promise<number | null> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null) { resolve(this.child.exitCode); return; }
      const timer = setTimeout(() => reject(new Error('the REPL did not exit')), ms);
      this.child.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    });
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

describe('REPL sessions', function () {
  this.timeout(20_000);
  let s: Session | null = null;
  afterEach(function () {
    s?.kill();
    s = null;
  });

  it('interrupts a running evaluation into a nested level on SIGINT, and ,c resumes it', async function () {
    s = new Session(['--echo']);
    await s.waitFor(/> $/);
    s.send('(define stop #f)\n(let loop ((i 0)) (if stop (list \'stopped (> i 0)) (loop (+ i 1))))\n');
    await s.waitFor(/> \(let loop[^\n]*\n$/);
    await new Promise((r) => setTimeout(r, 200));
    s.child.kill('SIGINT');
    await s.waitFor(/\*\*\* INTERRUPTED IN (loop, )?\(console\)@2\.\d+\n1> $/);
    s.send('(+ 1 2)\n');
    await s.waitFor(/1> \(\+ 1 2\)\n3\n1> $/);
    s.send('(set! stop #t)\n,c\n');
    await s.waitFor(/1> ,c\n\(stopped #t\)\n> $/);
    s.send(',q\n');
    expect(await s.exited()).to.equal(0);
  });

  it('keeps other threads running while it waits for input', async function () {
    s = new Session([]);
    await s.waitFor(/> $/);
    s.send('(thread-start! (make-thread (lambda () (let loop ((i 0)) (thread-sleep! .05) (display "tick") (newline) (if (< i 2) (loop (+ i 1)))))))\n');
    await s.waitFor(/(tick\n[^]*){3}/);
    s.send('(+ 1 2)\n');
    await s.waitFor(/3\n> $/);
    s.send(',q\n');
    expect(await s.exited()).to.equal(0);
  });

  it('drops a partly typed form on SIGINT at the prompt', async function () {
    s = new Session([]);
    await s.waitFor(/> $/);
    s.send('(list 1\n');
    await new Promise((r) => setTimeout(r, 200));
    const before = s.output.length;
    s.child.kill('SIGINT');
    await s.waitFor(/^\n> $/, 5000, before);
    s.send('(+ 1 2)\n');
    await s.waitFor(/3\n> $/);
    s.child.stdin!.end();
    expect(await s.exited()).to.equal(0);
  });
});

describe('REPL on a terminal (under util-linux script)', function () {
  this.timeout(30_000);
  const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
  let child: ChildProcess | null = null;
  let dir = '';
  afterEach(function () {
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = null;
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  (hasScript ? it : it.skip)('edits lines, completes names, recalls and saves history, and leaves levels on C-d', async function () {
    dir = mkdtempSync(join(tmpdir(), 'gsi-ts-tty-'));
    const hist = join(dir, 'history');
    writeFileSync(hist, '(display "from an earlier session")\n');
    const c = spawn('script', ['-qec', `stty cols 80 rows 24; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`, '/dev/null'], {
      cwd: ROOT, env: { ...process.env, GSI_TS_HISTORY: hist, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = c;
    let raw = '';
    const waiters: Array<() => void> = [];
    c.stdout!.on('data', (b: Buffer) => { raw += b.toString('utf8'); for (const w of waiters.splice(0)) w(); });
    const waitFor = (needle: string, ms = 8000): Promise<void> => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${JSON.stringify(needle)}; output so far:\n${raw}`)), ms);
      const check = (): void => {
        if (raw.includes(needle)) { clearTimeout(timer); resolve(); } else waiters.push(check);
      };
      check();
    });
    const type = async (keys: string, needle: string): Promise<void> => {
      c.stdin!.write(keys);
      await waitFor(needle);
    };
    await waitFor('> ');
    await type('(define (sq x) (* x x))\r(sq\r12)\r', '144');
    await type('(string-ap\t "a" "b")\r', '"ab"');
    await type('\x1b[A\x1b[A\x1b[A\x1b[A\r', 'from an earlier session');
    await type('(car 1)\r', '1> ');
    await type('\x04', '\n> ');
    await type('\x04', '*** EOF again to exit');
    c.stdin!.write('\x04');
    const status = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not exit; output:\n${raw}`)), 8000);
      c.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    });
    expect(status).to.equal(0);
    const { render } = await import(join(REPL_DIR, 'render.mjs')) as { render: (s: string) => string };
    expect(render(raw)).to.equal([
      `gsi-ts v${VERSION}`,
      '',
      '> (define (sq x) (* x x))',
      '> (sq',
      '12)',
      '144',
      '> (string-append "a" "b")',
      '"ab"',
      '> (display "from an earlier session")',
      'from an earlier session> (car 1)',
      '*** ERROR IN (console)@6.1 -- (Argument 1) PAIR expected',
      '(car 1)',
      '1>',
      '>',
      '*** EOF again to exit',
      '>',
    ].join('\n') + '\n');
    expect(readFileSync(hist, 'utf8').split('\n')).to.deep.equal([
      '(display "from an earlier session")',
      '(define (sq x) (* x x))',
      '(sq 12)',
      '(string-append "a" "b")',
      '(display "from an earlier session")',
      '(car 1)',
      '',
    ]);
  });

  (hasScript ? it : it.skip)('interrupts a running evaluation into a nested level on C-c, where ,c resumes it', async function () {
    // On a terminal the console is in raw mode: C-c arrives as a key (no SIGINT), read while
    // the evaluation runs.
    const c = spawn('script', ['-qec', `stty cols 80 rows 24; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`, '/dev/null'], {
      cwd: ROOT, env: { ...ENV, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = c;
    let raw = '';
    const waiters: Array<() => void> = [];
    c.stdout!.on('data', (b: Buffer) => { raw += b.toString('utf8'); for (const w of waiters.splice(0)) w(); });
    const waitFor = (re: RegExp, ms = 8000): Promise<void> => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(re)}; output so far:\n${raw}`)), ms);
      const check = (): void => {
        if (re.test(raw)) { clearTimeout(timer); resolve(); } else waiters.push(check);
      };
      check();
    });
    await waitFor(/> $/);
    c.stdin!.write('(define stop #f)\r');
    await waitFor(/\n> $/);
    c.stdin!.write('(let loop ((i 0)) (if stop (list \'stopped (> i 0)) (loop (+ i 1))))\r');
    await new Promise((r) => setTimeout(r, 300));
    c.stdin!.write('\x03');
    await waitFor(/\*\*\* INTERRUPTED IN (loop, )?\(console\)@2\.\d+\r?\n1> $/);
    c.stdin!.write('(set! stop #t)\r');
    await waitFor(/1> $/);
    c.stdin!.write(',c\r');
    await waitFor(/\(stopped #t\)\r?\n> $/);
    c.stdin!.write(',q\r');
    const status = await new Promise<number | null>((resolve, reject) => {
      if (c.exitCode !== null) { resolve(c.exitCode); return; }
      const timer = setTimeout(() => reject(new Error(`did not exit; output:\n${raw}`)), 8000);
      c.on('exit', (code) => { clearTimeout(timer); resolve(code); });
    });
    expect(status).to.equal(0);
  });

  (hasScript ? it : it.skip)('lays out a backtrace for 80 columns, as gsi does, on a terminal that does not tell its width', async function () {
    const c = spawn('script', ['-qec', `stty cols 0 rows 0; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`, '/dev/null'], {
      cwd: ROOT, env: { ...ENV, TERM: 'xterm' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = c;
    let raw = '';
    c.stdout!.on('data', (b: Buffer) => { raw += b.toString('utf8'); });
    c.stdin!.write("(define (enc x) (if (pair? x) x (car x)))\r(object->u8vector '(1 2) enc)\r,b\r,q\r");
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not exit; output:\n${raw}`)), 8000);
      c.on('exit', () => { clearTimeout(timer); resolve(); });
    });
    // gsi 4.9.3 under `script` with 0 columns: the same two columns of 24 (it shows three
    // frames of its own ##object->u8vector where gsi-ts has one).
    expect(raw).to.include('*** ERROR IN ##object->u8vector -- (Argument 1) PAIR expected');
    expect(raw).to.match(/\n0 {2}##object->u8vector\r?\n1 {2}\(interaction\) {11}\(console\)@2:1 {11}\(object->u8vector '\(1 2\) \.\.\.\r?\n/);
  });
});

// ---------------------------------------------------------------------------------------------
// The line editor, driven without a terminal

class FakeTerminal implements EditorHost {
  out = '';
  constructor(private readonly names: string[] = [], private readonly cols = 80) {}
  write(text: string): void { this.out += text; }
  columns(): number { return this.cols; }
  words(): Iterable<string> { return this.names; }
}

describe('#LineEditor', function () {
  it('returns the line typed when Enter is pressed, with the keys after it', function () {
    const ed = new LineEditor(new FakeTerminal(), new History(), '> ');
    expect(ed.feed('(+ 1')).to.equal(null);
    expect(ed.feed(' 2)\r(next')).to.deep.equal({ kind: 'line', text: '(+ 1 2)', rest: '(next' });
  });

  it('edits in the middle of the line with the cursor keys, C-a, C-e and Backspace', function () {
    const ed = new LineEditor(new FakeTerminal(), new History(), '> ');
    ed.feed('(car x)');
    ed.feed('\x1b[D\x7fy');                // left, backspace, y: (car y)
    ed.feed('\x01\x06\x06\x06\x06x');      // C-a, right x4, insert x: (carx y)
    expect(ed.feed('\x05\r')).to.deep.equal({ kind: 'line', text: '(carx y)', rest: '' });
  });

  it('kills to the end with C-k and yanks with C-y', function () {
    const ed = new LineEditor(new FakeTerminal(), new History(), '');
    ed.feed('abc def\x01\x06\x06\x06\x0b');
    expect(ed.text).to.equal('abc');
    ed.feed('\x01\x19');
    expect(ed.text).to.equal(' defabc');
  });

  it('walks the history with Up and Down, keeping the line being typed', function () {
    const h = new History();
    h.add('(first)');
    h.add('(second)');
    const ed = new LineEditor(new FakeTerminal(), h, '> ');
    ed.feed('(new');
    ed.feed('\x1b[A');
    expect(ed.text).to.equal('(second)');
    ed.feed('\x1b[A\x1b[A');
    expect(ed.text).to.equal('(first)');
    ed.feed('\x1b[B\x1b[B');
    expect(ed.text).to.equal('(new');
  });

  it('completes a global name with Tab, and lists the candidates on a second Tab', function () {
    const term = new FakeTerminal(['string-append', 'string-length', 'car']);
    const ed = new LineEditor(term, new History(), '> ');
    ed.feed('(string-ap\t');
    expect(ed.text).to.equal('(string-append');
    ed.feed(' (stri\t');
    expect(ed.text).to.equal('(string-append (string-');
    ed.feed('\t');
    expect(term.out).to.contain('string-append  string-length');
  });

  it('reports end of file for C-d on an empty line, and cancels the line on C-c', function () {
    expect(new LineEditor(new FakeTerminal(), new History(), '> ').feed('\x04')).to.deep.equal({ kind: 'eof', rest: '' });
    const ed = new LineEditor(new FakeTerminal(), new History(), '> ');
    expect(ed.feed('(abc\x03')).to.deep.equal({ kind: 'cancel', rest: '' });
  });

  it('redraws a line longer than the terminal over several rows', function () {
    const term = new FakeTerminal([], 10);
    const ed = new LineEditor(term, new History(), '> ');
    ed.feed('0123456789abc');
    term.out = '';
    ed.feed('\x01'); // back to the start: up one row
    expect(term.out).to.equal('\x1b[1A\r\x1b[2C');
  });
});

describe('#History', function () {
  it('keeps entries in order, without repeating the last one, up to its size', function () {
    const h = new History(3);
    for (const l of ['a', 'b', 'b', ' ', 'c', 'd']) h.add(l);
    expect(h.entries).to.deep.equal(['b', 'c', 'd']);
  });
});

describe('#splitKeys', function () {
  it('splits text into characters and escape sequences', function () {
    expect(splitKeys('a\x1b[A\x1bOHb\x1b[3~\x1bf')).to.deep.equal(['a', '\x1b[A', '\x1bOH', 'b', '\x1b[3~', '\x1bf']);
  });
});

describe('#visibleLength', function () {
  it('does not count escape sequences', function () {
    expect(visibleLength('\x1b[1m> \x1b[m')).to.equal(2);
  });
});

describe('#InputSide.demand', function () {
  it('is told when a reader finds the buffer dry, and the read goes on with what it feeds', function () {
    const inp = new InputSide('', false);
    const port = new Port('console', NIL, inp, null);
    const lines = ['first\n', 'second\n'];
    let asked = 0;
    inp.demand = () => { asked++; const l = lines.shift(); if (l !== undefined) inp.feed(l); else inp.close(); };
    expect(readLine(port, 10, false)).to.equal('first');
    expect(readLine(port, 10, false)).to.equal('second');
    expect(readLine(port, 10, false)).to.equal(null);
    expect(asked).to.equal(3);
  });
});

describe('#endsInsideDatum', function () {
  it('is true for text that ends in an open list or string, false otherwise', function () {
    expect(endsInsideDatum('(define (f x)')).to.equal(true);
    expect(endsInsideDatum('"abc')).to.equal(true);
    expect(endsInsideDatum('(f x) (g')).to.equal(true);
    expect(endsInsideDatum('(f x)')).to.equal(false);
    expect(endsInsideDatum(')')).to.equal(false);
    expect(endsInsideDatum(',q')).to.equal(false);
  });
});
