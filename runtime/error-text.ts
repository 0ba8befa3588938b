// Rendering exceptions as gsi does: the message (`display-exception`), the call form, and the
// `*** ERROR IN f, "file.scm"@12.5 -- message` banner. The one place errors become text.

import { ErrorObj, type Loc } from './errors.js';
import { Closure, NIL, Primitive, Tag, intern, type Value } from './values.js';

import { writeString } from './printer.js';
import type { Vm } from './vm.js';

const MESSAGES: Partial<Record<ErrorObj['kind'], string>> = {
  'divide-by-zero': 'Divide by zero',
  'wrong-number-of-arguments': 'Wrong number of arguments passed to procedure',
  'nonprocedure-operator': 'Operator is not a PROCEDURE',
  'unbound-table-key': 'Unbound table key',
  'keyword-expected': 'Keyword argument expected',
  'unknown-keyword-argument': 'Unknown keyword argument passed to procedure',
  'no-such-file': 'No such file or directory',
  'terminated-thread': 'Terminated thread',
  'join-timeout': 'Join timeout',
  'mailbox-receive-timeout': 'Mailbox receive timeout',
  deadlock: 'Deadlock detected',
};

/** The one-line message of an exception object (any raised value). */
export function errorMessage(vm: Vm, obj: Value): string {
  if (!(obj instanceof ErrorObj)) return `This object was raised: ${writeString(vm, obj, false)}`;
  const w = (v: Value): string => writeString(vm, v, false);
  switch (obj.kind) {
    case 'type':
      return `${obj.argNum > 0 ? `(Argument ${obj.argNum}) ` : ''}${obj.typeName} expected`;
    case 'range':
      return `${obj.argNum > 0 ? `(Argument ${obj.argNum}) ` : ''}Out of range`;
    case 'unbound-global':
      return `Unbound variable: ${w(obj.datum!)}`;
    case 'error': {
      // `datum` is the message object given to `error` (displayed); else the text.
      const msg = obj.datum !== null ? writeString(vm, obj.datum, true) : obj.message;
      return [msg, ...obj.irritants.map(w)].join(' ');
    }
    case 'syntax':
      return obj.irritants.length > 0 ? `${obj.message}: ${w(obj.irritants[0]!)}` : obj.message;
    case 'uncaught':
      return `Uncaught exception: ${obj.datum === null ? '' : w(obj.datum)}`;
    default:
      return MESSAGES[obj.kind] ?? (obj.irritants.length > 0 ? `${obj.message} ${obj.irritants.map(w).join(' ')}` : obj.message);
  }
}

/** The call form `(car 5)` of an error that carries one, else null. */
export function callForm(vm: Vm, obj: Value): string | null {
  if (!(obj instanceof ErrorObj) || obj.proc === null || obj.args === null) return null;
  if (obj.kind === 'error' || obj.kind === 'unbound-global' || obj.kind === 'syntax' || obj.kind === 'reader') return null;
  const f = obj.proc;
  let head: Value = f;
  if (f instanceof Primitive) head = intern(f.name.replace(/^##/, ''));
  else if (f instanceof Closure && f.lambda.name !== null) head = intern(f.lambda.name);
  const parts = [writeString(vm, head, false), ...obj.args.map((a) => (selfEvaluating(a) ? '' : "'") + writeString(vm, a, false))];
  return `(${parts.join(' ')})`;
}

/** gsi writes a call form's arguments as expressions: what does not evaluate to itself is quoted. */
function selfEvaluating(v: Value): boolean {
  if (typeof v !== 'object') return true;
  switch (v.tag) {
    case Tag.Str: case Tag.Char: case Tag.Flonum: case Tag.Ratnum: case Tag.Cpxnum:
    case Tag.Vector: case Tag.U8Vector: case Tag.Keyword:
      return true;
    case Tag.Special:
      return v !== NIL;
    default:
      return false;
  }
}

/** What `display-exception` prints: the message, then the call form, each on its own line. */
export function exceptionText(vm: Vm, obj: Value): string {
  const cf = callForm(vm, obj);
  return `${errorMessage(vm, obj)}\n${cf === null ? '' : `${cf}\n`}`;
}

export function formatLoc(loc: Loc): string {
  const c = loc.container.startsWith('(') ? loc.container : `"${loc.container}"`;
  return `${c}@${loc.line}.${loc.col}`;
}

/** The full report of an uncaught exception: `*** ERROR IN ... -- msg` and the call form. */
export function errorReport(vm: Vm, obj: Value, loc: (Loc & { proc?: string | null }) | null): string {
  // Code without a location (preludes, eval) still names its procedure: `ERROR IN map -- ...`.
  const proc = loc?.proc ?? (obj instanceof ErrorObj ? obj.locProc : null);
  let where = '';
  if (loc !== null && loc.container !== '') where = ` IN ${proc ? `${proc}, ` : ''}${formatLoc(loc)}`;
  else if (proc) where = ` IN ${proc}`;
  return `*** ERROR${where} -- ${exceptionText(vm, obj)}`;
}
