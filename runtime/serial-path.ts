// The items of object->u8vector's walk (serialize.ts, serial-parts.ts) and the error that names
// the path to what could not be written: `can't serialize #<port #2> (reached via closure p >
// variable port)`. An item is one object whose fields are being written; it keeps where it was
// reached from (its parent item, and the position or name of the field there), so the path is
// only computed when an error is shown.

import { ErrorObj } from './errors.js';
import { Style, writeLimited } from './printer.js';
import { MAX_ENTRIES } from './serial-format.js';
import { Closure, Record, RecordType, type Env, type Value } from './values.js';
import type { Vm } from './vm.js';

/** How a child is written: a Scheme value (goes through the encoder) or an internal part. */
export const enum CK {
  /** A Scheme value. */
  V = 0,
  /** A Scheme value in an internal position (not given to the encoder). */
  I,
  /** A frame's environment: all of it, and the closure running in it in full. */
  EnvFull,
  /** A frame or null. */
  Frame,
  Dyn,
  PBind,
  HList,
  WList,
  /** The cdr of the pair a List item is at. */
  ListCdr,
}

/** Kinds of items: which object's fields an item writes. */
export const enum IK {
  Root = 0, List, Vec, Rec, Promise, Box, Err, Param, MV, Type, Table, Cont, Frame, Dyn, PBind, HList, WList, Env,
}

/** One object whose fields are being written. */
export interface Item {
  readonly ik: IK;
  /** The object (for List: the pair reached so far). */
  obj: unknown;
  /** Its entry. */
  readonly out: unknown[];
  readonly idx: number;
  /** Encoder mode: next child (List: even = a car, odd = a cdr). -1 = finished. */
  pos: number;
  /** List: pairs registered so far; Frame: its number from the innermost. */
  k: number;
  /** Encoder mode: the children, as flat [dest, at, kind, value, name] runs. */
  kids: unknown[] | null;
  /** Env: the slots to write (null: every slot). */
  readonly slots: number[] | null;
  /** Env: the closure whose code needs these slots (named in error paths). */
  readonly via: Closure | null;
  // Where it was reached from, for error paths.
  readonly parent: Item | null;
  readonly parentPos: number;
  readonly parentName: string;
}

/** Thrown inside the walk for an object that cannot be serialized. */
export class Unserializable {
  constructor(readonly obj: unknown) {}
}

/** Thrown inside the walk when the message would have more entries than a decoder accepts. */
export class TooBig {}

// -------------------------------------------------------------------------------------------
// Errors

function closureName(vm: Vm, c: Closure): string {
  if (c.lambda.name !== null) return `closure ${c.lambda.name}`;
  for (const cell of vm.globals.values()) if (cell.value === c) return `closure ${cell.name.name}`;
  return `closure ${vm.describe(c)}`;
}

/** What an item is, as a segment of the path ('' for none). */
function what(vm: Vm, it: Item): string {
  switch (it.ik) {
    case IK.Root: case IK.PBind: case IK.HList: case IK.WList: return '';
    case IK.List: return 'list';
    case IK.Vec: return 'vector';
    case IK.Rec: return `record ${(it.obj as Record).type.name}`;
    case IK.Promise: return 'promise';
    case IK.Box: return 'box';
    case IK.Err: return 'exception object';
    case IK.Param: return 'parameter';
    case IK.MV: return 'multiple values';
    case IK.Type: return `type ${(it.obj as RecordType).name}`;
    case IK.Table: return 'table';
    case IK.Cont: return 'continuation';
    case IK.Frame: return `frame ${it.k}`;
    case IK.Dyn: return 'dynamic environment';
    case IK.Env: return it.via === null ? '' : closureName(vm, it.via);
    default: {
      const never: never = it.ik;
      throw new Error(String(never));
    }
  }
}

/** Which field of an item the path goes through: at `pos`, or named `name` by the walk. */
function childName(it: Item, pos: number, name: string): string {
  switch (it.ik) {
    case IK.List: return pos < 0 ? 'tail' : `element ${pos + 1}`;
    case IK.Vec: return `element ${pos + 1}`;
    case IK.Rec: {
      const f = (it.obj as Record).type.fields[pos];
      return f === undefined ? `field ${pos + 1}` : `field ${f.name}`;
    }
    case IK.Env: {
      const env = it.obj as Env;
      const slot = pos - 1;
      const c = env[0];
      const s = c instanceof Closure ? c.lambda.slots[slot - 1] : undefined;
      return `variable ${s === undefined ? `#${slot}` : s.name}`;
    }
    default: return name;
  }
}

/** `obj` cannot be serialized: reached through field `pos` (or `name`) of item `cur`. */
export function unserializableError(vm: Vm, obj: unknown, cur: Item | null, pos: number, name: string): ErrorObj {
  const segs: string[] = [];
  let it: Item | null = cur;
  while (it !== null) {
    const c = childName(it, pos, name);
    if (c !== '') segs.push(c);
    const w = what(vm, it);
    if (w !== '') segs.push(w);
    pos = it.parentPos;
    name = it.parentName;
    it = it.parent;
  }
  const shown = obj !== null && typeof obj === 'object' && 'tag' in obj
    ? writeLimited(vm, obj as Value, Style.Write, 200)
    : `#<${Array.isArray(obj) ? 'environment' : typeof obj}>`;
  const path = segs.reverse().join(' > ');
  const irritants = obj !== null && typeof obj === 'object' && 'tag' in obj ? [obj as Value] : [];
  const e = new ErrorObj('serialization', `can't serialize ${shown}${path === '' ? '' : ` (reached via ${path})`}`, irritants);
  e.locProc = '##object->u8vector';
  e.located = true;
  return e;
}

/** The message would have more entries than a decoder accepts. */
export function tooBig(): ErrorObj {
  const e = new ErrorObj('serialization', `can't serialize: more than ${MAX_ENTRIES} objects`);
  e.locProc = '##object->u8vector';
  e.located = true;
  return e;
}
