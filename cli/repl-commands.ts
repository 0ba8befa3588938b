// The REPL's comma commands (`,?` lists them): leaving levels (`,t` `,d` `,q`), continuing
// (`,c` `,(c X)`), showing the continuation of the level (`,b` `,be` `,y` `,e` `,i`), selecting
// one of its frames (`,N` `,+` `,-`...), and `,(b X)` `,(be X)` `,(e X)` `,(v X)` on the value of
// X. The loop itself (levels, reading, evaluating) is in repl.ts; what is shown of a
// continuation is computed by interpreter/backtrace.ts.

import { FOp } from '../interpreter/frames.js';
import { applyProc, type Regs } from '../interpreter/machine.js';
import type { Src } from '../interpreter/nodes.js';
import { prettyString } from '../runtime/pretty.js';
import { writeString } from '../runtime/printer.js';
import { SThread } from '../runtime/threads.js';
import { Closure, Continuation, NIL, Pair, Sym, VOID, intern, isProcedure, type Value } from '../runtime/values.js';
import type { Level, Repl } from './repl.js';
import {
  BACKTRACE_HEAD, backtraceFrames, backtraceLines, environmentLines, frameLine, innermostEnv, type BtFrame,
} from '../interpreter/backtrace.js';

const UNQUOTE = intern('unquote');

/** `,X` typed at level n (cmd is X): gsi's comma commands (`,?` lists them). */
export function command(repl: Repl, r: Regs, cmd: Value, n: number, loc: Src): void {
  const again = (): void => applyProc(r, repl.readEvalPrim, []);
  const level = repl.levels[n]!;
  let name = cmd instanceof Sym ? cmd.name : null;
  let arg: Value | undefined;
  if (cmd instanceof Pair && cmd.car instanceof Sym && cmd.cdr instanceof Pair && cmd.cdr.cdr === NIL) {
    name = `(${cmd.car.name})`;
    arg = cmd.cdr.car;
  }
  const width = repl.io.width();
  // Frames are shown and selected at nested levels only (gsi shows nothing at level 0).
  const frames = n > 0 ? repl.frames(level) : [];
  const to = frameMove(cmd, level.frame, frames.length);
  if (to !== null) {
    if (frames.length > 0) return selectFrame(repl, r, level, frames, to);
    return again();
  }
  switch (name) {
    case '?':
      repl.write(HELP);
      return again();
    case 'q':
    case 'qt': // the REPL runs in the primordial thread: terminating it ends the process
      repl.io.exit(0);
      return repl.parkForever(r);
    case 't':
      return repl.gotoLevel(r, 0);
    case 'd':
      return repl.gotoLevel(r, Math.max(0, n - 1));
    case 'c':
    case 's':
    case 'l':
      if (n > 0 && (!level.interrupted || level.frame !== 0)) {
        repl.write('Continuation expects a result -- use ,(c X) or ,(s X) or ,(l X)\n');
        return again();
      }
      return repl.continueWith(r, VOID);
    case '(c)':
    case '(s)':
    case '(l)':
      // Evaluate X at this level, then continue with its value.
      return repl.evaluate(r, arg!, loc, n, { op: FOp.CallWithValues, next: r.k, consumer: repl.continuePrim });
    case 'b':
    case 'be':
      writeLines(repl, backtraceLines(repl.vm, frames, level.frame, width, repl.lookupForm, name === 'be'));
      return again();
    case 'y': {
      const f = frames[level.frame];
      if (f !== undefined) repl.write(frameLine(repl.vm, level.frame, f, width, repl.lookupForm, '.') + '\n');
      return again();
    }
    case 'e':
      writeLines(repl, environmentLines(repl.vm, level.env));
      return again();
    case 'i': {
      const clo = level.env[0];
      if (clo instanceof Closure) {
        repl.write(`${writeString(repl.vm, clo, false)} =\n`);
        repl.write(prettyString(repl.vm, clo, 1, width));
      }
      return again();
    }
    case '(b)':
    case '(be)':
    case '(e)':
    case '(v)':
      // Evaluate X at this level, then show (or visit) its value.
      return repl.evaluate(r, arg!, loc, n, { op: FOp.CallWithValues, next: r.k, consumer: repl.withValuePrims.get(name.slice(1, -1))! });
    default:
      repl.write(`${writeString(repl.vm, new Pair(UNQUOTE, new Pair(cmd, NIL)), false)} is an unknown command\n`);
      return again();
  }
}

function writeLines(repl: Repl, lines: string[]): void {
  for (const line of lines) repl.write(line + '\n');
}

/**
 * `,N` and the like: select frame i of the level, show it as `,y` does, and go on reading at
 * that frame: forms typed are evaluated in its scope and on top of it (a new error's
 * backtrace continues with it), and `,(c X)` returns X to it.
 */
function selectFrame(repl: Repl, r: Regs, level: Level, frames: BtFrame[], i: number): void {
  level.frame = i;
  level.env = i === 0 ? innermostEnv(level.k, repl.topEnv) : frames[i]!.env ?? [];
  repl.write(frameLine(repl.vm, i, frames[i]!, repl.io.width(), repl.lookupForm, '.') + '\n');
  r.k = level.loopK = i === 0 ? level.base : frames[i]!.frame;
  applyProc(r, repl.readEvalPrim, []);
}

/**
 * `,(b X)` `,(be X)` `,(e X)` `,(v X)` with X's value: the backtrace or the variables of a
 * continuation or a thread, the variables a closure captured; `,(v X)` starts a level on
 * continuation X (as if an error had happened there: `,(c V)` returns V to it). The messages
 * for other values are gsi's.
 */
export function commandWith(repl: Repl, r: Regs, cmd: string, x: Value): void {
  const width = repl.io.width();
  const cont = x instanceof Continuation && !x.isProcedure ? x : null;
  const k = cont !== null ? cont.k : x instanceof SThread ? x.k : undefined;
  switch (cmd) {
    case 'b':
    case 'be':
      if (k !== undefined) {
        writeLines(repl, backtraceLines(repl.vm, backtraceFrames(k, undefined, repl.topEnv), 0, width, repl.lookupForm, cmd === 'be'));
      } else if (!Number.isInteger(x)) { // gsi says nothing for an integer either
        repl.write('CONTINUATION or THREAD expected\n');
      }
      break;
    case 'e':
      if (k !== undefined) writeLines(repl, environmentLines(repl.vm, innermostEnv(k, repl.topEnv)));
      else if (x instanceof Closure) writeLines(repl, environmentLines(repl.vm, x.env));
      else if (!isProcedure(x) && !Number.isInteger(x)) repl.write('PROCEDURE, CONTINUATION or THREAD expected\n');
      break;
    case 'v':
      if (cont !== null) {
        r.k = cont.k;
        repl.enterLevel(r, cont.dyn, false);
        return;
      }
      repl.write(x instanceof SThread || isProcedure(x)
        ? `,(v ${writeString(repl.vm, x, false)}) is not supported: only continuations can be visited\n`
        : 'PROCEDURE, CONTINUATION or THREAD expected\n');
      break;
  }
  applyProc(r, repl.readEvalPrim, []);
}

/**
 * The frame a frame-moving command selects, from frame `cur` of `count` (clamped to the
 * frames there are), or null if `cmd` is not one: `,N` frame N, `,N+` / `,N-` N frames
 * outward / inward, `,+` / `,-` one, `,++` / `,--` as many as a backtrace shows at its head.
 */
export function frameMove(cmd: Value, cur: number, count: number): number | null {
  let to: number;
  if (typeof cmd === 'number') {
    if (!Number.isInteger(cmd) || cmd < 0) return null;
    to = cmd;
  } else if (cmd instanceof Sym) {
    const m = /^(\d*|\+|-)([+-])$/.exec(cmd.name);
    if (m === null) return null;
    const by = m[1] === '' ? 1 : m[1] === m[2] ? BACKTRACE_HEAD : m[1] === '+' || m[1] === '-' ? null : Number(m[1]);
    if (by === null) return null;
    to = m[2] === '+' ? cur + by : cur - by;
  } else {
    return null;
  }
  return Math.max(0, Math.min(count - 1, to));
}

/** The help text of `,?`, as gsi 4.9.3 prints it. */
export const HELP = `,?              : Summary of comma commands
,h   | ,(h X)   : Help on procedure of last error or procedure/macro named X
,q              : Terminate the process
,qt             : Terminate the current thread
,t              : Jump to toplevel REPL
,d              : Jump to enclosing REPL
,c   | ,(c X)   : Continue the computation with stepping off
,s   | ,(s X)   : Continue the computation with stepping on (step)
,l   | ,(l X)   : Continue the computation with stepping on (leap)
,N              : Move to specific continuation frame (N>=0)
,N+  | ,N-      : Move forward/backward by N continuation frames (N>=0)
,+   | ,-       : Like ,1+ and ,1-
,++  | ,--      : Like ,N+ and ,N- with N = nb. of frames at head of backtrace
,y              : Display one-line summary of current frame
,i              : Display procedure attached to current frame
,b   | ,(b X)   : Display backtrace of current continuation or X (cont/thread)
,be  | ,(be X)  : Like ,b and ,(b X) but also display environment
,bed | ,(bed X) : Like ,be and ,(be X) but also display dynamic environment
,e   | ,(e X)   : Display environment of current frame or X (proc/cont/thread)
,ed  | ,(ed X)  : Like ,e and ,(e X) but also display dynamic environment
,st  | ,(st X)  : Display current thread group, or X (thread/thread group)
,(v X)          : Start a REPL visiting X (proc/cont/thread)
`;
