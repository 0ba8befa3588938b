// Compile-time scopes and identifier resolution.
//
// A scope chain mirrors the run-time environment: each FrameScope is one lambda's frame (slots
// 1..n), and MacroScopes (let-syntax, letrec-syntax) bind macros without a frame. Resolution of
// an identifier walks the chain; an Alias not bound by a binding form of its own expansion is
// resolved by name in the scope of its macro's definition (see syntax.ts). What is bound
// nowhere is global: a special form, a global macro, or a global variable.

import { Alias, baseSym, type Ident, type Scope } from './syntax.js';
import { Sym, type Value } from '../runtime/values.js';
import type { SyntaxRules } from './syntax-rules.js';

/** A macro: hygienic syntax-rules, or a Gambit define-macro procedure (unhygienic). */
export type Macro =
  | { readonly kind: 'rules'; readonly rules: SyntaxRules; readonly scope: Scope }
  | { readonly kind: 'proc'; readonly proc: Value };

export type Binding =
  | { readonly kind: 'local'; readonly frame: FrameScope; readonly index: number; checked: boolean }
  | { readonly kind: 'macro'; readonly macro: Macro }
  | { readonly kind: 'special'; readonly name: string }
  | { readonly kind: 'global'; readonly name: Sym };

export class FrameScope implements Scope {
  readonly kind = 'scope';
  readonly bindings = new Map<Ident, Binding>();
  readonly slots: Sym[] = [];
  /** Free references of this lambda's code, relative to its closure environment: "depth,index". */
  readonly free = new Set<string>();
  constructor(readonly parent: CScope | null) {}

  addSlot(id: Ident, checked: boolean): number {
    this.slots.push(baseSym(id));
    const index = this.slots.length;
    this.bindings.set(id, { kind: 'local', frame: this, index, checked });
    return index;
  }
}

export class MacroScope implements Scope {
  readonly kind = 'scope';
  readonly bindings = new Map<Ident, Binding>();
  constructor(readonly parent: CScope | null) {}
}

export type CScope = FrameScope | MacroScope;

/** The frame scope a scope's code runs in (null at top level). */
export function frameOf(s: CScope | null): FrameScope | null {
  while (s !== null && !(s instanceof FrameScope)) s = s.parent;
  return s;
}

/** Find the binding of `id` as seen from `scope`. Globals are left to the caller to classify. */
export function resolve(id: Ident, scope: CScope | null): Binding {
  let cur: Ident = id;
  let s: CScope | null = scope;
  for (;;) {
    for (let t = s; t !== null; t = t.parent) {
      const b = t.bindings.get(cur);
      if (b !== undefined) return b;
    }
    if (cur instanceof Alias) {
      s = cur.scope as CScope | null;
      if ((s as unknown) === TOP) s = null;
      cur = cur.name;
      continue;
    }
    return { kind: 'global', name: cur };
  }
}

/** The scope object standing for the top level (global environment) in Aliases. */
export const TOP: Scope = { kind: 'scope' };

/** Number of frames between `from` and `target` (0 when the same frame). */
export function frameDepth(from: FrameScope | null, target: FrameScope): number {
  let d = 0;
  for (let f = from; f !== null; f = frameOf(f.parent)) {
    if (f === target) return d;
    d++;
  }
  throw new Error('internal error: binding frame not on the scope chain');
}

/** Record, in every lambda between `from` and the binding's frame, that it reaches (index) there. */
export function noteFree(from: FrameScope | null, depth: number, index: number): void {
  let f = from;
  for (let j = 0; j < depth && f !== null; j++) {
    f.free.add(`${depth - j - 1},${index}`);
    f = frameOf(f.parent);
  }
}

export function isSym(v: Value): v is Sym {
  return v instanceof Sym;
}
