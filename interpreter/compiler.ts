// The compiler: s-expressions to code nodes (nodes.ts). It does all shape checking, macro
// expansion and lexical addressing; the machine never sees an s-expression.
//
// Glossary: `x` the form being compiled, `loc` its source location, `scope` the compile-time
// scope (scope.ts), `tail` whether x is in tail position, `proc` the name of the enclosing named
// procedure (for "ERROR IN f, ..." messages).

import { Op, isSimple, type Node, type LambdaNode, type Src, type GlobalCell } from './nodes.js';
import { FrameScope, MacroScope, TOP, frameDepth, frameOf, noteFree, resolve, type Binding, type CScope, type Macro } from './scope.js';
import { Alias, baseSym, isIdent, stripSyntax, type Ident } from './syntax.js';
import { SyntaxRules } from './syntax-rules.js';
import { core, coreName } from './core-syms.js';
import { specialForms, bodyExpanders, letForm } from './special-forms.js';
import { syntaxError, type Loc } from '../runtime/errors.js';
import { Keyword, NIL, Pair, Parameter, Primitive, Sym, VOID, type Value } from '../runtime/values.js';
import type { Vm } from '../runtime/vm.js';

/** Services the compiler needs from the machine: running macro transformers, reading files. */
export interface MacroRunner {
  apply(proc: Value, args: Value[]): Value;
  evalNode(node: Node): Value;
  /** The forms of a file, for `include`. `base` is the including file. */
  readForms(path: string, base: string | null): Array<{ datum: Value; loc: Loc }>;
}

export type SpecialForm = (c: Compiler, x: Pair, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null) => Node;

/** A body form after expansion of its head: a definition or an expression. */
type BodyItem =
  | { kind: 'define'; id: Ident; value: Value; loc: Loc; lambdaName: string | null }
  | { kind: 'expr'; x: Value; loc: Loc };

export class Compiler {
  constructor(
    readonly vm: Vm,
    readonly runner: MacroRunner,
    /** Source locations recorded by the reader: pair -> location of its car. */
    readonly locs: WeakMap<Pair, Loc>,
  ) {}

  /**
   * Top-level code is compiled as non-tail: gsi treats a call made directly by top-level code
   * as pending when it locates an error. (`tail` only affects error locations: the machine
   * never grows the continuation for a call, tail or not.)
   */
  compileTop(x: Value, loc: Loc): Node {
    this.topForms.clear();
    this.topForms.add(x);
    this.topLevelCode = true;
    return this.compile(x, loc, null, true, null);
  }

  /**
   * True while compiling code outside any lambda (a `let` body is not a lambda for this). gsi
   * treats a call made there as pending even in tail position: such calls are marked so the
   * machine leaves a frame locating errors at them.
   */
  private topLevelCode = false;

  /**
   * `out`, the rewrite of the derived form `x` (do, case, named let...), given the locations of
   * x's parts: a new list cell whose element is a datum of x gets the location that datum had in
   * x, so that an error in it is located where it was written, as gsi locates it. (An atom, such
   * as a symbol, is matched only when it occurs once in x.)
   */
  relocated(x: Pair, out: Value): Value {
    if (this.noLocations) return out;
    const where = new Map<Value, Loc | null>();
    const original = new Set<Pair>();
    const collect = (v: Value): void => {
      for (let c = v; c instanceof Pair && !original.has(c); c = c.cdr) {
        original.add(c);
        const l = this.locs.get(c);
        if (l !== undefined) where.set(c.car, where.has(c.car) ? null : l);
        collect(c.car);
      }
    };
    const mark = (v: Value): void => {
      for (let c = v; c instanceof Pair && !original.has(c); c = c.cdr) {
        original.add(c); // (visited)
        const l = where.get(c.car);
        if (l !== undefined && l !== null && !this.locs.has(c)) this.locs.set(c, l);
        mark(c.car);
      }
    };
    collect(x);
    mark(out);
    return out;
  }

  /** `out` replaces form `x`: it is at top level if x was (so a macro may expand to a define). */
  expansion(x: Value, out: Value): Value {
    if (this.topForms.has(x)) this.topForms.add(out);
    return out;
  }

  /** The forms being compiled that are at top level (the form itself, and within top-level begins). */
  readonly topForms = new Set<Value>();

  // -------------------------------------------------------------------------------------------
  // Helpers for special forms

  /** Code with no location (eval'd code, preludes) keeps only the procedure name, if any. */
  src(loc: Loc, proc: string | null): Src | null {
    if (loc.container === '' && proc === null) return null;
    return { container: loc.container, line: loc.line, col: loc.col, proc };
  }

  /** A syntax error other than "Ill-formed special form", located at the offending datum. */
  fail(message: string, loc: Loc, irritant?: Value): never {
    const e = syntaxError(message, irritant === undefined ? false : stripSyntax(irritant), loc);
    if (irritant === undefined) e.irritants.length = 0;
    throw e;
  }

  /**
   * Compile an expression whose value is bound to `name` (define, set!, let): a lambda (or
   * case-lambda) there is named after it, as Gambit names it.
   */
  compileNamed(x: Value, loc: Loc, scope: CScope | null, proc: string | null, name: string, tail = false): Node {
    if (x instanceof Pair && isIdent(x.car) && x.cdr instanceof Pair) {
      const b = this.classify(x.car, scope);
      if (b.kind === 'special' && b.name === 'lambda') return this.compileLambda(x.cdr.car, x.cdr.cdr, loc, scope, name, x);
      if (b.kind === 'special' && b.name === 'case-lambda') return specialForms.get('case-lambda')!(this, x, loc, scope, tail, name);
      // (define h (let (...) (lambda ...))): the lambda the let returns is named h too.
      if (b.kind === 'special' && b.name === 'let' && !isIdent(x.cdr.car)) return letForm(this, x, loc, scope, tail, proc, name);
    }
    return this.compile(x, loc, scope, tail, proc);
  }

  /** Location of the car of `cell`, or `dflt`. */
  locOf(cell: Pair, dflt: Loc): Loc {
    if (this.noLocations) return dflt;
    return this.locs.get(cell) ?? dflt;
  }

  /** While compiling for eval: data from anywhere has no source location (as in gsi). */
  private noLocations = false;

  /** Compile an expression given to eval: no locations. */
  compileEval(x: Value, loc: Loc): Node {
    this.noLocations = true;
    try {
      return this.compileTop(x, loc);
    } finally {
      this.noLocations = false;
    }
  }

  /** gsi names only the keyword: `Ill-formed special form: let` (`begin`, not the core symbol of an expansion). */
  bad(x: Value, loc: Loc): never {
    const base = x instanceof Pair && isIdent(x.car) ? baseSym(x.car) : null;
    const form = base === null ? null : coreName(base);
    const head = base === null ? stripSyntax(x) : form === null ? base : intern(form);
    throw syntaxError('Ill-formed special form', head, loc);
  }

  /** The location of `datum` as an element somewhere inside `form` (else `dflt`). */
  locAt(form: Value, datum: Value | undefined, dflt: Loc): Loc {
    if (datum === undefined) return dflt;
    const stack: Value[] = [form];
    let steps = 0;
    while (stack.length > 0 && steps++ < 10000) {
      let x = stack.pop()!;
      while (x instanceof Pair) {
        if (x.car === datum) return this.locs.get(x) ?? dflt;
        if (x.car instanceof Pair) stack.push(x.car);
        x = x.cdr;
      }
    }
    return dflt;
  }

  /** The elements of a proper list with their locations; `bad` if improper. */
  items(x: Value, loc: Loc, whole: Value = x): Array<{ v: Value; loc: Loc }> {
    const out: Array<{ v: Value; loc: Loc }> = [];
    while (x instanceof Pair) {
      out.push({ v: x.car, loc: this.locOf(x, loc) });
      x = x.cdr;
    }
    if (x !== NIL) this.bad(whole, loc);
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  compile(x: Value, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null): Node {
    if (isIdent(x)) return this.compileRef(x, loc, scope, proc);
    if (x instanceof Pair) {
      const head = x.car;
      if (isIdent(head)) {
        const b = this.classify(head, scope);
        if (b.kind === 'special') {
          const sf = specialForms.get(b.name);
          if (sf !== undefined) return sf(this, x, loc, scope, tail, proc);
        } else if (b.kind === 'macro') {
          return this.compile(this.expansion(x, this.expandMacro(b.macro, x, loc, scope)), loc, scope, tail, proc);
        }
      }
      return this.compileCall(x, loc, scope, tail, proc);
    }
    if (x === NIL) this.fail('Ill-formed expression', loc);
    // Self-evaluating (numbers, strings, chars, booleans, vectors, keywords, #!void ...).
    return { op: Op.Const, src: null, value: x };
  }

  /** What an identifier denotes at `scope`: local, macro, special form or global variable. */
  classify(id: Ident, scope: CScope | null): Binding {
    const b = resolve(id, scope);
    if (b.kind !== 'global') return b;
    const cn = coreName(b.name);
    if (cn !== null) return { kind: 'special', name: cn };
    const m = this.vm.macros.get(b.name) as Macro | undefined;
    if (m !== undefined) return { kind: 'macro', macro: m };
    if (specialForms.has(b.name.name) && b.name.interned) return { kind: 'special', name: b.name.name };
    return b;
  }

  expandMacro(m: Macro, x: Pair, loc: Loc, scope: CScope | null): Value {
    if (m.kind === 'rules') {
      try {
        return m.rules.expand(x, scope ?? TOP, {
          sameBinding: (a, aScope, b, bScope) => this.sameBinding(a, aScope as CScope | null, b, bScope as CScope | null),
        });
      } catch (e: unknown) {
        if (e instanceof Error) this.bad(x, loc);
        throw e;
      }
    }
    const args = this.items(x.cdr, loc, x).map((i) => stripSyntax(i.v));
    return this.runner.apply(m.proc, args);
  }

  /** free-identifier=? */
  sameBinding(a: Ident, aScope: CScope | null, b: Ident, bScope: CScope | null): boolean {
    const ba = this.classify(a, aScope === (TOP as unknown) ? null : aScope);
    const bb = this.classify(b, bScope === (TOP as unknown) ? null : bScope);
    if (ba.kind === 'global' && bb.kind === 'global') return ba.name === bb.name;
    if (ba.kind === 'special' && bb.kind === 'special') return ba.name === bb.name;
    if (ba.kind === 'global' || bb.kind === 'global' || ba.kind === 'special' || bb.kind === 'special') {
      // An unbound identifier named like a special form's keyword (else, =>) is that keyword.
      const na = ba.kind === 'global' ? ba.name.name : ba.kind === 'special' ? ba.name : null;
      const nb = bb.kind === 'global' ? bb.name.name : bb.kind === 'special' ? bb.name : null;
      return na !== null && na === nb && ba.kind !== 'local' && bb.kind !== 'local';
    }
    return ba === bb || (ba.kind === 'local' && bb.kind === 'local' && ba.frame === bb.frame && ba.index === bb.index);
  }

  compileRef(id: Ident, loc: Loc, scope: CScope | null, proc: string | null): Node {
    const b = this.classify(id, scope);
    switch (b.kind) {
      case 'local': {
        const from = frameOf(scope);
        const depth = frameDepth(from, b.frame);
        noteFree(from, depth, b.index);
        return { op: Op.LocalRef, src: this.src(loc, proc), depth, index: b.index, name: baseSym(id), checked: b.checked };
      }
      case 'global':
        return { op: Op.GlobalRef, src: this.src(loc, proc), cell: this.vm.cell(b.name) };
      case 'macro':
      case 'special':
        throw syntaxError('Macro name can\'t be used as a variable', baseSym(id), loc);
      default: {
        const never: never = b;
        throw new Error(String(never));
      }
    }
  }

  compileCall(x: Pair, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null): Node {
    let t: Value = x;
    while (t instanceof Pair) t = t.cdr;
    if (t !== NIL) this.fail('Ill-formed procedure call', loc);
    const parts = this.items(x, loc);
    const src = this.src(loc, proc);
    const fn = this.compile(parts[0]!.v, parts[0]!.loc, scope, false, proc);
    const args: Node[] = [];
    for (let i = 1; i < parts.length; i++) args.push(this.compile(parts[i]!.v, parts[i]!.loc, scope, false, proc));
    const mark = tail && this.topLevelCode;
    if (mark) tail = false;
    if (fn.op === Op.GlobalRef && args.every(isSimple)) {
      const f = fn.cell.value;
      // A parameter's read is as simple: it cannot fail, call a closure or capture anything.
      if ((f instanceof Primitive && f.kind === 'pure' && args.length >= f.min && (f.max < 0 || args.length <= f.max))
        || (f instanceof Parameter && args.length === 0)) {
        return { op: Op.PrimApp, src, cell: fn.cell, fn, args, tail };
      }
    }
    return { op: Op.Call, src, fn, args, tail, mark };
  }

  /** Compile a sequence of expressions (no definitions). */
  compileSeq(forms: Array<{ v: Value; loc: Loc }>, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null): Node {
    if (forms.length === 0) return { op: Op.Const, src: null, value: VOID };
    if (forms.length === 1) return this.compile(forms[0]!.v, forms[0]!.loc, scope, tail, proc);
    const body = forms.map((f, i) => this.compile(f.v, f.loc, scope, tail && i === forms.length - 1, proc));
    return { op: Op.Seq, src: this.src(loc, proc), body };
  }

  globalCell(id: Ident): GlobalCell {
    return this.vm.cell(baseSym(id));
  }

  // -------------------------------------------------------------------------------------------
  // Bodies: internal definitions become slots of the enclosing lambda's frame (letrec* semantics).

  /**
   * Compile a body (lambda, let, ...) in `scope`. At top level (no frame) definitions are global.
   */
  compileBody(forms: Value, loc: Loc, scope: CScope | null, tail: boolean, proc: string | null, whole: Value, lastName: string | null = null): Node {
    const parts = this.items(forms, loc, whole);
    const frame = frameOf(scope);
    if (frame === null) for (const f of parts) this.topForms.add(f.v);
    const items = this.scanBody(parts, scope);
    if (frame === null) {
      // Top level (e.g. the body of a top-level let-syntax): definitions stay global.
      const nodes = items.map((it, i) =>
        it.kind === 'define'
          ? this.globalDefine(it.id, it.value, it.loc, scope, it.lambdaName)
          : this.compile(it.x, it.loc, scope, tail && i === items.length - 1, proc));
      return this.seqOf(nodes, loc, proc);
    }
    // Bind all the defined names first, so the bodies can refer to each other.
    const slots = new Map<BodyItem, number>();
    for (const it of items) {
      if (it.kind === 'define') {
        const existing = scope instanceof FrameScope ? scope.bindings.get(it.id) : undefined;
        slots.set(it, existing?.kind === 'local' ? existing.index : this.bindInScope(scope!, frame, it.id));
      }
    }
    const nodes: Node[] = [];
    items.forEach((it, i) => {
      if (it.kind === 'define') {
        const value = it.lambdaName !== null ? this.compileNamed(it.value, it.loc, scope, proc, it.lambdaName) : this.compile(it.value, it.loc, scope, false, proc);
        const index = slots.get(it)!;
        nodes.push({ op: Op.LocalSet, src: this.src(it.loc, proc), depth: frameDepth(frame, frame), index, value, define: true });
      } else if (lastName !== null && i === items.length - 1) {
        nodes.push(this.compileNamed(it.x, it.loc, scope, proc, lastName, tail));
      } else {
        nodes.push(this.compile(it.x, it.loc, scope, tail && i === items.length - 1, proc));
      }
    });
    if (items.length === 0 || items[items.length - 1]!.kind === 'define') nodes.push({ op: Op.Const, src: null, value: VOID });
    return this.seqOf(nodes, loc, proc);
  }

  /** Add a slot for `id` to `frame`, visible from `scope` (which may be a macro scope inside it). */
  bindInScope(scope: CScope, frame: FrameScope, id: Ident): number {
    const index = frame.addSlot(id, true);
    if (scope !== frame) {
      const b = frame.bindings.get(id)!;
      frame.bindings.delete(id);
      scope.bindings.set(id, b);
    }
    return index;
  }

  seqOf(nodes: Node[], loc: Loc, proc: string | null): Node {
    if (nodes.length === 0) return { op: Op.Const, src: null, value: VOID };
    if (nodes.length === 1) return nodes[0]!;
    return { op: Op.Seq, src: this.src(loc, proc), body: nodes };
  }

  /** Expand the heads of body forms: splice `begin`, collect definitions, bind local macros. */
  scanBody(forms: Array<{ v: Value; loc: Loc }>, scope: CScope | null): BodyItem[] {
    const out: BodyItem[] = [];
    const queue = forms.slice().reverse();
    while (queue.length > 0) {
      const { v: x, loc } = queue.pop()!;
      if (x instanceof Pair && isIdent(x.car)) {
        const b = this.classify(x.car, scope);
        if (b.kind === 'macro') {
          queue.push({ v: this.expandMacro(b.macro, x, loc, scope), loc });
          continue;
        }
        if (b.kind === 'special') {
          const expanded = this.expandBodySpecial(b.name, x, loc, scope);
          if (expanded !== null) {
            for (let i = expanded.length - 1; i >= 0; i--) queue.push(expanded[i]!);
            continue;
          }
          if (b.name === 'define') {
            // gsi wants a body's definitions before its expressions.
            if (frameOf(scope) !== null && out.some((it) => it.kind === 'expr')) this.fail("Ill-placed 'define'", loc);
            out.push(this.parseDefine(x, loc));
            continue;
          }
        }
      }
      out.push({ kind: 'expr', x, loc });
    }
    return out;
  }

  /**
   * Body-level forms that turn into other body forms: `begin` splices; define-syntax and
   * define-macro bind a macro (and vanish); define-values, define-type, define-record-type
   * expand to definitions. Returns null for anything else.
   */
  expandBodySpecial(name: string, x: Pair, loc: Loc, scope: CScope | null): Array<{ v: Value; loc: Loc }> | null {
    switch (name) {
      case 'begin':
        return this.items(x.cdr, loc, x);
      case 'define-syntax': {
        const [id, spec] = this.items(x.cdr, loc, x);
        if (id === undefined || spec === undefined || !isIdent(id.v)) this.bad(x, loc);
        this.bindMacro(id.v, this.makeRulesMacro(spec.v, spec.loc, scope), scope);
        return [];
      }
      case 'define-macro': {
        const { id, transformer } = this.parseDefineMacro(x, loc, scope);
        this.bindMacro(id, { kind: 'proc', proc: transformer }, scope);
        return [];
      }
      default: {
        const exp = bodyExpanders.get(name);
        return exp === undefined ? null : [{ v: exp(this, x, loc), loc }];
      }
    }
  }

  bindMacro(id: Ident, m: Macro, scope: CScope | null): void {
    if (scope === null) {
      this.vm.macros.set(baseSym(id), m);
    } else {
      scope.bindings.set(id, { kind: 'macro', macro: m });
    }
  }

  makeRulesMacro(spec: Value, loc: Loc, scope: CScope | null): Macro {
    if (spec instanceof Pair && isIdent(spec.car)) {
      const b = this.classify(spec.car, scope);
      if (b.kind === 'special' && b.name === 'syntax-rules') {
        try {
          return { kind: 'rules', rules: new SyntaxRules(spec, scope ?? TOP), scope: scope ?? TOP };
        } catch (e: unknown) {
          if (e instanceof Error) this.bad(spec, loc);
          throw e;
        }
      }
      if (b.kind === 'special' && (b.name === 'er-macro-transformer' || b.name === 'lambda')) {
        this.bad(spec, loc);
      }
    }
    this.bad(spec, loc);
  }

  parseDefineMacro(x: Pair, loc: Loc, scope: CScope | null): { id: Ident; transformer: Value } {
    const parts = this.items(x.cdr, loc, x);
    if (parts.length < 2) this.bad(x, loc);
    const target = parts[0]!.v;
    let id: Value;
    let lambda: Value;
    if (target instanceof Pair) {
      id = target.car;
      lambda = new Pair(core('lambda'), new Pair(target.cdr, (x.cdr as Pair).cdr));
    } else {
      id = target;
      if (parts.length !== 2) this.bad(x, loc);
      lambda = parts[1]!.v;
    }
    if (!isIdent(id)) this.bad(x, loc);
    // Transformers are evaluated in the global environment (Gambit evaluates them at expansion time).
    void scope;
    const node = this.compile(lambda, loc, null, false, baseSym(id).name);
    return { id, transformer: this.runner.evalNode(node) };
  }

  /** `(define id expr)`, `(define (id . params) body...)`, curried `(define ((f a) b) ...)`. */
  parseDefine(x: Pair, loc: Loc): BodyItem {
    const parts = this.items(x.cdr, loc, x);
    if (parts.length === 0) this.bad(x, loc);
    let target = parts[0]!.v;
    let value: Value;
    if (target instanceof Pair) {
      // (define (name . params) body ...) ; curried defines nest lambdas
      let body: Value = (x.cdr as Pair).cdr;
      if (body === NIL) this.bad(x, loc);
      while (target instanceof Pair) {
        const lam: Value = new Pair(core('lambda'), new Pair(target.cdr, body));
        body = new Pair(lam, NIL);
        target = target.car;
      }
      value = (body as Pair).car;
      // Keep the location of the whole define for the generated lambda.
      this.locs.set(body as Pair, loc);
    } else {
      if (parts.length > 2) this.bad(x, loc);
      value = parts.length === 2 ? parts[1]!.v : VOID;
    }
    if (!isIdent(target)) this.fail('Identifier expected', this.locAt(x, target, loc));
    const vloc = parts.length === 2 && !(parts[0]!.v instanceof Pair) ? parts[1]!.loc : loc;
    return { kind: 'define', id: target, value, loc: vloc, lambdaName: baseSym(target).name };
  }

  globalDefine(id: Ident, value: Value, loc: Loc, scope: CScope | null, name: string | null): Node {
    const cell = this.globalCell(id);
    this.vm.macros.delete(cell.name);
    const node = name !== null ? this.compileNamed(value, loc, scope, null, name) : this.compile(value, loc, scope, false, null);
    return { op: Op.GlobalDef, src: this.src(loc, null), cell, value: node };
  }

  // -------------------------------------------------------------------------------------------
  // Lambda

  /**
   * Compile `(lambda params body...)`-shaped pieces. `params` is a DSSSL parameter list:
   * `(a b #!optional c (d 5) #!rest r #!key e (f 1))`, `(a b . r)` or `args`.
   */
  compileLambda(params: Value, body: Value, loc: Loc, scope: CScope | null, name: string | null, whole: Value, letBody: { tail: boolean; name: string | null } | null = null): LambdaNode {
    const outerTop = this.topLevelCode;
    if (letBody === null) this.topLevelCode = false;
    try {
      return this.compileLambdaInner(params, body, loc, scope, name, whole, letBody);
    } finally {
      this.topLevelCode = outerTop;
    }
  }

  private compileLambdaInner(params: Value, body: Value, loc: Loc, scope: CScope | null, name: string | null, whole: Value, letBody: { tail: boolean; name: string | null } | null): LambdaNode {
    const frame = new FrameScope(scope);
    const spec = parseParams(params, (msg, cell) => (msg === null ? this.bad(whole, loc) : this.fail(msg, cell instanceof Pair ? this.locOf(cell, loc) : loc)));
    for (const p of spec.required) frame.addSlot(p, false);
    for (const p of spec.optional) frame.addSlot(p.id, false);
    if (spec.rest !== null) frame.addSlot(spec.rest, false);
    for (const p of spec.keys) frame.addSlot(p.id, false);
    // Missing optional and key arguments arrive as #!default; fill them in order.
    const prefix: Value[] = [];
    for (const p of [...spec.optional, ...spec.keys]) {
      const dflt = p.dflt === null ? false : p.dflt;
      prefix.push(listOf(core('if'), listOf(hashRef('eq?'), p.id, listOf(core('quote'), DEFAULT_OBJ)), listOf(core('set!'), p.id, dflt)));
    }
    const fullBody = prefix.length === 0 ? body : prefixBody(prefix, body);
    if (body === NIL) this.bad(whole, loc);
    const bodyNode = this.compileBody(fullBody, loc, frame, letBody?.tail ?? true, name, whole, letBody?.name ?? null);
    const free: Array<[number, number]> = [...frame.free].map((s) => s.split(',').map(Number) as [number, number]);
    return {
      op: Op.Lambda,
      src: this.src(loc, name),
      name,
      nreq: spec.required.length,
      nopt: spec.optional.length,
      rest: spec.rest !== null,
      restAfterKeys: spec.restAfterKeys,
      keys: spec.keys.map((k) => k.key),
      isLet: letBody !== null,
      slots: frame.slots,
      frameSize: frame.slots.length,
      body: bodyNode,
      free,
      source: stripSyntax(new Pair(intern_lambda(), new Pair(params, body))),
    };
  }

  /** A scope for let-syntax / letrec-syntax bodies. */
  macroScope(parent: CScope | null): MacroScope {
    return new MacroScope(parent);
  }
}

// ---------------------------------------------------------------------------------------------
// Parameter lists

interface ParamSpec {
  required: Ident[];
  optional: Array<{ id: Ident; dflt: Value | null }>;
  rest: Ident | null;
  /** `#!key ... #!rest r`: r gets what the keys leave; `#!rest r #!key ...`: everything. */
  restAfterKeys: boolean;
  keys: Array<{ id: Ident; key: Keyword; dflt: Value | null }>;
}

import { DEFAULT, OPTIONAL, REST, KEY, internKeyword, intern } from '../runtime/values.js';

const DEFAULT_OBJ = DEFAULT;

/**
 * Parses a DSSSL parameter list. `bad(null)` reports an ill-formed list; `bad(msg, datum)` a
 * specific error at `datum` (gsi: "Parameter must be an identifier", "Duplicate parameter...").
 */
function parseParams(params: Value, bad: (msg: string | null, cell?: Value) => never): ParamSpec {
  const spec: ParamSpec = { required: [], optional: [], rest: null, restAfterKeys: false, keys: [] };
  let mode: 'req' | 'opt' | 'rest' | 'key' | 'done' = 'req';
  let x = params;
  const seen = new Set<Sym>();
  // `x` is the list cell whose car is being parsed: errors are located there.
  const add = (id: Value): Ident => {
    if (!isIdent(id)) return bad('Parameter must be an identifier', x);
    const s = baseSym(id);
    if (seen.has(s)) return bad('Duplicate parameter in parameter list', x);
    seen.add(s);
    return id;
  };
  while (x instanceof Pair) {
    const p = x.car;
    if (p === OPTIONAL) { if (mode !== 'req') bad(null); mode = 'opt'; }
    else if (p === REST) { if (mode === 'rest' || mode === 'done') bad(null); spec.restAfterKeys = mode === 'key'; mode = 'rest'; }
    else if (p === KEY) { if (mode === 'key' || mode === 'rest') bad(null); mode = 'key'; }
    else {
      switch (mode) {
        case 'req': spec.required.push(add(p)); break;
        case 'opt':
        case 'key': {
          let id: Value = p;
          let dflt: Value | null = null;
          if (p instanceof Pair) {
            if (!(p.cdr instanceof Pair) || p.cdr.cdr !== NIL) bad(null);
            id = p.car;
            dflt = (p.cdr as Pair).car;
          }
          const ident = add(id);
          if (mode === 'opt') spec.optional.push({ id: ident, dflt });
          else spec.keys.push({ id: ident, key: internKeyword(baseSym(ident).name), dflt });
          break;
        }
        case 'rest': spec.rest = add(p); mode = 'done'; break;
        case 'done': bad(null);
      }
    }
    x = x.cdr;
  }
  if (x !== NIL) {
    if (mode !== 'req' && mode !== 'opt') bad(null);
    spec.rest = add(x);
  }
  if (mode === 'rest') bad(null);
  return spec;
}

function listOf(...xs: Value[]): Value {
  let r: Value = NIL;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

function prefixBody(prefix: Value[], body: Value): Value {
  let r = body;
  for (let i = prefix.length - 1; i >= 0; i--) r = new Pair(prefix[i]!, r);
  return r;
}

function hashRef(name: string): Sym {
  return intern(`##${name}`);
}

function intern_lambda(): Sym {
  return intern('lambda');
}


export { Alias };
