// The special forms. Primitive ones compile straight to nodes; derived ones (let*, do, case,
// guard, parameterize, ...) rewrite into primitive ones, naming special forms by their core
// symbols and run-time helpers by their `##` names so that user bindings cannot capture them.
// R7RS section numbers are given for the derived forms' rewrites.

import { Op, type Node } from './nodes.js';
import { MacroScope, frameOf, type CScope } from './scope.js';
import { baseSym, isIdent, stripSyntax, type Ident } from './syntax.js';
import { core, hash, temp } from './core-syms.js';
import type { Compiler, SpecialForm } from './compiler.js';
import { expandQuasiquote } from './quasiquote.js';
import { syntaxError, type Loc } from '../runtime/errors.js';
import { NIL, Pair, SVector, Sym, VOID, intern, type Value } from '../runtime/values.js';
import { expandDefineType, expandDefineRecordType } from '../runtime/records.js';
import { FEATURES } from '../runtime/prims/host.js';

export const specialForms = new Map<string, SpecialForm>();

/** Forms that expand, at body level, into other body forms (definitions). */
export const bodyExpanders = new Map<string, (c: Compiler, x: Pair, loc: Loc) => Value>();

function L(...xs: Value[]): Value {
  let r: Value = NIL;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

/** (a b . tail) */
function LT(tail: Value, ...xs: Value[]): Value {
  let r: Value = tail;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

function arr(x: Value): Value[] {
  const out: Value[] = [];
  while (x instanceof Pair) { out.push(x.car); x = x.cdr; }
  return out;
}

const K = core;

/** Is `id` (in `scope`) the keyword `name` (else, =>, unquote...)? */
function isKeyword(c: Compiler, v: Value, name: string, scope: CScope | null): boolean {
  if (!isIdent(v)) return false;
  const b = c.classify(v, scope);
  return (b.kind === 'global' && b.name.name === name && b.name.interned) || (b.kind === 'special' && b.name === name);
}

// -------------------------------------------------------------------------------------------
// Primitive forms

specialForms.set('quote', (c, x, loc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length !== 1) return c.bad(x, loc);
  return { op: Op.Const, src: null, value: stripSyntax(p[0]!.v) };
});

specialForms.set('if', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length < 2 || p.length > 3) return c.bad(x, loc);
  return {
    op: Op.If,
    src: c.src(loc, proc),
    test: c.compile(p[0]!.v, p[0]!.loc, scope, false, proc),
    then: c.compile(p[1]!.v, p[1]!.loc, scope, tail, proc),
    else: p.length === 3 ? c.compile(p[2]!.v, p[2]!.loc, scope, tail, proc) : { op: Op.Const, src: null, value: VOID },
  };
});

specialForms.set('define', (c, x, loc, scope) => {
  // Internal defines are handled by compileBody; one that gets here is in an expression.
  if (frameOf(scope) !== null || !c.topForms.has(x)) return c.fail("Ill-placed 'define'", loc);
  const d = c.parseDefine(x, loc);
  if (d.kind !== 'define') return c.bad(x, loc);
  return c.globalDefine(d.id, d.value, d.loc, scope, d.lambdaName);
});

specialForms.set('set!', (c, x, loc, scope, _tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length !== 2) return c.bad(x, loc);
  if (!isIdent(p[0]!.v)) return c.fail('Identifier expected', p[0]!.loc);
  const id = p[0]!.v as Ident;
  const value = c.compileNamed(p[1]!.v, p[1]!.loc, scope, proc, baseSym(id).name);
  const ref = c.compileRef(id, p[0]!.loc, scope, proc);
  if (ref.op === Op.LocalRef) {
    return { op: Op.LocalSet, src: c.src(loc, proc), depth: ref.depth, index: ref.index, value, define: false };
  }
  if (ref.op === Op.GlobalRef) return { op: Op.GlobalSet, src: c.src(loc, proc), cell: ref.cell, value };
  return c.bad(x, loc);
});

specialForms.set('lambda', (c, x, loc, scope) => {
  if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
  return c.compileLambda(x.cdr.car, x.cdr.cdr, loc, scope, null, x);
});

specialForms.set('named-lambda', (c, x, loc, scope) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length < 2 || !(p[0]!.v instanceof Pair) || !isIdent(p[0]!.v.car)) return c.bad(x, loc);
  const head = p[0]!.v as Pair;
  return c.compileLambda(head.cdr, (x.cdr as Pair).cdr, loc, scope, baseSym(head.car as Ident).name, x);
});

specialForms.set('begin', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (frameOf(scope) === null && c.topForms.has(x)) {
    for (const f of p) c.topForms.add(f.v);
    // Top level: definitions inside begin are global, and each form is compiled in order.
    return c.compileBody(x.cdr, loc, scope, tail, proc, x);
  }
  if (p.length === 0) return c.bad(x, loc);
  return c.compileSeq(p, loc, scope, tail, proc);
});

specialForms.set('or', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length === 0) return { op: Op.Const, src: null, value: false };
  if (p.length === 1) return c.compile(p[0]!.v, p[0]!.loc, scope, tail, proc);
  return { op: Op.Or, src: c.src(loc, proc), exprs: p.map((e, i) => c.compile(e.v, e.loc, scope, tail && i === p.length - 1, proc)) };
});

specialForms.set('and', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length === 0) return { op: Op.Const, src: null, value: true };
  let node = c.compile(p[p.length - 1]!.v, p[p.length - 1]!.loc, scope, tail, proc);
  for (let i = p.length - 2; i >= 0; i--) {
    node = { op: Op.If, src: c.src(loc, proc), test: c.compile(p[i]!.v, p[i]!.loc, scope, false, proc), then: node, else: { op: Op.Const, src: null, value: false } };
  }
  return node;
});

specialForms.set('quasiquote', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length !== 1) return c.bad(x, loc);
  const isKw = (v: Value, name: string): boolean => isKeyword(c, v, name, scope);
  return c.compile(c.relocated(x, expandQuasiquote(p[0]!.v, 1, isKw, () => c.bad(x, loc))), loc, scope, tail, proc);
});

// -------------------------------------------------------------------------------------------
// Binding forms (R7RS 4.2.2, 4.2.4)

/** `((id init) ...)` with gsi's checks: identifiers, no duplicates, exactly one init each. */
function bindings(c: Compiler, v: Value, loc: Loc, whole: Value, allowDuplicates = false): Array<{ id: Ident; init: Value; loc: Loc }> {
  if (v !== NIL && !(v instanceof Pair)) return c.fail('Ill-formed binding list', c.locAt(whole, v, loc));
  const seen = new Set<Sym>();
  return c.items(v, loc, whole).map((b) => {
    if (!(b.v instanceof Pair)) return c.bad(whole, loc);
    const parts = c.items(b.v, b.loc, whole);
    if (!isIdent(parts[0]!.v)) return c.fail('Identifier expected', parts[0]!.loc);
    if (parts.length !== 2) return c.bad(whole, loc);
    const id = parts[0]!.v as Ident;
    if (seen.has(baseSym(id)) && !allowDuplicates) return c.fail('Duplicate variable in bindings', parts[0]!.loc);
    seen.add(baseSym(id));
    return { id, init: parts[1]!.v, loc: parts[1]!.loc };
  });
}

/**
 * Compile ((lambda (ids) body) inits), naming lambdas bound to ids. The body is in the let's own
 * tail context (for error locations, a let is not a procedure call in gsi).
 */
function compileLet(c: Compiler, bs: Array<{ id: Ident; init: Value; loc: Loc }>, body: Value, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null, whole: Value, valueName: string | null = null): Node {
  const lambda = c.compileLambda(arrToList(bs.map((b) => b.id)), body, loc, scope, proc, whole, { tail, name: valueName });
  // gsi does not name a lambda after the let variable it is bound to.
  const args = bs.map((b) => c.compile(b.init, b.loc, scope, false, proc));
  return { op: Op.Call, src: c.src(loc, proc), fn: lambda, args, tail: false, mark: false };
}

function arrToList(xs: Value[], tail: Value = NIL): Value {
  let r = tail;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

/** `let`; `valueName` names a lambda that the body returns (see Compiler.compileNamed). */
export function letForm(c: Compiler, x: Pair, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null, valueName: string | null = null): Node {
  if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
  const first = x.cdr.car;
  if (isIdent(first)) {
    // Named let: ((letrec ((name (lambda (ids) body))) name) inits)
    if (!(x.cdr.cdr instanceof Pair) || x.cdr.cdr.cdr === NIL) return c.bad(x, loc);
    const bs = bindings(c, x.cdr.cdr.car, loc, x);
    const body = x.cdr.cdr.cdr;
    const lam = LT(body, K('lambda'), arrToList(bs.map((b) => b.id)));
    const rec = L(K('letrec'), L(L(first, lam)), first);
    return c.compile(c.relocated(x, LT(arrToList(bs.map((b) => b.init)), rec)), loc, scope, tail, proc);
  }
  const bs = bindings(c, first, loc, x);
  if (x.cdr.cdr === NIL) return c.bad(x, loc);
  return compileLet(c, bs, x.cdr.cdr, loc, scope, tail, proc, x, valueName);
}
specialForms.set('let', (c, x, loc, scope, tail, proc) => letForm(c, x, loc, scope, tail, proc));

specialForms.set('let*', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair) || x.cdr.cdr === NIL) return c.bad(x, loc);
  bindings(c, x.cdr.car, loc, x, true); // checks (let* may rebind a name)
  const bs = c.items(x.cdr.car, loc, x).map((b) => b.v);
  if (bs.length <= 1) return c.compile(LT(x.cdr.cdr, K('let'), arrToList(bs)), loc, scope, tail, proc);
  const inner = LT(x.cdr.cdr, K('let*'), arrToList(bs.slice(1)));
  return c.compile(L(K('let'), L(bs[0]!), inner), loc, scope, tail, proc);
});

/**
 * (letrec* ((v init) ...) body) => (let () (define v init) ... (let () body)): internal
 * defines give letrec* semantics. gsi's letrec evaluates every init before assigning any
 * variable (so an init that reads another variable of the letrec sees #!unbound): with two or
 * more bindings, each init goes to a temporary named like its variable (so a lambda is named
 * after the variable), then the variables are assigned.
 */
function letrecForm(sequential: boolean): SpecialForm {
  return (c, x, loc, scope, tail, proc) => {
    if (!(x.cdr instanceof Pair) || x.cdr.cdr === NIL) return c.bad(x, loc);
    const bs = bindings(c, x.cdr.car, loc, x);
    let defs: Value[];
    if (sequential || bs.length < 2) {
      defs = bs.map((b) => L(K('define'), b.id, b.init));
    } else {
      const ts = bs.map((b) => temp(baseSym(b.id).name));
      defs = [...bs.map((b, i) => L(K('define'), ts[i]!, b.init)), ...bs.map((b, i) => L(K('define'), b.id, ts[i]!))];
    }
    // A let body, not a procedure of its own: errors in it are in the enclosing procedure.
    const body = c.relocated(x, arrToList(defs, L(LT(x.cdr.cdr, K('let'), NIL))));
    return compileLet(c, [], body, loc, scope, tail, proc, x);
  };
}
specialForms.set('letrec', letrecForm(false));
specialForms.set('letrec*', letrecForm(true));

specialForms.set('do', (c, x, loc, scope, tail, proc) => {
  // (do ((var init step)...) (test expr...) cmd...) => a loop procedure (R7RS 7.3)
  const p = c.items(x.cdr, loc, x);
  if (p.length < 2 || !(p[1]!.v instanceof Pair)) return c.bad(x, loc);
  const specs = c.items(p[0]!.v, loc, x).map((s) => {
    const parts = arr(s.v);
    if (!isIdent(parts[0]!) || parts.length < 2 || parts.length > 3) return c.bad(x, loc);
    return { id: parts[0]!, init: parts[1]!, step: parts.length === 3 ? parts[2]! : parts[0]! };
  });
  const loop = temp('do-loop');
  const testClause = p[1]!.v as Pair;
  const result = testClause.cdr === NIL ? L(K('quote'), VOID) : LT(testClause.cdr, K('begin'));
  const cmds = p.slice(2).map((e) => e.v);
  const again = LT(arrToList(specs.map((s) => s.step)), loop);
  const body = L(K('if'), testClause.car, result, LT(arrToList([...cmds, again]), K('begin')));
  // A named let whose procedure is anonymous (wrapped in a begin, so the letrec does not name
  // it): gsi shows an error in the loop as IN #<procedure #2>.
  const lam = L(K('begin'), L(K('lambda'), arrToList(specs.map((s) => s.id)), body));
  const form = LT(arrToList(specs.map((s) => s.init)), L(K('letrec'), L(L(loop, lam)), loop));
  return c.compile(c.relocated(x, form), loc, scope, tail, proc);
});

// -------------------------------------------------------------------------------------------
// Conditionals (R7RS 4.2.1)

specialForms.set('cond', (c, x, loc, scope, tail, proc) => {
  const clauses = c.items(x.cdr, loc, x);
  if (clauses.length === 0) return c.bad(x, loc);
  let out: Value = L(K('quote'), VOID);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const cl = clauses[i]!.v;
    if (!(cl instanceof Pair)) return c.bad(x, loc);
    const parts = arr(cl);
    if (isKeyword(c, cl.car, 'else', scope)) {
      if (i !== clauses.length - 1) return c.fail('Else clause must be last', clauses[i]!.loc);
      if (parts.length < 2) return c.bad(x, loc);
      out = LT(cl.cdr, K('begin'));
    } else if (parts.length >= 2 && isKeyword(c, parts[1]!, '=>', scope)) {
      if (parts.length !== 3) return c.bad(x, loc);
      const t = temp('t');
      out = L(K('let'), L(L(t, cl.car)), L(K('if'), t, L(parts[2]!, t), out));
    } else if (parts.length === 1) {
      out = L(K('or'), cl.car, out);
    } else {
      out = L(K('if'), cl.car, LT(cl.cdr, K('begin')), out);
    }
  }
  return c.compile(c.relocated(x, out), loc, scope, tail, proc);
});

specialForms.set('case', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length < 1) return c.bad(x, loc);
  const key = temp('key');
  let out: Value = L(K('quote'), VOID);
  for (let i = p.length - 1; i >= 1; i--) {
    const cl = p[i]!.v;
    if (!(cl instanceof Pair)) return c.bad(x, loc);
    const parts = arr(cl);
    const isElse = isKeyword(c, cl.car, 'else', scope);
    if (isElse && i !== p.length - 1) return c.fail('Else clause must be last', p[i]!.loc);
    if (!isElse && cl.car !== NIL && !(cl.car instanceof Pair)) return c.fail('Ill-formed selector list', c.locOf(cl, loc));
    const body = parts.length === 3 && isKeyword(c, parts[1]!, '=>', scope) ? L(parts[2]!, key) : LT(cl.cdr, K('begin'));
    if (isElse) out = body;
    else out = L(K('if'), L(hash('memv'), key, L(K('quote'), stripSyntax(cl.car))), body, out);
  }
  return c.compile(c.relocated(x, L(K('let'), L(L(key, p[0]!.v)), out)), loc, scope, tail, proc);
});

specialForms.set('when', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair) || x.cdr.cdr === NIL) return c.fail('Ill-formed special form', loc, hash('when'));
  return c.compile(c.relocated(x, L(K('if'), x.cdr.car, LT(x.cdr.cdr, K('begin')))), loc, scope, tail, proc);
});

specialForms.set('unless', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair) || x.cdr.cdr === NIL) return c.fail('Ill-formed special form', loc, hash('unless'));
  return c.compile(c.relocated(x, L(K('if'), x.cdr.car, L(K('quote'), VOID), LT(x.cdr.cdr, K('begin')))), loc, scope, tail, proc);
});

// -------------------------------------------------------------------------------------------
// Promises, parameters, multiple values (R7RS 4.2.5, 4.2.6, 4.3)

/** A procedure of no arguments with `body`, named after the procedure `proc` it is written in:
 * its code is part of that procedure's (gsi locates an error in it IN proc). */
function bodyThunk(body: Value, proc: string | null): Value {
  return proc === null ? LT(body, K('lambda'), NIL) : LT(body, K('named-lambda'), L(intern(proc)));
}

// gsi's force keeps forcing while the value is a promise, so delay is delay-force. The body is
// code of the procedure the delay is in.
function delayForm(c: Compiler, x: Pair, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null): Node {
  const p = c.items(x.cdr, loc, x);
  if (p.length !== 1) return c.bad(x, loc);
  return c.compile(c.relocated(x, L(hash('make-lazy-promise'), bodyThunk(L(p[0]!.v), proc))), loc, scope, tail, proc);
}
specialForms.set('delay', delayForm);
specialForms.set('delay-force', delayForm);
specialForms.set('make-promise-lazy', delayForm);

specialForms.set('parameterize', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
  const bs = c.items(x.cdr.car, loc, x).map((b) => {
    const parts = arr(b.v);
    if (parts.length !== 2) return c.bad(x, loc);
    return { p: parts[0]!, v: parts[1]!, pt: temp('p'), vt: temp('v') };
  });
  const lets = arrToList(bs.flatMap((b) => [L(b.pt, b.p), L(b.vt, b.v)]));
  const call = L(hash('parameterize'),
    LT(arrToList(bs.map((b) => b.pt)), hash('list')),
    LT(arrToList(bs.map((b) => L(hash('parameterize-convert'), b.pt, b.vt))), hash('list')),
    LT(x.cdr.cdr, K('lambda'), NIL)); // anonymous, as gsi's: an error in it is IN #<procedure #2>
  // Not relocated: gsi locates an error in a parameter or value expression at the form.
  return c.compile(L(K('let*'), lets, call), loc, scope, tail, proc);
});

specialForms.set('receive', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  if (p.length < 3) return c.bad(x, loc);
  const body = ((x.cdr as Pair).cdr as Pair).cdr;
  return c.compile(c.relocated(x, L(hash('call-with-values'), L(K('lambda'), NIL, p[1]!.v), LT(body, K('lambda'), p[0]!.v))), loc, scope, tail, proc);
});

/** A formals list with every identifier replaced by a fresh temporary; returns both. */
function renameFormals(f: Value): { temps: Value; pairs: Array<[Value, Value]> } {
  const pairs: Array<[Value, Value]> = [];
  const walk = (v: Value): Value => {
    if (v instanceof Pair) return new Pair(walk(v.car), walk(v.cdr));
    if (isIdent(v)) { const t = temp(baseSym(v).name); pairs.push([v, t]); return t; }
    return v;
  };
  return { temps: walk(f), pairs };
}

specialForms.set('let-values', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
  const bs = c.items(x.cdr.car, loc, x).map((b) => arr(b.v));
  const all: Array<[Value, Value]> = [];
  let body: Value = L(LT(x.cdr.cdr, K('let'), NIL));
  const renamed = bs.map((b) => { if (b.length !== 2) return c.bad(x, loc); const r = renameFormals(b[0]!); all.push(...r.pairs); return { temps: r.temps, init: b[1]! }; });
  body = LT(x.cdr.cdr, K('let'), arrToList(all.map(([id, t]) => L(id, t))));
  for (let i = renamed.length - 1; i >= 0; i--) {
    body = L(hash('call-with-values'), L(K('lambda'), NIL, renamed[i]!.init), L(K('lambda'), renamed[i]!.temps, body));
  }
  return c.compile(c.relocated(x, body), loc, scope, tail, proc);
});

specialForms.set('let*-values', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
  const bs = c.items(x.cdr.car, loc, x).map((b) => arr(b.v));
  let body: Value = LT(x.cdr.cdr, K('let'), NIL);
  for (let i = bs.length - 1; i >= 0; i--) {
    if (bs[i]!.length !== 2) return c.bad(x, loc);
    body = L(hash('call-with-values'), L(K('lambda'), NIL, bs[i]![1]!), L(K('lambda'), bs[i]![0]!, body));
  }
  return c.compile(c.relocated(x, body), loc, scope, tail, proc);
});

function expandDefineValues(c: Compiler, x: Pair, loc: Loc): Value {
  const p = c.items(x.cdr, loc, x);
  if (p.length !== 2) return c.bad(x, loc);
  const r = renameFormals(p[0]!.v);
  const defs = r.pairs.map(([id]) => L(K('define'), id, false));
  const sets = r.pairs.map(([id, t]) => L(K('set!'), id, t));
  const cwv = L(hash('call-with-values'), L(K('lambda'), NIL, p[1]!.v), LT(arrToList(sets.length ? sets : [VOID]), K('lambda'), r.temps));
  return LT(arrToList([...defs, cwv]), K('begin'));
}
bodyExpanders.set('define-values', expandDefineValues);
specialForms.set('define-values', (c, x, loc, scope, tail, proc) => c.compile(c.expansion(x, c.relocated(x, expandDefineValues(c, x, loc))), loc, scope, tail, proc));

// (case-lambda (formals body...) ...) => a procedure taking any arguments that applies the first
// clause whose arity fits. `proc` is the name it is bound to (define, let), when called from
// compileNamed, for the call form of a no-match error.
specialForms.set('case-lambda', (c, x, loc, scope, tail, proc) => {
  const clauses = c.items(x.cdr, loc, x).map((cl) => {
    if (!(cl.v instanceof Pair) || cl.v.cdr === NIL) return c.bad(x, loc);
    return { t: temp('clause'), lam: LT(cl.v.cdr, K('lambda'), cl.v.car) };
  });
  const args = temp('args');
  const name = proc === null ? false : L(K('quote'), intern(proc));
  const form = L(K('let'), arrToList(clauses.map((cl) => L(cl.t, cl.lam))),
    L(K('lambda'), args, LT(arrToList(clauses.map((cl) => cl.t)), hash('case-lambda-dispatch'), name, args)));
  return c.compile(c.relocated(x, form), loc, scope, tail, proc);
});

// -------------------------------------------------------------------------------------------
// Exceptions: guard (R7RS 4.2.7, the reference rewrite)

specialForms.set('guard', (c, x, loc, scope, tail, proc) => {
  if (!(x.cdr instanceof Pair) || !(x.cdr.car instanceof Pair)) return c.bad(x, loc);
  const spec = x.cdr.car;
  const v = spec.car;
  if (!isIdent(v)) return c.bad(x, loc);
  const clauses = arr(spec.cdr);
  const guardK = temp('guard-k'), condition = temp('condition'), handlerK = temp('handler-k'), args = temp('args');
  const hasElse = clauses.length > 0 && clauses[clauses.length - 1] instanceof Pair && isKeyword(c, (clauses[clauses.length - 1] as Pair).car, 'else', scope);
  const reraise = L(K('else'), L(handlerK, L(K('lambda'), NIL, L(hash('raise-continuable'), condition))));
  const condForm = LT(arrToList(hasElse ? clauses : [...clauses, reraise]), K('cond'));
  const form =
    L(L(hash('call/cc'), L(K('lambda'), L(guardK),
      L(hash('with-exception-handler-r7rs'),
        L(K('lambda'), L(condition),
          L(L(hash('call/cc'), L(K('lambda'), L(handlerK),
            L(guardK, L(K('lambda'), NIL, L(K('let'), L(L(v, condition)), condForm))))))),
        L(K('lambda'), NIL,
          L(hash('call-with-values'), LT(x.cdr.cdr, K('lambda'), NIL),
            L(K('lambda'), args, L(guardK, L(K('lambda'), NIL, L(hash('apply'), hash('values'), args))))))))));
  return c.compile(c.relocated(x, form), loc, scope, tail, proc);
});

// -------------------------------------------------------------------------------------------
// Macros (R7RS 4.3; Gambit's define-macro)

specialForms.set('define-syntax', (c, x, loc, scope) => {
  if (frameOf(scope) !== null) return c.bad(x, loc);
  c.expandBodySpecial('define-syntax', x, loc, scope);
  return { op: Op.Const, src: null, value: VOID };
});

specialForms.set('define-macro', (c, x, loc, scope) => {
  if (frameOf(scope) !== null) return c.bad(x, loc);
  c.expandBodySpecial('define-macro', x, loc, scope);
  return { op: Op.Const, src: null, value: VOID };
});

function letSyntax(rec: boolean): SpecialForm {
  return (c, x, loc, scope, tail, proc) => {
    if (!(x.cdr instanceof Pair)) return c.bad(x, loc);
    const inner = new MacroScope(scope);
    for (const b of c.items(x.cdr.car, loc, x)) {
      const parts = arr(b.v);
      if (parts.length !== 2 || !isIdent(parts[0]!)) return c.bad(x, loc);
      inner.bindings.set(parts[0] as Ident, { kind: 'macro', macro: c.makeRulesMacro(parts[1]!, b.loc, rec ? inner : scope) });
    }
    return c.compileBody(x.cdr.cdr, loc, inner, tail, proc, x);
  };
}
specialForms.set('let-syntax', letSyntax(false));
specialForms.set('letrec-syntax', letSyntax(true));

specialForms.set('syntax-rules', (c, x, loc) => c.bad(x, loc));
// `else`, `=>`, `unquote` and `unquote-splicing` are not special forms (as in gsi: using one as
// an expression is an unbound variable); forms recognize them by name when they are unbound.

// -------------------------------------------------------------------------------------------
// Records, files, declarations

/**
 * The expansion of a record definition. gsi reports an ill-formed define-type (or
 * define-structure) with no location and the whole form under the message (its expander raises
 * on a copy of the form without one): `unlocated`. A body's record definitions too.
 */
function expandRecord(c: Compiler, expand: (form: Value) => Value, unlocated: boolean, x: Pair, loc: Loc): Value {
  try { return expand(stripSyntax(x)); } catch (e: unknown) {
    if (!(e instanceof Error)) throw e;
    if (!unlocated) return c.bad(x, loc);
    throw syntaxError('Ill-formed special form', stripSyntax(x.car), null, stripSyntax(x));
  }
}

function recordForms(name: string, expand: (form: Value) => Value, unlocated: boolean): void {
  specialForms.set(name, (c, x, loc, scope, tail, proc) => {
    const out = expandRecord(c, expand, unlocated, x, loc);
    if (c.topForms.has(x)) c.topForms.add(out); // the expansion's defines are top-level too
    return c.compile(out, loc, scope, tail, proc);
  });
  bodyExpanders.set(name, (c, x, loc) => expandRecord(c, expand, unlocated, x, loc));
}
recordForms('define-type', expandDefineType, true);
recordForms('define-record-type', expandDefineRecordType, false);
recordForms('define-structure', expandDefineType, true);

specialForms.set('include', (c, x, loc, scope, tail, proc) => {
  const p = c.items(x.cdr, loc, x);
  const forms: Value[] = [];
  for (const f of p) {
    const name = f.v;
    if (!(typeof name === 'object' && 's' in name)) return c.bad(x, loc);
    for (const form of c.runner.readForms((name as unknown as { s: string }).s, loc.container)) forms.push(form.datum);
  }
  return c.compile(c.expansion(x, LT(arrToList(forms), K('begin'))), loc, scope, tail, proc);
});
bodyExpanders.set('include', (c, x, loc) => {
  const forms: Value[] = [];
  for (const f of c.items(x.cdr, loc, x)) {
    for (const form of c.runner.readForms((f.v as unknown as { s: string }).s, loc.container)) forms.push(form.datum);
  }
  return LT(arrToList(forms), K('begin'));
});

specialForms.set('declare', () => ({ op: Op.Const, src: null, value: VOID }));

/**
 * The body of the clause `(cond-expand clause ...)` selects, as gsi 4.9.3 selects it: a feature
 * is one of `(features)`; `else` is recognized only in the last clause (elsewhere it is a
 * feature, absent); `(library ...)` and other lists are "Ill-formed 'cond-expand'"; no clause
 * selected is "Unfulfilled 'cond-expand'".
 */
function condExpandBody(c: Compiler, x: Pair, loc: Loc): Value {
  const test = (req: Value): boolean => {
    if (isIdent(req)) return FEATURES.has(baseSym(req).name);
    if (req instanceof Pair && isIdent(req.car)) {
      const args = c.items(req.cdr, loc, x).map((a) => a.v);
      switch (baseSym(req.car).name) {
        case 'and': return args.every(test);
        case 'or': return args.some(test);
        case 'not':
          if (args.length !== 1) return c.bad(x, loc);
          return !test(args[0]!);
        default: break;
      }
    }
    return c.fail("Ill-formed 'cond-expand'", loc);
  };
  const clauses = c.items(x.cdr, loc, x);
  for (let i = 0; i < clauses.length; i++) {
    const cl = clauses[i]!.v;
    if (!(cl instanceof Pair)) return c.bad(x, loc);
    const isElse = i === clauses.length - 1 && isIdent(cl.car) && baseSym(cl.car).name === 'else';
    if (isElse || test(cl.car)) return cl.cdr;
  }
  return c.fail("Unfulfilled 'cond-expand'", loc);
}

specialForms.set('cond-expand', (c, x, loc, scope, tail, proc) =>
  c.compile(c.expansion(x, LT(condExpandBody(c, x, loc), K('begin'))), loc, scope, tail, proc));
bodyExpanders.set('cond-expand', (c, x, loc) => LT(condExpandBody(c, x, loc), K('begin')));

// Vectors are self-evaluating but may contain aliases from macro templates.
export function constValue(v: Value): Value {
  return v instanceof SVector ? stripSyntax(v) : v;
}
