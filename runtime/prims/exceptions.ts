// Gambit's exception objects: predicates and accessors (Gambit manual, "Exceptions"), the R7RS
// error-object procedures on top of them, and display-exception.
//
// In gsi each kind of exception is a record type (`type-exception`, `error-exception`...): an
// accessor given anything else says `(Argument 1) Instance of #<type #3 type-exception>
// expected`. R7RS's error objects are gsi's error-exceptions: error-object-message of a type
// exception is that same type error.

import { ErrorObj, type ErrorKind } from '../errors.js';
import { exceptionText } from '../error-text.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { MString, NIL, RecordType, VOID, arrayToList, type Value } from '../values.js';
import { outputPortArg, portWrite } from '../ports.js';
import { instanceError } from './data-util.js';
import { SYSTEM_ERRORS } from '../errno.js';

const KINDS: ErrorKind[] = [
  'error', 'type', 'range', 'divide-by-zero', 'unbound-global', 'wrong-number-of-arguments',
  'nonprocedure-operator', 'unbound-table-key', 'keyword-expected', 'unknown-keyword-argument',
  'os', 'no-such-file', 'unbound-os-environment-variable', 'uncaught', 'terminated-thread',
  'join-timeout', 'mailbox-receive-timeout',
  'deadlock', 'serialization', 'deserialization', 'rpc', 'fixnum-overflow',
  'abandoned-mutex', 'unbound-serial-number', 'noncontinuable',
];

/** Gambit's name for a kind (`error` is `error-exception`, `no-such-file` is ...). */
function typeName(k: ErrorKind): string {
  switch (k) {
    case 'uncaught': return 'uncaught-exception';
    case 'no-such-file': return 'no-such-file-or-directory-exception';
    default: return `${k}-exception`;
  }
}

/** The kinds whose exceptions carry the call that raised them: `<kind>-exception-procedure`. */
const WITH_CALL: ErrorKind[] = [
  'type', 'range', 'divide-by-zero', 'wrong-number-of-arguments', 'nonprocedure-operator',
  'unbound-table-key', 'keyword-expected', 'unknown-keyword-argument', 'no-such-file',
  'unbound-os-environment-variable', 'os',
  'fixnum-overflow', 'unbound-serial-number', 'terminated-thread', 'started-thread', 'join-timeout',
  'mailbox-receive-timeout',
];

// gsi's os-exception codes: errno - 0x1EC00000 for a system error ("Connection refused":
// -515899281), codes of its own for its own errors ("Device is closed": -507510778). gsi-ts
// keeps the message; the code is derived from it, and err-code->string gives it back.
const ERRNO_BASE = -0x1ec00000;
const codes = new Map<string, number>([
  ...SYSTEM_ERRORS.map(([m, n]) => [m, ERRNO_BASE + n] as [string, number]),
  ['Device is closed', -507510778],
  ['Implementation limit encountered', -507510782],
]);
const texts = new Map<number, string>([...codes].map(([m, c]) => [c, m]));
/** The messages of system errors (gsi's os-exception-message is #f for them). */
const SYSTEM_CODES: ReadonlySet<string> = new Set(codes.keys());

/** The code of an os-exception's message (another message gets a code of its own). */
function osErrorCode(message: string): number {
  let c = codes.get(message);
  if (c === undefined) {
    c = -507510000 + codes.size;
    codes.set(message, c);
    texts.set(c, message);
  }
  return c;
}

function errCodeText(code: number): string {
  return texts.get(code) ?? '';
}

export const exceptionPrims: PrimFactory = (vm) => {
  const types = new Map<ErrorKind, RecordType>();
  const typeOf = (k: ErrorKind): RecordType => {
    let t = types.get(k);
    if (t === undefined) {
      t = new RecordType(typeName(k), `##type-${typeName(k)}`, false, null, []);
      types.set(k, t);
    }
    return t;
  };
  /** Whether v is of kind k. A serialization error is also an error-exception, as in gsi
   * (message "can't serialize", parameters: the object). */
  const isKind = (k: ErrorKind, v: Value): v is ErrorObj =>
    v instanceof ErrorObj && (v.kind === k || (k === 'error' && v.kind === 'serialization'));
  /** The exception argument of an accessor for kind k. */
  const of = (k: ErrorKind, v: Value): ErrorObj => {
    if (isKind(k, v)) return v;
    throw instanceError(1, typeOf(k));
  };
  const callArgs = (x: ErrorObj): Value => (x.args === null ? NIL : arrayToList(x.args));
  const message = (x: ErrorObj): Value =>
    x.datum ?? new MString(x.kind === 'serialization' ? "can't serialize" : x.message);
  return [
    ...KINDS.map((k) => pure(`${typeName(k)}?`, 1, 1, (v: Value) => isKind(k, v))),
    pure('error-exception-message', 1, 1, (e: Value) => message(of('error', e))),
    pure('error-exception-parameters', 1, 1, (e: Value) => arrayToList(of('error', e).irritants)),
    pure('unbound-global-exception-variable', 1, 1, (e: Value) => of('unbound-global', e).datum ?? VOID),
    ...WITH_CALL.flatMap((k) => [
      pure(`${typeName(k)}-procedure`, 1, 1, (e: Value) => of(k, e).proc ?? false),
      pure(`${typeName(k)}-arguments`, 1, 1, (e: Value) => callArgs(of(k, e))),
    ]),
    // gsi: #f for a system error (its text is (err-code->string (os-exception-code e))); the
    // text of gsi-ts's own errors (a host that cannot do something).
    pure('os-exception-message', 1, 1, (e: Value) => {
      const m = of('os', e).message;
      return SYSTEM_CODES.has(m) ? false : new MString(m);
    }),
    pure('os-exception-code', 1, 1, (e: Value) => osErrorCode(of('os', e).message)),
    pure('err-code->string', 1, 1, (c: Value) => new MString(typeof c === 'number' ? errCodeText(c) : '')),
    pure('nonprocedure-operator-exception-operator', 1, 1, (e: Value) => of('nonprocedure-operator', e).proc ?? false),
    pure('type-exception-arg-num', 1, 1, (e: Value) => of('type', e).argNum),
    pure('range-exception-arg-num', 1, 1, (e: Value) => of('range', e).argNum),
    pure('uncaught-exception-reason', 1, 1, (e: Value) => of('uncaught', e).datum ?? VOID),
    // What `abort` raises when a handler returns (scheme-lib/prelude-core.scm).
    pure('##make-noncontinuable-exception', 1, 1, (reason: Value) => new ErrorObj('noncontinuable', '', [], 0, '', reason)),
    pure('noncontinuable-exception-reason', 1, 1, (e: Value) => of('noncontinuable', e).datum ?? VOID),
    // R7RS error objects are what `error` raises (in gsi, primitive errors are not error objects).
    pure('error-object?', 1, 1, (v: Value) => isKind('error', v)),
    pure('error-object-message', 1, 1, (e: Value) => message(of('error', e))),
    pure('error-object-irritants', 1, 1, (e: Value) => arrayToList(of('error', e).irritants)),
    pure('file-error?', 1, 1, (v: Value) => v instanceof ErrorObj && (v.kind === 'no-such-file' || v.kind === 'os')),
    pure('read-error?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'reader'),
    // Gambit's names for the reader's and the compiler's exceptions (their -kind, -parameters,
    // -source and -readenv accessors are not provided: gsi-ts keeps only the message).
    pure('datum-parsing-exception?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'reader'),
    pure('expression-parsing-exception?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'syntax'),
    // (display-exception exc [port]): the message and the call form, as under `*** ERROR IN`.
    plain('display-exception', 1, 2, (e: Value, port?: Value) => {
      const p = outputPortArg(vm, port, 2, 'Character OUTPUT PORT');
      portWrite(p, exceptionText(vm, e));
      return VOID;
    }),
  ];
};
