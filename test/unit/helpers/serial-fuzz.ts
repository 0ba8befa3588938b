// Fuzzing u8vector->object (runtime/deserialize.ts): a corpus of valid messages (data,
// closures, continuations...), mutations of them (bytes flipped, inserted, cut; and, more to the
// point, fields of the decoded CBOR changed and written back, which gets past the CBOR layer
// into the checks), and a check that whatever comes in either is refused with a
// DecodeError or yields objects that can be printed and run without a JS exception: the
// machine may raise Scheme errors, never crash. Used by test/unit/serialize-fuzz.test.ts (a few
// hundred cases) and bench/fuzz-serialization.ts (10^6).

import { createVm, evalString } from '../../../interpreter/setup.js';
import { Regs, run, applyProc, Mode } from '../../../interpreter/machine.js';
import { Deserializer } from '../../../runtime/deserialize.js';
import { DecodeError } from '../../../runtime/serial-format.js';
import { decodeCbor, encodeCbor } from '../../../runtime/serial-cbor.js';
import { serialize } from '../../../runtime/serialize.js';
import { Style, writeLimited } from '../../../runtime/printer.js';
import { Closure, Continuation, EMPTY_DYN, NIL, Pair, SVector, type Value } from '../../../runtime/values.js';
import { DecoderWalk } from '../../../runtime/decoder-walk.js';
import { ErrorObj } from '../../../runtime/errors.js';
import { errorReport } from '../../../runtime/error-text.js';
import type { Vm } from '../../../runtime/vm.js';
import { MemoryHost } from './memory-host.js';
import { repoRoot } from './run-cli.js';
import { readPreludes } from '../../../cli/preludes.js';

/** Scheme expressions whose values make the corpus (each evaluated in a fresh-ish Vm). */
export const CORPUS_SOURCES: string[] = [
  "(list 1 -2 3.5 -0. 2/3 (expt 2 80) (make-rectangular 1 2) #\\a \"str\" 'sym foo: #t #f '() #!void #!eof)",
  '(let ((v (vector 1 2 3)) (l (list 1 2))) (vector-set! v 0 v) (set-cdr! (cdr l) l) (list v l (u8vector 1 2 3) (box l)))',
  '(let ((t (make-table))) (table-set! t "a" 1) (table-set! t (list 2) 3) t)',
  '(let ((t (make-table test: eq?))) (table-set! t \'k (vector 1)) (cons t (delay (+ 1 2))))',
  '(begin (define-type point id: 11111111-2222-3333-4444-555555555555 x y) (list (make-point 1 (make-point 2 3))))',
  '(begin (define-type gpoint x y) (vector (make-gpoint 1 2) (make-gpoint "a" \'b)))',
  '(let ((n 5) (big (make-vector 100 0))) (lambda (x) (+ x n)))',
  '(let loop ((i 0) (acc \'())) (if (= i 3) (lambda (y) (cons y acc)) (loop (+ i 1) (cons i acc))))',
  '(letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1))))) (odd? (lambda (n) (if (= n 0) #f (even? (- n 1)))))) (list even? odd?))',
  '(let ((c 0)) (cons (lambda () (set! c (+ c 1)) c) (lambda () c)))',
  '(lambda (a #!optional (b 2) #!rest r) (list a b r))',
  '(lambda (#!key (x 1) (y 2)) (vector x y))',
  "(lambda (l) (map (lambda (x) (* x x)) l))",
  "(lambda (x) (cond ((pair? x) 'pair) ((vector? x) (vector-length x)) (else (or (and x 1) 2))))",
  '(with-exception-catcher (lambda (e) e) (lambda () (car 5)))',
  '(with-exception-catcher (lambda (e) e) (lambda () (error "bad" 1 2)))',
  '(let ((p (make-parameter 10))) (cons p (parameterize ((p 20)) (continuation-capture (lambda (k) k)))))',
  '(begin (+ 1 (continuation-capture (lambda (k) (set! kk k) 1))) kk)',
  '(begin (let f ((n 5)) (if (= n 0) (continuation-capture (lambda (k) (set! kk k) 1)) (* n (f (- n 1))))) kk)',
  '(begin (dynamic-wind (lambda () 1) (lambda () (call/cc (lambda (k) (set! kk k) 1))) (lambda () 2)) kk)',
  '(begin (with-exception-handler (lambda (e) 0) (lambda () (list 1 (call/cc (lambda (k) (set! kk k) 1))))) kk)',
  '(begin (call-with-values (lambda () (continuation-capture (lambda (k) (set! kk k) 1))) list) kk)',
  '(begin (with-exception-catcher (lambda (e) 0) (lambda () (vector 1 (continuation-capture (lambda (k) (set! kk k) 1))))) kk)',
  '(begin (force (delay (continuation-capture (lambda (k) (set! kk k) 1)))) kk)',
  "(vector (lambda () (display \"hi\")) (string->uninterned-symbol \"u\") car current-output-port)",
  '(begin (define gg (continuation-capture (lambda (k) (set! kk k) 1))) kk)',
  '(begin (set! gg (+ 1 (continuation-capture (lambda (k) (set! kk k) 1)))) kk)',
  '(begin (load "cap.scm") kk)',
  '(begin (call/cc (lambda (out) (dynamic-wind (lambda () 1) (lambda () (out 1)) (lambda () (continuation-capture (lambda (k) (set! kk k) 1)))))) kk)',
  '(begin (dynamic-wind (lambda () 1) (lambda () 2) (lambda () (continuation-capture (lambda (k) (set! kk k) 1)))) kk)',
  '(list (current-time) (make-table test: string=?) (make-table weak-keys: #t init: 0))',
  '(let ((v (s16vector -1 2))) (list v #u64(18446744073709551615) #f32(.5) #f64(-0. +nan.0) v (lambda () #s8(1 -1))))',
];

function preludes(): Array<[string, string]> {
  return readPreludes(repoRoot());
}

export function fuzzVm(): Vm {
  const host = new MemoryHost({ '/home/cap.scm': '(define before 1)\n(continuation-capture (lambda (k) (set! kk k) 1))\n(define after 2)\n' });
  return createVm(host, { preludes: preludes() });
}

/** The corpus: each source's value, serialized. */
export function buildCorpus(vm: Vm): Uint8Array[] {
  evalString(vm, '(define kk #f)');
  return CORPUS_SOURCES.map((src) => serialize(vm, evalString(vm, src)));
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** A small deterministic PRNG (xorshift32), so runs can be replayed from a seed. */
export class Rng {
  constructor(private s: number) {
    if (this.s === 0) this.s = 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  int(n: number): number {
    return this.next() % n;
  }
}

/** Byte-level: flip, set, insert, delete, cut, duplicate a range. */
export function mutateBytes(b: Uint8Array, rng: Rng): Uint8Array {
  const a = Array.from(b);
  const n = 1 + rng.int(4);
  for (let k = 0; k < n && a.length > 0; k++) {
    const i = rng.int(a.length);
    switch (rng.int(6)) {
      case 0: a[i] = a[i]! ^ (1 << rng.int(8)); break;
      case 1: a[i] = rng.int(256); break;
      case 2: a.splice(i, 0, rng.int(256)); break;
      case 3: a.splice(i, 1); break;
      case 4: a.length = i; break;
      default: a.splice(i, 0, ...a.slice(i, i + rng.int(16))); break;
    }
  }
  return new Uint8Array(a);
}

const INTERESTING: unknown[] = [0, 1, -1, 2, 3, 7, 15, 18, 24, 255, 65536, 2 ** 31, -(2 ** 40), 0.5, NaN, true, false, null, undefined, '', 'car', 'x', [], [0], [1], [0, 1], [-1], [-14, 'car'], [-30, 1], new Uint8Array([1, 2])];

/** Structure-level: decode, change fields (numbers, links, lengths), re-encode. */
export function mutateTree(b: Uint8Array, rng: Rng): Uint8Array {
  let doc: unknown;
  try {
    doc = decodeCbor(b);
  } catch {
    return mutateBytes(b, rng);
  }
  // Collect the arrays (including code units, decoded in place).
  const arrays: unknown[][] = [];
  const units: Array<{ holder: unknown[]; at: number; doc: unknown }> = [];
  const walk = (x: unknown, holder: unknown[] | null, at: number): void => {
    if (Array.isArray(x)) {
      arrays.push(x);
      x.forEach((y, i) => walk(y, x, i));
    } else if (x instanceof Uint8Array && holder !== null && holder[0] === 16 && at === 1) {
      try {
        const u = decodeCbor(x);
        units.push({ holder, at, doc: u });
        walk(u, null, 0);
      } catch { /* not a unit */ }
    }
  };
  walk(doc, null, 0);
  const n = 1 + rng.int(3);
  for (let k = 0; k < n && arrays.length > 0; k++) {
    const arr = arrays[rng.int(arrays.length)]!;
    if (arr.length === 0) continue;
    const i = rng.int(arr.length);
    const old = arr[i];
    switch (rng.int(6)) {
      case 0: if (typeof old === 'number') arr[i] = old + (rng.int(2) === 0 ? 1 : -1); break;
      case 1: arr[i] = INTERESTING[rng.int(INTERESTING.length)]; break;
      case 2: arr.splice(i, 1); break;
      case 3: arr.splice(i, 0, INTERESTING[rng.int(INTERESTING.length)]); break;
      case 4: arr[i] = arrays[rng.int(arrays.length)]; break;
      default: if (typeof old === 'number') arr[i] = rng.int(Math.max(2, arrays.length)); break;
    }
  }
  for (const u of units) {
    try {
      u.holder[u.at] = encodeCbor(u.doc, false);
    } catch { /* a cycle made by case 4: leave the old bytes */ }
  }
  try {
    return encodeCbor(doc, false);
  } catch {
    return mutateBytes(b, rng);
  }
}

export function randomBytes(rng: Rng): Uint8Array {
  const n = rng.int(64);
  const a = new Uint8Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.int(256);
  // Often start like a message, so the header is not all that is tested.
  if (n > 9 && rng.int(2) === 0) a.set([0x84, 0x66, 0x67, 0x73, 0x69, 0x2d, 0x74, 0x73, 0x01], 0);
  return a;
}

// ---------------------------------------------------------------------------------------------
// The check

export type Outcome = 'refused' | 'accepted';

/**
 * Decode `bytes` (with `decoder`: through the decoder walk too); refused input must raise
 * DecodeError (nothing else); accepted objects are printed and, if procedures or
 * continuations (also inside a list or vector), run for `fuel` steps. Throws (a JS exception:
 * a bug) when anything else happens.
 */
export function checkOne(vm: Vm, bytes: Uint8Array, fuel = 2000, decoder = false): Outcome {
  let root: Value;
  try {
    const d = new Deserializer(vm, bytes, decoder);
    root = d.root;
    if (decoder) {
      // The decoder walk, with a decoder that wraps numbers in a list and leaves the rest.
      const w = new DecoderWalk(d, d.rootField);
      while (w.run() === 'call') w.resume(typeof w.pending === 'number' ? new Pair(w.pending, NIL) : w.pending);
      root = w.root;
    }
  } catch (e: unknown) {
    if (e instanceof DecodeError) return 'refused';
    throw e;
  }
  writeLimited(vm, root, Style.Write, 2000);
  const todo: Value[] = [root];
  if (root instanceof Pair) {
    let x: Value = root;
    for (let i = 0; i < 8 && x instanceof Pair; i++, x = x.cdr) todo.push(x.car);
  } else if (root instanceof SVector) {
    todo.push(...root.items.slice(0, 8));
  }
  for (const v of todo) {
    if (v instanceof ErrorObj) errorReport(vm, v, v.loc === null ? null : { ...v.loc, proc: v.locProc });
    exercise(vm, v, fuel);
  }
  return 'accepted';
}

function exercise(vm: Vm, v: Value, fuel: number): void {
  const outer = vm.dyn;
  try {
    const r = new Regs();
    if (v instanceof Closure) {
      r.dyn = EMPTY_DYN;
      applyProc(r, v, v.lambda.nreq === 0 ? [] : v.lambda.nreq === 1 ? [3] : [1, 2, 3].slice(0, v.lambda.nreq));
    } else if (v instanceof Continuation) {
      r.dyn = v.dyn;
      r.k = v.k;
      r.mode = Mode.Return;
      r.val = 7;
    } else {
      return;
    }
    const res = run(vm, r, fuel);
    if (res === 'done') writeLimited(vm, r.val, Style.Write, 2000);
    if (res === 'error') errorReport(vm, r.val, r.errSrc);
  } finally {
    vm.dyn = outer;
  }
}
