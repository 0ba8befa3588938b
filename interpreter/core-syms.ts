// Names that compiler-generated code uses. Special forms are referred to by uninterned symbols
// (`core('lambda')`), which no program can rebind, so derived forms expand correctly even where
// a user has a local variable called `lambda` or `if`. Run-time helpers are `##`-prefixed
// globals (Gambit's convention for internal procedures).

import { Sym, intern } from '../runtime/values.js';

const coreTable = new Map<string, Sym>();

/** The uninterned symbol standing for special form `name` in generated code. */
export function core(name: string): Sym {
  let s = coreTable.get(name);
  if (s === undefined) {
    s = new Sym(name, false);
    coreTable.set(name, s);
  }
  return s;
}

/** If `s` is one of the core symbols, the special form's name. */
export function coreName(s: Sym): string | null {
  return !s.interned && coreTable.get(s.name) === s ? s.name : null;
}

/** A reference to an internal global helper, e.g. `hash('cons')` is `##cons`. */
export function hash(name: string): Sym {
  return intern(`##${name}`);
}

/** A fresh uninterned symbol for a temporary introduced by an expansion (unique by identity). */
export function temp(base: string): Sym {
  return new Sym(base, false);
}
