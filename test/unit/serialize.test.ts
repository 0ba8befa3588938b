// object->u8vector / u8vector->object (runtime/serialize.ts, deserialize.ts, serial-code.ts,
// decoder-walk.ts, prims/serialization.ts). Encoder/decoder call orders and the talk's pprinter
// output were checked against gsi 4.9.3; sizes and error paths are gsi-ts's own.

import { expect } from 'chai';
import { readPreludes } from '../../cli/preludes.js';
import { repoRoot } from './helpers/run-cli.js';
import { createVm, evalString, SchemeFailure } from '../../interpreter/setup.js';
import { ErrorObj } from '../../runtime/errors.js';
import { exceptionText } from '../../runtime/error-text.js';
import { writeString } from '../../runtime/printer.js';
import { deserialize } from '../../runtime/deserialize.js';
import { serialize } from '../../runtime/serialize.js';
import { serialState } from '../../runtime/serial-code.js';
import { decodeCbor, encodeCbor } from '../../runtime/serial-cbor.js';
import { Closure, Continuation, MString, NIL, Pair, Primitive, U8Vector, VOID, intern, type Value } from '../../runtime/values.js';
import type { Vm } from '../../runtime/vm.js';
import { MemoryHost } from './helpers/memory-host.js';
import { threadWorld } from './helpers/thread-world.js';

const PRELUDES = readPreludes(repoRoot());

/** A Scheme world: a Vm with the preludes, its host, and evaluation helpers. */
class World {
  readonly host = new MemoryHost();
  readonly vm: Vm = createVm(this.host, { preludes: PRELUDES });
  /** Evaluate; the last value as `write` shows it. */
  ev(src: string): string {
    return writeString(this.vm, this.value(src), false);
  }
  value(src: string): Value {
    return evalString(this.vm, src);
  }
  /** Evaluate expecting an error: the error object. */
  fail(src: string): ErrorObj {
    try {
      evalString(this.vm, src);
    } catch (e: unknown) {
      if (e instanceof SchemeFailure && e.value instanceof ErrorObj) return e.value;
      throw e;
    }
    throw new Error(`no error from ${src}`);
  }
  out(): string {
    return this.host.takeOut();
  }
  bytes(v: Value): Uint8Array {
    return serialize(this.vm, v);
  }
  load(bytes: Uint8Array): Value {
    return deserialize(this.vm, bytes);
  }
  /** Define `to` as a copy of global `from` made by a round trip through bytes in this Vm. */
  copy(from: string, to: string): void {
    this.define(to, this.load(this.bytes(this.value(from))));
  }

  define(name: string, v: Value): void {
    this.vm.define(name, v);
  }
}

/** Round trip through bytes in the same world, written. */
function rt(w: World, src: string): string {
  return writeString(w.vm, w.load(w.bytes(w.value(src))), false);
}

describe('serialization', () => {
  let a: World;
  beforeEach(() => { a = new World(); });

  describe('data', () => {
    it('round-trips numbers of every kind', () => {
      const src = "(list 0 -1 42 (expt 2 53) (- (expt 2 70)) 3.5 -0. +inf.0 (/ 0. 0.) 1e300 2/3 (- (expt 3 50) 1/7) (make-rectangular 1 2) (make-rectangular 1.5 -2/3) 2.)";
      expect(rt(a, src)).to.equal(a.ev(src));
    });

    it('round-trips characters, strings, symbols and keywords', () => {
      const src = `(list #\\a #\\x3bb #\\x1F600 "" "héllo\\n" 'sym '|a b| foo: #t #f '() #!void #!eof #!default)`;
      expect(rt(a, src)).to.equal(a.ev(src));
    });

    it('keeps strings and symbols that are not well-formed UTF-16 (CBOR text is UTF-8)', () => {
      const odd = 'a\ud800b\udc00';
      const back = a.load(a.bytes(new Pair(new MString(odd), new Pair(intern(odd), NIL)))) as Pair;
      expect((back.car as MString).s).to.equal(odd);
      expect((back.cdr as Pair).car).to.equal(intern(odd));
    });

    it('keeps an uninterned symbol uninterned and shared within one message', () => {
      a.ev('(define g (string->uninterned-symbol "g"))');
      a.define('x', a.load(a.bytes(a.value('(list g g)'))));
      expect(a.ev('(list (eq? (car x) (cadr x)) (eq? (car x) g) (symbol->string (car x)))')).to.equal('(#t #f "g")');
    });

    it('round-trips vectors, u8vectors, boxes and promises', () => {
      expect(rt(a, "(list (vector 1 (vector 2) 'x) (u8vector 1 2 255) (box 5))")).to.equal("(#(1 #(2) x) #u8(1 2 255) #&5)");
      a.ev('(define p (delay (+ 1 2)))');
      a.copy('p', 'q');
      expect(a.ev('(list (force q) (promise? q))')).to.equal('(3 #t)');
      a.ev('(force p)');
      a.copy('p', 'q2');
      expect(a.ev('(force q2)')).to.equal('3');
    });

    it('round-trips homogeneous vectors of every kind, exactly, and keeps them shared', () => {
      const src = `(list #s8(-128 127) #s16(-32768 32767) #u16(65535) #s32(-2147483648) #u32(4294967295)
        #s64(-9223372036854775808 9223372036854775807) #u64(18446744073709551615 9007199254740993)
        #f32(.1 -0. +inf.0) #f64(.1 -0. +nan.0 1e300) (s8vector) (f64vector))`;
      expect(rt(a, src)).to.equal(a.ev(src));
      a.ev('(define v (u32vector 1 2)) (define l (list v v))');
      a.copy('l', 'l2');
      expect(a.ev('(list (eq? (car l2) (cadr l2)) (eq? (car l2) v) (u32vector? (car l2)))')).to.equal('(#t #f #t)');
    });

    it('writes a homogeneous vector as one entry: its kind and its elements little-endian', () => {
      const doc = decodeCbor(a.bytes(a.value('(s16vector 258 -2)'))) as unknown[];
      const entries = doc[3] as unknown[][];
      expect(entries.length).to.equal(1);
      expect(entries[0]![0]).to.equal(26);
      expect(entries[0]![1]).to.equal('s16');
      expect(Array.from(entries[0]![2] as Uint8Array)).to.deep.equal([2, 1, 0xfe, 0xff]);
    });

    it('round-trips tables, which Gambit refuses to serialize', () => {
      a.ev('(define t (make-table)) (table-set! t "k" 1) (table-set! t (list 1 2) 2) (table-set! t \'s 3)');
      a.copy('t', 't2');
      expect(a.ev('(list (table-ref t2 "k") (table-ref t2 (list 1 2)) (table-ref t2 \'s) (table-length t2))')).to.equal('(1 2 3 3)');
      a.ev('(define e (make-table test: eq?)) (define key (list 1)) (table-set! e key 9)');
      a.define('e2', a.load(a.bytes(a.value('(cons key e)'))));
      expect(a.ev('(table-ref (cdr e2) (car e2) #f)')).to.equal('9');
      expect(a.ev('(table-ref (cdr e2) key #f)')).to.equal('#f');
    });

    it('round-trips exception objects', () => {
      a.ev('(define err (with-exception-catcher (lambda (e) e) (lambda () (error "bad thing:" 1 "two"))))');
      a.copy('err', 'err2');
      expect(a.ev('(list (error-exception? err2) (error-exception-message err2) (error-exception-parameters err2))')).to.equal('(#t "bad thing:" (1 "two"))');
      a.ev('(define terr (with-exception-catcher (lambda (e) e) (lambda () (car 5))))');
      a.copy('terr', 'terr2');
      expect(exceptionText(a.vm, a.value('terr2'))).to.equal(exceptionText(a.vm, a.value('terr')));
    });

    it('keeps sharing and cycles', () => {
      a.ev('(define c (list 1 2 3)) (set-cdr! (cddr c) c)');
      a.copy('c', 'c2');
      expect(a.ev('(list (eq? c2 (cdddr c2)) (car c2) (cadr c2) (caddr c2))')).to.equal('(#t 1 2 3)');
      a.ev('(define tail (list 7 8)) (define sh (list (cons 1 tail) (cons 2 tail) tail))');
      a.copy('sh', 'sh2');
      expect(a.ev('(list (eq? (cdar sh2) (cdadr sh2)) (eq? (cdar sh2) (caddr sh2)) sh2)')).to.equal('(#t #t ((1 7 8) (2 7 8) (7 8)))');
      a.ev('(define v (vector 1 2)) (vector-set! v 1 v)');
      a.copy('v', 'v2');
      expect(a.ev('(eq? v2 (vector-ref v2 1))')).to.equal('#t');
      // A tail shared with the middle of another list: a reference [i, k].
      a.ev('(define l (list 1 2 3 4)) (define m (list l (cddr l)))');
      a.copy('m', 'm2');
      expect(a.ev('(eq? (cddr (car m2)) (cadr m2))')).to.equal('#t');
    });

    it('handles a 10^5-element list and a 10^5-deep nesting without recursion', () => {
      a.ev('(define big (iota 100000))');
      a.copy('big', 'big2');
      expect(a.ev('(list (length big2) (list-ref big2 99999) (equal? big big2))')).to.equal('(100000 99999 #t)');
      a.ev('(define deep (let loop ((i 0) (acc \'())) (if (= i 100000) acc (loop (+ i 1) (list acc)))))');
      a.copy('deep', 'deep2');
      expect(a.ev('(let loop ((x deep2) (n 0)) (if (null? x) n (loop (car x) (+ n 1))))')).to.equal('100000');
    });
  });

  describe('records and types', () => {
    const T = '(define-type ser-stdout id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40) (define-type point id: 7A1F0C2E-0000-4000-8000-000000000001 x y)';

    it('keeps the identity of a type with an id: across Vms', () => {
      const b = new World();
      a.ev(T);
      b.ev(T);
      b.define('r', b.load(a.bytes(a.value('(list (make-ser-stdout) (make-point 1 2))'))));
      expect(b.ev('(list (ser-stdout? (car r)) (point? (cadr r)) (point-y (cadr r)) r)')).to.equal('(#t #t 2 (#<ser-stdout #2> #<point #3 x: 1 y: 2>))');
    });

    it('registers a type with an id: that the receiver did not define yet', () => {
      const b = new World();
      a.ev(T);
      b.define('r', b.load(a.bytes(a.value('(make-point 1 2)'))));
      b.ev(T);
      expect(b.ev('(list (point? r) (point-x r))')).to.equal('(#t 1)');
    });

    it('treats a type without id: as generative: a record loses its predicate after a round trip', () => {
      a.ev('(define-type pt x y) (define p (make-pt 1 2))');
      a.define('q', a.load(a.bytes(a.value('(list p p)'))));
      expect(a.ev('(list (pt? p) (pt? (car q)) (eq? (car q) (cadr q)) (car q))')).to.equal('(#t #f #t #<pt #2 x: 1 y: 2>)');
    });

    it('tells apart types with the same uuid and different fields (the id counts the fields)', () => {
      const b = new World();
      a.ev('(define-type point id: 7A1F0C2E-0000-4000-8000-000000000001 x y)');
      b.ev('(define-type point id: 7A1F0C2E-0000-4000-8000-000000000001 x y z)');
      b.define('r', b.load(a.bytes(a.value('(make-point 1 2)'))));
      expect(b.ev('(point? r)')).to.equal('#f');
    });
  });

  describe('closures', () => {
    it('round-trips a closure: its code travels, globals are looked up where it runs', () => {
      const b = new World();
      a.ev('(define (adder n) (lambda (x) (+ x n (base))))  (define (base) 100)');
      b.ev('(define (base) 1000)');
      b.define('f', b.load(a.bytes(a.value('(adder 5)'))));
      expect(b.ev('(f 1)')).to.equal('1006');
    });

    it('carries only the variables the code can reach', () => {
      a.ev(`(define (mk)
              (let ((big (make-vector 10000 1.5)) (n 5) (s (make-string 10000 #\\a)))
                (lambda (x) (+ x n))))`);
      const bytes = a.bytes(a.value('(mk)'));
      expect(bytes.length).to.be.lessThan(200);
      a.define('g', a.load(bytes));
      expect(a.ev('(g 1)')).to.equal('6');
    });

    it('carries variables of outer environments at any depth', () => {
      a.ev(`(define (outer a)
              (let ((unused (make-vector 1000 0)))
                (lambda (b) (lambda (c) (set! a (+ a 1)) (list a b c)))))`);
      const bytes = a.bytes(a.value('((outer 1) 2)'));
      expect(bytes.length).to.be.lessThan(400);
      a.define('h', a.load(bytes));
      expect(a.ev('(list (h 3) (h 4))')).to.equal('((2 2 3) (3 2 4))');
    });

    it('keeps a variable shared by two closures shared', () => {
      a.ev('(define (counter) (let ((n 0)) (cons (lambda () (set! n (+ n 1)) n) (lambda () n))))');
      a.define('c', a.load(a.bytes(a.value('(counter)'))));
      expect(a.ev('(begin ((car c)) ((car c)) ((cdr c)))')).to.equal('2');
    });

    it('round-trips recursive closures (letrec, named let)', () => {
      a.ev('(define (mkfact) (letrec ((f (lambda (n) (if (= n 0) 1 (* n (f (- n 1))))))) f))');
      const b = new World();
      b.define('fact', b.load(a.bytes(a.value('(mkfact)'))));
      expect(b.ev('(fact 20)')).to.equal('2432902008176640000');
    });

    it('sends primitives by name: the receiver uses its own', () => {
      const b = new World();
      b.define('x', b.load(a.bytes(a.value('(list car current-output-port display)'))));
      expect(b.ev('(list (eq? (car x) car) (eq? (cadr x) current-output-port) (eq? (caddr x) display))')).to.equal('(#t #t #t)');
    });

    it('shares code decoded again: decoding the same closure 1000 times keeps one LambdaNode', () => {
      const b = new World();
      a.ev('(define (adder n) (lambda (x) (+ x n)))');
      const lambdas = new Set<unknown>();
      for (let i = 0; i < 1000; i++) {
        const c = b.load(a.bytes(a.value(`(adder ${i})`)));
        expect(c).to.be.instanceOf(Closure);
        lambdas.add((c as Closure).lambda);
      }
      expect(lambdas.size).to.equal(1);
    });

    it('names the path to what cannot be serialized', () => {
      a.ev('(define (pprinter port) (lambda (x) (pp x port))) (define p (pprinter (current-output-port)))');
      const e = a.fail('(object->u8vector p)');
      expect(e.kind).to.equal('serialization');
      expect(e.message).to.equal("can't serialize #<output-port #2 (stdout)> (reached via closure p > variable port)");
      expect(exceptionText(a.vm, e)).to.equal(`${e.message}\n`);
      expect(e.locProc).to.equal('##object->u8vector');
    });

    it('refuses threads, mutexes and condition variables', () => {
      expect(a.fail('(object->u8vector (list 1 (make-mutex)))').message).to.match(/^can't serialize #<mutex #\d+> \(reached via list > element 2\)$/);
      expect(a.fail('(object->u8vector (vector (make-condition-variable)))').message).to.match(/^can't serialize #<condition-variable #\d+> \(reached via vector > element 1\)$/);
      expect(a.fail('(object->u8vector (make-thread (lambda () 1)))').message).to.match(/^can't serialize #<thread #\d+>$/);
    });
  });

  describe('buffers', () => {
    it('gives each message bytes of its own (small ones share a slab)', () => {
      a.ev('(define m1 (object->u8vector (list 1 2))) (define m2 (object->u8vector (list 3 4)))');
      a.ev('(u8vector-fill! m1 0)');
      expect(a.ev('(u8vector->object m2)')).to.equal('(3 4)');
    });

    it('copies out what it keeps of a message: u8vectors, cached code', () => {
      a.ev('(define m (object->u8vector (u8vector 1 2 3)))');
      a.ev('(define v (u8vector->object m))');
      a.ev('(u8vector-fill! m 0)');
      expect(a.ev('v')).to.equal('#u8(1 2 3)');
      // A closure's code, first received in m2: sending the closure on reuses the cached bytes
      // of its code, which must not be the (since overwritten) message.
      a.ev('(define (adder n) (lambda (x) (+ x n 100)))');
      a.ev('(define m2 (u8vector-copy (object->u8vector (adder 1))))');
      const b = new World();
      b.define('m2', a.value('m2'));
      b.ev('(define f (u8vector->object m2))');
      b.ev('(u8vector-fill! m2 0)');
      expect(b.ev('((u8vector->object (object->u8vector f)) 2)')).to.equal('103');
    });
  });

  describe('untrusted input', () => {
    it('raises a deserialization error IN ##u8vector->object for bytes that are not a message', () => {
      for (const src of ['(u8vector)', '(u8vector 1 2 3)', '(u8vector 132 102 103 115 105 45 116 115 2 0 128)']) {
        const e = a.fail(`(u8vector->object ${src})`);
        expect(e.kind).to.equal('deserialization');
        expect(e.message).to.match(/^deserialization error: /);
        expect(e.locProc).to.equal('##u8vector->object');
      }
      expect(a.fail('(u8vector->object (u8vector 132 102 103 115 105 45 116 115 2 0 128))').message).to.equal('deserialization error: unsupported format version 2');
    });

    it('lets Scheme handlers catch it', () => {
      expect(a.ev("(with-exception-catcher (lambda (e) 'caught) (lambda () (u8vector->object (u8vector 1))))")).to.equal('caught');
    });

    it('refuses malformed homogeneous vector entries', () => {
      // A good message for (s16vector 1 2), then the same with its one entry changed.
      const good = () => decodeCbor(a.bytes(a.value('(s16vector 1 2)'))) as unknown[];
      const load = (change: (entry: unknown[]) => void): string => {
        const doc = good();
        change((doc[3] as unknown[][])[0]!);
        a.define('bad', new U8Vector(encodeCbor(doc, false)));
        return a.fail('(u8vector->object bad)').message;
      };
      const refused = 'deserialization error: bad homogeneous vector entry';
      expect(load((e) => { e[2] = (e[2] as Uint8Array).subarray(0, 3); })).to.equal(refused); // truncated: not whole elements
      expect(load((e) => { e[2] = new Uint8Array(5); })).to.equal(refused); // wrong length
      expect(load((e) => { e[1] = 'u8'; })).to.equal(refused); // u8vectors have an entry of their own
      expect(load((e) => { e[1] = 's12'; })).to.equal(refused);
      expect(load((e) => { e[1] = 16; })).to.equal(refused);
      expect(load((e) => { e[2] = [1, 2]; })).to.equal(refused); // elements not as bytes
      expect(load((e) => { e.length = 2; })).to.equal(refused);
      expect(load((e) => { e.push(0); })).to.equal(refused);
      expect(load((e) => { e[0] = 27; })).to.equal('deserialization error: bad entry 0'); // no such tag
      // The same bytes read as another kind of the same element size are taken as they are.
      a.define('ok', new U8Vector(encodeCbor((() => { const d = good(); (d[3] as unknown[][])[0]![1] = 'u16'; return d; })(), false)));
      expect(a.ev('(u8vector->object ok)')).to.equal('#u16(1 2)');
    });

    it('refuses a message cut short inside a homogeneous vector', () => {
      const bytes = a.bytes(a.value('(f64vector 1. 2. 3.)'));
      for (let n = 1; n < bytes.length; n++) {
        a.define('cut', new U8Vector(bytes.slice(0, n)));
        expect(a.fail('(u8vector->object cut)').kind).to.equal('deserialization');
      }
    });

    it('refuses a closure whose code reaches beyond its environment', () => {
      a.ev('(define (adder n) (lambda (x) (+ x n)))');
      const good = a.bytes(a.value('(adder 1)'));
      // The same message with the closure's environment cut down to nothing.
      const doc = decodeCbor(good) as unknown[];
      const entries = doc[3] as unknown[][];
      const env = entries.find((e) => e[0] === 15)!;
      env.length = 1;
      const e = a.fail.bind(a);
      a.define('bad', new U8Vector(encodeCbor(doc, false)));
      expect(e('(u8vector->object bad)').message).to.equal('deserialization error: environment too small for its code');
    });
  });

  describe('the talk\'s pprinter example', () => {
    const TALK = `
      (define-type ser-stdin id: FA2D330A-F35B-4B81-A5AD-D75B742D687D)
      (define-type ser-stdout id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)
      (define (encode obj)
        (object->u8vector obj
          (lambda (x)
            (cond ((eq? x (current-input-port)) (make-ser-stdin))
                  ((eq? x (current-output-port)) (make-ser-stdout))
                  (else x)))))
      (define (decode u8v)
        (u8vector->object u8v
          (lambda (x)
            (cond ((ser-stdin? x) (current-input-port))
                  ((ser-stdout? x) (current-output-port))
                  (else x)))))
      (define (pprinter port) (lambda (x) (pp x port)))
      (define p (pprinter (current-output-port)))`;

    it('prints (a b c) after an encode/decode round trip, from under 600 bytes', () => {
      a.ev(TALK);
      a.ev('(p \'(a b c))');
      expect(a.out()).to.equal('(a b c)\n');
      a.ev('(define v (encode p)) (define q (decode v))');
      a.ev("(q '(a b c))");
      expect(a.out()).to.equal('(a b c)\n');
      const size = Number(a.ev('(u8vector-length v)'));
      expect(size).to.be.lessThan(600);
    });

    it('prints on the screen of the Vm that decodes it', () => {
      const b = new World();
      a.ev(TALK);
      b.ev(TALK);
      const v = a.value('(encode p)') as U8Vector;
      b.define('v', v);
      b.ev("((decode v) '(x y))");
      expect(a.out()).to.equal('');
      expect(b.out()).to.equal('(x y)\n');
    });
  });

  describe('encoder and decoder procedures', () => {
    it('calls the encoder pre-order on every sub-object, the root and repeated references included (as gsi)', () => {
      a.ev('(define l (list 1 2)) (define x (list l l "s" \'sym 3.5))');
      a.ev('(define v (object->u8vector x (lambda (o) (write o) (newline) o)))');
      expect(a.out().trim().split('\n')).to.deep.equal([
        '((1 2) (1 2) "s" sym 3.5)', '(1 2)', '1', '(2)', '2', '()', '((1 2) "s" sym 3.5)', '(1 2)',
        '("s" sym 3.5)', '"s"', '(sym 3.5)', 'sym', '(3.5)', '3.5', '()',
      ]);
      a.ev('(define y (u8vector->object v (lambda (o) (write o) (newline) o)))');
      expect(a.out().trim().split('\n')).to.deep.equal([
        '1', '2', '()', '(2)', '(1 2)', '"s"', 'sym', '3.5', '()', '(3.5)', '(sym 3.5)', '("s" sym 3.5)',
        '((1 2) "s" sym 3.5)', '((1 2) (1 2) "s" sym 3.5)',
      ]);
    });

    it('serializes the encoder\'s result, sharing by result', () => {
      a.ev('(define s (string #\\a)) (define t (string #\\t))');
      expect(a.ev('(u8vector->object (object->u8vector (list s s) (lambda (o) (if (string? o) (string-append o "!") o))))')).to.equal('("a!" "a!")');
      expect(a.ev('(let ((y (u8vector->object (object->u8vector (list (string #\\a) (string #\\b)) (lambda (o) (if (string? o) t o)))))) (eq? (car y) (cadr y)))')).to.equal('#t');
      expect(a.ev("(u8vector->object (object->u8vector (list 1 2) (lambda (o) (if (eqv? o 1) (list 'x 'y) o))))")).to.equal('((x y) 2)');
    });

    it('replaces each new object by the decoder\'s result', () => {
      expect(a.ev("(u8vector->object (object->u8vector (list 1 2)) (lambda (o) (if (pair? o) (car o) o)))")).to.equal('1');
      expect(a.ev("(u8vector->object (object->u8vector (vector 1 'a \"s\")) (lambda (o) (if (number? o) (* o 10) o)))")).to.equal('#(10 a "s")');
    });

    it('lets an error in the encoder reach the handlers of the caller', () => {
      expect(a.ev("(with-exception-catcher (lambda (e) (list 'caught (error-exception-message e))) (lambda () (object->u8vector '(1 2) (lambda (o) (if (eqv? o 2) (error \"no 2\") o)))))")).to.equal('(caught "no 2")');
    });

    it('lets the encoder escape with a continuation', () => {
      expect(a.ev("(call/cc (lambda (k) (object->u8vector '(1 2 3) (lambda (o) (if (eqv? o 2) (k 'escaped) o)))))")).to.equal('escaped');
    });
  });

  describe('continuations', () => {
    it('resumes in another Vm a continuation captured in this one', () => {
      const b = new World();
      a.ev(`(define saved #f)
            (define (f x) (* 2 (+ 1 (continuation-capture (lambda (k) (set! saved k) x)))))
            (define (g) (list 'result (f 10)))`);
      expect(a.ev('(g)')).to.equal('(result 22)');
      const bytes = a.bytes(a.value('saved'));
      const k = b.load(bytes);
      expect(k).to.be.instanceOf(Continuation);
      b.define('k', k);
      b.ev('(define (show x) (display x) (newline))');
      // The rest of (g) runs in b: list is b's, the value comes back through b's frames.
      expect(b.ev('(continuation-return k 4)')).to.equal('(result 10)');
    });

    it('adopts the receiver\'s screen: output of the resumed code goes to the receiver', () => {
      const b = new World();
      a.ev(`(define saved #f)
            (define (greet) (let ((v (continuation-capture (lambda (k) (set! saved k) 'first)))) (display (list 'hello v)) (newline) 'ok))`);
      a.ev('(greet)');
      expect(a.out()).to.equal('(hello first)\n');
      b.define('k', b.load(a.bytes(a.value('saved'))));
      expect(b.ev("(continuation-return k 'again)")).to.equal('ok');
      expect(b.out()).to.equal('(hello again)\n');
      expect(a.out()).to.equal('');
    });

    it('round-trips a 10^5-frame continuation', () => {
      a.ev(`(define saved #f)
            (define (deep n) (if (= n 0) (continuation-capture (lambda (k) (set! saved k) 0)) (+ 1 (deep (- n 1)))))`);
      expect(a.ev('(deep 100000)')).to.equal('100000');
      const b = new World();
      b.define('k', b.load(a.bytes(a.value('saved'))));
      expect(b.ev('(continuation-return k 5)')).to.equal('100005');
    });

    it('does not grow when a continuation goes back and forth 1000 times (code is cached both ways)', () => {
      const b = new World();
      a.ev(`(define saved #f)
            (define (hop n) (let loop ((i 0) (acc '())) (if (= i n) (begin (continuation-capture (lambda (k) (set! saved k))) (length acc)) (loop (+ i 1) (cons i acc)))))`);
      expect(a.ev('(hop 3)')).to.equal('3');
      let k: Value = a.value('saved');
      const sizes = new Set<number>();
      for (let i = 0; i < 1000; i++) {
        const there = a.bytes(k);
        const kb = b.load(there);
        const back = b.bytes(kb);
        k = a.load(back);
        sizes.add(there.length);
        sizes.add(back.length);
      }
      expect(sizes.size).to.equal(1);
      expect(serialState(a.vm).receivedCount).to.be.lessThan(4);
      expect(serialState(b.vm).receivedCount).to.be.lessThan(4);
      a.define('k2', k);
      expect(a.ev('(continuation-return k2 #f)')).to.equal('3');
    });

    it('names the frame and variable that hold what cannot be serialized', () => {
      a.ev(`(define saved #f)
            (define (use-port port) (let ((v (continuation-capture (lambda (k) (set! saved k) 1)))) (write v port) v))`);
      a.ev('(use-port (current-output-port))');
      expect(a.fail('(object->u8vector saved)').message).to.equal("can't serialize #<output-port #2 (stdout)> (reached via continuation > frame 1 > variable port)");
    });

    it('carries the dynamic environment: parameters, handlers, dynamic-wind', () => {
      a.ev(`(define p (make-parameter 1))
            (define saved #f)
            (define (run)
              (with-exception-catcher
                (lambda (e) (list 'caught e))
                (lambda ()
                  (parameterize ((p 2))
                    (dynamic-wind
                      (lambda () (display "[in]"))
                      (lambda () (let ((v (continuation-capture (lambda (k) (set! saved k) 0))))
                                   (if (= v 0) (list 'first (p)) (raise (list 'v v (p))))))
                      (lambda () (display "[out]")))))))`);
      expect(a.ev('(run)')).to.equal('(first 2)');
      expect(a.out()).to.equal('[in][out]');
      const b = new World();
      b.ev('(define p (make-parameter 100))');
      b.define('k', b.load(a.bytes(a.value('saved'))));
      expect(b.ev('(continuation-return k 7)')).to.equal('(caught (v 7 2))');
      expect(b.out()).to.equal('[in][out]');
    });

    it('teleports a bouncing thread to another Vm: continuation plus rpc thunk under 3 KB', () => {
      const a2 = threadWorld();
      const sent: Uint8Array[] = [];
      a2.vm.define('send-away', new Primitive('send-away', 1, 1, 'plain', (u: Value) => {
        sent.push((u as U8Vector).bytes);
        return VOID;
      }));
      a2.run(BOUNCE);
      a2.host.advanceAndSettle(4000, 50);
      expect(a2.out()).to.equal('(node-a 2 8)\n(node-a 3 7)\n(node-a 4 6)\n(node-a 5 5)\n');
      expect(sent.length).to.equal(1);
      const message = sent[0]!;
      expect(message.length).to.be.lessThan(3000);
      const b2 = threadWorld();
      b2.vm.define('incoming', new U8Vector(message));
      b2.run(`${TALK_CODEC} ((decode incoming)) (thread-sleep! 3)`);
      b2.host.advanceAndSettle(4000, 50);
      expect(b2.out()).to.equal('(node-a 6 4)\n(node-a 7 3)\n(node-a 8 2)\n(node-a 9 1)\n(node-a dead)\n');
      expect(a2.out()).to.equal('(node-a 2 8)\n(node-a 3 7)\n(node-a 4 6)\n(node-a 5 5)\n');
      expect(b2.threadErrors).to.deep.equal([]);
    });
  });
});

/** The talk's encode / decode (scheme-lib/dcs.scm has the same), with the helpers' macros. */
const TALK_CODEC = `
(include "talk-helpers.scm")
(define-type ser-stdin id: FA2D330A-F35B-4B81-A5AD-D75B742D687D)
(define-type ser-stdout id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)
(define (encode obj)
  (object->u8vector obj
    (lambda (x)
      (cond ((eq? x (current-input-port)) (make-ser-stdin))
            ((eq? x (current-output-port)) (make-ser-stdout))
            (else x)))))
(define (decode u8v)
  (u8vector->object u8v
    (lambda (x)
      (cond ((ser-stdin? x) (current-input-port))
            ((ser-stdout? x) (current-output-port))
            (else x)))))`;

/** The talk's bounce, teleporting once (at ttl 5) by sending its continuation in an rpc thunk. */
const BOUNCE = `${TALK_CODEC}
(define (teleport)
  (continuation-capture
    (lambda (k)
      (send-away (encode (lambda () (spawn (continuation-return k #t)) 'done)))
      (halt))))
(define (bounce period name)
  (let loop ((pos 2) (dir 1) (ttl 8))
    (if (> ttl 0)
        (begin
          (display (list name pos ttl))
          (newline)
          (sleep period)
          (if (= ttl 5) (teleport))
          (if (and (> pos 0) (< pos 20))
              (loop (+ pos dir) dir (- ttl 1))
              (loop (- pos dir) (- dir) (- ttl 1))))
        (begin (display (list name 'dead)) (newline)))))
(spawn (bounce .1 'node-a))
(thread-sleep! 3)`;

