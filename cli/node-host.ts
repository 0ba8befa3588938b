// The Host interface on Node.js: files through node:fs, the terminal through file descriptors
// 1 and 2 (synchronous writes keep stdout and stderr in order, as gsi's output is), commands
// through child_process, `time`'s figures from getrusage and V8's GC profiler.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vmModule from 'node:vm';
import { ErrorObj } from '../runtime/errors.js';
import { errnoText } from '../runtime/errno.js';
import type {
  FileInfo, FileType, Host, HostProcess, HostServer, HostSocket, ProcessEvents, ProcessOptions, ServerEvents, SockAddr, SocketEvents, TimingStats,
} from '../runtime/host.js';

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue; // non-blocking pipe is full
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') return; // reader went away
      throw e;
    }
  }
}

/** A Node.js system error as the C library's message, as gsi shows it. */
function errnoMessage(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code !== undefined ? errnoText(code) : undefined) ?? e.message;
}

function sockAddr(address: string | undefined, port: number | undefined, family: string | undefined): SockAddr | null {
  if (address === undefined || port === undefined) return null;
  return { address, port, family: family === 'IPv6' ? 'INET6' : 'INET' };
}

/** A Node.js socket as the runtime sees it; its events go to `ev` once set. Sockets are
 * half-open (allowHalfOpen): a peer that closed its output can still be written to, as in C. */
function hostSocket(s: net.Socket, ev: () => SocketEvents | null): HostSocket {
  s.on('connect', () => ev()?.connected());
  s.on('data', (b: Buffer) => ev()?.data(new Uint8Array(b.buffer, b.byteOffset, b.length)));
  s.on('end', () => ev()?.end());
  s.on('error', (e: Error) => ev()?.error(errnoMessage(e)));
  return {
    local: () => sockAddr(s.localAddress, s.localPort, s.localFamily),
    remote: () => sockAddr(s.remoteAddress, s.remotePort, s.remoteFamily),
    write: (bytes) => { if (!s.destroyed) s.write(bytes); },
    end: () => { if (!s.destroyed) s.end(); },
    destroy: () => { s.destroy(); },
  };
}

/** A Node.js fs error as the ErrorObj gsi would raise. */
function fsError(e: unknown): ErrorObj {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ErrorObj('no-such-file', 'No such file or directory');
  return new ErrorObj('os', errnoMessage(e as Error));
}

/** Run a file system call, turning its failure into gsi's error. */
function fsCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e: unknown) {
    throw fsError(e);
  }
}

/** An exact integer as the runtime keeps it: a number in the safe range, else a bigint. */
function exactInt(b: bigint): number | bigint {
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

function fileType(st: fs.BigIntStats): FileType {
  if (st.isFile()) return 'regular';
  if (st.isDirectory()) return 'directory';
  if (st.isCharacterDevice()) return 'character-special';
  if (st.isBlockDevice()) return 'block-special';
  if (st.isFIFO()) return 'fifo';
  if (st.isSymbolicLink()) return 'symbolic-link';
  if (st.isSocket()) return 'socket';
  return 'unknown';
}

/** Whole seconds since the epoch, rounded down as the C library's time_t is. */
const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

export class NodeHost implements Host {
  constructor(private readonly argv: string[]) {}

  stdout(text: string): void { writeAll(1, text); }
  stderr(text: string): void { writeAll(2, text); }

  readFile(p: string): string {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch (e: unknown) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ErrorObj('no-such-file', 'No such file or directory');
      throw new ErrorObj('os', (e as Error).message);
    }
  }

  writeFile(p: string, text: string, append: boolean): void {
    try {
      if (append) fs.appendFileSync(p, text, 'utf8');
      else fs.writeFileSync(p, text, 'utf8');
    } catch (e: unknown) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ErrorObj('no-such-file', 'No such file or directory');
      throw new ErrorObj('os', (e as Error).message);
    }
  }

  readBytes(p: string): Uint8Array {
    return fsCall(() => new Uint8Array(fs.readFileSync(p)));
  }

  writeBytes(p: string, bytes: Uint8Array, append: boolean): void {
    fsCall(() => (append ? fs.appendFileSync(p, bytes) : fs.writeFileSync(p, bytes)));
  }

  fileExists(p: string): boolean {
    return fs.existsSync(p);
  }

  deleteFile(p: string): void { fsCall(() => fs.unlinkSync(p)); }
  renameFile(from: string, to: string): void { fsCall(() => fs.renameSync(from, to)); }
  copyFile(from: string, to: string): void { fsCall(() => fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL)); }
  createDirectory(p: string): void { fsCall(() => fs.mkdirSync(p)); }
  deleteDirectory(p: string): void { fsCall(() => fs.rmdirSync(p)); }
  listDirectory(p: string): string[] { return fsCall(() => fs.readdirSync(p)); }

  // No creation time: gsi 4.9.3 on Linux has none (it reads stat(2), not statx), so neither
  // is Node's birthtime given.
  fileInfo(p: string, chase: boolean): FileInfo {
    const st = fsCall(() => (chase ? fs.statSync(p, { bigint: true }) : fs.lstatSync(p, { bigint: true })));
    return {
      type: fileType(st),
      device: exactInt(st.dev),
      inode: exactInt(st.ino),
      mode: Number(st.mode & 0o7777n),
      links: exactInt(st.nlink),
      owner: Number(st.uid),
      group: Number(st.gid),
      size: exactInt(st.size),
      accessTime: seconds(st.atime),
      modificationTime: seconds(st.mtime),
      changeTime: seconds(st.ctime),
      creationTime: null,
    };
  }

  resolvePath(p: string, base: string | null): string {
    if (path.isAbsolute(p) || base === null || base.startsWith('(')) return path.resolve(p);
    return path.resolve(path.dirname(base), p);
  }

  changeDirectory(dir: string): void { fsCall(() => process.chdir(dir)); }

  realPath(p: string): { path: string; directory: boolean } {
    return fsCall(() => {
      const real = fs.realpathSync(p);
      return { path: real, directory: fs.statSync(real).isDirectory() };
    });
  }

  shellCommand(command: string, capture: boolean, done: (status: number, output: string) => void): () => void {
    const child = spawn('/bin/sh', ['-c', command], { stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit' });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => chunks.push(d));
    child.stderr?.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', () => done(127 * 256, ''));
    child.on('close', (code, signal) => {
      const status = code !== null ? code * 256 : signal !== null ? (os.constants.signals[signal] ?? 0) : 0;
      done(status, Buffer.concat(chunks).toString('utf8'));
    });
    return () => { child.kill('SIGKILL'); };
  }

  spawnProcess(path: string, args: string[], opts: ProcessOptions, ev: ProcessEvents): HostProcess {
    const env = opts.environment === null ? process.env
      : Object.fromEntries(opts.environment.map((e) => { const i = e.indexOf('='); return i < 0 ? [e, ''] : [e.slice(0, i), e.slice(i + 1)]; }));
    const child = spawn(path, args, {
      stdio: [opts.stdin ? 'pipe' : 'inherit', opts.stdout ? 'pipe' : 'inherit', opts.stderr ? 'pipe' : 'inherit'],
      env,
      ...(opts.directory === null ? {} : { cwd: opts.directory }),
    });
    let outputs = (child.stdout === null ? 0 : 1) + (child.stderr === null ? 0 : 1);
    const ended = (): void => { if (--outputs === 0) ev.end(); };
    for (const s of [child.stdout, child.stderr]) {
      s?.on('data', (b: Buffer) => ev.data(new Uint8Array(b.buffer, b.byteOffset, b.length)));
      s?.on('end', ended);
    }
    if (outputs === 0) queueMicrotask(() => ev.end());
    child.stdin?.on('error', () => { /* the program exited without reading all of it */ });
    child.on('spawn', () => ev.spawned(child.pid ?? 0));
    child.on('error', (e: Error) => ev.error(fsError(e).message));
    child.on('exit', (code, signal) => {
      ev.exit(code !== null ? code * 256 : signal !== null ? (os.constants.signals[signal] ?? 0) : 0);
    });
    return {
      write: (bytes) => { child.stdin?.write(bytes); },
      endInput: () => { child.stdin?.end(); },
      kill: () => { child.kill('SIGKILL'); },
    };
  }

  systemType(): [string, string, string] {
    const cpu = ({ x64: 'x86_64', arm64: 'aarch64', ia32: 'i686' } as Record<string, string>)[process.arch] ?? process.arch;
    const os = ({ linux: ['pc', 'linux-gnu'], darwin: ['apple', 'darwin'], win32: ['pc', 'mingw32'] } as Record<string, [string, string]>)[process.platform];
    return os === undefined ? [cpu, 'unknown', process.platform] : [cpu, os[0], os[1]];
  }

  now(): number { return Date.now(); }
  monotonic(): number { return performance.now(); }
  cpuTime(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

  /** V8's gc(), exposed on first use (the flag can be set while running; a new context then has it). */
  collectGarbage(): void {
    if (this.gc === null) {
      v8.setFlagsFromString('--expose-gc');
      this.gc = vmModule.runInNewContext('gc') as () => void;
    }
    this.gc();
  }
  private gc: (() => void) | null = null;

  /**
   * For `time`: CPU time and page faults from getrusage, collections from V8's GC profiler
   * (their count and duration), and the bytes allocated estimated as the growth of the used
   * heap plus what the collections freed.
   */
  startTiming(): () => TimingStats {
    const r0 = process.resourceUsage();
    const heap0 = v8.getHeapStatistics().used_heap_size;
    const profiler = new v8.GCProfiler();
    profiler.start();
    return () => {
      const gcs = profiler.stop()?.statistics ?? [];
      const heap1 = v8.getHeapStatistics().used_heap_size;
      const r1 = process.resourceUsage();
      let freed = 0, gcMicros = 0;
      for (const g of gcs) {
        freed += g.beforeGC.heapStatistics.usedHeapSize - g.afterGC.heapStatistics.usedHeapSize;
        gcMicros += g.cost;
      }
      return {
        userMs: (r1.userCPUTime - r0.userCPUTime) / 1000,
        systemMs: (r1.systemCPUTime - r0.systemCPUTime) / 1000,
        collections: gcs.length,
        gcMs: gcMicros / 1000,
        allocatedBytes: Math.max(0, heap1 - heap0 + freed),
        minorFaults: r1.minorPageFault - r0.minorPageFault,
        majorFaults: r1.majorPageFault - r0.majorPageFault,
      };
    };
  }
  /** The machine's name, or GSI_TS_HOST_NAME (several nodes on one machine: tell them apart). */
  hostName(): string { return process.env['GSI_TS_HOST_NAME'] || os.hostname(); }
  getenv(name: string): string | undefined { return process.env[name]; }
  setenv(name: string, value: string | undefined): void {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  environment(): Array<[string, string]> {
    return Object.entries(process.env).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as [string, string]]));
  }
  commandLine(): string[] { return this.argv; }
  exit(code: number): void { process.exit(code); }
  setTimer(ms: number, cb: () => void): unknown { return setTimeout(cb, Math.max(0, ms)); }
  clearTimer(handle: unknown): void { clearTimeout(handle as NodeJS.Timeout); }
  defer(cb: () => void): void { setImmediate(cb); }
  heapUsed(): number { return process.memoryUsage().heapUsed; }

  tcpConnect(host: string, port: number, ev: SocketEvents): HostSocket {
    return hostSocket(net.connect({ host, port, allowHalfOpen: true }), () => ev);
  }

  tcpListen(address: string | null, port: number, backlog: number, ev: ServerEvents): HostServer {
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      let events: SocketEvents | null = null;
      const hs = hostSocket(s, () => events);
      events = ev.connection(hs);
    });
    server.on('error', (e: Error) => ev.error(errnoMessage(e)));
    server.listen({ port, backlog, ...(address === null ? {} : { host: address }) }, () => ev.listening());
    return {
      address: () => {
        const a = server.address();
        return a === null || typeof a === 'string' ? null : sockAddr(a.address, a.port, a.family);
      },
      close: () => { server.close(); },
    };
  }
}
