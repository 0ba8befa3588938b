// The command-line side of nodes: `gsi-ts --node [--listen ADDR] [--port N] [--cookie SECRET]
// [--discovery sweep|broadcast|none] [--max-message BYTES]`. The options also become the
// defaults of `(node-start!)` for a program that starts its node itself; --node starts it
// before the -e expressions, the files and the REPL run.

import { InvalidArgumentError, Option, type Command } from 'commander';
import { FOp, type Frame } from '../interpreter/frames.js';
import type { Vm } from '../runtime/vm.js';
import { parseIPv4 } from './addr.js';
import { netOf, type DiscoveryMode } from './bridge.js';
import { installNet } from './prims.js';

export interface NodeCliOptions {
  node?: boolean;
  listen?: string;
  port?: number;
  cookie?: string;
  discovery?: DiscoveryMode;
  maxMessage?: number;
}

function positiveInt(max: number, what: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`not ${what}`);
    return n;
  };
}

function ipv4(v: string): string {
  if (parseIPv4(v) === null) throw new InvalidArgumentError('not an IPv4 address');
  return v;
}

export function addNodeOptions(program: Command): Command {
  return program
    .option('--node', 'start this node (listen, join the cluster, discover peers) before running anything')
    .option('--listen <addr>', "the node's address: it listens there and sweeps its /24 (default: the LAN address)", ipv4)
    .option('--port <n>', 'the port nodes listen on (default 12345)', positiveInt(65535, 'a port number'))
    .option('--cookie <secret>', 'the cluster cookie (default: $GSI_TS_COOKIE, else ~/.gsi-ts-cookie)')
    .addOption(new Option('--discovery <mode>', 'how to find peers (default sweep)').choices(['sweep', 'broadcast', 'none']))
    .option('--max-message <bytes>', 'the largest message accepted (default 16 MiB)', positiveInt(2 ** 31 - 1, 'a size'));
}

/** Install the distributed layer in a Vm, with the command line's options as defaults. */
export function installNetFromCli(vm: Vm, opts: NodeCliOptions): void {
  installNet(vm);
  const d = netOf(vm).defaults;
  if (opts.listen !== undefined) d.address = opts.listen;
  if (opts.port !== undefined) d.port = opts.port;
  if (opts.cookie !== undefined) d.cookie = opts.cookie;
  if (opts.discovery !== undefined) d.discovery = opts.discovery;
  if (opts.maxMessage !== undefined) d.maxMessage = opts.maxMessage;
}

/** With --node: a frame calling `(node-start!)` before `next` (the -e forms and the files). */
export function nodeStartFrame(vm: Vm, opts: NodeCliOptions, next: Frame | null): Frame | null {
  if (opts.node !== true) return next;
  return { op: FOp.Apply, next, fn: vm.globalValue('node-start!')!, args: [] };
}
