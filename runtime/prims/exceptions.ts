// Gambit's exception objects: predicates and accessors (Gambit manual, "Exceptions"), and the
// R7RS error-object procedures on top of them.

import { ErrorObj, type ErrorKind } from '../errors.js';
import { errorMessage } from '../error-text.js';
import { pure, plain, type PrimFactory } from '../primitive.js';
import { typeError } from '../errors.js';
import { MString, NIL, VOID, arrayToList, type Value } from '../values.js';

const KINDS: ErrorKind[] = [
  'error', 'type', 'range', 'divide-by-zero', 'unbound-global', 'wrong-number-of-arguments',
  'nonprocedure-operator', 'unbound-table-key', 'keyword-expected', 'unknown-keyword-argument',
  'os', 'no-such-file', 'uncaught', 'terminated-thread', 'join-timeout', 'mailbox-receive-timeout',
  'deadlock', 'serialization', 'deserialization', 'rpc',
];

/** Gambit's predicate name for a kind (`error` is `error-exception?`, `os` is `os-exception?`...). */
function predName(k: ErrorKind): string {
  switch (k) {
    case 'uncaught': return 'uncaught-exception?';
    case 'no-such-file': return 'no-such-file-or-directory-exception?';
    case 'join-timeout': return 'join-timeout-exception?';
    default: return `${k}-exception?`;
  }
}

function of(kinds: ErrorKind[], v: Value, arg = 1): ErrorObj {
  if (v instanceof ErrorObj && kinds.includes(v.kind)) return v;
  throw typeError(arg, kinds.length === 1 ? `${kinds[0]!.toUpperCase()}-EXCEPTION` : 'EXCEPTION');
}

const WITH_CALL: ErrorKind[] = ['type', 'range', 'divide-by-zero', 'wrong-number-of-arguments', 'nonprocedure-operator', 'unbound-table-key', 'keyword-expected', 'unknown-keyword-argument', 'no-such-file', 'os'];

export const exceptionPrims: PrimFactory = (vm) => [
  ...KINDS.map((k) => pure(predName(k), 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === k)),
  pure('error-exception-message', 1, 1, (e: Value) => { const x = of(['error'], e); return x.datum ?? new MString(x.message); }),
  pure('error-exception-parameters', 1, 1, (e: Value) => arrayToList(of(['error'], e).irritants)),
  pure('unbound-global-exception-variable', 1, 1, (e: Value) => of(['unbound-global'], e).datum ?? VOID),
  ...(['procedure', 'arguments'] as const).flatMap((field) =>
    WITH_CALL.map((k) => pure(`${k}-exception-${field}`, 1, 1, (e: Value) => {
      const x = of([k], e);
      return field === 'procedure' ? x.proc ?? false : x.args === null ? NIL : arrayToList(x.args);
    }))),
  pure('nonprocedure-operator-exception-operator', 1, 1, (e: Value) => of(['nonprocedure-operator'], e).proc ?? false),
  pure('type-exception-arg-num', 1, 1, (e: Value) => of(['type'], e).argNum),
  pure('range-exception-arg-num', 1, 1, (e: Value) => of(['range'], e).argNum),
  pure('uncaught-exception-reason', 1, 1, (e: Value) => of(['uncaught'], e).datum ?? VOID),
  // R7RS error objects are what `error` raises (in gsi, primitive errors are not error objects).
  pure('error-object?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'error'),
  plain('error-object-message', 1, 1, (e: Value) => {
    if (!(e instanceof ErrorObj)) throw typeError(1, 'ERROR-OBJECT');
    return e.kind === 'error' ? e.datum ?? new MString(e.message) : new MString(errorMessage(vm, e));
  }),
  pure('error-object-irritants', 1, 1, (e: Value) => {
    if (!(e instanceof ErrorObj)) throw typeError(1, 'ERROR-OBJECT');
    return e.kind === 'error' ? arrayToList(e.irritants) : NIL;
  }),
  pure('file-error?', 1, 1, (v: Value) => v instanceof ErrorObj && (v.kind === 'no-such-file' || v.kind === 'os')),
  pure('read-error?', 1, 1, (v: Value) => v instanceof ErrorObj && v.kind === 'reader'),
];
