// Gambit's pseudo-random generator (SRFI 27 on Pierre L'Ecuyer's MRG32k3a), reproduced step
// for step so that a fresh gsi-ts draws the same numbers as a fresh gsi:
// (random-integer 1000000) is 857595 first in both. The state lives in the Vm (vm.ext), one
// default random source per Vm. Arithmetic is on doubles, as in Gambit: every intermediate
// value is an integer below 2^53, so it is exact.

import { rangeError, typeError } from './errors.js';
import { normBig, type Value } from './values.js';
import type { Vm } from './vm.js';
import { bitLength, type ExactInt } from './numbers.js';
import { extractBitField, firstBitSet } from './numbers-bits.js';

const M1 = 4294967087;
const M2 = 4294944443;
const M1_DIV_2K = 15; // floor(M1 / 2^28)
const M1_DIV_2K_TIMES_2K = 4026531840;
const INV_M1_PLUS_1 = 2.328306549295728e-10; // 1 / (M1 + 1), as Gambit rounds it
const K = 28;
const MAX_FIXNUM32 = 536870911;

export class RandomSource {
  /** s0..s5: the generator state (s0-s2 for the first component, s3-s5 for the second). */
  private readonly s = [1062452522, 2961816100, 342112271, 2854655037, 3321940838, 3542344109];

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
}

export function randomSource(vm: Vm): RandomSource {
  let r = vm.ext.get('numbers.random') as RandomSource | undefined;
  if (r === undefined) {
    r = new RandomSource();
    vm.ext.set('numbers.random', r);
  }
  return r;
}
