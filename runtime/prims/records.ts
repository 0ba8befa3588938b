// The run-time side of define-type / define-record-type (see runtime/records.ts for the
// expansion that calls these), and a few of Gambit's `##` type introspection procedures.
//
//   (##make-record-type 'name "##type-N-id" generative? parent-or-#f flags '#(field options init ...))
//   (##make-record type v ...)                 a new record (fields in order, parent's first)
//   (##record-instance? obj type)              obj's type is type or a descendant
//   (##record-ref obj i type proc)             field i; errors name `proc` and obj
//   (##record-set! obj val i type proc)        mutate field i
//   (##record-set obj val i type proc)         a copy with field i replaced
//   (##record-copy obj)
//   (##define-type-expand 'extender 'parent-datum args)   an extender macro's expansion
//
// An accessor applied to something else reports gsi's
// `(Argument 1) Instance of #<type #4 point> expected` with the accessor's call form.

import { ErrorObj, typeError } from '../errors.js';
import { Pair, Record, RecordType, SVector, Sym, VOID, intern, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { DefinedType, expandTypeForm, fieldsFromVector, isInstanceType, makeRecordType, staticTypeFromDatum } from '../records.js';
import { instanceError, withCall } from './data-util.js';

function typeArg(v: Value, arg: number): RecordType {
  if (v instanceof RecordType) return v;
  throw typeError(arg, 'TYPE');
}

function recordOf(obj: Value, type: RecordType, proc: Value, args: Value[]): Record {
  if (obj instanceof Record && isInstanceType(obj.type, type)) return obj;
  throw withCall(instanceError(1, type), proc, args);
}

export const recordPrims: PrimFactory = (vm) => [
  plain('##make-record-type', 6, 6, (name: Value, id: Value, generative: Value, parent: Value, flags: Value, fields: Value) => {
    const n = name instanceof Sym ? name.name : String(name);
    const gid = typeof id === 'object' && 's' in id ? (id as { s: string }).s : String(id);
    return makeRecordType(vm, n, gid, generative !== false, parent === false ? null : typeArg(parent, 4),
      typeof flags === 'number' ? flags : 0, fieldsFromVector(fields));
  }),
  pure('##make-record', 1, -1, (type: Value, ...vals: Value[]) => new Record(typeArg(type, 1), vals)),
  pure('##record-instance?', 2, 2, (obj: Value, type: Value) => obj instanceof Record && isInstanceType(obj.type, type as RecordType)),
  pure('##record-ref', 4, 4, (obj: Value, i: number, type: RecordType, proc: Value) =>
    recordOf(obj, type, proc, [obj]).fields[i]!),
  plain('##record-set!', 5, 5, (obj: Value, val: Value, i: number, type: RecordType, proc: Value) => {
    recordOf(obj, type, proc, [obj, val]).fields[i] = val;
    return VOID;
  }),
  pure('##record-set', 5, 5, (obj: Value, val: Value, i: number, type: RecordType, proc: Value) => {
    const r = recordOf(obj, type, proc, [obj, val]);
    const fields = r.fields.slice();
    fields[i] = val;
    return new Record(r.type, fields);
  }),
  pure('##record-copy', 1, 1, (obj: Value) => {
    if (!(obj instanceof Record)) throw typeError(1, 'STRUCTURE');
    return new Record(obj.type, obj.fields.slice());
  }),
  pure('##define-type-expand', 3, 3, (head: Value, parent: Value, args: Value) => {
    try {
      return expandTypeForm(args, staticTypeFromDatum(parent));
    } catch (e: unknown) {
      if (e instanceof Error) throw new ErrorObj('syntax', 'Ill-formed special form', [new Pair(head, args)]);
      throw e;
    }
  }),
  pure('##structure?', 1, 1, (x: Value) => x instanceof Record),
  pure('##structure-type', 1, 1, (x: Value) => {
    if (!(x instanceof Record)) throw typeError(1, 'STRUCTURE');
    return x.type;
  }),
  pure('##type-name', 1, 1, (t: Value) => intern(typeArg(t, 1).name)),
  pure('##type-id', 1, 1, (t: Value) => {
    const type = typeArg(t, 1);
    const gid = type instanceof DefinedType ? type.gambitId : type.id;
    return type.generative ? new Sym(gid, false) : intern(gid);
  }),
  pure('##type-super', 1, 1, (t: Value) => typeArg(t, 1).parent ?? false),
  pure('##type-fields', 1, 1, (t: Value) => {
    const type = typeArg(t, 1);
    const own = type.fields.slice(type.parent === null ? 0 : type.parent.fields.length);
    return new SVector(own.flatMap((f) => {
      const o = (f as { options?: number }).options ?? ((f.printable ? 0 : 1) | (f.mutable ? 0 : 2));
      return [intern(f.name), o, (f as { init?: Value }).init ?? false];
    }));
  }),
];
