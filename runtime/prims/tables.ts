// Table primitives (Gambit manual section 11, "Tables"): make-table, list->table with their
// keyword options, table?, table-ref, table-set!, table-length, table->list, table-copy,
// table-merge, table-merge!. table-for-each and table-search call procedures: they are in
// scheme-lib/prelude-data.scm, over `##table-items`. gsi 4.9.3 has no table-update!,
// table-keys or table-values.
//
// A non-table argument is `(Argument N) Instance of #<type #5 table> expected`, as in gsi,
// whose tables are records of a type named `table`.
//
// table-ref, table-set!, list->table, table-merge and table-merge! are control primitives:
// on a table whose test or hash is a closure ("custom", see runtime/table.ts) they hand over
// to Scheme procedures of scheme-lib/prelude-data.scm (`##custom-table-ref`...), which can call
// the test; on other tables they simply return their result.

import { ErrorObj, typeError, wrongArgs } from '../errors.js';
import { Keyword, NIL, Pair, RecordType, VOID, isProcedure, type Value } from '../values.js';
import { makePrim, pure, plain, type PrimFactory } from '../primitive.js';
import { Table, TestKind, type TableOptions } from '../table.js';
import { applyProc, ret, type ControlFn } from '../../interpreter/machine.js';
import { isNumber } from '../values.js';
import { T, instanceError, intIn, withCall } from './data-util.js';
import { EQUAL } from './misc.js';

/** The type named in errors about non-table arguments. */
export const TABLE_TYPE = new RecordType('table', '##type-table', false, null, []);

function tableArg(v: Value, arg: number): Table {
  if (v instanceof Table) return v;
  throw instanceError(arg, TABLE_TYPE);
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

function control(name: string, min: number, max: number, fn: ControlFn) {
  return makePrim(name, min, max, 'control', fn);
}

function argList(v: Value): Value[] {
  const out: Value[] = [];
  for (let x = v; x instanceof Pair; x = x.cdr) out.push(x.car);
  return out;
}

export const tablePrims: PrimFactory = (vm) => {
  /** Hand the call over to the Scheme procedure `name` (for custom tables). */
  const toScheme = (r: Parameters<ControlFn>[1], name: string, args: Value[]): void => {
    const f = vm.globalValue(name);
    if (f === undefined) throw new ErrorObj('unimplemented', `${name} is missing (scheme-lib/prelude-data.scm)`);
    applyProc(r, f, args);
  };
  const tableRef = (tbl: Table, key: Value, dflt: Value | undefined): Value => {
    const e = tbl.get(key);
    if (e !== undefined) return e.value;
    if (dflt !== undefined) return dflt;
    if (tbl.options.init !== undefined) return tbl.options.init;
    throw new ErrorObj('unbound-table-key', '');
  };
  return [
    pure('table?', 1, 1, (x: Value) => x instanceof Table),
    plain('make-table', 0, -1, (...args: Value[]) => new Table(parseTableOptions(args, 1))),
    control('list->table', 1, -1, (_vm, r, [lst, ...args]) => {
      // gsi checks the list before the options.
      let x = lst!;
      while (x instanceof Pair) x = x.cdr;
      if (x !== NIL) throw typeError(1, T.list);
      const t = new Table(parseTableOptions(args, 2));
      if (t.kind === TestKind.Custom) {
        for (let y = lst!; y instanceof Pair; y = y.cdr) if (!(y.car instanceof Pair)) throw typeError(1, T.pairList);
        toScheme(r, '##custom-table-fill!', [t, lst!]);
        return;
      }
      fillFromAlist(t, lst!);
      ret(r, t);
    }),
    control('table-ref', 2, 3, (_vm, r, args) => {
      const tbl = tableArg(args[0]!, 1);
      if (tbl.kind === TestKind.Custom) toScheme(r, '##custom-table-ref', args);
      else ret(r, tableRef(tbl, args[1]!, args[2]));
    }),
    control('table-set!', 2, 3, (_vm, r, args) => {
      const tbl = tableArg(args[0]!, 1);
      if (tbl.kind === TestKind.Custom) {
        toScheme(r, '##custom-table-set!', args);
        return;
      }
      if (args.length === 2) tbl.delete(args[1]!);
      else tbl.set(args[1]!, args[2]!);
      ret(r, VOID);
    }),
    plain('table-length', 1, 1, (t: Value) => tableArg(t, 1).size),
    plain('table->list', 1, 1, (t: Value) => {
      let r: Value = NIL;
      for (const e of tableArg(t, 1).entries()) r = new Pair(new Pair(e.key, e.value), r);
      return r;
    }),
    plain('table-copy', 1, 1, (t: Value) => tableArg(t, 1).copy()),
    control('table-merge!', 2, 3, (_vm, r, [a, b, prec]) => {
      const into = tableArg(a!, 1);
      const from = tableArg(b!, 2);
      if (into.kind === TestKind.Custom) toScheme(r, '##custom-table-merge!', [into, from, prec ?? false]);
      else ret(r, merge(into, from, prec !== undefined && prec !== false));
    }),
    control('table-merge', 2, 3, (_vm, r, [a, b, prec]) => {
      const into = tableArg(a!, 1).copy();
      const from = tableArg(b!, 2);
      if (into.kind === TestKind.Custom) toScheme(r, '##custom-table-merge!', [into, from, prec ?? false]);
      else ret(r, merge(into, from, prec !== undefined && prec !== false));
    }),
    /**
     * (##table-items table arg-num proc args): the bindings, oldest first, as (key . value)
     * pairs; a non-table is an error of argument `arg-num` of the call (proc . args).
     */
    plain('##table-items', 4, 4, (t: Value, argNum: Value, proc: Value, args: Value) => {
      if (!(t instanceof Table)) {
        throw withCall(instanceError(typeof argNum === 'number' ? argNum : 1, TABLE_TYPE), proc, argList(args));
      }
      let r: Value = NIL;
      const es = t.entries();
      for (let i = es.length - 1; i >= 0; i--) r = new Pair(new Pair(es[i]!.key, es[i]!.value), r);
      return r;
    }),
    // For the custom-table procedures of the prelude.
    pure('##table-test', 1, 1, (t: Value) => (t as Table).options.test),
    pure('##table-hash', 1, 1, (t: Value) => (t as Table).options.hash ?? false),
    pure('##custom-table-items', 1, 1, (t: Value) => (t as Table).customItems),
    plain('##custom-table-items-set!', 2, 2, (t: Value, items: Value) => { (t as Table).customItems = items; return VOID; }),
    /** (##table-missing table proc args): the init: value, or Unbound table key for the call. */
    plain('##table-missing', 3, 3, (t: Value, proc: Value, args: Value) => {
      const init = (t as Table).options.init;
      if (init !== undefined) return init;
      throw withCall(new ErrorObj('unbound-table-key', ''), proc, argList(args));
    }),
  ];
};
