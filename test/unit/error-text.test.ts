// runtime/error-text.ts and the exception primitives (runtime/prims/exceptions.ts): exceptions
// as gsi 4.9.3's display-exception shows them. Expected texts are gsi's, recorded with
// `(display-exception (with-exception-catcher (lambda (e) e) (lambda () EXPR)))`.

import { expect } from 'chai';
import { schemeSession } from './helpers/scheme-eval.js';
import { errnoText, SYSTEM_ERRORS } from '../../runtime/errno.js';

/**
 * What display-exception prints for the exception EXPR raises, in a fresh session. (The thunk
 * is named: gsi-ts names an anonymous procedure in which an error occurs at once, giving it a
 * serial number that gsi gives only when the location is shown.)
 */
function shown(expr: string): string {
  const s = schemeSession();
  s.ev(`(define (thunk) ${expr})`);
  return s.ev('(call-with-output-string (lambda (port) (display-exception (with-exception-catcher (lambda (e) e) thunk) port)))');
}

/** The text of a Scheme string literal as `write` shows it, back to its characters. */
function text(written: string): string {
  return JSON.parse(written) as string;
}

describe('#callForm', function () {
  it('writes a call form shorter than 80 characters on one line, quoting what does not evaluate to itself', function () {
    expect(text(shown("(vector-ref (vector 'a \"b\" #\\c) 'x)"))).to.equal('(Argument 2) Exact INTEGER expected\n(vector-ref #(a "b" #\\c) \'x)\n');
  });

  it('shows at most 15 arguments, then ...', function () {
    expect(text(shown('(car 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18)'))).to.equal(
      'Wrong number of arguments passed to procedure\n(car 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 ...)\n');
  });

  it('puts each element of a form of 80 characters or more on its own line, cut to 78', function () {
    const a = 'a'.repeat(77);
    expect(text(shown(`(string-append "${a}" 'b)`))).to.equal(
      `(Argument 2) STRING expected\n(string-append\n "${'a'.repeat(74)}...\n 'b)\n`);
  });

  it('closes the form on a line of its own when the last element fills its line', function () {
    const lst = "'(aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc dddddddddddddddddd eeeeeeeeeeeeeeeee)";
    expect(text(shown(`(vector-ref (vector 1 2 3) ${lst})`))).to.equal(
      '(Argument 2) Exact INTEGER expected\n(vector-ref\n #(1 2 3)\n' +
      " '(aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc dddddddddddd...\n)\n");
  });

  it('keeps the form on one line at 79 characters', function () {
    const v = Array(15).fill('abc').join(' ');
    expect(text(shown(`(vector-ref (make-vector 15 'abc) 'x)`))).to.equal(
      `(Argument 2) Exact INTEGER expected\n(vector-ref #(${v}) 'x)\n`);
  });
});

describe('#errorMessage', function () {
  it('joins the message and irritants of error with spaces', function () {
    expect(text(shown('(error "boom" 1 "two" #\\3 \'(4))'))).to.equal('boom 1 "two" #\\3 (4)\n');
  });

  it('puts every irritant on its own line, cut to 79 characters, when one is too long', function () {
    expect(text(shown("(error \"msg\" 'x (make-string 100 #\\a) 'y)"))).to.equal(
      `msg\nx\n"${'a'.repeat(75)}...\ny\n`);
  });

  it('names a record type with the serial number it gets when the error is shown', function () {
    const s = schemeSession();
    s.ev('(define-type point x y) (define (thunk) (point-x 5)) (define e (with-exception-catcher (lambda (x) x) thunk))');
    expect(s.ev('(list car)')).to.equal('(#<procedure #2 car>)');
    expect(text(s.ev('(call-with-output-string (lambda (p) (display-exception e p)))'))).to.equal(
      '(Argument 1) Instance of #<type #3 point> expected\n(point-x 5)\n');
  });
});

describe('#exceptionPrims', function () {
  it('says which exception type an accessor expects', function () {
    expect(text(shown('(error-exception-message 5)'))).to.equal(
      '(Argument 1) Instance of #<type #2 error-exception> expected\n(error-exception-message 5)\n');
    expect(text(shown('(type-exception-arg-num 5)'))).to.equal(
      '(Argument 1) Instance of #<type #2 type-exception> expected\n(type-exception-arg-num 5)\n');
  });

  it('treats only error-exceptions as R7RS error objects', function () {
    const s = schemeSession();
    s.ev('(define (car-1) (car 1)) (define e (with-exception-catcher (lambda (x) x) car-1)) (define (thunk) (error-object-message e))');
    expect(text(s.ev('(call-with-output-string (lambda (p) (display-exception (with-exception-catcher (lambda (x) x) thunk) p)))'))).to.equal(
      "(Argument 1) Instance of #<type #2 error-exception> expected\n(error-object-message '#<type-exception #3>)\n");
  });

  it('recognizes fixnum overflows and keeps their call', function () {
    const s = schemeSession();
    s.ev('(define (thunk) (fx* 1000000000000 1000000000000)) (define e (with-exception-catcher (lambda (x) x) thunk))');
    expect(s.ev('(list (fixnum-overflow-exception? e) (fixnum-overflow-exception-arguments e))')).to.equal(
      '(#t (1000000000000 1000000000000))');
    expect(text(s.ev('(call-with-output-string (lambda (p) (display-exception e p)))'))).to.equal(
      'FIXNUM overflow\n(fx* 1000000000000 1000000000000)\n');
  });

  it('shows a raised non-exception object as raised', function () {
    expect(text(shown("(raise (list 1 \"two\"))"))).to.equal('This object was raised: (1 "two")\n');
  });
});

describe('#serial numbers', function () {
  it('gives fixnums and other objects serial numbers, and finds them back', function () {
    const s = schemeSession();
    expect(s.ev('(list (object->serial-number 42) (object->serial-number 42) (object->serial-number car))')).to.equal('(2 2 3)');
    expect(s.ev('(list (serial-number->object 2) (serial-number->object 3) (serial-number->object 99 \'none))')).to.equal(
      '(42 #<procedure #3 car> none)');
    expect(s.ev('(serial-number->object 99)')).to.equal('ERR Unbound serial number\n(serial-number->object 99)');
  });
});

describe('errno messages (runtime/errno.ts)', function () {
  it('gives the C library message of a Node.js error code, for the host', function () {
    expect(errnoText('ECONNREFUSED')).to.equal('Connection refused');
    expect(errnoText('EIO')).to.equal('Input/output error');
    expect(errnoText('ENOTFOUND')).to.equal('Unknown host');
    expect(errnoText('EWHATEVER')).to.equal(undefined);
  });

  it('gives err-code->string the same messages at gsi\'s codes (errno - 0x1EC00000)', function () {
    const s = schemeSession();
    for (const [message, n] of SYSTEM_ERRORS) {
      expect(text(s.ev(`(err-code->string ${n - 0x1ec00000})`)), message).to.equal(message);
    }
    expect(SYSTEM_ERRORS.map(([m]) => m)).to.not.include('Unknown host');
  });
});
