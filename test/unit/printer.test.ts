// Tests of runtime/printer.ts and runtime/pretty.ts. Every expected string was printed by
// Gambit 4.9.3's gsi (the expression that produced it is in the comment or the test name).

import { expect } from 'chai';
import {
  Box, Char, Closure, Continuation, Cpxnum, EMPTY_DYN, EOF, Flonum, KEY, Keyword, MString,
  MultipleValues, NIL, OPTIONAL, Pair, Parameter, Primitive, Ratnum, Record, RecordType, REST,
  SPromise, SVector, Sym, Tag, U8Vector, VOID, intern, internKeyword, list, makeChar,
  type HeapObject, type Value,
} from '../../runtime/values.js';
import type { LambdaNode } from '../../interpreter/nodes.js';
import { ErrorObj, typeError } from '../../runtime/errors.js';
import { Vm } from '../../runtime/vm.js';
import {
  Style, cycleTargets, looksLikeNumber, objectToString, printString, writeLimited, writeSharedString,
  writeString,
} from '../../runtime/printer.js';
import { decompile, prettyString } from '../../runtime/pretty.js';
import { openInputString, openOutputString, portsOf } from '../../runtime/ports.js';
import { MemoryHost } from './helpers/memory-host.js';

// A tiny reader for test data: lists (dotted too), vectors, 'x, symbols, integers, strings.
function sx(src: string): Value {
  let i = 0;
  const skip = (): void => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const datum = (): Value => {
    skip();
    const c = src[i]!;
    if (c === '(' || (c === '#' && src[i + 1] === '(')) {
      const vec = c === '#';
      i += vec ? 2 : 1;
      const items: Value[] = [];
      let tail: Value = NIL;
      for (;;) {
        skip();
        if (src[i] === ')') {
          i++;
          break;
        }
        if (!vec && src[i] === '.' && /[\s()]/.test(src[i + 1]!)) {
          i++;
          tail = datum();
          skip();
          i++;
          break;
        }
        items.push(datum());
      }
      if (vec) return new SVector(items);
      let r = tail;
      for (let k = items.length - 1; k >= 0; k--) r = new Pair(items[k]!, r);
      return r;
    }
    if (c === "'") {
      i++;
      return list(intern('quote'), datum());
    }
    if (c === '"') {
      i++;
      let s = '';
      while (src[i] !== '"') {
        if (src[i] === '\\') i++;
        s += src[i++];
      }
      i++;
      return new MString(s);
    }
    let tok = '';
    while (i < src.length && !/[\s()]/.test(src[i]!)) tok += src[i++];
    if (/^-?\d+$/.test(tok)) return tok.length > 15 ? BigInt(tok) : Number(tok);
    if (tok === '#t') return true;
    if (tok === '#f') return false;
    if (tok === '#!rest') return REST;
    if (tok === '#!optional') return OPTIONAL;
    if (tok === '#!key') return KEY;
    return intern(tok);
  };
  return datum();
}

function newVm(): Vm {
  return new Vm(new MemoryHost());
}

const w = (v: Value, vm = newVm()): string => writeString(vm, v, false);
const d = (v: Value, vm = newVm()): string => writeString(vm, v, true);

function closure(name: string | null, source: Value | null = null): Closure {
  return new Closure({ name, source } as unknown as LambdaNode, []);
}

function fake(tag: Tag, fields: { [k: string]: unknown } = {}): HeapObject {
  return { tag, ...fields } as HeapObject;
}

function makeList(n: number, x: Value): Value {
  let r: Value = NIL;
  for (let i = 0; i < n; i++) r = new Pair(x, r);
  return r;
}

const pointType = new RecordType('point', 'point-id', true, null, [
  { name: 'x', printable: true, mutable: true },
  { name: 'y', printable: true, mutable: true },
]);

describe('#writeString', () => {
  it('writes exact integers in decimal and flonums the way gsi does', () => {
    expect(w(42)).to.equal('42');
    expect(w(-7)).to.equal('-7');
    expect(w(123456789012345678901234567890n)).to.equal('123456789012345678901234567890');
    // (write (list .5 -.25 100. 1e21 1.5 1/3 (make-rectangular 1 2)))
    const nums = list(new Flonum(0.5), new Flonum(-0.25), new Flonum(100), new Flonum(1e21),
      new Flonum(1.5), new Ratnum(1n, 3n), new Cpxnum(1, 2));
    expect(w(nums)).to.equal('(.5 -.25 100. 1e21 1.5 1/3 1+2i)');
  });

  it('writes booleans and the special objects', () => {
    // (write (list #t #f '() #!void #!eof #!optional #!rest #!key))
    expect(w(list(true, false, NIL, VOID, EOF, OPTIONAL, REST, KEY)))
      .to.equal('(#t #f () #!void #!eof #!optional #!rest #!key)');
  });

  it('escapes strings as gsi does, with \\xHEX; for control and non-ASCII characters', () => {
    // (write (string #\xe9 #\x3bb #\x7 #\x0 #\tab #\return #\x1b #\x7f #\x80 #\xa0 #\xff
    //                #\x100 #\x1F600 #\\ #\"))
    const s = new MString('\xe9\u03bb\x07\x00\t\r\x1b\x7f\x80\xa0\xff\u0100\u{1F600}\\"');
    expect(w(s)).to.equal('"\\xe9;\\x3bb;\\a\\x0;\\t\\r\\x1b;\\x7f;\\x80;\\xa0;\\xff;\\x100;\\x1f600;\\\\\\""');
    // (write "a\nb\b\v\f|'")
    expect(w(new MString('a\nb\b\v\f|\''))).to.equal('"a\\nb\\b\\v\\f|\'"');
  });

  it('writes characters by name, as themselves, or as #\\xHEX', () => {
    // (write (list #\a #\space #\newline #\nul #\x7 #\tab #\return #\x1b #\x7f #\xe9 #\x3bb
    //              #\x80 #\xa0 #\x1F600 #\backspace #\x0c #\x0b #\( #\x1 #\x1f))
    const codes = [97, 32, 10, 0, 7, 9, 13, 27, 127, 0xe9, 0x3bb, 0x80, 0xa0, 0x1f600, 8, 12, 11, 40, 1, 31];
    expect(w(list(...codes.map(makeChar)))).to.equal(
      '(#\\a #\\space #\\newline #\\null #\\alarm #\\tab #\\return #\\escape #\\delete #\\xe9 #\\x3bb ' +
      '#\\x80 #\\xa0 #\\x1f600 #\\backspace #\\page #\\vtab #\\( #\\x1 #\\x1f)');
  });

  it('puts bars around symbols that would not read back as themselves', () => {
    // (write (string->symbol S)) for each S, one per line in gsi
    const cases: Array<[string, string]> = [
      ['a b', '|a b|'], ['', '||'], ['ABC', 'ABC'], ['1', '|1|'], ['+', '+'], ['-', '-'],
      ['...', '...'], ['1+', '1+'], ['+a', '+a'], ['.', '|.|'], ['.a', '.a'], ['a|b', '|a\\|b|'],
      ['a\\b', '|a\\\\b|'], ['a\nb', '|a\\nb|'], ['#foo', '|#foo|'], ['a#', 'a#'], ['foo:', '|foo:|'],
      [':foo', ':foo'], [':', ':'], ['a;b', '|a;b|'], ['a"b', '|a"b|'], ['a(b', '|a(b|'], ["a'b", "|a'b|"],
      ['a`b', '|a`b|'], ['a,b', '|a,b|'], ['\xe9', '|\\xe9;|'], ['a{b', '|a{b|'], ['a[b', '|a[b|'],
      ['a}b', '|a}b|'], ['a]b', '|a]b|'], ['+5', '|+5|'], ['1/2', '|1/2|'], ['1e5', '|1e5|'],
      ['+i', '|+i|'], ['-i', '|-i|'], ['+inf.0', '|+inf.0|'], ['#t', '|#t|'], ['a\tb', '|a\\tb|'],
      ['1a', '1a'], ['..', '..'], ['@', '@'], ['a@b', 'a@b'], ['#', '|#|'], ['##foo', '##foo'],
      ['#%a', '#%a'], ['a\x7fb', '|a\\x7f;b|'],
      ['1@2', '|1@2|'], ['1+2i', '|1+2i|'], ['+inf.0i', '|+inf.0i|'], ['1.', '|1.|'], ['.5', '|.5|'],
      ['+.5', '|+.5|'], ['-.5e3', '|-.5e3|'], ['1e', '1e'], ['e1', 'e1'], ['1e+5', '|1e+5|'],
      ['1E5', '|1E5|'], ['1d5', '|1d5|'], ['1s5', '|1s5|'], ['1f5', '|1f5|'], ['1l5', '|1l5|'],
      ['1/0', '1/0'], ['+nan.0', '|+nan.0|'], ['-nan.0', '-nan.0'], ['nan.0', 'nan.0'],
      ['-inf.0', '|-inf.0|'], ['+inf.1', '+inf.1'], ['1/2/3', '1/2/3'], ['+.', '+.'], ['1..2', '1..2'],
      ['1_000', '1_000'], ['12abc', '12abc'], ['1/2e3', '1/2e3'], ['+5i', '|+5i|'], ['i', 'i'],
      ['1+i', '|1+i|'], ['1-2.5i', '|1-2.5i|'], ['1.5e-3+2/3i', '|1.5e-3+2/3i|'],
      ['+inf.0-inf.0i', '|+inf.0-inf.0i|'], ['-2@3', '|-2@3|'], ['#e1', '|#e1|'], ['0x10', '0x10'],
      ['1#', '|1#|'], ['1##.#', '|1##.#|'], ['1e500', '|1e500|'], ['1/2.', '1/2.'], ['1:2', '1:2'],
      ['5:', '|5:|'], ['1/0#', '|1/0#|'], ['1/00', '1/00'], ['0/5', '|0/5|'], ['+I', '|+I|'],
      ['1.5E3', '|1.5E3|'], ['.e5', '.e5'], ['1e5.5', '1e5.5'], ['-nan.0i', '-nan.0i'], ['#!foo', '|#!foo|'],
    ];
    const vm = newVm();
    for (const [name, expected] of cases) expect(w(intern(name), vm), JSON.stringify(name)).to.equal(expected);
  });

  it('writes keywords with a trailing colon, barred only for special characters', () => {
    // (write (string->keyword S))
    const cases: Array<[string, string]> = [
      ['foo', 'foo:'], ['a b', '|a b|:'], ['', '||:'], ['#a', '|#a|:'], ['1', '1:'], ['a:', 'a::'],
    ];
    for (const [name, expected] of cases) expect(w(internKeyword(name))).to.equal(expected);
  });

  it('writes uninterned symbols and keywords with #:', () => {
    // (write (string->uninterned-symbol "u")), (write (string->uninterned-keyword "k"))
    expect(w(new Sym('u', false))).to.equal('#:u');
    expect(w(new Keyword('k', false))).to.equal('#:k:');
    expect(w(new Sym('a b', false))).to.equal('#:|a b|');
  });

  it('writes lists, dotted lists and nested empty lists', () => {
    expect(w(sx('(1 . 2)'))).to.equal('(1 . 2)');
    expect(w(sx('(1 2 . 3)'))).to.equal('(1 2 . 3)');
    expect(w(sx('(a . (b . (c)))'))).to.equal('(a b c)');
    expect(w(list(NIL, new SVector([])))).to.equal('(() #())');
  });

  it('abbreviates quote forms exactly where gsi does', () => {
    // (write ''a) (write '`a) ... each on its own line in gsi
    const cases: Array<[string, string]> = [
      ["'a", "'a"], ['(quasiquote a)', '`a'], ['(unquote a)', ',a'], ['(unquote-splicing a)', ',@a'],
      ['(quote a . b)', '(quote a . b)'], ['(a quote b)', '(a quote b)'], ['(a unquote b)', '(a unquote b)'],
      ['(1 quasiquote b)', '(1 quasiquote b)'], ['(unquote (@ a))', ',(@ a)'], ['(unquote @a)', ', @a'],
      ['(quote)', '(quote)'], ['(quote a b)', '(quote a b)'], ['#(a (quote b))', "#(a 'b)"],
      ['quote', 'quote'], ['(quasiquote (a (unquote b) (unquote-splicing c)))', '`(a ,b ,@c)'],
      ['(unquote (unquote x))', ',,x'],
    ];
    for (const [src, expected] of cases) expect(w(sx(src)), src).to.equal(expected);
    // (write (list 'unquote (string->uninterned-symbol "@a"))) => ,#:@a
    expect(w(list(intern('unquote'), new Sym('@a', false)))).to.equal(',#:@a');
    // (write (list 'unquote (string->symbol "@a b"))) => ,|@a b|
    expect(w(list(intern('unquote'), intern('@a b')))).to.equal(',|@a b|');
    // (write (list 'unquote (string->keyword "@a"))) => , @a:
    expect(w(list(intern('unquote'), internKeyword('@a')))).to.equal(', @a:');
    // (display (list 'unquote "@a")) => , @a   (display (list 'unquote "")) => ", "
    expect(d(list(intern('unquote'), new MString('@a')))).to.equal(', @a');
    expect(d(list(intern('unquote'), new MString('')))).to.equal(', ');
    expect(d(list(intern('unquote'), makeChar(64)))).to.equal(', @');
  });

  it('writes vectors and u8vectors', () => {
    expect(w(new SVector([1, 2, new MString('a')]))).to.equal('#(1 2 "a")');
    expect(w(new SVector([]))).to.equal('#()');
    expect(w(new U8Vector(new Uint8Array([1, 2, 3])))).to.equal('#u8(1 2 3)');
    expect(w(new U8Vector(new Uint8Array([])))).to.equal('#u8()');
    expect(w(new Box(1))).to.equal('#&1');
  });

  it('numbers procedures from #2 on first print and names them', () => {
    // (show car) (show (lambda (x) x)) (show foo) (show bar) (show loop) in one gsi run
    const vm = newVm();
    const car = new Primitive('car', 1, 1, 'pure', () => 0);
    const anon = closure(null);
    const foo = closure('foo');
    expect(w(car, vm)).to.equal('#<procedure #2 car>');
    expect(w(anon, vm)).to.equal('#<procedure #3>');
    expect(w(foo, vm)).to.equal('#<procedure #4 foo>');
    expect(w(car, vm)).to.equal('#<procedure #2 car>');
    expect(w(closure('a b'), vm)).to.equal('#<procedure #5 |a b|>');
  });

  it('writes call/cc continuations as procedures and continuation-capture ones as continuations', () => {
    // (show (call/cc (lambda (k) k))) (show (continuation-capture (lambda (k) k)))
    const vm = newVm();
    expect(w(new Continuation(null, EMPTY_DYN, true), vm)).to.equal('#<procedure #2>');
    expect(w(new Continuation(null, EMPTY_DYN, false), vm)).to.equal('#<continuation #3>');
  });

  it('writes parameters as procedures, named for the current-port parameters', () => {
    // (show (make-parameter 1)) (show current-output-port)
    const vm = newVm();
    expect(w(new Parameter(1, null), vm)).to.equal('#<procedure #2>');
    expect(w(portsOf(vm).currentOutput, vm)).to.equal('#<procedure #3 current-output-port>');
  });

  it('writes the opaque objects with their type and serial number', () => {
    // (show (delay 1)) (show (make-table)) (show (make-will 1 f)) (show (current-time)) ...
    const vm = newVm();
    expect(w(new SPromise(false, false, null), vm)).to.equal('#<promise #2>');
    expect(w(fake(Tag.Table), vm)).to.equal('#<table #3>');
    expect(w(fake(Tag.Will), vm)).to.equal('#<will #4>');
    expect(w(fake(Tag.Time), vm)).to.equal('#<time #5>');
    expect(w(pointType, vm)).to.equal('#<type #6 point>');
    // (write (values 1 2)) => #<unknown>
    expect(w(new MultipleValues([1, 2]), vm)).to.equal('#<unknown>');
  });

  it('writes threads, mutexes and condition variables with their names when they have one', () => {
    const vm = newVm();
    const primordial = fake(Tag.Thread, { name: intern('primordial') });
    vm.setSerial(primordial, 1);
    expect(w(primordial, vm)).to.equal('#<thread #1 primordial>');
    expect(w(fake(Tag.Thread, { name: VOID }), vm)).to.equal('#<thread #2>');
    expect(w(fake(Tag.Thread, { name: intern('foo') }), vm)).to.equal('#<thread #3 foo>');
    // (make-thread thunk "str") (make-thread thunk (string->symbol "a b")) (make-thread thunk 12)
    expect(w(fake(Tag.Thread, { name: new MString('str') }), vm)).to.equal('#<thread #4 "str">');
    expect(d(fake(Tag.Thread, { name: new MString('str') }), vm)).to.equal('#<thread #5 "str">');
    expect(w(fake(Tag.Thread, { name: intern('a b') }), vm)).to.equal('#<thread #6 |a b|>');
    expect(w(fake(Tag.Thread, { name: 12 }), vm)).to.equal('#<thread #7 12>');
    expect(w(fake(Tag.Mutex, { name: VOID }), vm)).to.equal('#<mutex #8>');
    expect(w(fake(Tag.Mutex, { name: intern('m') }), vm)).to.equal('#<mutex #9 m>');
    expect(w(fake(Tag.CondVar, { name: VOID }), vm)).to.equal('#<condition-variable #10>');
    expect(w(fake(Tag.CondVar, { name: new MString('x') }), vm)).to.equal('#<condition-variable #11 "x">');
  });

  it('writes ports with their direction and name', () => {
    // (show (current-output-port)) (show (current-input-port)) (show (current-error-port))
    // (show (open-input-string "abc")) (show (open-output-string))
    const vm = newVm();
    const ps = portsOf(vm);
    expect(w(ps.stdout, vm)).to.equal('#<output-port #2 (stdout)>');
    expect(w(ps.stdin, vm)).to.equal('#<input-port #3 (stdin)>');
    expect(w(ps.stderr, vm)).to.equal('#<output-port #4 (stderr)>');
    expect(w(openInputString('abc'), vm)).to.equal('#<input-port #5 (string)>');
    expect(w(openOutputString(), vm)).to.equal('#<output-port #6 (string)>');
  });

  it('writes records with their printable fields, written even by display', () => {
    // (define-type point x y) (show (make-point 1 2)) (display (make-point "a" #\b))
    const vm = newVm();
    expect(w(new Record(pointType, [1, 2]), vm)).to.equal('#<point #2 x: 1 y: 2>');
    expect(d(new Record(pointType, [new MString('a'), makeChar(98)]), vm)).to.equal('#<point #3 x: "a" y: #\\b>');
    // (define-type pt2 (x unprintable:) y)  (define-type pt3 (x unprintable:) (y unprintable:))
    const pt2 = new RecordType('pt2', 'pt2', true, null, [
      { name: 'x', printable: false, mutable: true }, { name: 'y', printable: true, mutable: true }]);
    const pt3 = new RecordType('pt3', 'pt3', true, null, [
      { name: 'x', printable: false, mutable: true }, { name: 'y', printable: false, mutable: true }]);
    expect(w(new Record(pt2, [1, 2]), vm)).to.equal('#<pt2 #4 y: 2>');
    expect(w(new Record(pt3, [1, 2]), vm)).to.equal('#<pt3 #5>');
    // (show (list (make-point 1 (make-point 2 3)))): the outer record is numbered first
    expect(w(list(new Record(pointType, [1, new Record(pointType, [2, 3])])), vm))
      .to.equal('(#<point #6 x: 1 y: #<point #7 x: 2 y: 3>>)');
  });

  it('writes exception objects as gsi names their types', () => {
    // (with-exception-catcher (lambda (e) e) (lambda () (car 1))) etc.
    const vm = newVm();
    expect(w(typeError(1, 'PAIR'), vm)).to.equal('#<type-exception #2>');
    expect(w(new ErrorObj('error', 'foo', [1, 2]), vm)).to.equal('#<error-exception #3>');
    expect(w(new ErrorObj('divide-by-zero', ''), vm)).to.equal('#<divide-by-zero-exception #4>');
    expect(w(new ErrorObj('unbound-global', ''), vm)).to.equal('#<unbound-global-exception #5>');
    expect(w(new ErrorObj('no-such-file', ''), vm)).to.equal('#<no-such-file-or-directory-exception #6>');
    expect(w(new ErrorObj('reader', ''), vm)).to.equal('#<datum-parsing-exception #7>');
    expect(w(new ErrorObj('syntax', ''), vm)).to.equal('#<expression-parsing-exception #8>');
    expect(w(new ErrorObj('wrong-number-of-arguments', ''), vm)).to.equal('#<wrong-number-of-arguments-exception #9>');
  });

  it('labels the targets of cycles and nothing else', () => {
    const x = sx('(1 2 3)') as Pair;
    ((x.cdr as Pair).cdr as Pair).cdr = x;
    // (write x) => #0=(1 2 3 . #0#)
    expect(w(x)).to.equal('#0=(1 2 3 . #0#)');
    // (write (list x x)) => (#0=(1 2 3 . #0#) #0#)
    expect(w(list(x, x))).to.equal('(#0=(1 2 3 . #0#) #0#)');
    // (write (list 'quote x)) => '#0=(1 2 3 . #0#)
    expect(w(list(intern('quote'), x))).to.equal("'#0=(1 2 3 . #0#)");
    // (display (list "a" x "b")) => (a #0=(1 2 3 . #0#) b)
    expect(d(list(new MString('a'), x, new MString('b')))).to.equal('(a #0=(1 2 3 . #0#) b)');
    // shared but acyclic: (let ((t (list 1 2))) (write (list t (list 3 t)))) => ((1 2) (3 (1 2)))
    const t = sx('(1 2)');
    expect(w(list(t, list(3, t)))).to.equal('((1 2) (3 (1 2)))');
    // (define c (list 1 2)) (set-cdr! (cdr c) c) (write (list c c (list 4 c)))
    const c = sx('(1 2)') as Pair;
    (c.cdr as Pair).cdr = c;
    expect(w(list(c, c, list(4, c)))).to.equal('(#0=(1 2 . #0#) #0# (4 #0#))');
    // (define v (vector 1 (list 2 3))) (vector-set! v 0 v) (write (list v v))
    const v = new SVector([1, sx('(2 3)')]);
    v.items[0] = v;
    expect(w(list(v, v))).to.equal('(#0=#(#0# (2 3)) #0#)');
    // (define y (list 1 2)) (set-car! (cdr y) y) (write (list y (vector y)))
    const y = sx('(1 2)') as Pair;
    (y.cdr as Pair).car = y;
    expect(w(list(y, new SVector([y])))).to.equal('(#0=(1 #0#) #(#0#))');
    // (define b (box 1)) (set-box! b b) (write b) => #0=#&#0#
    const b = new Box(1);
    b.value = b;
    expect(w(b)).to.equal('#0=#&#0#');
    expect(cycleTargets(sx('(1 (2) #(3))'))).to.equal(null);
  });

  it('displays strings, characters, symbols and keywords bare, also inside lists', () => {
    // (display (list "a" #\b 'c "d e" (string->symbol "a b") (string->keyword "k l") '#(#\x "y") 1/3 -.5))
    const v = list(new MString('a'), makeChar(98), intern('c'), new MString('d e'), intern('a b'),
      internKeyword('k l'), new SVector([makeChar(120), new MString('y')]), new Ratnum(1n, 3n), new Flonum(-0.5));
    expect(d(v)).to.equal('(a b c d e a b k l #(x y) 1/3 -.5)');
    // (display (box "s")) (display '("a" . "b")) (display ''"a") (display (string->uninterned-symbol "u"))
    expect(d(new Box(new MString('s')))).to.equal('#&s');
    expect(d(new Pair(new MString('a'), new MString('b')))).to.equal('(a . b)');
    expect(d(list(intern('quote'), new MString('a')))).to.equal("'a");
    expect(d(new Sym('u', false))).to.equal('u');
  });

  it('writes a list of 100000 elements in under 50 ms', () => {
    const vm = newVm();
    let big: Value = NIL;
    for (let i = 0; i < 100000; i++) big = new Pair(i, big);
    w(big, vm); // warm up
    const t0 = performance.now();
    const s = w(big, vm);
    const ms = performance.now() - t0;
    expect(s.length).to.equal(588891);
    expect(ms).to.be.below(50);
  });

  it('writes structures nested 100000 deep without overflowing the stack', () => {
    let deep: Value = NIL;
    for (let i = 0; i < 100000; i++) deep = list(deep);
    const s = w(deep);
    expect(s.length).to.equal(200002);
    expect(s.slice(0, 5)).to.equal('(((((');
  });
});

describe('#writeSharedString', () => {
  it('labels everything reached twice, strings too, but not symbols', () => {
    const vm = newVm();
    // (define x (list 1 2 3)) (set-cdr! (cddr x) x) (write-shared x) => #0=(1 2 3 . #0#)
    const x = sx('(1 2 3)') as Pair;
    ((x.cdr as Pair).cdr as Pair).cdr = x;
    expect(writeSharedString(vm, x)).to.equal('#0=(1 2 3 . #0#)');
    // (define s (list 1)) (write-shared (list s s)) => (#0=(1) #0#)
    const s1 = list(1);
    expect(writeSharedString(vm, list(s1, s1))).to.equal('(#0=(1) #0#)');
    // (write-shared (list "a" "a")) => ("a" "a") ; (let ((s "x")) (write-shared (list s s))) => (#0="x" #0#)
    expect(writeSharedString(vm, list(new MString('a'), new MString('a')))).to.equal('("a" "a")');
    const str = new MString('x');
    expect(writeSharedString(vm, list(str, str))).to.equal('(#0="x" #0#)');
    // (let ((s 'sym)) (write-shared (list s s))) => (sym sym)
    expect(writeSharedString(vm, list(intern('sym'), intern('sym')))).to.equal('(sym sym)');
    // (write-shared (let ((x (list 1 2))) (list 'quote x))) => '(1 2)
    expect(writeSharedString(vm, list(intern('quote'), list(1, 2)))).to.equal("'(1 2)");
  });
});

describe('#printString', () => {
  it('runs the leaves of lists and vectors together, as print shows them', () => {
    // (print (list "mega" " " 99)) => mega 99
    const vm = newVm();
    expect(printString(vm, list(new MString('mega'), new MString(' '), 99))).to.equal('mega 99');
    // (print (list 1 (list 2 (list 3 "x")) #\a 'sym '() (vector 1 "v" (list 4 5)) 1.5 #t #f))
    const v = list(1, list(2, list(3, new MString('x'))), makeChar(97), intern('sym'), NIL,
      new SVector([1, new MString('v'), list(4, 5)]), new Flonum(1.5), true, false);
    expect(printString(vm, v)).to.equal('123xasym1v451.5#t#f');
    // (print '(d "e" . "f")) => def ; (print ''a) => quotea
    expect(printString(vm, new Pair(intern('d'), new Pair(new MString('e'), new MString('f'))))).to.equal('def');
    expect(printString(vm, list(intern('quote'), intern('a')))).to.equal('quotea');
  });

  it('prints boxes, u8vectors, keywords and records as gsi does', () => {
    // (print (list "x" (make-table) car (string->symbol "a b") (string->keyword "k") '#u8(1 2)
    //              (box "b") (box '(1 2)))) => x#<table #2>#<procedure #3 car>a bk12#&b#&12
    const vm = newVm();
    const v = list(new MString('x'), fake(Tag.Table), new Primitive('car', 1, 1, 'pure', () => 0),
      intern('a b'), internKeyword('k'), new U8Vector(new Uint8Array([1, 2])), new Box(new MString('b')),
      new Box(list(1, 2)));
    expect(printString(vm, v)).to.equal('x#<table #2>#<procedure #3 car>a bk12#&b#&12');
    // (print (make-point "a" '("b"))) => #<point #4 x: "a" y: ("b")>
    expect(printString(vm, new Record(pointType, [new MString('a'), list(new MString('b'))])))
      .to.equal('#<point #4 x: "a" y: ("b")>');
  });
});

describe('#objectToString', () => {
  it('cuts an overlong representation to the limit, ending in ...', () => {
    // (object->string '(1 2 3 4 5) N) for N = 5, 100, 0, 1, 3; (object->string "abcdefgh" 4)
    const vm = newVm();
    const l = sx('(1 2 3 4 5)');
    expect(objectToString(vm, l, 5)).to.equal('(1...');
    expect(objectToString(vm, l, 100)).to.equal('(1 2 3 4 5)');
    expect(objectToString(vm, l, 0)).to.equal('');
    expect(objectToString(vm, l, 1)).to.equal('.');
    expect(objectToString(vm, l, 3)).to.equal('...');
    expect(objectToString(vm, new MString('abcdefgh'), 4)).to.equal('"...');
    expect(objectToString(vm, new MString('abc'), null)).to.equal('"abc"');
  });

  it('unrolls a cycle up to the limit, as gsi does, instead of labelling it', () => {
    // (define l (list 1 2)) (set-cdr! (cdr l) l) (object->string l 30)
    const vm = newVm();
    const l = new Pair(1, new Pair(2, NIL));
    (l.cdr as Pair).cdr = l;
    expect(objectToString(vm, l, 30)).to.equal('(1 2 1 2 1 2 1 2 1 2 1 2 1 ...');
  });

  it('stops printing a huge object soon after the limit', () => {
    let big: Value = NIL;
    for (let i = 0; i < 1000000; i++) big = new Pair(i, big);
    const t0 = performance.now();
    expect(writeLimited(newVm(), big, Style.Write, 10, true)).to.equal('(999999 99');
    expect(performance.now() - t0).to.be.below(20);
  });
});

describe('#looksLikeNumber', () => {
  it('recognises Gambit decimal number syntax', () => {
    for (const s of ['1', '-1', '+.5', '1.', '1e10', '1/2', '1+2i', '+i', '-inf.0', '+nan.0', '1@2', '1#.#']) {
      expect(looksLikeNumber(s), s).to.equal(true);
    }
    for (const s of ['+', '-', '...', '1+', 'a1', '1/0', '-nan.0', '1/2e3', '.', '']) {
      expect(looksLikeNumber(s), s).to.equal(false);
    }
  });
});

describe('#prettyString', () => {
  const pp = (v: Value, vm = newVm()): string => prettyString(vm, v);

  it('writes what fits in 79 columns on one line', () => {
    expect(pp(sx('(define (f x) (if (> x 0) (* x (f (- x 1))) 1))')))
      .to.equal('(define (f x) (if (> x 0) (* x (f (- x 1))) 1))\n');
    expect(pp(makeList(39, intern('x')))).to.equal(`(${Array(39).fill('x').join(' ')})\n`);
    expect(pp(new MString('a string'))).to.equal('"a string"\n');
    expect(pp(intern('sym'))).to.equal('sym\n');
    expect(pp(new Primitive('car', 1, 1, 'pure', () => 0))).to.equal('#<procedure #2 car>\n');
  });

  it('breaks a define after its header and indents the body by two', () => {
    expect(pp(sx('(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))) (display "hello world this is a long line") (newline))')))
      .to.equal([
        '(define (fact n)',
        '  (if (= n 0) 1 (* n (fact (- n 1))))',
        '  (display "hello world this is a long line")',
        '  (newline))',
        '',
      ].join('\n'));
  });

  it('aligns cond clauses and let bindings', () => {
    expect(pp(sx('(cond ((= x 1) (display "one one one one one")) ((= x 2) (display "two two two two two two")) (else (display "other other other other")))')))
      .to.equal([
        '(cond ((= x 1) (display "one one one one one"))',
        '      ((= x 2) (display "two two two two two two"))',
        '      (else (display "other other other other")))',
        '',
      ].join('\n'));
    expect(pp(sx('(let ((a 1) (b 2) (c 3333333333333333333333) (d 444444444444444444444444444)) (+ a b c d a b c d a b c))')))
      .to.equal([
        '(let ((a 1) (b 2) (c 3333333333333333333333) (d 444444444444444444444444444))',
        '  (+ a b c d a b c d a b c))',
        '',
      ].join('\n'));
  });

  it('lays out a long data list one element per line', () => {
    let l: Value = NIL;
    for (let i = 39; i >= 0; i--) l = new Pair(i, l);
    const lines = ['(0'];
    for (let i = 1; i < 39; i++) lines.push(` ${i}`);
    lines.push(' 39)', '');
    expect(pp(l)).to.equal(lines.join('\n'));
  });

  it('shows a closure as its lambda expression', () => {
    // (define (foo a b) (let loop ...)) (pp foo) in gsi shows the expanded code; gsi-ts shows
    // the source. A short one matches gsi exactly: (pp (lambda (x) x)) => (lambda (x) x)
    expect(pp(closure(null, sx('(lambda (x) x)')))).to.equal('(lambda (x) x)\n');
    expect(pp(closure('f', sx('(lambda (x) (let ((a 1) (b 2)) (let ((c a)) (letrec ((d (lambda () c))) (cond ((= x 1) (quote one)) ((assv x (quote ((2 . two)))) => cdr) (else (and x (or a b)))))))))'))))
      .to.equal([
        '(lambda (x)',
        '  (let ((a 1) (b 2))',
        '    (let ((c a))',
        '      (letrec ((d (lambda () c)))',
        "        (cond ((= x 1) 'one)",
        "              ((assv x '((2 . two))) => cdr)",
        '              (else (and x (or a b))))))))',
        '',
      ].join('\n'));
  });

  it('shows derived forms in a procedure expanded, as gsi decompiles them', () => {
    // (define (fN ...) ...) (pp fN) in gsi, for each source below
    const cases: Array<[string, string]> = [
      ['(lambda (x) (let* ((a 1) (b a) (c b)) c))', '(lambda (x) (let ((a 1)) (let ((b a)) (let ((c b)) c))))\n'],
      ['(lambda (x) (let* () x))', '(lambda (x) x)\n'],
      ['(lambda (x) (when x (display x) x))', '(lambda (x) (if x (begin (display x) x)))\n'],
      ['(lambda (x) (unless x 1 2))', '(lambda (x) (if (##not x) (begin 1 2)))\n'],
      ['(lambda (x) (begin (display x)) (let () (define z 1) z))', '(lambda (x) (display x) (letrec* ((z 1)) z))\n'],
      ['(lambda (x) (lambda (y) (define q 1) (begin (define r 2)) (+ q r)))',
        '(lambda (x) (lambda (y) (letrec* ((q 1) (r 2)) (+ q r))))\n'],
      ['(lambda r (if (null? r) (begin 1 2) (begin 3)))', '(lambda r (if (null? r) (begin 1 2) 3))\n'],
      ['(lambda (a #!rest r) r)', '(lambda (a . r) r)\n'],
      ['(lambda (a #!optional (b 2) #!rest r) (list a b r))', '(lambda (a #!optional (b 2) . r) (list a b r))\n'],
      ['(lambda (a #!key (b 1) c) (list a b c))', '(lambda (a #!key (b 1) c) (list a b c))\n'],
      ['(lambda (x) (let loop () (loop)))', '(lambda (x) ((letrec ((loop (lambda () (loop)))) loop)))\n'],
      ['(lambda (x) (receive (a . b) (values 1 2) a))',
        '(lambda (x) (##call-with-values (lambda () (values 1 2)) (lambda (a . b) a)))\n'],
      ['(lambda (x) (delay-force x))', '(lambda (x) (delay x))\n'],
      ['(lambda (x) (cond (x (begin 1 2)) (else (begin 3))))', '(lambda (x) (cond (x 1 2) (else 3)))\n'],
      ['(lambda (x) (if x (begin 1)) (begin (begin 2 3) 4))', '(lambda (x) (if x 1) (begin 2 3) 4)\n'],
      ['(lambda (x) (define (g y) (define z y) z) (g x))', '(lambda (x) (letrec* ((g (lambda (y) (letrec* ((z y)) z)))) (g x)))\n'],
      ['(lambda (x) (do ((i 0 (+ i 1))) ((= i 3) (quote done))))',
        "(lambda (x)\n  (letrec ((##do-loop (lambda (i) (if (= i 3) 'done (##do-loop (+ i 1))))))\n    (##do-loop 0)))\n"],
      ['(lambda (x) (do ((i 0 (+ i 1)) (j 0)) ((= i 3)) (display i)))', [
        '(lambda (x)',
        '  (letrec ((##do-loop',
        '            (lambda (i j)',
        '              (if (= i 3) #!void (begin (display i) (##do-loop (+ i 1) j))))))',
        '    (##do-loop 0 0)))',
        ''].join('\n')],
      ['(lambda (x) (do ((i 0 (+ i 1))) (#f) (display i) (display i)))', [
        '(lambda (x)',
        '  (letrec ((##do-loop',
        '            (lambda (i)',
        '              (if #f',
        '                  #!void',
        '                  (begin',
        '                    (begin (display i) (display i))',
        '                    (##do-loop (+ i 1)))))))',
        '    (##do-loop 0)))',
        ''].join('\n')],
    ];
    const vm = newVm();
    for (const [src, expected] of cases) expect(prettyString(vm, decompile(sx(src))), src).to.equal(expected);
  });

  it('shows constants and quasiquote templates as gsi decompiles them', () => {
    // test/golden/cases/46-ports-printing/pp-code: (define (fN ...) ...) (pp fN) in gsi
    const cases: Array<[string, string]> = [
      ["(lambda (x) (list '5 '\"s\" '() 'sym '#t '#(1) ''x))", "(lambda (x) (list 5 \"s\" '() 'sym #t #(1) ''x))\n"],
      // (the test reader has no ` , ,@ abbreviations: the sources spell them out)
      ['(lambda (x) (quasiquote (1 (unquote x))))', '(lambda (x) `(,1 ,x))\n'],
      ['(lambda (x l) (quasiquote (a (unquote-splicing l) b)))', '(lambda (x l) `(a ,@l b))\n'],
      ['(lambda (x l) (quasiquote (a unquote x)))', '(lambda (x l) `(a ,@x))\n'],
      ['(lambda (x l) (quasiquote #(1 (unquote x) (unquote-splicing l))))', '(lambda (x l) `#(,1 ,x ,@l))\n'],
      ['(lambda (x l) (quasiquote (a (quasiquote (b (unquote (c (unquote x))))))))', '(lambda (x l) `(a `(b ,(c ,x))))\n'],
      ['(lambda (x l) (quasiquote (unquote x)))', '(lambda (x l) x)\n'],
      ['(lambda (x l) (quasiquote ((unquote-splicing l))))', '(lambda (x l) l)\n'],
      ['(lambda (x) (quasiquote 5))', '(lambda (x) 5)\n'],
    ];
    const vm = newVm();
    for (const [src, expected] of cases) expect(prettyString(vm, decompile(sx(src))), src).to.equal(expected);
  });

  it('shows a named let in a procedure as gsi 4.9.3 does', () => {
    // test/golden/cases/32-output/pp-procedure: (define (long-one lst) (let loop ...)) (pp long-one)
    const src = '(lambda (lst) (let loop ((l lst) (acc 0)) (cond ((null? l) acc) ((pair? (car l)) (loop (cdr l) (+ acc (long-one (car l))))) (else (loop (cdr l) (+ acc 1))))))';
    expect(prettyString(newVm(), closure('long-one', sx(src)))).to.equal([
      '(lambda (lst)',
      '  ((letrec ((loop (lambda (l acc)',
      '                    (cond ((null? l) acc)',
      '                          ((pair? (car l))',
      '                           (loop (cdr l) (+ acc (long-one (car l)))))',
      '                          (else (loop (cdr l) (+ acc 1)))))))',
      '     loop)',
      '   lst',
      '   0))',
      '',
    ].join('\n'));
  });

  it('follows the formats of if, lambda, named let, do and case', () => {
    const y30 = Array(30).fill('y').join(' ');
    const z10 = Array(10).fill('z').join(' ');
    expect(pp(sx(`(if (${y30}) (${z10}) w)`))).to.equal(`(if (${y30})\n    (${z10})\n    w)\n`);
    expect(pp(sx(`(lambda (${y30}) (${z10}) w)`))).to.equal(`(lambda (${y30})\n  (${z10})\n  w)\n`);
    const y20 = Array(20).fill('y').join(' ');
    expect(pp(sx(`(let loop ((i (${y20}))) (${z10}) w)`))).to.equal(`(let loop ((i (${y20})))\n  (${z10})\n  w)\n`);
    expect(pp(sx(`(do ((i 0 (${y20}))) ((${z10})) w v)`))).to.equal(`(do ((i 0 (${y20})))\n    ((${z10}))\n  w\n  v)\n`);
    const a30 = Array(30).fill('a').join(' ');
    expect(pp(sx(`(case x ((1 2) (${a30})) (else b))`))).to.equal(`(case x\n  ((1 2) (${a30}))\n  (else b))\n`);
  });

  it('places a dotted tail and quote forms as gsi does', () => {
    const xx = makeList(30, intern('xx'));
    const got = pp(new Pair(intern('abcdefghij'), new Pair(xx, intern('tail-value'))));
    const inner = ['(xx xx', ...Array(27).fill('    xx'), '    xx)'].join('\n ');
    expect(got).to.equal(`(abcdefghij\n ${inner}\n .\n tail-value)\n`);
    const q = pp(list(intern('quote'), makeList(40, intern('x'))));
    expect(q).to.equal(["'(x x", ...Array(37).fill('    x'), '    x)', ''].join('\n'));
    // (pp (list 'unquote '@a)) => , @a
    expect(pp(list(intern('unquote'), intern('@a')))).to.equal(', @a\n');
  });

  it('breaks records field by field under the serial number', () => {
    // (pp (make-point (make-list 12 'abcdef) 2))
    const vm = newVm();
    const expected = [
      '#<point #2',
      '        x: (abcdef abcdef',
      ...Array(9).fill('                   abcdef'),
      '                   abcdef)',
      '        y: 2>',
      '',
    ].join('\n');
    expect(pp(new Record(pointType, [makeList(12, intern('abcdef')), 2]), vm)).to.equal(expected);
    // (define-type long-type-name-here field-one (hidden unprintable:) a-very-long-field-name)
    // (pp (make-long-type-name-here 1 2 (make-list 12 'abcdef)))
    const lt = new RecordType('long-type-name-here', 'lt', true, null, [
      { name: 'field-one', printable: true, mutable: true },
      { name: 'hidden', printable: false, mutable: true },
      { name: 'a-very-long-field-name', printable: true, mutable: true },
    ]);
    expect(pp(new Record(lt, [1, 2, makeList(12, intern('abcdef'))]), vm)).to.equal([
      '#<long-type-name-here #3',
      '   field-one: 1',
      '   a-very-long-field-name:',
      '    (abcdef abcdef',
      ...Array(9).fill('            abcdef'),
      '            abcdef)>',
      '',
    ].join('\n'));
    // (pp (make-long-type-name-here (make-list 3 'abc) 2 (make-list 5 'abcdef)))
    expect(pp(new Record(lt, [makeList(3, intern('abc')), 2, makeList(5, intern('abcdef'))]), vm)).to.equal([
      '#<long-type-name-here #4',
      '   field-one: (abc abc abc)',
      '   a-very-long-field-name: (abcdef abcdef abcdef abcdef abcdef)>',
      '',
    ].join('\n'));
  });

  it('breaks vectors, u8vectors and boxes', () => {
    // (pp (list 'a (make-u8vector 30 255)))
    const u8 = pp(list(intern('a'), new U8Vector(new Uint8Array(30).fill(255))));
    expect(u8).to.equal(['(a #u8(255', ...Array(28).fill('       255'), '       255))', ''].join('\n'));
    // (pp (make-vector 40 'abcdef))
    const v = pp(new SVector(Array(40).fill(intern('abcdef'))));
    expect(v).to.equal(['#(abcdef', ...Array(38).fill('  abcdef'), '  abcdef)', ''].join('\n'));
    // (pp (list (box (make-list 30 'ab))))
    expect(pp(list(new Box(makeList(30, intern('ab')))))).to.equal(
      ['(#&(ab ab', ...Array(27).fill('       ab'), '       ab))', ''].join('\n'));
  });

  it('shifts deep indentation left with ;;<<< and back with ;;>>> lines', () => {
    // (define (nest n) (if (= n 0) '(end of the ... long) (list 'abcdef (nest (- n 1)) 'x)))
    // (pp (nest 14))
    let v: Value = sx('(end of the nested list with some more words to make it long)');
    for (let i = 0; i < 14; i++) v = list(intern('abcdef'), v, intern('x'));
    const words = ['the', 'nested', 'list', 'with', 'some', 'more', 'words', 'to', 'make', 'it'];
    const expected = [
      '(abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (abcdef (end of',
      ';;' + '<'.repeat(40),
      ';;' + '<'.repeat(40),
      ...words.map((x) => ' '.repeat(37) + x),
      ' '.repeat(37) + 'long)',
      ' '.repeat(32) + 'x)',
      ' '.repeat(24) + 'x)',
      ' '.repeat(16) + 'x)',
      ';;' + '>'.repeat(40),
      ' '.repeat(48) + 'x)',
      ' '.repeat(40) + 'x)',
      ' '.repeat(32) + 'x)',
      ' '.repeat(24) + 'x)',
      ' '.repeat(16) + 'x)',
      ';;' + '>'.repeat(40),
      ' '.repeat(48) + 'x)',
      ' '.repeat(40) + 'x)',
      ' '.repeat(32) + 'x)',
      ' '.repeat(24) + 'x)',
      ' '.repeat(16) + 'x)',
      ' '.repeat(8) + 'x)',
      '',
    ].join('\n');
    expect(pp(v)).to.equal(expected);
  });

  it('starts at the column where the output is', () => {
    // (display "abc") (pp (make-list 38 'x)): 3 + 77 = 80 columns do not fit
    const vm = newVm();
    const s = prettyString(vm, makeList(38, intern('x')), 4);
    expect(s.startsWith('(x x\n')).to.equal(true);
  });

  it('writes a cyclic structure with labels instead of looping', () => {
    const x = sx('(1 2)') as Pair;
    (x.cdr as Pair).cdr = x;
    expect(pp(x)).to.equal('#0=(1 2 . #0#)\n');
    const y = sx('(1 2)') as Pair;
    (y.cdr as Pair).car = y;
    const v = new SVector([1, 2]);
    v.items[0] = v;
    expect(pp(list(y, v))).to.equal('(#0=(1 #0#) #1=#(#1# 2))\n');
  });

  it('does not use the char names for strings', () => {
    expect(pp(new Char(10))).to.equal('#\\newline\n');
  });
});
