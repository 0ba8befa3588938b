// Calling primitives directly, without the machine: a Vm over a MemoryHost and the primitives
// of some modules (ports, binary I/O, files tests).

import { ErrorObj } from '../../../runtime/errors.js';
import type { PrimFactory } from '../../../runtime/primitive.js';
import { VOID, type Primitive, type Value } from '../../../runtime/values.js';
import { Vm } from '../../../runtime/vm.js';
import { MemoryHost } from './memory-host.js';

export interface PrimWorld {
  vm: Vm;
  host: MemoryHost;
  /** Call a primitive (checking its arity); a control primitive's value is its value register. */
  call: (name: string, ...args: Value[]) => Value;
  /** The error a call throws. */
  fails: (name: string, ...args: Value[]) => ErrorObj;
}

export function primWorld(factories: PrimFactory[], files: Record<string, string> = {}): PrimWorld {
  const host = new MemoryHost(files);
  const vm = new Vm(host);
  const prims = new Map<string, Primitive>(factories.flatMap((f) => f(vm)).map((p) => [p.name, p]));
  const call = (name: string, ...args: Value[]): Value => {
    const p = prims.get(name);
    if (p === undefined) throw new Error(`no primitive ${name}`);
    if (args.length < p.min || (p.max >= 0 && args.length > p.max)) throw new Error(`bad arity for ${name}`);
    if (p.kind !== 'control') return p.fn(...args) as Value;
    // A control primitive sets the value register (see interpreter/machine.ts `ret`).
    const regs = { val: VOID as Value, mode: 0 };
    p.fn(vm, regs, args);
    return regs.val;
  };
  const fails = (name: string, ...args: Value[]): ErrorObj => {
    try {
      call(name, ...args);
    } catch (e: unknown) {
      if (e instanceof ErrorObj) return e;
      throw e;
    }
    throw new Error(`${name} did not fail`);
  };
  return { vm, host, call, fails };
}
