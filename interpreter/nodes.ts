// Code nodes: the compiler's output and the machine's input. Plain data ({op, src, ...fields}),
// no JS closures inside, so that closures and continuations can be written to bytes.
//
// Lexical addressing: an environment is an array whose slot 0 is the parent environment and
// whose slots 1..n hold the variables of one lambda (its parameters, then its internal
// defines). A local reference is (depth, index): follow slot 0 `depth` times, then read `index`.
//
// "Simple" nodes (Const, LocalRef, GlobalRef and PrimApp) can be evaluated without pushing a
// frame: they never capture a continuation or call a closure. PrimApp calls a *pure* primitive
// held by a global; if at run time the global holds something else, the machine falls back to
// a general call (PrimApp nodes are also valid Call nodes: `fn` and `tail` are filled in).

import type { Loc } from '../runtime/errors.js';
import type { Keyword, Sym, Value } from '../runtime/values.js';

/** Source information of a node: its location and the name of the enclosing named procedure. */
export interface Src extends Loc {
  readonly proc: string | null;
}

/** A place in one of gsi's own procedures, which has no source: errors there are `IN ##name`. */
export function inProcedure(proc: string): Src {
  return { container: '', line: 0, col: 0, proc };
}

/** A global variable. Code refers to the cell; serialization writes its name. */
export interface GlobalCell {
  readonly name: Sym;
  value: Value; // UNASSIGNED when unbound
}

export const enum Op {
  Const = 0,
  LocalRef,
  GlobalRef,
  PrimApp,
  LocalSet,
  GlobalSet,
  GlobalDef,
  If,
  Lambda,
  Seq,
  Call,
  Or,
}

export interface ConstNode {
  readonly op: Op.Const;
  readonly src: Src | null;
  readonly value: Value;
}

export interface LocalRefNode {
  readonly op: Op.LocalRef;
  readonly src: Src | null;
  readonly depth: number;
  readonly index: number;
  readonly name: Sym;
  /** True when the variable may be read before it is assigned (letrec, internal define). */
  readonly checked: boolean;
}

export interface GlobalRefNode {
  readonly op: Op.GlobalRef;
  readonly src: Src | null;
  readonly cell: GlobalCell;
}

export interface PrimAppNode {
  readonly op: Op.PrimApp;
  readonly src: Src | null;
  /** The global that held a pure primitive at compile time. */
  readonly cell: GlobalCell;
  /** A GlobalRef of `cell`, for the general-call fallback. */
  readonly fn: GlobalRefNode;
  readonly args: Node[];
  readonly tail: boolean;
}

export interface LocalSetNode {
  readonly op: Op.LocalSet;
  readonly src: Src | null;
  readonly depth: number;
  readonly index: number;
  readonly value: Node;
  /** True for an internal define / letrec initialisation (the result is unspecified either way). */
  readonly define: boolean;
}

export interface GlobalSetNode {
  readonly op: Op.GlobalSet;
  readonly src: Src | null;
  readonly cell: GlobalCell;
  readonly value: Node;
}

export interface GlobalDefNode {
  readonly op: Op.GlobalDef;
  readonly src: Src | null;
  readonly cell: GlobalCell;
  readonly value: Node;
}

export interface IfNode {
  readonly op: Op.If;
  readonly src: Src | null;
  readonly test: Node;
  readonly then: Node;
  readonly else: Node;
}

export interface LambdaNode {
  readonly op: Op.Lambda;
  readonly src: Src | null;
  /** The procedure's name (from define or a named let), for printing and error messages. */
  readonly name: string | null;
  /** Number of required parameters. */
  readonly nreq: number;
  /** Number of #!optional parameters (missing ones are bound to #!default; the body fills them). */
  readonly nopt: number;
  /** Whether a rest parameter follows (a list of the remaining arguments). */
  readonly rest: boolean;
  /** With #!key: the rest parameter follows the keys (gets only what they leave). */
  readonly restAfterKeys: boolean;
  /** #!key parameters: their keywords, in slot order after the rest parameter (if any). */
  readonly keys: Keyword[];
  /** Names of the slots 1..frameSize (parameters, then internal definitions), for pp and debugging. */
  readonly slots: Sym[];
  readonly frameSize: number;
  readonly body: Node;
  /**
   * Variables of enclosing environments that the code of this lambda (including nested lambdas)
   * references, as [depth, index] relative to the closure's environment (depth 0 = the
   * closure's own parent environment). Serialization carries only these.
   */
  readonly free: ReadonlyArray<readonly [number, number]>;
  /** The lambda of a `let` (or other binding form): not a procedure of the program's. */
  readonly isLet: boolean;
  /** The source expression, kept for `pp` of a closure. Null when not kept. */
  readonly source: Value | null;
}

export interface SeqNode {
  readonly op: Op.Seq;
  readonly src: Src | null;
  readonly body: Node[];
}

export interface CallNode {
  readonly op: Op.Call;
  readonly src: Src | null;
  readonly fn: Node;
  readonly args: Node[];
  /** In tail position: the callee replaces the caller's frame (errors are located at the caller's caller). */
  readonly tail: boolean;
  /** A call from top-level code in tail position: gsi counts it as pending, so the machine pushes an FTop to locate errors here. */
  readonly mark: boolean;
}

/** `(or e ...)`: the first true value, without re-evaluating it. */
export interface OrNode {
  readonly op: Op.Or;
  readonly src: Src | null;
  readonly exprs: Node[];
}

export type Node =
  | ConstNode
  | LocalRefNode
  | GlobalRefNode
  | PrimAppNode
  | LocalSetNode
  | GlobalSetNode
  | GlobalDefNode
  | IfNode
  | LambdaNode
  | SeqNode
  | CallNode
  | OrNode;

export function isSimple(n: Node): boolean {
  return n.op <= Op.PrimApp;
}
