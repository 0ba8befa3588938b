// Gambit's pseudo-random generator (SRFI 27 on Pierre L'Ecuyer's MRG32k3a), reproduced step
// for step so that a fresh gsi-ts draws the same numbers as a fresh gsi:
// (random-integer 1000000) is 857595 first in both. The state lives in the Vm (vm.ext), one
// default random source per Vm. Arithmetic is on doubles, as in Gambit: every intermediate
// value is an integer below 2^53, so it is exact.

import { ErrorObj, rangeError, typeError } from './errors.js';
import { Record, RecordType, normBig, type Value } from './values.js';
import type { Vm } from './vm.js';
import { bitLength, type ExactInt } from './numbers.js';
import { extractBitField, firstBitSet } from './numbers-bits.js';

const M1 = 4294967087;
const M2 = 4294944443;
const M1_DIV_2K = 15; // floor(M1 / 2^28)
const M1_DIV_2K_TIMES_2K = 4026531840;
const INV_M1_PLUS_1 = 2.328306549295728e-10; // 1 / (M1 + 1), as Gambit rounds it
const K = 28;
const INV_2K = 3.725290298461914e-9; // 2^-28
const MAX_FIXNUM32 = 536870911;

/** The initial state: entries 0 3 6 9 12 15 of A^(2^4) (see pseudoRandomize). */
const INITIAL = [1062452522, 2961816100, 342112271, 2854655037, 3321940838, 3542344109];

export class RandomSource {
  /** s0..s5: the generator state (s0-s2 for the first component, s3-s5 for the second). */
  private s = INITIAL.slice();

  /** Advances the state; returns the combined output, in [0, M1). */
  private next(): number {
    const s = this.s;
    const x10 = 1403580 * s[1]! - 810728 * s[2]!;
    const y10 = x10 - Math.floor(x10 / M1) * M1;
    const x20 = 527612 * s[3]! - 1370589 * s[5]!;
    const y20 = x20 - Math.floor(x20 / M2) * M2;
    s[5] = s[4]!;
    s[4] = s[3]!;
    s[3] = y20;
    s[2] = s[1]!;
    s[1] = s[0]!;
    s[0] = y10;
    return y10 < y20 ? M1 + (y10 - y20) : y10 - y20;
  }

  /** A uniform integer in [0, 2^28). */
  private rand2k(): number {
    for (;;) {
      const r = this.next();
      if (r < M1_DIV_2K_TIMES_2K) return Math.floor(r / M1_DIV_2K);
    }
  }

  /** A uniform integer in [0, range), range <= 2^29 - 1. */
  randFixnum32(range: number): number {
    const b = Math.floor(M1 / range);
    const limit = range * b;
    for (;;) {
      const r = this.next();
      if (r < limit) return Math.floor(r / b);
    }
  }

  /** A uniform integer in [0, 2^w). */
  private rand2w(w: number): bigint {
    const rand = (w: number, s: number): bigint => {
      if (w < K) return BigInt(this.rand2k() & ((1 << w) - 1));
      if (w === K) return BigInt(this.rand2k());
      const half = s >> 1;
      if (s < w) {
        const lo = rand(s, half);
        const hi = rand(w - s, half);
        return lo + (hi << BigInt(s));
      }
      return rand(w, half);
    };
    let s = K;
    while (s * 2 < w) s *= 2;
    return rand(w, s);
  }

  /** A uniform integer in [0, range) for a large range. */
  private randInteger(range: bigint): bigint {
    const len = bitLength(range);
    if (len - 1 === firstBitSet(range)) return this.rand2w(len - 1);
    const size = 14;
    const inv = BigInt(Math.floor(268435456 / (1 + Number(extractBitField(size, len - size, range)))));
    const range2 = range * inv;
    for (;;) {
      const r = this.rand2w(len + size);
      if (r < range2) return r / inv;
    }
  }

  /** random-integer */
  integer(range: Value): ExactInt {
    if (typeof range === 'number') {
      if (range <= 0) throw rangeError(1);
      if (range > MAX_FIXNUM32) return normBig(this.randInteger(BigInt(range)));
      return this.randFixnum32(range);
    }
    if (typeof range === 'bigint') {
      if (range < 0n) throw rangeError(1);
      return normBig(this.randInteger(range));
    }
    throw typeError(1, 'Exact INTEGER');
  }

  /** random-real: a uniform double in (0, 1). */
  real(): number {
    return (1 + this.next()) * INV_M1_PLUS_1;
  }

  /** A real with at least the given precision: several draws when it is below 1/(M1+1). */
  realWithPrecision(precision: number): number {
    if (!(precision < INV_M1_PLUS_1)) return this.real();
    let r = this.rand2k();
    let d = INV_2K;
    while (r < 9007199254740992) {
      r = r * 268435456 + this.rand2k();
      d *= INV_2K;
    }
    return r * d;
  }

  /** random-source-state-ref */
  getState(): number[] {
    return this.s.slice();
  }

  /** random-source-state-set!: false if `st` is not a valid state. */
  setState(st: readonly Value[]): boolean {
    const ok = (v: Value | undefined, m: number): v is number => typeof v === 'number' && v >= 0 && v < m;
    if (st.length !== 6) return false;
    for (let i = 0; i < 6; i++) if (!ok(st[i], i < 3 ? M1 : M2)) return false;
    if (st[0] === 0 && st[1] === 0 && st[2] === 0) return false;
    if (st[3] === 0 && st[4] === 0 && st[5] === 0) return false;
    this.s = st.slice() as number[];
    return true;
  }

  /** random-source-randomize!: perturbs the state with the clock (seconds since the epoch). */
  randomize(nowSeconds: number): void {
    let seed16 = Math.floor(536870912 * (nowSeconds - Math.floor(nowSeconds)));
    const r16 = (): number => {
      const r = seed16 & 65535;
      seed16 = 30903 * r + Math.floor(seed16 / 65536);
      return r;
    };
    const r32 = (): number => r16() * 65536 + r16();
    const s = this.s;
    this.s = [
      1 + ((s[0]! + r32()) % (M1 - 1)),
      (s[1]! + r32()) % M1,
      (s[2]! + r32()) % M1,
      1 + ((s[3]! + r32()) % (M2 - 1)),
      (s[4]! + r32()) % M2,
      (s[5]! + r32()) % M2,
    ];
  }

  /** random-source-pseudo-randomize!: jumps to substream (i, j) (L'Ecuyer's scheme). */
  pseudoRandomize(i: bigint, j: bigint): void {
    const m = mult(A_2_4, mult(power(A_2_127, i), power(A_2_76, j)));
    this.s = [m[0]!, m[3]!, m[6]!, m[9]!, m[12]!, m[15]!].map(Number);
  }
}

// Transition matrices of the two components, as 18 entries: a 3x3 matrix mod M1, then one
// mod M2 (row-major). A is the one-step matrix; the others are its powers 2^4, 2^76, 2^127.
type Matrix = readonly bigint[];

const big = (xs: number[]): Matrix => xs.map(BigInt);
const IDENTITY = big([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
const A_2_127 = big([1230515664, 986791581, 1988835001, 3580155704, 1230515664, 226153695, 949770784, 3580155704, 2427906178,
  2093834863, 32183930, 2824425944, 1022607788, 1464411153, 32183930, 1610723613, 277697599, 1464411153]);
const A_2_76 = big([69195019, 3528743235, 3672091415, 1871391091, 69195019, 3672831523, 4127413238, 1871391091, 82758667,
  3708466080, 4292754251, 3859662829, 3889917532, 1511326704, 4292754251, 1610795712, 3759209742, 1511326704]);
const A_2_4 = big([1062452522, 340793741, 2955879160, 2961816100, 1062452522, 387300998, 342112271, 2961816100, 736416029,
  2854655037, 1817134745, 3493477402, 3321940838, 818368950, 1817134745, 3542344109, 3790774567, 818368950]);

function mult(a: Matrix, b: Matrix): Matrix {
  const out: bigint[] = [];
  for (let k = 0; k < 2; k++) {
    const o = 9 * k;
    const m = BigInt(k === 0 ? M1 : M2);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        out.push((a[o + 3 * r]! * b[o + c]! + a[o + 3 * r + 1]! * b[o + 3 + c]! + a[o + 3 * r + 2]! * b[o + 6 + c]!) % m);
      }
    }
  }
  return out;
}

function power(a: Matrix, e: bigint): Matrix {
  let result = IDENTITY;
  let base = a;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = mult(result, base);
    e >>= 1n;
    if (e > 0n) base = mult(base, base);
  }
  return result;
}

/** A Scheme random-source object: an opaque record; its state is a RandomSource in the Vm. */
interface RandomState {
  readonly type: RecordType;
  readonly sources: WeakMap<Record, RandomSource>;
  readonly defaultSource: Record;
}

function state(vm: Vm): RandomState {
  let st = vm.ext.get('numbers.random') as RandomState | undefined;
  if (st === undefined) {
    const type = new RecordType('random-source', '##type-8-1b002758-f900-4e96-be5e-fa407e331fc0', false, null, []);
    const defaultSource = new Record(type, []);
    st = { type, sources: new WeakMap([[defaultSource, new RandomSource()]]), defaultSource };
    vm.ext.set('numbers.random', st);
  }
  return st;
}

/** The generator of the default random source (random-integer, random-real...). */
export function randomSource(vm: Vm): RandomSource {
  const st = state(vm);
  return st.sources.get(st.defaultSource)!;
}

export function defaultRandomSource(vm: Vm): Record {
  return state(vm).defaultSource;
}

export function makeRandomSource(vm: Vm): Record {
  const st = state(vm);
  const r = new Record(st.type, []);
  st.sources.set(r, new RandomSource());
  return r;
}

export function isRandomSource(vm: Vm, v: Value): boolean {
  return v instanceof Record && state(vm).sources.has(v);
}

/** The generator of a random-source argument, or gsi's type error for it. */
export function checkRandomSource(vm: Vm, v: Value, arg: number): RandomSource {
  const st = state(vm);
  const r = v instanceof Record ? st.sources.get(v) : undefined;
  if (r === undefined) throw new ErrorObj('type', '', [], arg, 'Instance of random-source', st.type);
  return r;
}
