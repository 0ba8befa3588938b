// Equivalence predicates, booleans, boxes, void and the hash procedures (R7RS 6.1, 6.3; gsi
// 4.9.3's box, void, identity, eq?-hash, eqv?-hash, equal?-hash), serial numbers
// (object->serial-number, serial-number->object), and the helpers through
// which Scheme-defined procedures (scheme-lib/prelude-data.scm) report argument errors with
// their own call form: `(##raise-type-exception 2 'LIST map (list f 5))` makes the error
// `(Argument 2) LIST expected` for the call `(map f 5)`.
//
// eq?, eqv? and equal? are module-level constants: tables recognize their test by these
// objects' names, and a Primitive holds no per-Vm state, so sharing them is harmless.

import { ErrorObj, rangeError, typeError } from '../errors.js';
import { Box, Keyword, MString, NIL, Pair, SVector, Sym, Tag, VOID, isProcedure, type HeapObject, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { isEq, isEqual, isEqv } from '../equality.js';
import { eqvHash, equalHash } from '../table.js';
import { T, stringHash, withCall } from './data-util.js';
import type { Vm } from '../vm.js';

export const EQ = pure('eq?', 2, 2, isEq);
export const EQV = pure('eqv?', 2, 2, isEqv);
export const EQUAL = pure('equal?', 2, 2, isEqual);

function boxArg(v: Value, arg: number): Box {
  if (v instanceof Box) return v;
  throw typeError(arg, T.box);
}

/** eq?-hash: fixnums hash to themselves, symbols and keywords by name, others by serial number. */
export function eqHash(vm: Vm, v: Value): number {
  if (typeof v === 'number') return v & 0x1fffffff;
  if (v instanceof Sym || v instanceof Keyword) return stringHash(v.name);
  if (typeof v === 'object') return vm.serial(v) & 0x1fffffff;
  return eqvHash(v, () => 0);
}

function argList(v: Value): Value[] {
  const out: Value[] = [];
  for (let x = v; x instanceof Pair; x = x.cdr) out.push(x.car);
  return out;
}

function typeNameOf(v: Value): string {
  if (v instanceof Sym) return v.name;
  if (v instanceof MString) return v.s;
  return String(v);
}

const TYPE_TESTS: Record<string, (v: Value) => boolean> = {
  VECTOR: (v) => v instanceof SVector,
  STRING: (v) => v instanceof MString,
  PROCEDURE: (v) => isProcedure(v),
  LIST: (v) => v === NIL || v instanceof Pair,
};

/**
 * Stands for an immediate value (fixnum, boolean) that has been given a serial number. Never
 * seen by Scheme code: serial-number->object returns the value.
 */
class Immediate implements HeapObject {
  get tag(): Tag.Special { return Tag.Special; }
  constructor(readonly value: Value) {}
}

/**
 * gsi gives serial numbers to any object, fixnums and booleans included (one per value, as they
 * are eq?); the Vm numbers heap objects only, so an immediate value gets an `Immediate` whose
 * number it shares.
 */
function serialOf(vm: Vm, v: Value): number {
  if (typeof v === 'object') return vm.serial(v);
  let imm = vm.ext.get('serial-immediates') as Map<Value, Immediate> | undefined;
  if (imm === undefined) vm.ext.set('serial-immediates', (imm = new Map()));
  let box = imm.get(v);
  if (box === undefined) imm.set(v, (box = new Immediate(v)));
  return vm.serial(box);
}

export const miscPrims: PrimFactory = (vm) => [
  // Serial numbers (Gambit manual, "Serial numbers"): `#<procedure #4 p>` shows #4.
  plain('object->serial-number', 1, 1, (x: Value) => serialOf(vm, x)),
  plain('serial-number->object', 1, 2, (n: Value, dflt?: Value) => {
    if (typeof n === 'bigint') throw rangeError(1);
    if (typeof n !== 'number') throw typeError(1, 'Exact INTEGER');
    if (n < 0) throw rangeError(1);
    const o = vm.objectOfSerial(n);
    if (o !== undefined) return o instanceof Immediate ? o.value : o;
    if (dflt !== undefined) return dflt;
    throw new ErrorObj('unbound-serial-number', '');
  }),
  EQ,
  EQV,
  EQUAL,
  pure('not', 1, 1, (x: Value) => x === false),
  pure('boolean?', 1, 1, (x: Value) => typeof x === 'boolean'),
  pure('boolean=?', 0, -1, (...xs: Value[]) => {
    xs.forEach((x, i) => { if (typeof x !== 'boolean') throw typeError(i + 1, T.boolean); });
    for (let i = 0; i + 1 < xs.length; i++) if (xs[i] !== xs[i + 1]) return false;
    return true;
  }),
  pure('procedure?', 1, 1, (x: Value) => isProcedure(x)),
  pure('void', 0, 0, () => VOID),
  pure('identity', 1, 1, (x: Value) => x),
  pure('box', 1, 1, (x: Value) => new Box(x)),
  pure('box?', 1, 1, (x: Value) => x instanceof Box),
  pure('unbox', 1, 1, (b: Value) => boxArg(b, 1).value),
  plain('set-box!', 2, 2, (b: Value, v: Value) => { boxArg(b, 1).value = v; return VOID; }),
  plain('eq?-hash', 1, 1, (x: Value) => eqHash(vm, x)),
  plain('eqv?-hash', 1, 1, (x: Value) => eqvHash(x, (o: HeapObject) => vm.serial(o) & 0x1fffffff)),
  pure('equal?-hash', 1, 1, (x: Value) => equalHash(x)),
  plain('##raise-type-exception', 4, 4, (argNum: Value, type: Value, proc: Value, args: Value) => {
    throw withCall(typeError(typeof argNum === 'number' ? argNum : 0, typeNameOf(type)), proc, argList(args));
  }),
  /**
   * (##check-types items first-arg-num type proc args): each item must be of `type` (one of
   * VECTOR, STRING, PROCEDURE, LIST), else `(Argument N) TYPE expected` for the call.
   */
  pure('##check-types', 5, 5, (items: Value, first: Value, type: Value, proc: Value, args: Value) => {
    const name = typeNameOf(type);
    const ok = TYPE_TESTS[name] ?? ((): boolean => true);
    let n = typeof first === 'number' ? first : 1;
    for (let x = items; x instanceof Pair; x = x.cdr, n++) {
      if (!ok(x.car)) throw withCall(typeError(n, name), proc, argList(args));
    }
    return true;
  }),
  /** (##types-ok? items type): whether every item is of `type` (as for ##check-types). */
  pure('##types-ok?', 2, 2, (items: Value, type: Value) => {
    const ok = TYPE_TESTS[typeNameOf(type)] ?? ((): boolean => true);
    for (let x = items; x instanceof Pair; x = x.cdr) if (!ok(x.car)) return false;
    return true;
  }),
  plain('##raise-range-exception', 3, 3, (argNum: Value, proc: Value, args: Value) => {
    throw withCall(rangeError(typeof argNum === 'number' ? argNum : 0), proc, argList(args));
  }),
];

