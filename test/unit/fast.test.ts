// The closure-compiled fast path (interpreter/fast.ts): evaluators cached on the nodes must
// behave exactly as the general machine does (redefined globals, errors located and handled
// as before), and stay out of the nodes' enumerable (and so serialized) fields.

import { expect } from 'chai';
import { createVm, evalString, readForms, SchemeFailure } from '../../interpreter/setup.js';
import { evOf, evsOf, leafEvOf, testEvOf, DEOPT } from '../../interpreter/fast.js';
import { Op, type CallNode, type GlobalDefNode, type IfNode, type LambdaNode, type Node, type PrimAppNode } from '../../interpreter/nodes.js';
import { ErrorObj, type Loc } from '../../runtime/errors.js';
import { writeString } from '../../runtime/printer.js';
import { Closure, EMPTY_DYN } from '../../runtime/values.js';
import { MemoryHost } from './helpers/memory-host.js';
import { repoRoot } from './helpers/run-cli.js';
import { readPreludes } from '../../cli/preludes.js';
import type { Vm } from '../../runtime/vm.js';

describe('fast', () => {
  let vm: Vm;
  const ev = (text: string): string => writeString(vm, evalString(vm, text), false);
  const failure = (text: string): SchemeFailure => {
    try {
      evalString(vm, text, 'f.scm');
    } catch (e: unknown) {
      if (e instanceof SchemeFailure) return e;
      throw e;
    }
    throw new Error('no failure');
  };
  const lambdaOf = (name: string): LambdaNode => (vm.globalValue(name) as Closure).lambda;

  beforeEach(() => {
    vm = createVm(new MemoryHost());
  });

  describe('#evOf', () => {
    it('calls the primitive the global holds now, not the one the code was compiled for', () => {
      evalString(vm, '(define (f a b) (+ a b))');
      expect(ev('(f 3 4)')).to.equal('7');
      evalString(vm, '(set! + (lambda (a b) (* a b)))');
      expect(ev('(f 3 4)')).to.equal('12');
    });

    it('leaves fixnum overflow, flonums and bignums to the primitive', () => {
      evalString(vm, '(define (add a b) (+ a b)) (define (less a b) (< a b))');
      expect(ev('(add 9007199254740991 1)')).to.equal('9007199254740992');
      expect(ev('(add 1.5 2)')).to.equal('3.5');
      expect(ev('(less 1/2 1)')).to.equal('#t');
    });

    it('throws DEOPT when the primitive fails, and the machine then raises its error', () => {
      evalString(vm, '(define (first x) (car x))');
      const body = lambdaOf('first').body as PrimAppNode;
      expect(body.op).to.equal(Op.PrimApp);
      expect(() => evOf(body, { dyn: EMPTY_DYN })([null, 5])).to.throw().that.equals(DEOPT);
      const f = failure('(first 5)');
      expect(f.value).to.be.instanceOf(ErrorObj);
      expect((f.value as ErrorObj).kind).to.equal('type');
    });

    it("lets a handler's value replace a failing inline primitive call", () => {
      evalString(vm, '(define (g x) (car x))');
      expect(ev('(with-exception-handler (lambda (e) 10) (lambda () (+ 1 (g 5))))')).to.equal('11');
    });

    it("reads a parameter without a frame, in the running thread's dynamic environment", () => {
      vm = createVm(new MemoryHost(), { preludes: readPreludes(repoRoot()) }); // make-parameter is Scheme
      evalString(vm, '(define p (make-parameter 1)) (define (f) (p)) (define (g x) (eq? x (p)))');
      const body = lambdaOf('f').body as PrimAppNode;
      expect(body.op).to.equal(Op.PrimApp);
      expect((lambdaOf('g').body as PrimAppNode).op).to.equal(Op.PrimApp); // (eq? x (p)) is simple as a whole
      expect(ev('(list (f) (parameterize ((p 2)) (list (f) (g 2))) (f))')).to.equal('(1 (2 #t) 1)');
      // Set inside a parameterize: the binding changes, not the global value.
      expect(ev('(parameterize ((p 3)) (p 4) (f))')).to.equal('4');
      expect(ev('(f)')).to.equal('1');
      // The global redefined: another parameter is read; a procedure is called the general way.
      evalString(vm, '(set! p (make-parameter 7))');
      expect(ev('(f)')).to.equal('7');
      evalString(vm, '(set! p (lambda () (quote called)))');
      expect(ev('(f)')).to.equal('called');
      evalString(vm, '(set! p 5)');
      expect((failure('(f)').value as ErrorObj).kind).to.equal('nonprocedure-operator');
    });

    it('locates an unbound global read by simple code at the reference', () => {
      const f = failure('(define (h) (list (car (quote (1))) nowhere))\n(h)');
      expect((f.value as ErrorObj).kind).to.equal('unbound-global');
      expect((f.value as ErrorObj).loc as Loc).to.include({ container: 'f.scm', line: 1, col: 37 }); // gsi: @1.37
    });
  });

  describe('#leafEvOf', () => {
    it("runs the talk's decoder without the machine, and gives way when a path is not a leaf", () => {
      vm = createVm(new MemoryHost(), { preludes: readPreludes(repoRoot()) });
      evalString(vm, `(define-type ser-stdout id: CB3FD64E-2734-4D9E-BAB5-463029CC9F40)
        (define (dec x) (cond ((ser-stdout? x) (current-output-port)) (else x)))
        (define (slow x) (if (pair? x) (car x) (begin (display x) x)))`);
      const dec = vm.globalValue('dec') as Closure;
      const leaf = leafEvOf(dec.lambda, vm)!;
      expect(leaf).to.be.a('function');
      expect(leaf([dec, 5])).to.equal(5);
      expect(writeString(vm, leaf([dec, evalString(vm, '(make-ser-stdout)')]), false)).to.equal('#<output-port #2 (stdout)>');
      // The predicate redefined: the code built for the old one gives way (DEOPT).
      evalString(vm, '(set! ser-stdout? (lambda (x) #t))');
      expect(() => leaf([dec, 5])).to.throw().that.equals(DEOPT);
      // A body whose other branch is not a leaf: the leaf branch runs, the other gives way.
      const slow = vm.globalValue('slow') as Closure;
      expect(leafEvOf(slow.lambda, vm)!([slow, evalString(vm, "'(1 2)")])).to.equal(1);
      expect(() => leafEvOf(slow.lambda, vm)!([slow, 5])).to.throw().that.equals(DEOPT);
      // Errors give way too, so that the machine raises them where they happen.
      evalString(vm, '(define (bad x) (car x))');
      const bad = vm.globalValue('bad') as Closure;
      expect(() => leafEvOf(bad.lambda, vm)!([bad, 5])).to.throw().that.equals(DEOPT);
      evalString(vm, '(define (notleaf x) (display x))');
      expect(leafEvOf((vm.globalValue('notleaf') as Closure).lambda, vm)).to.equal(null);
    });
  });

  describe('#evsOf', () => {
    it('makes a closure for a lambda argument without a frame', () => {
      evalString(vm, '(define (twice f x) (f (f x))) (define (use n) (twice (lambda (y) (+ y n)) 1))');
      const call = lambdaOf('use').body as CallNode;
      expect(call.op).to.equal(Op.Call);
      expect(evsOf(call, { dyn: EMPTY_DYN }).map((e) => e !== null)).to.deep.equal([true, true, true]);
      expect(ev('(use 10)')).to.equal('21');
    });
  });

  describe('caches', () => {
    it('keeps the evaluators out of the enumerable fields of the nodes', () => {
      const [form] = readForms(vm, '(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))', 'c.scm');
      evalString(vm, '(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))');
      expect(ev('(fib 15)')).to.equal('610');
      const body = lambdaOf('fib').body as IfNode;
      expect(testEvOf(body, { dyn: EMPTY_DYN })).to.be.a('function');
      const seen: Node[] = [body, body.test, body.else, lambdaOf('fib')];
      for (const n of seen) expect(Object.keys(n)).to.not.include.members(['ev', 'evs', 'tev', 'fx']);
      // The code that ran has the same enumerable fields as a fresh compilation of its source.
      const fresh = (vm.compileTop(form!.datum, form!.loc) as GlobalDefNode).value as LambdaNode;
      expect(Object.keys(lambdaOf('fib'))).to.deep.equal(Object.keys(fresh));
      expect(Object.keys(body)).to.deep.equal(Object.keys(fresh.body));
      expect(Object.keys(body.test)).to.deep.equal(Object.keys((fresh.body as IfNode).test));
    });
  });
});
