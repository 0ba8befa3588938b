// Property-based tests of serialization (fast-check): random data round-trips to an equal?
// value; random bytes and mutations of valid messages are either refused with a Scheme
// `deserialization error` or give objects that print and run without a JS exception.
// A modest number of cases here; bench/fuzz-serialization.ts runs 10^6.

import { expect } from 'chai';
import fc from 'fast-check';
import { evalString } from '../../interpreter/setup.js';
import { deserialize } from '../../runtime/deserialize.js';
import { ErrorObj } from '../../runtime/errors.js';
import { writeString } from '../../runtime/printer.js';
import { serialize } from '../../runtime/serialize.js';
import {
  Char, Flonum, MString, NIL, Pair, Ratnum, SVector, U8Vector, VOID, intern, internKeyword, type Value,
} from '../../runtime/values.js';
import { Rng, buildCorpus, checkOne, fuzzVm, mutateBytes, mutateTree } from './helpers/serial-fuzz.js';

/** Scheme data: numbers of all kinds, characters, strings, symbols, keywords, lists, vectors. */
const datum: fc.Arbitrary<Value> = fc.letrec<{ d: Value }>((tie) => ({
  d: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -1000, max: 1000 }),
    fc.maxSafeInteger(),
    fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }).filter((b) => b < -(2n ** 53n) || b > 2n ** 53n),
    fc.double().map((x) => new Flonum(x)),
    fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 20n }), fc.bigInt({ min: 2n, max: 10n ** 20n }))
      .filter(([n, d]) => gcd(n, d) === 1n).map(([n, d]) => new Ratnum(n, d)),
    fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => new Char(c)),
    fc.string().map((s) => new MString(s)),
    fc.string({ minLength: 1 }).map((s) => intern(s)),
    fc.string({ minLength: 1 }).map((s) => internKeyword(s)),
    fc.constantFrom<Value>(true, false, NIL, VOID),
    fc.uint8Array({ maxLength: 20 }).map((b) => new U8Vector(b)),
    fc.array(tie('d'), { maxLength: 6 }).map((items) => items.reduceRight<Value>((tail, x) => new Pair(x, tail), NIL)),
    fc.array(tie('d'), { maxLength: 6 }).map((items) => new SVector(items)),
  ),
})).d;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe('serialization (properties)', () => {
  const vm = fuzzVm();
  const corpus = buildCorpus(vm);

  it('round-trips random data to an equal? value that prints the same', () => {
    vm.define('equal-check', false);
    fc.assert(fc.property(datum, (d) => {
      const back = deserialize(vm, serialize(vm, d));
      expect(writeString(vm, back, false)).to.equal(writeString(vm, d, false));
      vm.define('x1', d);
      vm.define('x2', back);
      expect(evalString(vm, '(equal? x1 x2)')).to.equal(true);
    }), { numRuns: 300 });
  });

  it('every corpus message is accepted and runs', () => {
    for (const b of corpus) expect(checkOne(vm, b)).to.equal('accepted');
  });

  it('refuses random bytes with a deserialization error, never a JS exception', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      expect(['refused', 'accepted']).to.include(checkOne(vm, bytes));
      try {
        deserialize(vm, bytes);
      } catch (e: unknown) {
        expect(e).to.be.instanceOf(ErrorObj);
        expect((e as ErrorObj).kind).to.equal('deserialization');
        expect((e as ErrorObj).message).to.match(/^deserialization error: /);
      }
    }), { numRuns: 300 });
  });

  it('survives byte mutations of valid messages', () => {
    fc.assert(fc.property(fc.nat({ max: corpus.length - 1 }), fc.integer(), (i, seed) => {
      checkOne(vm, mutateBytes(corpus[i]!, new Rng(seed)));
    }), { numRuns: 400 });
  });

  it('survives structural mutations of valid messages (fields, links, lengths, code)', () => {
    fc.assert(fc.property(fc.nat({ max: corpus.length - 1 }), fc.integer(), fc.boolean(), (i, seed, decoder) => {
      checkOne(vm, mutateTree(corpus[i]!, new Rng(seed)), 2000, decoder);
    }), { numRuns: 600 });
  });
});
