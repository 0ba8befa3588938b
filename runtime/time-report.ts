// The report of `(time expr [port])`, in gsi's words and layout:
//
//   (time (fib 20))
//       0.003345 secs real time
//       0.003346 secs cpu time (0.003346 user, 0.000000 system)
//       no collections
//       1401024 bytes allocated
//       171 minor faults
//       no major faults
//
// What the host cannot tell is left out (an in-memory host knows only the real time), and the
// time of collections is real time only: Node.js does not split it into user and system time
// as gsi does (its line ends after "secs real time").

import type { TimingStats } from './host.js';

function secs(ms: number): string {
  return (ms / 1000).toFixed(6);
}

/** "no collections", "1 collection", "12 collections". */
function count(n: number, what: string): string {
  return n === 0 ? `no ${what}s` : n === 1 ? `1 ${what}` : `${n} ${what}s`;
}

/** The report's lines (each ends with a newline); `expr` is the form as `write` shows it. */
export function timeReport(expr: string, realMs: number, s: TimingStats | null): string {
  const lines = [`(time ${expr})`, `    ${secs(realMs)} secs real time`];
  if (s !== null && s.userMs !== null && s.systemMs !== null) {
    lines.push(`    ${secs(s.userMs + s.systemMs)} secs cpu time (${secs(s.userMs)} user, ${secs(s.systemMs)} system)`);
  }
  if (s !== null && s.collections !== null) {
    lines.push(`    ${count(s.collections, 'collection')}${s.collections > 0 && s.gcMs !== null ? ` accounting for ${secs(s.gcMs)} secs real time` : ''}`);
  }
  if (s !== null && s.allocatedBytes !== null) {
    lines.push(`    ${s.allocatedBytes === 0 ? 'no bytes' : `${s.allocatedBytes} bytes`} allocated`);
  }
  if (s !== null && s.minorFaults !== null) lines.push(`    ${count(s.minorFaults, 'minor fault')}`);
  if (s !== null && s.majorFaults !== null) lines.push(`    ${count(s.majorFaults, 'major fault')}`);
  return lines.map((l) => `${l}\n`).join('');
}
