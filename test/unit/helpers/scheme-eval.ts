// Evaluate Scheme text in a fresh Vm and show the result as gsi's REPL would write it, or the
// error as `display-exception` shows it (message, then the call form), for the data-structure
// tests (lists, strings, vectors, tables, records...). The Vm has every primitive module and the
// Scheme preludes loaded.

import { createVm, evalString, loadTextSync, SchemeFailure } from '../../../interpreter/setup.js';
import { exceptionText } from '../../../runtime/error-text.js';
import { writeString } from '../../../runtime/printer.js';
import type { PrimFactory } from '../../../runtime/primitive.js';
import { charPrims } from '../../../runtime/prims/chars.js';
import { listPrims } from '../../../runtime/prims/lists.js';
import { miscPrims } from '../../../runtime/prims/misc.js';
import { recordPrims } from '../../../runtime/prims/records.js';
import { stringPrims } from '../../../runtime/prims/strings.js';
import { symbolPrims } from '../../../runtime/prims/symbols.js';
import { tablePrims } from '../../../runtime/prims/tables.js';
import { vectorPrims } from '../../../runtime/prims/vectors.js';
import { hvectorPrims } from '../../../runtime/prims/hvectors.js';
import type { Value } from '../../../runtime/values.js';
import type { Vm } from '../../../runtime/vm.js';
import { MemoryHost } from './memory-host.js';
import { readPreludes } from '../../../cli/preludes.js';
import { repoRoot } from './run-cli.js';

const DATA_PRIMS: PrimFactory[] = [listPrims, charPrims, stringPrims, symbolPrims, vectorPrims, hvectorPrims, tablePrims, recordPrims, miscPrims];


export interface SchemeSession {
  vm: Vm;
  host: MemoryHost;
  /** Evaluate every form of `src`; the last value written, prefixed by what was printed. */
  ev(src: string): string;
}

export function schemeSession(): SchemeSession {
  const host = new MemoryHost();
  const vm = createVm(host);
  // Define any data primitive that the registry does not (yet) list, then load the preludes.
  for (const f of DATA_PRIMS) {
    for (const p of f(vm)) if (vm.globalValue(p.name) === undefined) vm.define(p.name, p);
  }
  for (const [name, text] of readPreludes(repoRoot())) loadTextSync(vm, text, name);
  const ev = (src: string): string => {
    let v: Value;
    try {
      v = evalString(vm, src);
    } catch (e: unknown) {
      if (e instanceof SchemeFailure) return `${host.takeOut()}ERR ${exceptionText(vm, e.value).trimEnd()}`;
      throw e;
    }
    return host.takeOut() + writeString(vm, v, false);
  };
  return { vm, host, ev };
}
