// Serialization (Gambit manual, "Serialization"; the talk's teleportation demo):
//
//   (object->u8vector obj [encoder])   obj as bytes; `encoder` maps each sub-object first
//   (u8vector->object u8 [decoder])    the object back; `decoder` maps each new object
//
// The walks are runtime/serialize.ts and runtime/deserialize.ts (+ decoder-walk.ts). With an
// encoder or decoder procedure they are resumable state machines: each time a value needs the
// procedure, the primitive pushes a call-with-values frame whose consumer is a fresh "resume"
// primitive and applies the procedure; its result re-enters the walk there. So the procedure
// is an ordinary Scheme call: it may raise (handlers see the error), block, or escape. A walk
// is resumed once per call: re-entering an old continuation of the procedure is an error.
//
// Errors are raised without a call form and located IN ##object->u8vector / ##u8vector->object,
// as gsi shows them: `*** ERROR IN ##object->u8vector -- can't serialize #<mutex #2>`.

import { DEOPT, leafEvOf } from '../../interpreter/fast.js';
import { FOp } from '../../interpreter/frames.js';
import { inProcedure } from '../../interpreter/nodes.js';
import { applyProc, raise, ret, type ControlFn, type Regs } from '../../interpreter/machine.js';
import { checkProcedure } from '../check.js';
import { DecoderWalk } from '../decoder-walk.js';
import { Deserializer, deserializationError } from '../deserialize.js';
import { ErrorObj, typeError } from '../errors.js';
import { makePrim, type PrimFactory } from '../primitive.js';
import { schedulerOf } from '../scheduler.js';
import { Serializer } from '../serialize.js';
import { Closure, DEFAULT, U8Vector, type Primitive, type Value } from '../values.js';
import type { Vm } from '../vm.js';

/** A resumable walk: run() until 'call' (apply the procedure to `pending`) or 'done'. */
interface Walk {
  run(): 'done' | 'call';
  resume(x: Value): void;
  readonly pending: Value;
}

/**
 * Runs `walk`, calling `proc` through the machine whenever it asks; `finish` makes the
 * primitive's result. `fail` turns a JS-side failure into the Scheme error to raise.
 */
function drive(vm: Vm, r: Regs, name: string, walk: Walk, proc: Value, finish: () => Value, fail: (e: unknown) => ErrorObj): void {
  // A leaf procedure (interpreter/fast.ts: the talk's encoder and decoder are) is run here,
  // without the machine; the walk goes on until it needs a procedure the machine must call.
  const leaf = proc instanceof Closure && proc.lambda.nreq === 1 ? leafEvOf(proc.lambda, vm) : null;
  let res: 'done' | 'call';
  let yieldNow = false;
  for (let n = 1; ; n++) {
    try {
      res = walk.run();
    } catch (e: unknown) {
      raise(vm, r, fail(e));
      return;
    }
    if (res === 'done' || leaf === null) break;
    // A long walk gives way to the other threads now and then, as it did when each call went
    // through the machine (whose steps count towards the thread's quantum): this call is
    // made the usual way, after a yield.
    if (n % LEAF_RUN === 0 && mayYield(vm, r)) {
      yieldNow = true;
      break;
    }
    let x: Value;
    try {
      x = leaf([proc, walk.pending]);
    } catch (e: unknown) {
      if (e !== DEOPT) throw e;
      break;
    }
    try {
      walk.resume(x);
    } catch (e: unknown) {
      raise(vm, r, fail(e));
      return;
    }
  }
  if (res === 'done') {
    let v: Value;
    try {
      v = finish();
    } catch (e: unknown) {
      raise(vm, r, fail(e));
      return;
    }
    ret(r, v);
    return;
  }
  let used = false;
  const resume: ControlFn = (vm2, r2, [x]) => {
    if (used) {
      raise(vm2, r2, fail(new ErrorObj('error', `${name}: a continuation of the encoder or decoder was resumed twice`)));
      return;
    }
    used = true;
    try {
      walk.resume(x!);
    } catch (e: unknown) {
      raise(vm2, r2, fail(e));
      return;
    }
    drive(vm2, r2, name, walk, proc, finish, fail);
  };
  const consumer: Primitive = makePrim(name, 1, 1, 'control', resume);
  r.k = { op: FOp.CallWithValues, next: r.k, consumer };
  // The procedure runs inside the primitive, as in gsi: an error in its tail position is
  // located `IN ##object->u8vector` (the Top frame passes the value through).
  r.k = { op: FOp.Top, next: r.k, src: name === 'object->u8vector' ? IN_ENCODE : IN_DECODE };
  applyProc(r, proc, [walk.pending]);
  if (yieldNow) schedulerOf(vm).yieldFrom(r);
}

/** Leaf calls made between two chances for the other threads to run. */
const LEAF_RUN = 2000;

/** Whether the thread running `r` may yield now: it is a scheduler thread (not code run
 * synchronously, which cannot) and another thread is waiting to run. */
function mayYield(vm: Vm, r: Regs): boolean {
  const s = schedulerOf(vm);
  return s.runs(r) && s.runnable > 0;
}

const IN_ENCODE = inProcedure('##object->u8vector');
const IN_DECODE = inProcedure('##u8vector->object');

function serializationFailure(e: unknown): ErrorObj {
  if (e instanceof ErrorObj) {
    if (!e.located) {
      e.locProc = '##object->u8vector';
      e.located = true;
    }
    return e;
  }
  if (e instanceof RangeError) {
    const err = new ErrorObj('serialization', 'object too deeply nested to serialize');
    err.locProc = '##object->u8vector';
    err.located = true;
    return err;
  }
  throw e;
}

function deserializationFailure(e: unknown): ErrorObj {
  return deserializationError(e);
}

export const serializationPrims: PrimFactory = () => [
  makePrim('object->u8vector', 1, 2, 'control', ((vm, r, [obj, encoder]) => {
    const cb = encoder !== undefined && encoder !== DEFAULT;
    if (cb) checkProcedure(encoder, 2);
    let s: Serializer;
    try {
      s = new Serializer(vm, obj!, cb);
    } catch (e: unknown) {
      raise(vm, r, serializationFailure(e));
      return;
    }
    drive(vm, r, 'object->u8vector', s, encoder ?? DEFAULT, () => new U8Vector(s.bytes()), serializationFailure);
  }) satisfies ControlFn),

  makePrim('u8vector->object', 1, 2, 'control', ((vm, r, [u8, decoder]) => {
    if (!(u8 instanceof U8Vector)) throw typeError(1, 'U8VECTOR');
    const cb = decoder !== undefined && decoder !== DEFAULT;
    if (cb) checkProcedure(decoder, 2);
    let d: Deserializer;
    try {
      d = new Deserializer(vm, u8.bytes, cb);
    } catch (e: unknown) {
      raise(vm, r, deserializationFailure(e));
      return;
    }
    if (!cb) {
      ret(r, d.root);
      return;
    }
    const w = new DecoderWalk(d, d.rootField);
    drive(vm, r, 'u8vector->object', w, decoder!, () => w.root, deserializationFailure);
  }) satisfies ControlFn),
];
