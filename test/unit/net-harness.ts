// Several nodes in one mocha process: each is a Vm with the preludes, a scheduler on the real
// event loop, the distributed layer, and a host whose console output is captured. Scheme code
// runs in a new thread of that Vm (`ev`), so it may block (rpc, sleep, DCS-connect).
// Every node binds a 127.0.0.x address; the tests sweep 127.0.0.0/24 only.

import { NodeHost } from '../../cli/node-host.js';
import { applyProc } from '../../interpreter/machine.js';
import { createVm, evalString } from '../../interpreter/setup.js';
import { exceptionText } from '../../runtime/error-text.js';
import { writeString } from '../../runtime/printer.js';
import { Scheduler } from '../../runtime/scheduler.js';
import { SThread } from '../../runtime/threads.js';
import { EMPTY_DYN, Primitive, VOID, type Value } from '../../runtime/values.js';
import type { Vm } from '../../runtime/vm.js';
import { netOf } from '../../net/bridge.js';
import { installNet } from '../../net/prims.js';
import { repoRoot } from './helpers/run-cli.js';
import { readPreludes } from '../../cli/preludes.js';

/** A host whose console output is kept in memory. */
class CapturingHost extends NodeHost {
  out = '';
  err = '';
  override stdout(text: string): void { this.out += text; }
  override stderr(text: string): void { this.err += text; }
}

export interface TestNode {
  readonly vm: Vm;
  readonly host: CapturingHost;
  /** Lines the node manager logged. */
  readonly logs: string[];
  /**
   * Evaluate an expression in a new thread: resolves with its value as `write` shows it, or
   * `ERR ` and the exception's text (message, then the call form) if it raised.
   */
  ev(src: string, timeoutMs?: number): Promise<string>;
  /** Evaluate top-level forms (definitions) at once, without a thread. */
  def(src: string): void;
  /** node-stop! (idempotent). */
  stop(): Promise<void>;
}

function preludes(): Array<[string, string]> {
  return readPreludes(repoRoot());
}

export function makeNode(): TestNode {
  const host = new CapturingHost(['gsi-ts']);
  const vm = createVm(host, { preludes: preludes() });
  vm.ext.set('scheduler', new Scheduler(vm, { onPrimordialEnd: () => {} }));
  installNet(vm);
  const logs: string[] = [];
  netOf(vm).log = (line) => logs.push(line);
  const ev = (src: string, timeoutMs = 10_000): Promise<string> => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${src}`)), timeoutMs);
    const k = new Primitive('test-k', 2, 2, 'plain', (ok: Value, v: Value) => {
      clearTimeout(timer);
      resolve(ok !== false ? writeString(vm, v, false) : `ERR ${exceptionText(vm, v).trimEnd()}`);
      return VOID;
    });
    const body = evalString(vm, `(lambda (k) (with-exception-catcher (lambda (e) (k #f e)) (lambda () (k #t (begin ${src})))))`);
    const t = new SThread(body, VOID);
    t.regs.dyn = EMPTY_DYN;
    applyProc(t.regs, body, [k]);
    (vm.ext.get('scheduler') as Scheduler).start(t);
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await ev('(node-stop!)');
  };
  const def = (src: string): void => { evalString(vm, src); };
  return { vm, host, logs, ev, def, stop };
}

/** A port for this test run: nodes of one cluster share it; runs in parallel rarely collide. */
export function testPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

/** Poll `cond` every 20 ms until it holds or `ms` pass; returns whether it held. */
export async function until(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
