// Records: Gambit's `define-type` / `define-structure` and R7RS `define-record-type`.
//
// The special forms are s-expression rewrites (the compiler calls expandDefineType and
// expandDefineRecordType), modelled on what gsi 4.9.3's own expander produces
// (`(##define-type-expand 'define-type #f #f '(point x y))` shows it). For
// `(define-type point x (y read-only:) (z init: 5))` the output is
//
//   (begin
//     (define ##type-3-point (##make-record-type 'point "##type-3-point" #t #f 8 '#(x 0 #f y 2 #f z 8 5)))
//     (define (make-point p1 p2) (##make-record ##type-3-point p1 p2 '5))
//     (define (point-copy obj) (##record-copy obj))
//     (define (point? obj) (##record-instance? obj ##type-3-point))
//     (define (point-x obj) (##record-ref obj 0 ##type-3-point point-x))
//     (define (point-x-set! obj val) (##record-set! obj val 0 ##type-3-point point-x-set!))
//     (define (point-x-set obj val) (##record-set obj val 0 ##type-3-point point-x-set))
//     ... point-y, point-y-set (read-only: no mutator) ... point-z, point-z-set!, point-z-set)
//
// using only begin, define, quote and calls of the `##` primitives of prims/records.ts; the
// special-form symbols are the compiler's core symbols, so local bindings cannot capture them.
// `extender: def-x` and `implementer: impl` add a `define-macro` whose body calls
// `##define-type-expand` (this file's expandTypeForm) with the parent's static description.
//
// Fields are described as Gambit does, by name, option bits and constant initial value (the
// flat vector '#(name options init ...)). Type identity: the type's id is
// "##type-<total field count>-<uuid>" with `id:` (the same id gives the same RecordType object,
// registered in vm.recordTypes, so records keep their type across processes), otherwise a
// fresh id each time the definition is evaluated (a generative type). A deserializer should
// get types through makeRecordType so that ids are shared.
//
// Differences from gsi: `macros:` defines procedures, not macros; the `make-constant-NAME`
// macro gsi adds for types with an id: is not defined.

import { core } from '../interpreter/core-syms.js';
import { Keyword, MString, NIL, Pair, RecordType, SVector, Sym, intern, internKeyword, type FieldSpec, type Value } from './values.js';
import type { Vm } from './vm.js';

/** Option bits of a field (the middle element of each triple of Gambit's ##type-fields). */
export const enum FieldOpt {
  Unprintable = 1,
  ReadOnly = 2,
  EqualitySkip = 4,
  HasInit = 8,
  NoFunctionalSetter = 16,
}

/** Flag bits of a type (Gambit's ##type-flags). */
export const enum TypeFlag {
  Opaque = 1,
  Extender = 2,
  Macros = 4,
  Constructor = 8,
  Id = 16,
}

/** A field as define-type describes it: FieldSpec plus Gambit's option bits and initial value. */
export interface FieldDef extends FieldSpec {
  readonly options: number;
  /** The `init:` constant (#f when none). */
  readonly init: Value;
}

/** A record type made by define-type (a plain RecordType may come from elsewhere). */
export class DefinedType extends RecordType {
  constructor(
    name: string,
    id: string,
    generative: boolean,
    parent: RecordType | null,
    fields: FieldDef[],
    readonly flags: number,
    /** Gambit's type id: "##type-2-point" (uninterned for a generative type). */
    readonly gambitId: string,
  ) {
    super(name, id, generative, parent, fields);
  }
}

export function isOpaque(t: RecordType): boolean {
  return t instanceof DefinedType && (t.flags & TypeFlag.Opaque) !== 0;
}

/** The option bits of field `i` of a type (derived from FieldSpec for foreign RecordTypes). */
export function fieldOptions(t: RecordType, i: number): number {
  const f = t.fields[i] as Partial<FieldDef> & FieldSpec;
  if (f.options !== undefined) return f.options;
  return (f.printable ? 0 : FieldOpt.Unprintable) | (f.mutable ? 0 : FieldOpt.ReadOnly);
}

/** Is `obj`'s type `t` or a descendant of `t`? Types with an id compare by id. */
export function isInstanceType(ot: RecordType, t: RecordType): boolean {
  for (let x: RecordType | null = ot; x !== null; x = x.parent) {
    if (x === t || (!t.generative && !x.generative && x.id === t.id)) return true;
  }
  return false;
}

/**
 * Create (or, for a type with an id, find) a record type. `ownFields` are the fields this
 * definition adds; the parent's come first in the result.
 */
export function makeRecordType(
  vm: Vm,
  name: string,
  gambitId: string,
  generative: boolean,
  parent: RecordType | null,
  flags: number,
  ownFields: FieldDef[],
): RecordType {
  if (!generative) {
    const old = vm.recordTypes.get(gambitId);
    if (old instanceof RecordType) return old;
  }
  const parentFields = parent === null ? [] : parent.fields.map((f, i) => ({ ...f, options: fieldOptions(parent, i), init: (f as Partial<FieldDef>).init ?? false }));
  const fields = [...parentFields, ...ownFields];
  let id = gambitId;
  if (generative) {
    const n = ((vm.ext.get('records.generation') as number | undefined) ?? 0) + 1;
    vm.ext.set('records.generation', n);
    id = `${gambitId}#${n}-${Math.floor(Math.random() * 0x100000000).toString(16)}`;
  }
  const t = new DefinedType(name, id, generative, parent, fields, flags, gambitId);
  if (!generative) vm.recordTypes.set(gambitId, t);
  return t;
}

/** Field descriptions from Gambit's flat vector '#(name options init ...). */
export function fieldsFromVector(v: Value): FieldDef[] {
  const items = v instanceof SVector ? v.items : [];
  const out: FieldDef[] = [];
  for (let i = 0; i + 2 < items.length; i += 3) {
    const name = items[i];
    const options = items[i + 1];
    if (!(name instanceof Sym) || typeof options !== 'number') throw new Error('bad field vector');
    out.push({
      name: name.name,
      printable: (options & FieldOpt.Unprintable) === 0,
      mutable: (options & FieldOpt.ReadOnly) === 0,
      options,
      init: items[i + 2]!,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The expander

/** What an extender needs to know about the parent type at expansion time. */
export interface StaticType {
  readonly name: Sym;
  /** The global variable holding the type at run time. */
  readonly typeVar: Sym;
  readonly flags: number;
  /** All fields, ancestors' first. */
  readonly fields: ReadonlyArray<{ readonly name: Sym; readonly options: number; readonly init: Value }>;
}

class IllFormed extends Error {}

function bad(): never {
  throw new IllFormed('Ill-formed special form');
}

const S = intern;
const K = core;

function L(...xs: Value[]): Value {
  let r: Value = NIL;
  for (let i = xs.length - 1; i >= 0; i--) r = new Pair(xs[i]!, r);
  return r;
}

function quote(v: Value): Value {
  return L(K('quote'), v);
}

function sym(...parts: Array<Sym | string>): Sym {
  return S(parts.map((p) => (typeof p === 'string' ? p : p.name)).join(''));
}

/** The elements of a proper list, or null. */
function items(v: Value): Value[] | null {
  const out: Value[] = [];
  while (v instanceof Pair) {
    out.push(v.car);
    v = v.cdr;
  }
  return v === NIL ? out : null;
}

/** Gambit's ##constant-expression?: a self-evaluating datum or (quote datum). */
function constantValue(v: Value): { ok: boolean; value: Value } {
  if (v instanceof Pair) {
    const xs = items(v);
    if (xs !== null && xs.length === 2 && xs[0] instanceof Sym && xs[0].name === 'quote') return { ok: true, value: xs[1]! };
    return { ok: false, value: false };
  }
  if (v instanceof Sym) return { ok: false, value: false };
  return { ok: true, value: v };
}

/** Field options that may appear among the type's options (they apply to later fields) or a field's. */
const FIELD_OPTIONS: Record<string, [mask: number, bits: number]> = {
  'printable': [~FieldOpt.Unprintable, 0],
  'unprintable': [~FieldOpt.Unprintable, FieldOpt.Unprintable],
  'read-write': [~FieldOpt.ReadOnly, 0],
  'read-only': [~FieldOpt.ReadOnly, FieldOpt.ReadOnly],
  'equality-test': [~FieldOpt.EqualitySkip, 0],
  'equality-skip': [~FieldOpt.EqualitySkip, FieldOpt.EqualitySkip],
  'functional-setter': [~FieldOpt.NoFunctionalSetter, 0],
  'no-functional-setter': [~FieldOpt.NoFunctionalSetter, FieldOpt.NoFunctionalSetter],
};

const VALUED_FLAGS = ['id', 'constructor', 'constant-constructor', 'predicate', 'extender', 'implementer', 'type-exhibitor', 'prefix', 'copier'];

interface ParsedField {
  name: Sym;
  options: number;
  init: Value;
  /** true: the default name; null: none. */
  getter: Sym | true;
  setter: Sym | true | null;
  fsetter: Sym | true | null;
}

interface Parsed {
  name: Sym;
  flags: Map<string, Value>;
  fields: ParsedField[];
}

function parseTypeArgs(args: Value, parent: StaticType | null): Parsed {
  const xs = items(args);
  if (xs === null || xs.length === 0 || !(xs[0] instanceof Sym)) bad();
  const name = xs[0];
  const flags = new Map<string, Value>();
  const fields: ParsedField[] = [];
  const taken = new Set<string>(parent === null ? [] : parent.fields.map((f) => f.name.name));
  let options = 0;
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    if (x instanceof Keyword) {
      const k = x.name;
      if (VALUED_FLAGS.includes(k)) {
        if (i + 1 >= xs.length || flags.has(k)) bad();
        const v = xs[++i]!;
        checkFlagValue(k, v);
        flags.set(k, v);
      } else if (k === 'opaque' || k === 'macros') {
        if (flags.has(k)) bad();
        flags.set(k, true);
      } else if (FIELD_OPTIONS[k] !== undefined) {
        const [m, b] = FIELD_OPTIONS[k]!;
        options = (options & m) | b;
      } else {
        bad();
      }
      continue;
    }
    let field: ParsedField;
    if (x instanceof Sym) {
      field = { name: x, options, init: false, getter: true, setter: true, fsetter: true };
    } else if (x instanceof Pair) {
      field = parseField(x, options);
    } else {
      bad();
    }
    if (taken.has(field.name.name)) bad();
    taken.add(field.name.name);
    fields.push(field);
  }
  if (flags.has('id') && parent !== null && (parent.flags & TypeFlag.Id) === 0) bad();
  const ctor = flags.get('constructor');
  if (ctor instanceof Pair) {
    const all = [...(parent?.fields.map((f) => f.name.name) ?? []), ...fields.map((f) => f.name.name)];
    for (const p of items(ctor)!.slice(1)) if (!all.includes((p as Sym).name)) bad();
  }
  return { name, flags, fields };
}

function checkFlagValue(k: string, v: Value): void {
  if (k === 'constructor') {
    if (v === false || v instanceof Sym) return;
    const xs = items(v);
    if (xs === null || xs.length === 0 || !xs.every((s) => s instanceof Sym)) bad();
    const names = xs.slice(1).map((s) => (s as Sym).name);
    if (new Set(names).size !== names.length) bad();
    return;
  }
  if (v instanceof Sym) return;
  if (v === false && (k === 'predicate' || k === 'constant-constructor' || k === 'copier')) return;
  bad();
}

/** `(name [getter [setter-or-#f [functional-setter]]] option...)` */
function parseField(x: Pair, globalOptions: number): ParsedField {
  const xs = items(x);
  if (xs === null || !(xs[0] instanceof Sym)) bad();
  const name = xs[0];
  let i = 1;
  let options = globalOptions;
  let getter: Sym | true = true;
  let setter: Sym | true | null = true;
  let fsetter: Sym | true | null = true;
  let explicitSetter = false;
  if (xs[i] instanceof Sym) {
    getter = xs[i++] as Sym;
    if (xs[i] instanceof Sym) {
      setter = xs[i++] as Sym;
      explicitSetter = true;
      options &= ~FieldOpt.ReadOnly;
    } else if (xs[i] === false) {
      i++;
      setter = null;
      options |= FieldOpt.ReadOnly;
    } else {
      setter = null;
      options |= FieldOpt.ReadOnly;
    }
    if (xs[i] instanceof Sym) {
      fsetter = xs[i++] as Sym;
      options &= ~FieldOpt.NoFunctionalSetter;
    } else {
      fsetter = null;
      options |= FieldOpt.NoFunctionalSetter;
    }
  }
  let init: Value = false;
  let hasInit = false;
  for (; i < xs.length; i++) {
    const a = xs[i]!;
    if (!(a instanceof Keyword)) bad();
    if (a.name === 'init') {
      if (hasInit || i + 1 >= xs.length) bad();
      const c = constantValue(xs[++i]!);
      if (!c.ok) bad();
      init = c.value;
      hasInit = true;
      options |= FieldOpt.HasInit;
    } else if (FIELD_OPTIONS[a.name] !== undefined) {
      const [m, b] = FIELD_OPTIONS[a.name]!;
      options = (options & m) | b;
    } else {
      bad();
    }
  }
  if (explicitSetter && (options & FieldOpt.ReadOnly) !== 0) bad();
  return { name, options, init, getter, setter, fsetter };
}

/** The global variable that holds a type: ##type-<count>-<name or id>. */
function typeVarName(total: number, name: Sym, id: Value | undefined): string {
  return `##type-${total}-${id instanceof Sym ? id.name : name.name}`;
}

/**
 * Expand `(head name option-or-field ...)` where head is define-type, define-structure or an
 * extender macro's name (then `parent` describes the type extended). Throws an Error for an
 * ill-formed definition (the compiler reports `Ill-formed special form`).
 */
export function expandTypeForm(args: Value, parent: StaticType | null): Value {
  const p = parseTypeArgs(args, parent);
  const { name, flags } = p;
  const prefix = flags.get('prefix') instanceof Sym ? (flags.get('prefix') as Sym).name : '';
  const id = flags.get('id');
  const generative = !(id instanceof Sym);
  const extender = flags.get('extender') as Sym | undefined;
  const ctorFlag = flags.has('constructor') ? flags.get('constructor')! : sym(prefix, 'make-', name);
  const ctorName = ctorFlag instanceof Pair ? (ctorFlag.car as Sym) : ctorFlag instanceof Sym ? ctorFlag : null;
  const typeFlags = (flags.has('opaque') || (parent !== null && (parent.flags & TypeFlag.Opaque) !== 0) ? TypeFlag.Opaque : 0)
    | (extender !== undefined ? TypeFlag.Extender : 0)
    | (flags.has('macros') ? TypeFlag.Macros : 0)
    | (ctorName !== null ? TypeFlag.Constructor : 0)
    | (generative ? 0 : TypeFlag.Id);

  const parentFields = parent?.fields ?? [];
  const all = [...parentFields, ...p.fields];
  const total = all.length;
  const typeVar = S(typeVarName(total, name, id));
  const ownVector = new SVector(p.fields.flatMap((f) => [f.name, f.options, f.init]));
  const defs: Value[] = [];
  const define = (head: Value[], body: Value): void => { defs.push(L(K('define'), L(...head), body)); };

  defs.push(L(K('define'), typeVar, L(S('##make-record-type'), quote(name), new MString(typeVarName(total, name, id)),
    generative, parent === null ? false : parent.typeVar, typeFlags, quote(ownVector))));

  if (flags.has('type-exhibitor')) define([flags.get('type-exhibitor') as Sym], typeVar);

  // Constructor: parameters p1..pN for the fields without init: (or those listed).
  if (ctorName !== null) {
    const paramOf = (i: number): Sym => S(`p${i + 1}`);
    let params: Sym[];
    if (ctorFlag instanceof Pair) {
      params = items(ctorFlag.cdr)!.map((s) => paramOf(all.findIndex((f) => f.name.name === (s as Sym).name)));
    } else {
      params = [];
      all.forEach((f, i) => { if ((f.options & FieldOpt.HasInit) === 0) params.push(paramOf(i)); });
    }
    const inits = all.map((f, i) => (params.includes(paramOf(i)) ? paramOf(i) : quote(f.init)));
    define([ctorName, ...params], L(S('##make-record'), typeVar, ...inits));
  }
  const copier = flags.has('copier') ? flags.get('copier')! : sym(prefix, name, '-copy');
  if (copier instanceof Sym) define([copier, S('obj')], L(S('##record-copy'), S('obj')));
  const predicate = flags.has('predicate') ? flags.get('predicate')! : sym(prefix, name, '?');
  if (predicate instanceof Sym) define([predicate, S('obj')], L(S('##record-instance?'), S('obj'), typeVar));

  p.fields.forEach((f, j) => {
    const i = parentFields.length + j;
    const getter = f.getter === true ? sym(prefix, name, '-', f.name) : f.getter;
    define([getter, S('obj')], L(S('##record-ref'), S('obj'), i, typeVar, getter));
    if ((f.options & FieldOpt.ReadOnly) === 0 && f.setter !== null) {
      const setter = f.setter === true ? sym(prefix, name, '-', f.name, '-set!') : f.setter;
      define([setter, S('obj'), S('val')], L(S('##record-set!'), S('obj'), S('val'), i, typeVar, setter));
    }
    if ((f.options & FieldOpt.NoFunctionalSetter) === 0 && f.fsetter !== null) {
      const fsetter = f.fsetter === true ? sym(prefix, name, '-', f.name, '-set') : f.fsetter;
      define([fsetter, S('obj'), S('val')], L(S('##record-set'), S('obj'), S('val'), i, typeVar, fsetter));
    }
  });

  const out: Value[] = [];
  if (extender !== undefined) {
    const info: StaticType = { name, typeVar, flags: typeFlags, fields: all };
    out.push(L(K('define-macro'), new Pair(extender, S('args')),
      L(S('##define-type-expand'), quote(extender), quote(staticTypeDatum(info)), S('args'))));
  }
  const implementer = flags.get('implementer');
  if (implementer instanceof Sym) {
    out.push(L(K('define-macro'), L(implementer), quote(new Pair(K('begin'), listOf(defs)))));
  } else {
    out.push(...defs);
  }
  return new Pair(K('begin'), listOf(out));
}

function listOf(xs: Value[]): Value {
  return L(...xs);
}

/** A StaticType as a datum `(name type-var flags #(field options init ...))`, for macro bodies. */
export function staticTypeDatum(t: StaticType): Value {
  return L(t.name, t.typeVar, t.flags, new SVector(t.fields.flatMap((f) => [f.name, f.options, f.init])));
}

export function staticTypeFromDatum(d: Value): StaticType {
  const xs = items(d);
  if (xs === null || xs.length !== 4 || !(xs[0] instanceof Sym) || !(xs[1] instanceof Sym) || typeof xs[2] !== 'number') bad();
  const fields = fieldsFromVector(xs[3]!).map((f) => ({ name: S(f.name), options: f.options, init: f.init }));
  return { name: xs[0], typeVar: xs[1], flags: xs[2], fields };
}

/** `(define-type name ...)` or `(define-structure name ...)`: the whole form. */
export function expandDefineType(form: Value): Value {
  if (!(form instanceof Pair)) bad();
  return expandTypeForm(form.cdr, null);
}

/**
 * `(define-record-type name (ctor field ...) pred (field accessor [modifier]) ...)`, which gsi
 * rewrites to `(define-type name constructor: (ctor field ...) copier: #f predicate: pred
 * no-functional-setter: (field accessor [modifier]) ...)`.
 */
export function expandDefineRecordType(form: Value): Value {
  const xs = items(form);
  if (xs === null || xs.length < 4) bad();
  const k = internKeyword;
  const args = L(xs[1]!, k('constructor'), xs[2]!, k('copier'), false, k('predicate'), xs[3]!,
    k('no-functional-setter'), ...xs.slice(4));
  return expandTypeForm(args, null);
}
