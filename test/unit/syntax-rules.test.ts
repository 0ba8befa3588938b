import { expect } from 'chai';
import {
  Char, Flonum, MString, NIL, Pair, SVector, Sym, intern, list, makeChar, type Value,
} from '../../runtime/values.js';
import { Alias, baseSym, isIdent, stripSyntax, type Ident, type Scope } from '../../interpreter/syntax.js';
import { SyntaxRules, SyntaxRulesError, writeForm, type MacroEnv } from '../../interpreter/syntax-rules.js';

// A tiny reader for the data these tests need: lists (dotted too), vectors, symbols, integers,
// decimals, strings, characters, booleans and 'x.
function read(src: string): Value {
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
        if (src[i] === '.' && /[\s()]/.test(src[i + 1]!)) {
          i++;
          tail = datum();
          skip();
          i++; // ')'
          break;
        }
        items.push(datum());
      }
      if (vec) return new SVector(items);
      let r = tail;
      for (let j = items.length - 1; j >= 0; j--) r = new Pair(items[j]!, r);
      return r;
    }
    if (c === "'") {
      i++;
      return list(intern('quote'), datum());
    }
    if (c === '"') {
      const j = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, j);
      i = j + 1;
      return new MString(s);
    }
    if (c === '#' && src[i + 1] === '\\') {
      i += 3;
      return makeChar(src.codePointAt(i - 1)!);
    }
    let j = i;
    while (j < src.length && !/[\s()]/.test(src[j]!)) j++;
    const tok = src.slice(i, j);
    i = j;
    if (tok === '#t') return true;
    if (tok === '#f') return false;
    if (/^-?\d+$/.test(tok)) return Number(tok);
    if (/^-?\d*\.\d+$/.test(tok)) return new Flonum(Number(tok));
    return intern(tok);
  };
  return datum();
}

const show = (v: Value): string => writeForm(stripSyntax(v));

const defScope = { kind: 'scope' } as Scope;
const useScope = { kind: 'scope' } as Scope;

/** free-identifier=? by base symbol; records the calls. */
function makeEnv(): MacroEnv & { calls: [Ident, Scope, Ident, Scope][] } {
  const calls: [Ident, Scope, Ident, Scope][] = [];
  return {
    calls,
    sameBinding(a, aScope, b, bScope) {
      calls.push([a, aScope, b, bScope]);
      return baseSym(a) === baseSym(b);
    },
  };
}

function macro(spec: string, scope: Scope = defScope): SyntaxRules {
  return new SyntaxRules(read(spec), scope);
}

function expand(m: SyntaxRules, use: string | Value): Value {
  return m.expand(typeof use === 'string' ? read(use) : use, useScope, makeEnv());
}

/** The elements of a proper list. */
function items(v: Value): Value[] {
  const out: Value[] = [];
  while (v instanceof Pair) {
    out.push(v.car);
    v = v.cdr;
  }
  return out;
}

/** All identifiers in a datum, in order. */
function idents(v: Value): Ident[] {
  if (isIdent(v)) return [v];
  if (v instanceof Pair) return [...idents(v.car), ...idents(v.cdr)];
  if (v instanceof SVector) return v.items.flatMap(idents);
  return [];
}

describe('SyntaxRules', () => {
  describe('#expand (hygiene)', () => {
    const swap = macro('(syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp))))');

    it('substitutes pattern variables and renames inserted identifiers', () => {
      const out = expand(swap, '(swap! tmp other)');
      expect(show(out)).to.equal('(let ((tmp tmp)) (set! tmp other) (set! other tmp))');
      const ids = idents(out);
      // let tmp tmp set! tmp other set! other tmp
      const [let_, tmp1, userTmp, set1, userTmp2, other1, set2, other2, tmp2] = ids;
      for (const inserted of [let_, tmp1, set1, set2, tmp2]) {
        expect(inserted).to.be.instanceOf(Alias);
        expect((inserted as Alias).scope).to.equal(defScope);
      }
      expect(baseSym(let_!)).to.equal(intern('let'));
      expect(userTmp).to.equal(intern('tmp'));
      expect(userTmp2).to.equal(intern('tmp'));
      expect(other1).to.equal(intern('other'));
      expect(other2).to.equal(intern('other'));
    });

    it('uses one alias per template identifier within one expansion', () => {
      const ids = idents(expand(swap, '(swap! x y)'));
      expect(ids[1]).to.equal(ids[8]); // the two inserted tmp
      expect(ids[3]).to.equal(ids[6]); // the two inserted set!
      expect(ids[1]).to.not.equal(ids[3]);
    });

    it('uses fresh aliases for each expansion', () => {
      const a = idents(expand(swap, '(swap! x y)'));
      const b = idents(expand(swap, '(swap! x y)'));
      expect(a[1]).to.be.instanceOf(Alias);
      expect(b[1]).to.be.instanceOf(Alias);
      expect(a[1]).to.not.equal(b[1]);
      expect(a[0]).to.not.equal(b[0]);
    });

    it('passes aliases in the use through pattern variables untouched', () => {
      const outer = new Alias(intern('x'), useScope);
      const use = list(intern('swap!'), outer, intern('y'));
      const ids = idents(expand(swap, use));
      expect(ids[2]).to.equal(outer);
      expect(ids[4]).to.equal(outer);
    });

    it('renames identifiers that are already aliases (nested expansions)', () => {
      const inner = new Alias(intern('tmp'), useScope);
      const spec = list(intern('syntax-rules'), NIL,
        list(list(intern('_'), intern('a')), list(intern('list'), inner, intern('a'))));
      const m = new SyntaxRules(spec, defScope);
      const ids = idents(expand(m, '(m 1)'));
      expect(ids[1]).to.be.instanceOf(Alias);
      expect((ids[1] as Alias).name).to.equal(inner);
      expect((ids[1] as Alias).scope).to.equal(defScope);
    });

    it('expands my-or with an inserted temporary, recursively', () => {
      const myOr = macro(`(syntax-rules ()
        ((_) #f)
        ((_ e) e)
        ((_ e r ...) (let ((t e)) (if t t (my-or r ...)))))`);
      expect(show(expand(myOr, '(my-or)'))).to.equal('#f');
      expect(show(expand(myOr, '(my-or t)'))).to.equal('t');
      const out = expand(myOr, '(my-or #f t 3)');
      expect(show(out)).to.equal('(let ((t #f)) (if t t (my-or t 3)))');
      const ids = idents(out);
      // let t if t t my-or t(user)
      expect(ids[1]).to.be.instanceOf(Alias);
      expect(ids[3]).to.equal(ids[1]);
      expect(ids[4]).to.equal(ids[1]);
      expect(ids[6]).to.equal(intern('t'));
    });

    it('expands a while loop', () => {
      const wh = macro(`(syntax-rules ()
        ((_ c body ...) (let lp () (when c body ... (lp)))))`);
      const out = expand(wh, '(while (< i 10) (display i) (set! i (+ i 1)))');
      expect(show(out)).to.equal('(let lp () (when (< i 10) (display i) (set! i (+ i 1)) (lp)))');
      const ids = idents(out);
      expect(ids[1]).to.be.instanceOf(Alias);
      expect(ids[ids.length - 1]).to.equal(ids[1]); // both lp
      expect(show(expand(wh, '(while #t)'))).to.equal('(let lp () (when #t (lp)))');
    });
  });

  describe('#expand (patterns)', () => {
    it('ignores the keyword position of the pattern', () => {
      const m = macro('(syntax-rules () ((anything a) (quote a)))');
      expect(show(expand(m, '(foo 5)'))).to.equal("'5");
    });

    it('treats _ as a wildcard that binds nothing', () => {
      const m = macro('(syntax-rules () ((_ _ b _) (_ b)))');
      const out = expand(m, '(m 1 2 3)');
      expect(show(out)).to.equal('(_ 2)');
      expect(items(out)[0]).to.be.instanceOf(Alias);
    });

    it('matches literals with sameBinding, passing both scopes', () => {
      const m = macro(`(syntax-rules (else)
        ((_ else e) (quote (else-branch e)))
        ((_ x e) (quote (other-branch x e))))`);
      const env = makeEnv();
      expect(show(m.expand(read('(m else 1)'), useScope, env))).to.equal("'(else-branch 1)");
      const [a, aScope, b, bScope] = env.calls[0]!;
      expect(a).to.equal(intern('else'));
      expect(aScope).to.equal(useScope);
      expect(b).to.equal(intern('else'));
      expect(bScope).to.equal(defScope);
      const never: MacroEnv = { sameBinding: () => false };
      expect(show(m.expand(read('(m else 1)'), useScope, never))).to.equal("'(other-branch else 1)");
      expect(show(expand(m, '(m (else) 1)'))).to.equal("'(other-branch (else) 1)");
    });

    it('matches a literal against an alias in the use', () => {
      const m = macro('(syntax-rules (=>) ((_ a => b) (b a)) ((_ a b c) (quote no)))');
      const arrow = new Alias(intern('=>'), useScope);
      const use = list(intern('m'), 1, arrow, intern('f'));
      expect(show(expand(m, use))).to.equal('(f 1)');
    });

    it('matches constants with equal?', () => {
      const m = macro(`(syntax-rules ()
        ((_ 1 "s" #\\a #t 2.5) (quote yes))
        ((_ . x) (quote no)))`);
      expect(show(expand(m, '(m 1 "s" #\\a #t 2.5)'))).to.equal("'yes");
      expect(show(expand(m, '(m 1 "t" #\\a #t 2.5)'))).to.equal("'no");
      expect(show(expand(m, '(m 1 "s" #\\b #t 2.5)'))).to.equal("'no");
      expect(show(expand(m, '(m 1 "s" #\\a #f 2.5)'))).to.equal("'no");
      expect(show(expand(m, '(m 1 "s" #\\a #t 2.0)'))).to.equal("'no");
      expect(show(expand(m, '(m 1. "s" #\\a #t 2.5)'))).to.equal("'no");
      expect(expand(m, '(m 1 "s" #\\a #t 2.5)')).to.be.instanceOf(Pair);
      expect(makeChar(97)).to.be.instanceOf(Char);
    });

    it('matches dotted patterns', () => {
      const m = macro('(syntax-rules () ((_ a . b) (quote (a b))))');
      expect(show(expand(m, '(m 1 2 3)'))).to.equal("'(1 (2 3))");
      expect(show(expand(m, '(m 1)'))).to.equal("'(1 ())");
      expect(show(expand(m, '(m 1 . 2)'))).to.equal("'(1 2)");
      expect(() => expand(m, '(m)')).to.throw(SyntaxRulesError);
    });

    it('matches an ellipsis followed by more subpatterns', () => {
      const m = macro('(syntax-rules () ((_ a ... b c) (quote ((a ...) b c))))');
      expect(show(expand(m, '(m 1 2 3 4)'))).to.equal("'((1 2) 3 4)");
      expect(show(expand(m, '(m 3 4)'))).to.equal("'(() 3 4)");
      expect(() => expand(m, '(m 4)')).to.throw(SyntaxRulesError);
    });

    it('matches an ellipsis followed by a dotted tail', () => {
      const m = macro('(syntax-rules () ((_ a ... . r) (quote ((a ...) r))))');
      expect(show(expand(m, '(m 1 2 . 3)'))).to.equal("'((1 2) 3)");
      expect(show(expand(m, '(m 1 2)'))).to.equal("'((1 2) ())");
      expect(show(expand(m, '(m . 3)'))).to.equal("'(() 3)");
    });

    it('rejects an improper use where a proper list is expected', () => {
      const m = macro('(syntax-rules () ((_ a ...) (quote (a ...))))');
      expect(() => expand(m, '(m 1 . 2)')).to.throw(SyntaxRulesError);
    });

    it('matches vector patterns and instantiates vector templates', () => {
      const m = macro(`(syntax-rules ()
        ((_ #(a b ...)) (quote #(b ... a)))
        ((_ x) (quote not-a-vector)))`);
      expect(show(expand(m, '(m #(1 2 3))'))).to.equal("'#(2 3 1)");
      expect(show(expand(m, '(m #(1))'))).to.equal("'#(1)");
      expect(show(expand(m, '(m #())'))).to.equal("'not-a-vector");
      expect(show(expand(m, '(m (1 2))'))).to.equal("'not-a-vector");
      const fixed = macro('(syntax-rules () ((_ #(a b)) (quote (b a))) ((_ x) (quote other)))');
      expect(show(expand(fixed, '(m #(1 2))'))).to.equal("'(2 1)");
      expect(show(expand(fixed, '(m #(1 2 3))'))).to.equal("'other");
      const tail = macro('(syntax-rules () ((_ #(a ... z)) (quote (z a ...))))');
      expect(show(expand(tail, '(m #(1 2 3))'))).to.equal("'(3 1 2)");
    });

    it('matches and builds long lists without deep recursion', () => {
      const n = 200000;
      let use: Value = NIL;
      for (let i = n; i > 0; i--) use = new Pair(i, use);
      use = new Pair(intern('m'), use);
      const ell = macro('(syntax-rules () ((_ a ... z) (list z a ...)))');
      const out = items(expand(ell, use));
      expect(out.length).to.equal(n + 1);
      expect(out[1]).to.equal(n);
      expect(out[2]).to.equal(1);
      const dotted = macro('(syntax-rules () ((_ a b . r) (r a b)))');
      const out2 = expand(dotted, use) as Pair;
      expect(items(out2.car).length).to.equal(n - 2);
      const vec = macro('(syntax-rules () ((_ a ...) #(a ...)))');
      expect((expand(vec, use) as SVector).items.length).to.equal(n);
    });

    it('does not loop on a circular use', () => {
      const m = macro('(syntax-rules () ((_ a ...) (quote (a ...))))');
      const cell = new Pair(1, NIL);
      cell.cdr = cell;
      expect(() => expand(m, new Pair(intern('m'), cell))).to.throw(SyntaxRulesError, 'Ill-formed special form: (m 1 1 1');
    });
  });

  describe('#expand (nested ellipses)', () => {
    it('expands my-let* recursively', () => {
      const m = macro(`(syntax-rules ()
        ((_ () body ...) (let () body ...))
        ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...))))`);
      expect(show(expand(m, '(my-let* ((a 1) (b a)) (+ a b))')))
        .to.equal('(let ((a 1)) (my-let* ((b a)) (+ a b)))');
      expect(show(expand(m, '(my-let* () 1 2)'))).to.equal('(let () 1 2)');
    });

    it('expands (my-cond (test expr ...) ...)', () => {
      const m = macro(`(syntax-rules (else)
        ((_ (else e ...)) (begin e ...))
        ((_ (test expr ...) clause ...) (if test (begin expr ...) (my-cond clause ...))))`);
      expect(show(expand(m, '(my-cond ((> x 0) 1 2) ((< x 0) 3) (else 4))')))
        .to.equal('(if (> x 0) (begin 1 2) (my-cond ((< x 0) 3) (else 4)))');
      expect(show(expand(m, '(my-cond (else 4 5))'))).to.equal('(begin 4 5)');
    });

    it('distributes two levels of ellipsis', () => {
      const m = macro('(syntax-rules () ((_ (test expr ...) ...) (quote ((expr ... test) ...))))');
      expect(show(expand(m, '(m (a 1 2) (b) (c 3))'))).to.equal("'((1 2 a) (b) (3 c))");
      expect(show(expand(m, '(m)'))).to.equal("'()");
    });

    it('flattens a subtemplate followed by two ellipses', () => {
      const m = macro('(syntax-rules () ((_ (a ...) ...) (quote (a ... ...))))');
      expect(show(expand(m, '(m (1 2) () (3))'))).to.equal("'(1 2 3)");
    });

    it('repeats a shallower variable alongside a deeper one', () => {
      const m = macro('(syntax-rules () ((_ a (b ...)) (quote ((a b) ...))))');
      expect(show(expand(m, '(m x (1 2 3))'))).to.equal("'((x 1) (x 2) (x 3))");
      const m2 = macro('(syntax-rules () ((_ (x ...) (y ...)) (quote ((x y ...) ...))))');
      expect(show(expand(m2, '(m (1 2) (a b c))'))).to.equal("'((1 a b c) (2 a b c))");
      const m3 = macro('(syntax-rules () ((_ (x ...)) (quote ((x x ...) ...))))');
      expect(show(expand(m3, '(m (1 2))'))).to.equal("'((1 1 2) (2 1 2))");
    });

    it('iterates variables of one ellipsis in lockstep and rejects unequal lengths', () => {
      const m = macro('(syntax-rules () ((_ (a ...) (b ...)) (quote ((a b) ...))))');
      expect(show(expand(m, '(m (1 2) (x y))'))).to.equal("'((1 x) (2 y))");
      expect(() => expand(m, '(m (1 2) (x))')).to.throw(SyntaxRulesError, 'Ill-formed special form: (m (1 2) (x))');
    });
  });

  describe('#expand (ellipsis escapes and custom ellipsis)', () => {
    it('writes (... ...) as a literal ellipsis', () => {
      const m = macro('(syntax-rules () ((_ a) (quote (a (... ...)))))');
      const out = expand(m, '(m 1)');
      expect(show(out)).to.equal("'(1 ...)");
      const ell = items(items(out)[1]!)[1]!;
      expect(ell).to.be.instanceOf(Alias);
      expect(baseSym(ell as Ident)).to.equal(intern('...'));
    });

    it('treats the ellipsis as literal inside (... template)', () => {
      const m = macro('(syntax-rules () ((_ a) (quote (... (a ... (b c) ...)))))');
      expect(show(expand(m, '(m 1)'))).to.equal("'(1 ... (b c) ...)");
    });

    it('supports a macro-defining macro whose inner ellipses are escaped', () => {
      const outer = macro(`(syntax-rules ()
        ((_ name) (define-syntax name (syntax-rules () ((_ x (... ...)) (list x (... ...)))))))`);
      const def = expand(outer, '(def-lister my-list)');
      const parts = items(def);
      expect(parts[1]).to.equal(intern('my-list'));
      const spec = parts[2]!;
      expect(items(spec)[0]).to.be.instanceOf(Alias);
      const innerScope = { kind: 'scope' } as Scope;
      const inner = new SyntaxRules(spec, innerScope);
      const out = inner.expand(read('(my-list 1 2 3)'), useScope, makeEnv());
      expect(show(out)).to.equal('(list 1 2 3)');
      const head = items(out)[0] as Alias;
      expect(head).to.be.instanceOf(Alias);
      expect(head.scope).to.equal(innerScope);
      expect(head.name).to.be.instanceOf(Alias);
    });

    it('supports a custom ellipsis identifier, making ... ordinary', () => {
      const m = macro('(syntax-rules ::: () ((_ (a b :::) :::) (quote ((b ::: a ...) :::))))');
      expect(show(expand(m, '(m (1 2 3) (4))'))).to.equal("'((2 3 1 ...) (4 ...))");
      const dots = macro('(syntax-rules ::: () ((_ ... x) (quote (x ...))))');
      expect(show(expand(dots, '(m 1 2)'))).to.equal("'(2 1)");
    });

    it('treats an ellipsis listed among the literals as a literal', () => {
      const m = macro('(syntax-rules (...) ((_ a ...) (quote (a))) ((_ a b) (quote (a b two))))');
      expect(show(expand(m, '(m 1 ...)'))).to.equal("'(1)");
      expect(show(expand(m, '(m 1 2)'))).to.equal("'(1 2 two)");
    });

    it('accepts an alias as the spec head and as the ellipsis', () => {
      const dots = new Alias(intern('...'), defScope);
      const spec = list(new Alias(intern('syntax-rules'), defScope), NIL,
        list(list(intern('_'), intern('a'), dots), list(intern('quote'), list(intern('a'), dots))));
      const m = new SyntaxRules(spec, defScope);
      expect(show(expand(m, '(m 1 2)'))).to.equal("'(1 2)");
    });
  });

  describe('errors', () => {
    it('throws "Ill-formed special form" with the use when no rule matches', () => {
      const m = macro('(syntax-rules () ((_ a) a))');
      let err: unknown = null;
      try {
        expand(m, '(foo 1 "two" #\\c)');
      } catch (e: unknown) {
        err = e;
      }
      expect(err).to.be.instanceOf(SyntaxRulesError);
      expect(err).to.be.instanceOf(Error);
      expect((err as Error).message).to.equal('Ill-formed special form: (foo 1 "two" #\\c)');
      expect(show((err as SyntaxRulesError).form)).to.equal('(foo 1 "two" #\\c)');
    });

    it('throws when a macro has no rules at all', () => {
      expect(() => expand(macro('(syntax-rules ())'), '(m)')).to.throw(SyntaxRulesError, 'Ill-formed special form: (m)');
    });

    const malformed: [string, string][] = [
      ['no literals list', '(syntax-rules)'],
      ['literals not identifiers', '(syntax-rules (1) ((_) 1))'],
      ['a rule without a template', '(syntax-rules () ((_ a)))'],
      ['a rule with two templates', '(syntax-rules () ((_ a) a a))'],
      ['a pattern that is not a list', '(syntax-rules () (_ 1))'],
      ['a duplicate pattern variable', '(syntax-rules () ((_ a a) a))'],
      ['two ellipses in one list pattern', '(syntax-rules () ((_ a ... b ...) 1))'],
      ['an ellipsis first in a pattern list', '(syntax-rules () ((_ (... a)) 1))'],
      ['an ellipsis after a dot in a pattern', '(syntax-rules () ((_ a . ...) 1))'],
      ['a variable used with too few ellipses', '(syntax-rules () ((_ a ...) (f a)))'],
      ['an ellipsis over no pattern variable', '(syntax-rules () ((_ a) (f b ...)))'],
      ['an ellipsis over only a depth-0 variable', '(syntax-rules () ((_ a) (f a ...)))'],
      ['a stray ellipsis in a template', '(syntax-rules () ((_ a) ...))'],
      ['a malformed (... ...) escape', '(syntax-rules () ((_ a) (... a a)))'],
      ['a custom ellipsis without literals', '(syntax-rules :::)'],
    ];
    for (const [what, spec] of malformed) {
      it(`rejects a spec with ${what}`, () => {
        expect(() => macro(spec)).to.throw(SyntaxRulesError, `Ill-formed special form: ${spec}`);
      });
    }
  });

  describe('#writeForm', () => {
    it('writes data as gsi does for error messages', () => {
      expect(writeForm(read('(a "s" #\\x #t #f 1.5 .5 #(1 2) (b . c) ())'))).to.equal('(a "s" #\\x #t #f 1.5 .5 #(1 2) (b . c) ())');
      expect(writeForm(new Flonum(100))).to.equal('100.');
      expect(writeForm(new Flonum(-0.25))).to.equal('-.25');
      expect(writeForm(new Alias(new Alias(intern('x'), defScope), defScope))).to.equal('x');
      expect(writeForm(new Sym('g', false))).to.equal('g');
    });
  });
});
