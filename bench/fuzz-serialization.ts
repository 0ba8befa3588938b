// Fuzzing u8vector->object: 10^6 inputs (by default) — random bytes, byte mutations and
// structural mutations of valid messages (see test/unit/helpers/serial-fuzz.ts) — each either
// refused with a DecodeError or decoded, printed and run for a bounded number of steps without
// a JS exception. Reports the throughput; on a failure prints the case (seed, index, bytes in
// hex) and exits 1.
//
//   node dist/bench/fuzz-serialization.js [--cases N] [--seed S] [--fuel STEPS]

import { Rng, buildCorpus, checkOne, fuzzVm, mutateBytes, mutateTree, randomBytes } from '../test/unit/helpers/serial-fuzz.js';

function main(): void {
  const argv = process.argv.slice(2);
  let cases = 1_000_000;
  let seed = 20240607;
  let fuel = 1000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = Number(argv[++i]);
    if (a === '--cases') cases = v;
    else if (a === '--seed') seed = v;
    else if (a === '--fuel') fuel = v;
    else throw new Error(`fuzz-serialization: unknown option ${a}`);
  }
  const vm = fuzzVm();
  const corpus = buildCorpus(vm);
  const rng = new Rng(seed);
  const kinds = { random: 0, bytes: 0, tree: 0 };
  const outcomes = { refused: 0, accepted: 0 };
  const t0 = performance.now();
  let last = t0;
  for (let i = 0; i < cases; i++) {
    const base = corpus[rng.int(corpus.length)]!;
    const k = rng.int(10);
    let input: Uint8Array;
    if (k === 0) { input = randomBytes(rng); kinds.random++; }
    else if (k < 4) { input = mutateBytes(base, rng); kinds.bytes++; }
    else { input = mutateTree(base, rng); kinds.tree++; }
    try {
      outcomes[checkOne(vm, input, fuel, (i & 7) === 0)]++;
    } catch (e: unknown) {
      console.log(`FAILED: seed ${seed}, case ${i}`);
      console.log(Buffer.from(input).toString('hex'));
      console.log(e);
      process.exitCode = 1;
      return;
    }
    const now = performance.now();
    if (now - last > 10_000) {
      last = now;
      console.log(`  ${i + 1} cases, ${((i + 1) / ((now - t0) / 1000)).toFixed(0)}/s`);
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`${cases} cases in ${secs.toFixed(1)} s (${(cases / secs).toFixed(0)}/s): ` +
    `${kinds.random} random, ${kinds.bytes} byte mutations, ${kinds.tree} structural mutations; ` +
    `${outcomes.refused} refused, ${outcomes.accepted} accepted (printed and run); no JS exception`);
}

main();
