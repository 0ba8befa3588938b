// Code units: how compiled code (interpreter/nodes.ts) travels inside a serialized closure or
// continuation, and how received code is checked before the machine may run it.
//
// A unit is a tree of nodes: a closure's lambda, or the node a top-level frame waits in. It is
// written as the CBOR document [strings, tree], where each node is an array [op, src, ...]
// (layouts below, in the order of interpreter/nodes.ts) and a src is [container, line, col,
// proc] as indices into `strings` (proc -1 = none). Nodes are numbered in pre-order (a
// PrimApp's `fn` is not a node of its own: it is rebuilt from the cell); frames refer to nodes
// by that number. Constants are written inside the unit (pairs, strings, vectors and immediates
// only), so that a unit is self-contained and can be cached by content on both sides; a
// constant of another kind, or a global named by an uninterned symbol, is written as a
// reference to an entry of the message instead, and the unit is then "external" (not cached).
//
//   Const     [0, src, constant]
//   LocalRef  [1, src, depth, index, name, checked]
//   GlobalRef [2, src, global]
//   PrimApp   [3, src, global, fnSrc, tail, arg...]
//   LocalSet  [4, src, depth, index, define, value]
//   GlobalSet [5, src, global, value]
//   GlobalDef [6, src, global, value]
//   If        [7, src, test, then, else]
//   Lambda    [8, src, name|null, nreq, nopt, rest, restAfterKeys, isLet, frameSize, [key...], [slot...], body]
//   Seq       [9, src, body...]
//   Call      [10, src, tail, mark, fn, arg...]
//   Or        [11, src, expr...]
//
// LambdaNode.free is not sent: the receiver recomputes it from the code, and that computation
// is also the check that every variable reference stays inside the environments the code will
// run in (see DecodedUnit and deserial-checks.ts). LambdaNode.source is dropped.

import { Op, type GlobalCell, type LambdaNode, type Node, type Src } from '../interpreter/nodes.js';
import { CborError, decodeCbor } from './serial-cbor.js';
import {
  Imm, MAX_CACHED_UNITS, NOT_IMMEDIATE, bad, boolOf, decodeImmediate, immediateField, intOf, textField, textOf, type ImmediateResolver,
} from './serial-format.js';
import {
  MString, NIL, Pair, SVector, Sym, U8Vector, VOID, intern as internSym, internKeyword as internKw, type Primitive, type Value,
} from './values.js';
import type { Vm } from './vm.js';

/** Deepest nesting of a constant written inside a unit (deeper ones become entries). */
const MAX_CONST_DEPTH = 200;
/** Most pairs and elements of the constants of one unit written inline. */
const MAX_CONST_ITEMS = 100_000;
/** Bounds of lexical addresses accepted from a message. */
const MAX_DEPTH = 100_000;
const MAX_INDEX = 1_000_000;
const REF_KEY = 2 ** 21;

// ---------------------------------------------------------------------------------------------
// Encoding

export interface UnitTree {
  /** The CBOR document: [strings, tree]. */
  readonly doc: unknown[];
  /** The nodes in pre-order. */
  readonly nodes: Node[];
  /** Whether the tree refers to entries of the message (then it is not cacheable). */
  readonly external: boolean;
}

/** How the unit encoder writes what it cannot write inline: a reference to a message entry. */
export type ExternalField = (v: Value) => unknown;

class ConstTooBig {}

export function encodeUnitTree(root: Node, ext: ExternalField): UnitTree {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const nodes: Node[] = [];
  let external = false;
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const src = (s: Src | null): unknown => (s === null ? null : [str(s.container), s.line, s.col, s.proc === null ? -1 : str(s.proc)]);
  const extern = (v: Value): unknown => {
    external = true;
    return ext(v);
  };
  /** A variable name (debug information only): an uninterned one is recreated on arrival. */
  const localName = (s: Sym): unknown => {
    const f = immediateField(s);
    return f === NOT_IMMEDIATE ? [Imm.LocalSym, textField(s.name)] : f;
  };
  /** A global's name: its identity matters, so an uninterned one is an entry. */
  const globalName = (c: GlobalCell): unknown => {
    const f = immediateField(c.name);
    return f === NOT_IMMEDIATE ? extern(c.name) : f;
  };

  let items = 0;
  const constant = (v: Value): unknown => {
    const f = immediateField(v);
    if (f !== NOT_IMMEDIATE) return f;
    if (!(v instanceof Pair || v instanceof MString || v instanceof SVector || v instanceof U8Vector)) return extern(v);
    items = 0;
    try {
      return inline(v, 0, new Set());
    } catch (e: unknown) {
      if (e instanceof ConstTooBig) return extern(v);
      throw e;
    }
  };
  // Constants come from the reader or from macros: small, but possibly cyclic or shared (then
  // written as an entry, which keeps both properties).
  const inline = (v: Value, depth: number, active: Set<object>): unknown => {
    const f = immediateField(v);
    if (f !== NOT_IMMEDIATE) return f;
    if (depth > MAX_CONST_DEPTH || ++items > MAX_CONST_ITEMS) throw new ConstTooBig();
    if (v instanceof MString) {
      const t = textField(v.s);
      return typeof t === 'string' ? [Imm.CStr, t] : [Imm.CStr16, t];
    }
    if (v instanceof U8Vector) return [Imm.CU8, v.bytes];
    if (v instanceof Pair || v instanceof SVector) {
      if (active.has(v)) throw new ConstTooBig();
      active.add(v);
      let out: unknown[];
      if (v instanceof SVector) {
        out = [Imm.CVec];
        for (const x of v.items) out.push(inline(x, depth + 1, active));
      } else {
        out = [Imm.CList];
        let p: Value = v;
        const spine: object[] = [];
        while (p instanceof Pair) {
          if (active.has(p) && p !== v) throw new ConstTooBig();
          if (++items > MAX_CONST_ITEMS) throw new ConstTooBig();
          active.add(p);
          spine.push(p);
          out.push(inline(p.car, depth + 1, active));
          p = p.cdr;
        }
        out.push(inline(p, depth + 1, active));
        for (const q of spine) active.delete(q);
      }
      active.delete(v);
      return out;
    }
    throw new ConstTooBig();
  };

  const node = (n: Node): unknown[] => {
    nodes.push(n);
    switch (n.op) {
      case Op.Const: return [Op.Const, src(n.src), constant(n.value)];
      case Op.LocalRef: return [Op.LocalRef, src(n.src), n.depth, n.index, localName(n.name), n.checked];
      case Op.GlobalRef: return [Op.GlobalRef, src(n.src), globalName(n.cell)];
      case Op.PrimApp: return [Op.PrimApp, src(n.src), globalName(n.cell), src(n.fn.src), n.tail, ...n.args.map(node)];
      case Op.LocalSet: return [Op.LocalSet, src(n.src), n.depth, n.index, n.define, node(n.value)];
      case Op.GlobalSet: return [Op.GlobalSet, src(n.src), globalName(n.cell), node(n.value)];
      case Op.GlobalDef: return [Op.GlobalDef, src(n.src), globalName(n.cell), node(n.value)];
      case Op.If: {
        const s = src(n.src);
        const t = node(n.test);
        const a = node(n.then);
        return [Op.If, s, t, a, node(n.else)];
      }
      case Op.Lambda:
        return [Op.Lambda, src(n.src), n.name, n.nreq, n.nopt, n.rest, n.restAfterKeys, n.isLet, n.frameSize,
          n.keys.map((k) => textField(k.name)), n.slots.map(localName), node(n.body)];
      case Op.Seq: return [Op.Seq, src(n.src), ...n.body.map(node)];
      case Op.Call: {
        const s = src(n.src);
        const f = node(n.fn);
        return [Op.Call, s, n.tail, n.mark, f, ...n.args.map(node)];
      }
      case Op.Or: return [Op.Or, src(n.src), ...n.exprs.map(node)];
      default: {
        const never: never = n;
        throw new Error(`unknown node ${String(never)}`);
      }
    }
  };
  const tree = node(root);
  return { doc: [strings, tree], nodes, external };
}

// ---------------------------------------------------------------------------------------------
// Decoding and checking

/**
 * A decoded unit. `encl[i]` is the innermost lambda whose body contains node i (null in the
 * unit's top region: the part not inside any lambda). `topRefs` are the variable references
 * of the top region, as [depth, index] relative to the environment it runs in: a frame of
 * the top region is accepted only if its environment has those.
 */
export interface DecodedUnit {
  readonly root: Node;
  readonly nodes: Node[];
  readonly encl: Array<LambdaNode | null>;
  readonly topRefs: ReadonlyArray<readonly [number, number]>;
}

export interface UnitResolver extends ImmediateResolver {
  cell(name: Sym): GlobalCell;
  /** An entry reference [i] (external units only). */
  ref(f: unknown[]): Value;
  /** Called with each array or element visited: throws when the input is exhausted (cycles, packing). */
  spend(n: number): void;
}

interface Region {
  readonly lambda: LambdaNode | null;
  readonly refs: Set<number>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Decodes [strings, tree]; throws DecodeError when anything is out of place. */
export function decodeUnitTree(doc: unknown, r: UnitResolver): DecodedUnit {
  if (!Array.isArray(doc) || doc.length !== 2 || !Array.isArray(doc[0])) bad('bad code unit');
  const strs = doc[0] as unknown[];
  r.spend(strs.length);
  for (const s of strs) if (typeof s !== 'string') bad('bad code unit strings');
  const strings = strs as string[];
  const nodes: Node[] = [];
  const encl: Array<LambdaNode | null> = [];
  const srcs = new Map<string, Src>();

  const src = (f: unknown): Src | null => {
    if (f === null) return null;
    if (!Array.isArray(f) || f.length !== 4) return bad('bad source location');
    const c = intOf(f[0], 0, strings.length - 1, 'string index');
    const line = intOf(f[1], 0, 2 ** 31, 'line');
    const col = intOf(f[2], 0, 2 ** 31, 'column');
    const p = intOf(f[3], -1, strings.length - 1, 'string index');
    const key = `${c},${line},${col},${p}`;
    let s = srcs.get(key);
    if (s === undefined) {
      s = { container: strings[c]!, line, col, proc: p < 0 ? null : strings[p]! };
      srcs.set(key, s);
    }
    return s;
  };
  const localSyms = new Map<string, Sym>();
  const symbol = (f: unknown, local: boolean): Sym => {
    if (typeof f === 'string') return internSym(f);
    if (Array.isArray(f) && local && f[0] === Imm.LocalSym) {
      const name = textOf(f[1]);
      let s = localSyms.get(name);
      if (s === undefined) {
        s = new Sym(name, false);
        localSyms.set(name, s);
      }
      return s;
    }
    const v = field(f);
    if (!(v instanceof Sym)) bad('symbol expected');
    return v;
  };
  // Constants: immediates, inline containers, or entry references.
  const field = (f: unknown): Value => {
    r.spend(1);
    switch (typeof f) {
      case 'number':
        if (!Number.isSafeInteger(f)) bad('bad fixnum');
        return f === 0 ? 0 : f;
      case 'boolean': return f;
      case 'string': return internSym(f);
      case 'object': break;
      default: bad('bad constant');
    }
    if (f === null) return NIL;
    if (!Array.isArray(f) || f.length === 0 || typeof f[0] !== 'number') return bad('bad constant');
    const code = f[0];
    if (code >= 0) return r.ref(f);
    r.spend(f.length);
    switch (code) {
      case Imm.CList: {
        if (f.length < 3) bad('bad constant list');
        let tail = field(f[f.length - 1]);
        for (let i = f.length - 2; i >= 1; i--) tail = new Pair(field(f[i]), tail);
        return tail;
      }
      case Imm.CStr:
      case Imm.CStr16: return new MString(textOf(f[1]));
      case Imm.CVec: {
        const items = new Array<Value>(f.length - 1);
        for (let i = 1; i < f.length; i++) items[i - 1] = field(f[i]);
        return new SVector(items);
      }
      case Imm.CU8: {
        const b = f[1];
        if (!(b instanceof Uint8Array)) bad('bytes expected');
        return new U8Vector(b.slice()); // decodeCbor's byte strings are views
      }
      default: return decodeImmediate(f, r);
    }
  };

  const refKey = (depth: number, index: number): number => depth * REF_KEY + index;

  const node = (f: unknown, region: Region): Node => {
    r.spend(1);
    if (!Array.isArray(f) || f.length < 2) return bad('bad code node');
    r.spend(f.length);
    const n = nodes.length;
    nodes.push(VOID_NODE);
    encl.push(region.lambda);
    let out: Node;
    const op = f[0];
    switch (op) {
      case Op.Const:
        if (f.length !== 3) bad('bad constant node');
        out = { op: Op.Const, src: src(f[1]), value: field(f[2]) };
        break;
      case Op.LocalRef: {
        if (f.length !== 6) bad('bad variable reference');
        const depth = intOf(f[2], 0, MAX_DEPTH, 'depth');
        const index = intOf(f[3], 1, MAX_INDEX, 'index');
        region.refs.add(refKey(depth, index));
        out = { op: Op.LocalRef, src: src(f[1]), depth, index, name: symbol(f[4], true), checked: boolOf(f[5]) };
        break;
      }
      case Op.GlobalRef:
        if (f.length !== 3) bad('bad global reference');
        out = { op: Op.GlobalRef, src: src(f[1]), cell: r.cell(symbol(f[2], false)) };
        break;
      case Op.PrimApp: {
        if (f.length < 5) bad('bad primitive call');
        const s = src(f[1]);
        const cell = r.cell(symbol(f[2], false));
        const fn = { op: Op.GlobalRef, src: src(f[3]), cell } as const;
        const tail = boolOf(f[4]);
        const args: Node[] = [];
        for (let i = 5; i < f.length; i++) {
          const a = node(f[i], region);
          // The machine evaluates these without frames (interpreter/machine.ts evalSimple).
          if (a.op > Op.PrimApp) bad('primitive call with a complex argument');
          args.push(a);
        }
        out = { op: Op.PrimApp, src: s, cell, fn, args, tail };
        break;
      }
      case Op.LocalSet: {
        if (f.length !== 6) bad('bad assignment');
        const depth = intOf(f[2], 0, MAX_DEPTH, 'depth');
        const index = intOf(f[3], 1, MAX_INDEX, 'index');
        region.refs.add(refKey(depth, index));
        const s = src(f[1]);
        const define = boolOf(f[4]);
        out = { op: Op.LocalSet, src: s, depth, index, value: node(f[5], region), define };
        break;
      }
      case Op.GlobalSet:
      case Op.GlobalDef: {
        if (f.length !== 4) bad('bad global assignment');
        const s = src(f[1]);
        const cell = r.cell(symbol(f[2], false));
        out = { op, src: s, cell, value: node(f[3], region) };
        break;
      }
      case Op.If: {
        if (f.length !== 5) bad('bad if');
        const s = src(f[1]);
        const test = node(f[2], region);
        const then = node(f[3], region);
        out = { op: Op.If, src: s, test, then, else: node(f[4], region) };
        break;
      }
      case Op.Lambda: out = lambda(f, region); break;
      case Op.Seq: {
        // The machine steps through at least two (the compiler makes no shorter sequence).
        if (f.length < 4) bad('short sequence');
        const s = src(f[1]);
        const body: Node[] = [];
        for (let i = 2; i < f.length; i++) body.push(node(f[i], region));
        out = { op: Op.Seq, src: s, body };
        break;
      }
      case Op.Call: {
        if (f.length < 5) bad('bad call');
        const s = src(f[1]);
        const tail = boolOf(f[2]);
        const mark = boolOf(f[3]);
        const fn = node(f[4], region);
        const args: Node[] = [];
        for (let i = 5; i < f.length; i++) args.push(node(f[i], region));
        out = { op: Op.Call, src: s, fn, args, tail, mark };
        break;
      }
      case Op.Or: {
        if (f.length < 4) bad('short or');
        const s = src(f[1]);
        const exprs: Node[] = [];
        for (let i = 2; i < f.length; i++) exprs.push(node(f[i], region));
        out = { op: Op.Or, src: s, exprs };
        break;
      }
      default: return bad(`unknown node ${String(op)}`);
    }
    nodes[n] = out;
    return out;
  };

  const lambda = (f: unknown[], outer: Region): LambdaNode => {
    if (f.length !== 12) bad('bad lambda');
    const keysF = f[9], slotsF = f[10];
    if (!Array.isArray(keysF) || !Array.isArray(slotsF)) return bad('bad lambda');
    r.spend(keysF.length + slotsF.length);
    const name = f[2] === null ? null : typeof f[2] === 'string' ? f[2] : bad('bad lambda name');
    const nreq = intOf(f[3], 0, MAX_INDEX, 'parameter count');
    const nopt = intOf(f[4], 0, MAX_INDEX, 'parameter count');
    const rest = boolOf(f[5]);
    const restAfterKeys = boolOf(f[6]);
    const isLet = boolOf(f[7]);
    const frameSize = intOf(f[8], 0, MAX_INDEX, 'frame size');
    const keys = keysF.map((k) => internKw(textOf(k)));
    const slots = slotsF.map((s) => symbol(s, true));
    if (slots.length !== frameSize || nreq + nopt + (rest ? 1 : 0) + keys.length > frameSize) bad('inconsistent lambda frame');
    const lam: Mutable<LambdaNode> = {
      op: Op.Lambda, src: src(f[1]), name, nreq, nopt, rest, restAfterKeys, keys, isLet, slots, frameSize,
      body: VOID_NODE, free: [], source: null,
    };
    const region: Region = { lambda: lam as LambdaNode, refs: new Set() };
    lam.body = node(f[11], region);
    // References at depth 0 are to this lambda's own frame; the others escape it.
    const free: Array<[number, number]> = [];
    for (const key of region.refs) {
      const depth = Math.floor(key / REF_KEY), index = key % REF_KEY;
      if (depth === 0) {
        if (index > frameSize) bad('variable index beyond the frame');
      } else {
        free.push([depth - 1, index]);
        outer.refs.add(refKey(depth - 1, index));
      }
    }
    lam.free = free;
    return lam as LambdaNode;
  };

  const top: Region = { lambda: null, refs: new Set() };
  const root = node(doc[1], top);
  const topRefs: Array<[number, number]> = [...top.refs].map((k) => [Math.floor(k / REF_KEY), k % REF_KEY]);
  return { root, nodes, encl, topRefs };
}

const VOID_NODE: Node = { op: Op.Const, src: null, value: VOID };

// ---------------------------------------------------------------------------------------------
// Per-Vm state: the caches of code units on both sides, and the receiver's primitives by name.

/** A unit as the sender keeps it: its bytes (when cacheable) and its nodes in pre-order. */
export interface EncodedUnit {
  readonly bytes: Uint8Array;
  readonly nodes: Node[];
  /** node -> pre-order index, made on first use. */
  index: Map<Node, number> | null;
}

/** A unit as the receiver caches it, under a hash of its bytes (compared in full on a hit). */
export interface CachedUnit {
  readonly bytes: Uint8Array;
  readonly unit: DecodedUnit;
}

export interface SerialState {
  /** Sender: encoded units by root node (only units without references to message entries). */
  readonly sent: WeakMap<Node, EncodedUnit>;
  /** Receiver: decoded units by content hash. */
  readonly received: Map<number, CachedUnit[]>;
  receivedCount: number;
  /** Receiver: primitives by name (made on first use from the globals). */
  prims: Map<string, Primitive> | null;
}

export function serialState(vm: Vm): SerialState {
  let st = vm.ext.get('serial') as SerialState | undefined;
  if (st === undefined) {
    st = { sent: new WeakMap(), received: new Map(), receivedCount: 0, prims: null };
    vm.ext.set('serial', st);
  }
  return st;
}

/**
 * The unit of a code unit entry's bytes: the one cached for the same bytes, else decoded with
 * `r` (and cached, unless it refers to entries of its message).
 */
export function receiveUnit(st: SerialState, bytes: Uint8Array, external: boolean, r: UnitResolver): DecodedUnit {
  let h = 0;
  if (!external) {
    h = hashBytes(bytes);
    for (const c of st.received.get(h) ?? []) {
      if (sameBytes(c.bytes, bytes)) return c.unit;
    }
  }
  r.spend(bytes.length);
  let doc: unknown;
  try {
    doc = decodeCbor(bytes);
  } catch (e: unknown) {
    if (e instanceof CborError) bad(`bad code unit (${e.why})`);
    throw e;
  }
  const unit = decodeUnitTree(doc, r);
  if (!external) {
    if (st.receivedCount >= MAX_CACHED_UNITS) {
      st.received.clear();
      st.receivedCount = 0;
    }
    const copy = bytes.slice(); // a view into the message (decodeCbor), which is not retained
    let list = st.received.get(h);
    if (list === undefined) {
      list = [];
      st.received.set(h, list);
    }
    list.push({ bytes: copy, unit });
    st.receivedCount++;
    // Sending this code on needs no new encoding.
    st.sent.set(unit.root, { bytes: copy, nodes: unit.nodes, index: null });
  }
  return unit;
}

/** FNV-1a over the bytes (the cache compares the bytes in full, so collisions are harmless). */
export function hashBytes(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
