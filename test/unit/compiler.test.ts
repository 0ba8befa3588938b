// The compiler: lexical addressing, primitive inlining, tail flags, free-variable lists, and
// syntax errors with locations.

import { expect } from 'chai';
import { createVm, readForms } from '../../interpreter/setup.js';
import { Op, type Node, type LambdaNode } from '../../interpreter/nodes.js';
import { ErrorObj } from '../../runtime/errors.js';
import { errorMessage } from '../../runtime/error-text.js';
import { MemoryHost } from './helpers/memory-host.js';
import type { Vm } from '../../runtime/vm.js';

function compile(vm: Vm, text: string): Node {
  const [form] = readForms(vm, text, 'c.scm');
  return vm.compileTop(form!.datum, form!.loc);
}

function lambdaOf(n: Node): LambdaNode {
  if (n.op === Op.Lambda) return n;
  if (n.op === Op.GlobalDef) return lambdaOf(n.value);
  throw new Error(`not a lambda: ${n.op}`);
}

function syntaxErrorOf(vm: Vm, text: string): string {
  try {
    compile(vm, text);
  } catch (e: unknown) {
    if (e instanceof ErrorObj) return `${e.loc?.line}.${e.loc?.col} ${errorMessage(vm, e)}`;
    throw e;
  }
  throw new Error('no error');
}

describe('Compiler', () => {
  let vm: Vm;
  beforeEach(() => { vm = createVm(new MemoryHost()); });

  describe('#compileLambda', () => {
    it('addresses parameters and enclosing variables by depth and index', () => {
      const outer = lambdaOf(compile(vm, '(lambda (a b) (lambda (c) (list a b c)))'));
      expect(outer.nreq).to.equal(2);
      const inner = outer.body as LambdaNode;
      expect(inner.op).to.equal(Op.Lambda);
      const call = inner.body;
      expect(call.op).to.equal(Op.PrimApp);
      if (call.op !== Op.PrimApp) return;
      const refs = call.args.map((a) => (a.op === Op.LocalRef ? [a.depth, a.index] : null));
      expect(refs).to.deep.equal([[1, 1], [1, 2], [0, 1]]);
    });

    it('lists only the enclosing variables a closure reaches as free', () => {
      const outer = lambdaOf(compile(vm, '(lambda (a b c) (lambda () (+ a c)))'));
      const inner = outer.body as LambdaNode;
      expect([...inner.free].sort()).to.deep.equal([[0, 1], [0, 3]]);
      expect(outer.free).to.deep.equal([]);
    });

    it('gives internal definitions slots in the same frame', () => {
      const f = lambdaOf(compile(vm, '(define (f x) (define y 1) (define (g) y) (g))'));
      expect(f.name).to.equal('f');
      expect(f.frameSize).to.equal(3);
      expect(f.slots.map((s) => s.name)).to.deep.equal(['x', 'y', 'g']);
    });

    it('parses DSSSL optional, rest and key parameters', () => {
      const f = lambdaOf(compile(vm, '(lambda (a #!optional (b 2) #!rest r #!key (k 3)) a)'));
      expect([f.nreq, f.nopt, f.rest, f.keys.map((k) => k.name)]).to.deep.equal([1, 1, true, ['k']]);
    });
  });

  describe('#compileCall', () => {
    it('inlines calls of pure primitives with simple arguments', () => {
      const n = compile(vm, '(lambda (x) (car (cdr x)))');
      expect((n as LambdaNode).body.op).to.equal(Op.PrimApp);
    });

    it('does not inline a global that holds a closure', () => {
      compile(vm, '(define (my-car x) x)');
      const n = vm.compileTop(readForms(vm, '(lambda (x) (my-car x))', 'c.scm')[0]!.datum, { container: 'c.scm', line: 1, col: 1 });
      expect((n as LambdaNode).body.op).to.equal(Op.Call);
    });

    it('marks calls in tail position inside procedures, not at top level', () => {
      const f = lambdaOf(compile(vm, '(lambda () (g) (h))'));
      expect(f.body.op).to.equal(Op.Seq);
      if (f.body.op !== Op.Seq) return;
      const [first, last] = f.body.body;
      expect(first!.op === Op.Call && first!.tail).to.equal(false);
      expect(last!.op === Op.Call && last!.tail).to.equal(true);
      const top = compile(vm, '(h)');
      expect(top.op === Op.Call && top.tail).to.equal(false);
      expect(top.op === Op.Call && top.mark).to.equal(true);
    });
  });

  describe('syntax errors', () => {
    it('reports ill-formed special forms by their keyword, as gsi', () => {
      expect(syntaxErrorOf(vm, '(if)')).to.equal('1.1 Ill-formed special form: if');
    });

    it('locates errors at the offending datum', () => {
      expect(syntaxErrorOf(vm, '(let ((a 1) (a 2)) a)')).to.equal('1.14 Duplicate variable in bindings');
      expect(syntaxErrorOf(vm, '(lambda (a a) a)')).to.equal('1.12 Duplicate parameter in parameter list');
      expect(syntaxErrorOf(vm, '(set! 5 1)')).to.equal('1.7 Identifier expected');
    });

    it('rejects a definition in an expression', () => {
      expect(syntaxErrorOf(vm, '(list (define a 1))')).to.equal("1.7 Ill-placed 'define'");
    });
  });

});
