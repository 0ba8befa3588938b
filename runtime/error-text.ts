// Rendering exceptions as gsi does: the message (`display-exception`), the call form, and the
// `*** ERROR IN f, "file.scm"@12.5 -- message` banner. The one place errors become text.

import { ErrorObj, type Loc } from './errors.js';
import { Closure, Primitive, RecordType, arrayToList, intern, listToArray, type Value } from './values.js';

import { objectToString, quotedUnlessSelfEvaluating, writeString } from './printer.js';
import type { Vm } from './vm.js';

/**
 * The width gsi fits call forms and `error` irritants to: its output port's width, 80 for a
 * terminal of 80 columns (as the golden recordings use), a pipe, a file or a string port.
 */
const WIDTH = 80;
/** gsi shows at most this many arguments of a call, then `...`. */
const MAX_DISPLAYED_ARGS = 15;
const ELLIPSIS = intern('...');

const MESSAGES: Partial<Record<ErrorObj['kind'], string>> = {
  'divide-by-zero': 'Divide by zero',
  'wrong-number-of-arguments': 'Wrong number of arguments passed to procedure',
  'nonprocedure-operator': 'Operator is not a PROCEDURE',
  'unbound-table-key': 'Unbound table key',
  'unbound-serial-number': 'Unbound serial number',
  'keyword-expected': 'Keyword argument expected',
  'unknown-keyword-argument': 'Unknown keyword argument passed to procedure',
  'no-such-file': 'No such file or directory',
  'unbound-os-environment-variable': 'Unbound OS environment variable',
  'terminated-thread': 'Thread is terminated',
  'started-thread': 'Thread is started',
  'inactive-thread': 'Thread is not active',
  'join-timeout': "'thread-join!' timed out",
  'mailbox-receive-timeout': 'mailbox receive timed out',
  'abandoned-mutex': 'MUTEX was abandoned',
  deadlock: 'Deadlock detected',
  noncontinuable: 'Computation cannot be continued',
};

/** The one-line message of an exception object (any raised value). */
export function errorMessage(vm: Vm, obj: Value): string {
  if (!(obj instanceof ErrorObj)) return `This object was raised: ${writeString(vm, obj, false)}`;
  const w = (v: Value): string => writeString(vm, v, false);
  switch (obj.kind) {
    case 'type': {
      // An instance of a record type is named with the type's serial number, given now.
      const type = obj.datum instanceof RecordType ? `Instance of ${w(obj.datum)}` : obj.typeName;
      return `${obj.argNum > 0 ? `(Argument ${obj.argNum}) ` : ''}${type} expected`;
    }
    case 'range':
      return `${obj.argNum > 0 ? `(Argument ${obj.argNum}) ` : ''}Out of range`;
    case 'unbound-global':
      return `Unbound variable: ${w(obj.datum!)}`;
    case 'error': {
      // `datum` is the message object given to `error` (displayed); else the text. Each
      // irritant is cut to the width; if one had to be cut, each goes on its own line.
      const msg = obj.datum !== null ? writeString(vm, obj.datum, true) : obj.message;
      let sep = ' ';
      const params = obj.irritants.map((p) => {
        const s = objectToString(vm, p, WIDTH);
        if (s.length < WIDTH) return s;
        sep = '\n';
        return s.slice(0, WIDTH - 4) + '...';
      });
      return msg + params.map((s) => sep + s).join('');
    }
    case 'syntax':
      return obj.irritants.length > 0 ? `${obj.message}: ${w(obj.irritants[0]!)}` : obj.message;
    case 'uncaught':
      return `Uncaught exception: ${obj.datum === null ? '' : w(obj.datum)}`;
    case 'serialization': // the text names the object (irritant 0) and the path to it
      return obj.message;
    default:
      return MESSAGES[obj.kind] ?? (obj.irritants.length > 0 ? `${obj.message} ${obj.irritants.map(w).join(' ')}` : obj.message);
  }
}

/**
 * The call form `(car 5)` of an error that carries one, else null: at most 15 arguments, each
 * written as an expression (quoted unless self-evaluating). A form of 80 characters or more is
 * shown one element per line, each cut to 78 characters:
 *
 *     (vector-ref
 *      #(1 2 3)
 *      '(aaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc dddddddddddd...
 *     )
 *
 * (gsi's `##default-display-exception`, display-form.)
 */
export function callForm(vm: Vm, obj: Value): string | null {
  // A syntax error without a location shows the offending form, when it is known (define-type).
  const source = obj instanceof ErrorObj && obj.kind === 'syntax' && obj.loc === null ? listToArray(obj.irritants[1] ?? false) : null;
  if (source !== null) return formText(vm, source);
  if (!(obj instanceof ErrorObj) || obj.proc === null || obj.args === null) return null;
  if (obj.kind === 'error' || obj.kind === 'unbound-global' || obj.kind === 'syntax' || obj.kind === 'reader') return null;
  const f = obj.proc;
  let head: Value = f;
  if (f instanceof Primitive) head = intern(f.name.replace(/^##/, ''));
  else if (f instanceof Closure && f.lambda.name !== null) head = intern(f.lambda.name);
  const elems: Value[] = [head];
  for (const a of obj.args.slice(0, MAX_DISPLAYED_ARGS)) elems.push(quotedUnlessSelfEvaluating(a));
  if (obj.args.length > MAX_DISPLAYED_ARGS) elems.push(ELLIPSIS);
  return formText(vm, elems);
}

/** A form written on one line, or, at 80 characters or more, one element per line. */
function formText(vm: Vm, elems: Value[]): string {
  const whole = objectToString(vm, arrayToList(elems), WIDTH);
  if (whole.length < WIDTH) return whole;
  const w = WIDTH - 2;
  const lines = elems.map((e) => objectToString(vm, e, w));
  const last = lines[lines.length - 1]!;
  return `(${lines.join('\n ')}${last.length < w ? '' : '\n'})`;
}

/** What `display-exception` prints: the message, then the call form, each on its own line. */
export function exceptionText(vm: Vm, obj: Value): string {
  // The message first: objects it shows get their serial numbers before the call form's.
  const msg = errorMessage(vm, obj);
  const cf = callForm(vm, obj);
  return `${msg}\n${cf === null ? '' : `${cf}\n`}`;
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
