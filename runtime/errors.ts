// Errors are Scheme objects (Gambit's exception objects). A primitive signals one by throwing an
// ErrorObj (a plain object, not a JS Error: no stack capture); the machine catches it, fills in
// the procedure, the arguments and the source location of the call, and raises it through the
// Scheme continuation so that handlers see it. `runtime/error-text.ts` renders them as gsi does.

import { Tag, type HeapObject, type Value } from './values.js';

/** Where a datum or a piece of code came from. `container` is a file name or "(console)". */
export interface Loc {
  readonly container: string;
  /** 1-based */
  readonly line: number;
  /** 1-based */
  readonly col: number;
}

/**
 * The stable codes of Gambit's exception kinds (and ours). The predicate names follow as
 * `<kind>-exception?`, e.g. `divide-by-zero-exception?`.
 */
export type ErrorKind =
  | 'error' //                     (error "msg" irritant ...): message, irritants
  | 'type' //                      (Argument N) PAIR expected: argNum, typeName
  | 'range' //                     (Argument N) Out of range: argNum
  | 'divide-by-zero' //            Divide by zero
  | 'unbound-global' //            Unbound variable: x: variable
  | 'wrong-number-of-arguments' // Wrong number of arguments passed to procedure
  | 'nonprocedure-operator' //     Operator is not a PROCEDURE
  | 'unbound-table-key' //         Unbound table key
  | 'keyword-expected' //          Keyword argument expected
  | 'unknown-keyword-argument' //  Unknown keyword argument passed to procedure
  | 'syntax' //                    Ill-formed special form: (if): message, irritants (form)
  | 'reader' //                    reader errors: message
  | 'os' //                        file system and host errors: message
  | 'no-such-file' //              No such file or directory
  | 'unbound-os-environment-variable' // Unbound OS environment variable (getenv)
  | 'serialization' //             can't serialize #<...>: message, irritants
  | 'deserialization' //           deserialization error: message
  | 'uncaught' //                  uncaught exception (thread-join!): reason
  | 'noncontinuable' //            Computation cannot be continued (a handler returned from abort): reason
  | 'terminated-thread' //         Thread is terminated
  | 'started-thread' //            Thread is started (thread-start! twice)
  | 'inactive-thread' //           Thread is not active (thread-interrupt! of an unstarted or ended thread)
  | 'join-timeout' //              'thread-join!' timed out
  | 'mailbox-receive-timeout' //   mailbox receive timed out
  | 'abandoned-mutex' //           MUTEX was abandoned
  | 'deadlock' //                  Deadlock detected
  | 'rpc' //                       rpc failures (timeouts, lost connections): message
  | 'fixnum-overflow' //           FIXNUM overflow (fx+ and friends): message
  | 'unbound-serial-number' //     Unbound serial number (serial-number->object)
  | 'unimplemented'; //            a procedure gsi has and gsi-ts does not (yet)

export class ErrorObj implements HeapObject {
  get tag(): Tag.ErrorObj { return Tag.ErrorObj; }
  /** The procedure called when the error occurred (a Primitive or Closure), if any. */
  proc: Value | null = null;
  /** The arguments of that call, for the call form `(car 5)`. */
  args: Value[] | null = null;
  /** Where it was raised. */
  loc: Loc | null = null;
  /** Name of the procedure whose code contains `loc` ("g" in `ERROR IN g, "f.scm"@2.8`). */
  locProc: string | null = null;
  /** Whether loc/locProc have been decided (possibly as "no location"). */
  located = false;
  constructor(
    readonly kind: ErrorKind,
    /** For 'error', 'syntax', 'reader', 'os', 'serialization', 'deserialization': the text. */
    readonly message: string,
    /** For 'error': the irritants; for 'syntax': the offending form; others: extra data. */
    readonly irritants: Value[] = [],
    /** For 'type' and 'range': the 1-based argument position (0 if not known). */
    readonly argNum = 0,
    /** For 'type': Gambit's type name, e.g. "PAIR", "INTEGER", "STRING". */
    readonly typeName = '',
    /** For 'unbound-global': the variable (a symbol); for 'uncaught', 'noncontinuable': the reason. */
    readonly datum: Value | null = null,
  ) {}
}

/** Thrown by a primitive to raise an arbitrary Scheme object (not an ErrorObj). */
export class RaiseSignal {
  constructor(readonly value: Value, readonly continuable: boolean) {}
}

// Constructors for the common cases, for primitives to `throw`.

export function typeError(argNum: number, typeName: string): ErrorObj {
  return new ErrorObj('type', '', [], argNum, typeName);
}

export function rangeError(argNum: number): ErrorObj {
  return new ErrorObj('range', '', [], argNum);
}

export function divideByZero(): ErrorObj {
  return new ErrorObj('divide-by-zero', '');
}

export function fixnumOverflow(): ErrorObj {
  return new ErrorObj('fixnum-overflow', 'FIXNUM overflow');
}

export function schemeError(message: string, irritants: Value[] = []): ErrorObj {
  return new ErrorObj('error', message, irritants);
}

/** `source`: the whole offending form, shown under the message when there is no location. */
export function syntaxError(message: string, form: Value, loc: Loc | null, source?: Value): ErrorObj {
  const e = new ErrorObj('syntax', message, source === undefined ? [form] : [form, source]);
  e.loc = loc;
  e.located = true;
  return e;
}

export function readerError(message: string, loc: Loc | null): ErrorObj {
  const e = new ErrorObj('reader', message);
  e.loc = loc;
  e.located = true;
  return e;
}

/**
 * A wait in code run synchronously (a macro transformer while a file is compiled, a host's
 * evalString): it has registers of its own, not a thread's, and cannot park.
 */
export function synchronousWaitError(): ErrorObj {
  return new ErrorObj('error', 'Blocking operation in a synchronous context');
}

export function osError(message: string): ErrorObj {
  return new ErrorObj('os', message);
}

export function wrongArgs(): ErrorObj {
  return new ErrorObj('wrong-number-of-arguments', '');
}

export function unboundGlobal(variable: Value): ErrorObj {
  return new ErrorObj('unbound-global', '', [], 0, '', variable);
}

export function unimplemented(name: string): ErrorObj {
  return new ErrorObj('unimplemented', `${name} is not implemented in gsi-ts`);
}
