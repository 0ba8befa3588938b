// Table primitives (Gambit manual section 11, "Tables"): make-table, list->table with their
// keyword options, table?, table-ref, table-set!, table-length, table->list, table-copy,
// table-merge, table-merge!. table-for-each and table-search call procedures: they are in
// scheme-lib/prelude-data.scm, over `##table-items`. gsi 4.9.3 has no table-update!,
// table-keys or table-values.
//
// A non-table argument is `(Argument N) Instance of #<type #5 table> expected`, as in gsi,
// whose tables are records of a type named `table`.

import { ErrorObj, typeError, unimplemented, wrongArgs } from '../errors.js';
import { Keyword, NIL, Pair, Primitive, RecordType, VOID, isProcedure, type Value } from '../values.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { Table, type TableOptions } from '../table.js';
import { isNumber } from '../values.js';
import { T, instanceError, intIn, withCall } from './data-util.js';
import { EQUAL } from './misc.js';
import type { Vm } from '../vm.js';

/** The type named in errors about non-table arguments. */
export const TABLE_TYPE = new RecordType('table', '##type-table', false, null, []);

function tableArg(vm: Vm, v: Value, arg: number): Table {
  if (v instanceof Table) return v;
  throw instanceError(vm, arg, TABLE_TYPE);
}

/**
 * Parse keyword arguments `key: value ...` (make-table's, and list->table's after the list);
 * `first` is the argument position of args[0].
 */
export function parseTableOptions(args: Value[], first: number): TableOptions {
  let test: Value | undefined;
  let hash: Value | undefined;
  let init: Value | undefined;
  let weakKeys: Value = false;
  let weakValues: Value = false;
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i += 2) {
    // gsi: an odd argument left over is a wrong number of arguments, even if not a keyword.
    if (i + 1 >= args.length) throw wrongArgs();
    const k = args[i]!;
    if (!(k instanceof Keyword)) throw new ErrorObj('keyword-expected', '');
    const v = args[i + 1]!;
    const argNum = first + i + 1;
    const again = seen.has(k.name);
    seen.add(k.name);
    switch (k.name) {
      case 'size':
        intIn(v, 0, 0x3fffffff, argNum);
        break;
      case 'init':
        if (!again) init = v;
        break;
      case 'weak-keys':
        if (!again) weakKeys = v;
        break;
      case 'weak-values':
        if (!again) weakValues = v;
        break;
      case 'test':
        if (!isProcedure(v)) throw typeError(argNum, T.procedure);
        if (!again) test = v;
        break;
      case 'hash':
        if (!isProcedure(v)) throw typeError(argNum, T.procedure);
        if (!again) hash = v;
        break;
      case 'min-load':
      case 'max-load':
        if (!isNumber(v)) throw typeError(argNum, T.real);
        break;
      default:
        throw new ErrorObj('unknown-keyword-argument', '');
    }
  }
  const callable = (p: Value | undefined): p is Primitive => p instanceof Primitive && p.kind !== 'control';
  if ((test !== undefined && !callable(test)) || (hash !== undefined && !callable(hash))) {
    throw unimplemented('a table test: or hash: procedure other than a primitive');
  }
  return {
    test: test ?? EQUAL,
    hash: hash ?? null,
    init,
    weakKeys: weakKeys !== false,
    weakValues: weakValues !== false,
  };
}

/** The bindings of an association list, first occurrence of a key winning. */
function fillFromAlist(t: Table, lst: Value): void {
  let x = lst;
  while (x instanceof Pair) {
    const e = x.car;
    if (!(e instanceof Pair)) throw typeError(1, T.pairList);
    if (t.get(e.car) === undefined) t.set(e.car, e.cdr);
    x = x.cdr;
  }
  if (x !== NIL) throw typeError(1, T.list);
}

function merge(into: Table, from: Table, prec: boolean): Table {
  for (const e of from.entries()) if (prec || into.get(e.key) === undefined) into.set(e.key, e.value);
  return into;
}

export const tablePrims: PrimFactory = (vm) => [
  pure('table?', 1, 1, (x: Value) => x instanceof Table),
  plain('make-table', 0, -1, (...args: Value[]) => new Table(parseTableOptions(args, 1))),
  plain('list->table', 1, -1, (lst: Value, ...args: Value[]) => {
    // gsi checks the list before the options.
    let x = lst;
    while (x instanceof Pair) x = x.cdr;
    if (x !== NIL) throw typeError(1, T.list);
    const t = new Table(parseTableOptions(args, 2));
    fillFromAlist(t, lst);
    return t;
  }),
  plain('table-ref', 2, 3, (t: Value, key: Value, dflt?: Value) => {
    const tbl = tableArg(vm, t, 1);
    const e = tbl.get(key);
    if (e !== undefined) return e.value;
    if (dflt !== undefined) return dflt;
    if (tbl.options.init !== undefined) return tbl.options.init;
    throw new ErrorObj('unbound-table-key', '');
  }),
  plain('table-set!', 2, 3, (t: Value, key: Value, val?: Value) => {
    const tbl = tableArg(vm, t, 1);
    if (val === undefined) tbl.delete(key);
    else tbl.set(key, val);
    return VOID;
  }),
  plain('table-length', 1, 1, (t: Value) => tableArg(vm, t, 1).size),
  plain('table->list', 1, 1, (t: Value) => {
    let r: Value = NIL;
    for (const e of tableArg(vm, t, 1).entries()) r = new Pair(new Pair(e.key, e.value), r);
    return r;
  }),
  plain('table-copy', 1, 1, (t: Value) => tableArg(vm, t, 1).copy()),
  plain('table-merge!', 2, 3, (a: Value, b: Value, prec: Value = false) =>
    merge(tableArg(vm, a, 1), tableArg(vm, b, 2), prec !== false)),
  plain('table-merge', 2, 3, (a: Value, b: Value, prec: Value = false) => {
    const t1 = tableArg(vm, a, 1);
    return merge(t1.copy(), tableArg(vm, b, 2), prec !== false);
  }),
  /**
   * (##table-items table arg-num proc args): the bindings, oldest first, as (key . value) pairs;
   * a non-table is an error of argument `arg-num` of the call (proc . args).
   */
  plain('##table-items', 4, 4, (t: Value, argNum: Value, proc: Value, args: Value) => {
    if (!(t instanceof Table)) {
      const callArgs: Value[] = [];
      for (let x = args; x instanceof Pair; x = x.cdr) callArgs.push(x.car);
      throw withCall(instanceError(vm, typeof argNum === 'number' ? argNum : 1, TABLE_TYPE), proc, callArgs);
    }
    let r: Value = NIL;
    const es = t.entries();
    for (let i = es.length - 1; i >= 0; i--) r = new Pair(new Pair(es[i]!.key, es[i]!.value), r);
    return r;
  }),
];

