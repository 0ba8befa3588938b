// Identifiers during compilation. Macro expansion by syntax-rules renames the symbols a template
// inserts: each becomes an Alias that remembers the scope of the macro's definition. The
// compiler resolves an Alias by first looking for a binding of that very alias (made by a
// binding form the same expansion inserted), then by resolving its name in the definition
// scope. This gives hygiene without syntax objects. `quote` strips aliases back to symbols.

import { Pair, SVector, Sym, Tag, type HeapObject, type Value } from '../runtime/values.js';

/** A compile-time scope; the compiler's own type. Opaque to macro transformers. */
export interface Scope {
  readonly kind: 'scope';
}

export class Alias implements HeapObject {
  // Aliases only exist at compile time; they share the Sym tag so that code treating them as
  // symbols (e.g. printing a form in an error message) does something reasonable.
  get tag(): Tag.Sym { return Tag.Sym; }
  constructor(
    /** The symbol the template contained (itself possibly an alias, for nested expansions). */
    readonly name: Sym | Alias,
    /** The scope where the macro was defined. */
    readonly scope: Scope,
  ) {}
}

export type Ident = Sym | Alias;

export function isIdent(v: Value): v is Ident {
  return v instanceof Sym || v instanceof Alias;
}

/** The symbol an identifier ultimately names. */
export function baseSym(id: Ident): Sym {
  let x: Ident = id;
  while (x instanceof Alias) x = x.name;
  return x;
}

/** Replace every alias in a datum by its base symbol (for quote). Shares unchanged structure. */
export function stripSyntax(v: Value): Value {
  if (v instanceof Alias) return baseSym(v);
  if (v instanceof Pair) {
    const a = stripSyntax(v.car);
    const d = stripSyntax(v.cdr);
    return a === v.car && d === v.cdr ? v : new Pair(a, d);
  }
  if (v instanceof SVector) {
    let changed = false;
    const items = v.items.map((x) => {
      const y = stripSyntax(x);
      if (y !== x) changed = true;
      return y;
    });
    return changed ? new SVector(items) : v;
  }
  return v;
}
