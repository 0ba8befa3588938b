// Declaring primitives. A module of primitives exports a PrimFactory: given the Vm, it returns
// the primitives to define as globals (factories let `plain` primitives close over their Vm).
// Argument counts are checked by the machine before `fn` is called; `fn` receives the
// arguments positionally and checks their types with runtime/check.ts.

import { Primitive, type PrimKind, type Value } from './values.js';
import type { Vm } from './vm.js';

export type PrimFactory = (vm: Vm) => Primitive[];

/** A pure primitive: no side effects, no access to the Vm; the compiler may call it inline. */
export function pure(name: string, min: number, max: number, fn: (...args: any[]) => Value): Primitive {
  return new Primitive(name, min, max, 'pure', fn);
}

/** A primitive with side effects (or that reads the Vm's state). */
export function plain(name: string, min: number, max: number, fn: (...args: any[]) => Value): Primitive {
  return new Primitive(name, min, max, 'plain', fn);
}

export function makePrim(name: string, min: number, max: number, kind: PrimKind, fn: (...args: any[]) => any): Primitive {
  return new Primitive(name, min, max, kind, fn);
}
