// A Host kept entirely in memory, for tests: stdout and stderr accumulate in strings, files live
// in a Map (paths are resolved against `cwd`; text, or bytes in `binaryFiles` when they are not
// UTF-8), the clocks only move when a test calls `advance`
// (which fires the timers that fall due), deferred callbacks run on `runDeferred`, and `exit`
// records the status instead of ending the process.

import { ErrorObj } from '../../../runtime/errors.js';
import type { FileInfo, Host } from '../../../runtime/host.js';

export class MemoryHost implements Host {
  out = '';
  err = '';
  /** Everything written to stdout and stderr, interleaved in order. */
  all = '';
  readonly files = new Map<string, string>();
  /** Files whose bytes are not valid UTF-8 (a path is in `files` or here, not both). */
  readonly binaryFiles = new Map<string, Uint8Array>();
  /** Directories that exist (a file can only be created in one of these). */
  readonly dirs = new Set<string>(['/']);
  cwd = '/home';
  clock = 0;
  mono = 0;
  exitCode: number | null = null;
  env = new Map<string, string>();
  argv: string[] = ['gsi'];
  name = 'localhost';

  constructor(files: Record<string, string> = {}) {
    this.dirs.add(this.cwd);
    for (const [p, text] of Object.entries(files)) this.addFile(p, text);
  }

  /** Put a file (creating its directories). */
  addFile(path: string, text: string): void {
    const full = this.resolvePath(path, null);
    this.files.set(full, text);
    let d = dirname(full);
    while (!this.dirs.has(d)) {
      this.dirs.add(d);
      d = dirname(d);
    }
  }

  /** What stdout received since the last call, emptying it. */
  takeOut(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  stdout(text: string): void {
    this.out += text;
    this.all += text;
  }

  stderr(text: string): void {
    this.err += text;
    this.all += text;
  }

  readFile(path: string): string {
    const full = this.resolvePath(path, null);
    const t = this.files.get(full);
    if (t === undefined) {
      if (this.dirs.has(full)) throw new ErrorObj('os', 'Is a directory');
      throw new ErrorObj('no-such-file', 'No such file or directory');
    }
    return t;
  }

  writeFile(path: string, text: string, append: boolean): void {
    const full = this.resolvePath(path, null);
    if (!this.dirs.has(dirname(full)) || this.dirs.has(full)) throw new ErrorObj('no-such-file', 'No such file or directory');
    const old = append ? this.files.get(full) ?? '' : '';
    this.files.set(full, old + text);
  }

  readBytes(path: string): Uint8Array {
    const full = this.resolvePath(path, null);
    const b = this.binaryFiles.get(full);
    return b !== undefined ? b.slice() : new TextEncoder().encode(this.readFile(full));
  }

  writeBytes(path: string, bytes: Uint8Array, append: boolean): void {
    const full = this.resolvePath(path, null);
    if (!this.dirs.has(dirname(full)) || this.dirs.has(full)) throw new ErrorObj('no-such-file', 'No such file or directory');
    const old = append && this.isFile(full) ? this.readBytes(full) : new Uint8Array(0);
    const all = new Uint8Array(old.length + bytes.length);
    all.set(old);
    all.set(bytes, old.length);
    this.setBytes(full, all);
  }

  private setBytes(full: string, bytes: Uint8Array): void {
    try {
      this.files.set(full, new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      this.binaryFiles.delete(full);
    } catch {
      this.files.delete(full);
      this.binaryFiles.set(full, bytes);
    }
  }

  fileExists(path: string): boolean {
    const full = this.resolvePath(path, null);
    return this.files.has(full) || this.binaryFiles.has(full) || this.dirs.has(full);
  }

  private isFile(full: string): boolean {
    return this.files.has(full) || this.binaryFiles.has(full);
  }

  deleteFile(path: string): void {
    const full = this.resolvePath(path, null);
    if (this.dirs.has(full)) throw new ErrorObj('os', 'Is a directory');
    if (!this.isFile(full)) throw new ErrorObj('no-such-file', 'No such file or directory');
    this.files.delete(full);
    this.binaryFiles.delete(full);
  }

  renameFile(from: string, to: string): void {
    const src = this.resolvePath(from, null);
    const dst = this.resolvePath(to, null);
    if (!this.isFile(src) || !this.dirs.has(dirname(dst))) {
      if (this.dirs.has(src)) throw new ErrorObj('os', 'Operation not supported'); // not modelled
      throw new ErrorObj('no-such-file', 'No such file or directory');
    }
    if (this.dirs.has(dst)) throw new ErrorObj('os', 'Is a directory');
    const b = this.readBytes(src);
    this.deleteFile(src);
    this.setBytes(dst, b);
  }

  copyFile(from: string, to: string): void {
    const src = this.resolvePath(from, null);
    const dst = this.resolvePath(to, null);
    if (this.dirs.has(src)) throw new ErrorObj('os', 'Is a directory');
    if (!this.isFile(src) || !this.dirs.has(dirname(dst))) throw new ErrorObj('no-such-file', 'No such file or directory');
    if (this.fileExists(dst)) throw new ErrorObj('os', 'File exists');
    this.setBytes(dst, this.readBytes(src));
  }

  createDirectory(path: string): void {
    const full = this.resolvePath(path, null);
    if (this.fileExists(full)) throw new ErrorObj('os', 'File exists');
    if (!this.dirs.has(dirname(full))) throw new ErrorObj('no-such-file', 'No such file or directory');
    this.dirs.add(full);
  }

  deleteDirectory(path: string): void {
    const full = this.resolvePath(path, null);
    if (this.isFile(full)) throw new ErrorObj('os', 'Not a directory');
    if (!this.dirs.has(full)) throw new ErrorObj('no-such-file', 'No such file or directory');
    if (this.listDirectory(full).length > 0) throw new ErrorObj('os', 'Directory not empty');
    this.dirs.delete(full);
  }

  listDirectory(path: string): string[] {
    const full = this.resolvePath(path, null);
    if (this.isFile(full)) throw new ErrorObj('os', 'Not a directory');
    if (!this.dirs.has(full)) throw new ErrorObj('no-such-file', 'No such file or directory');
    const names: string[] = [];
    for (const p of [...this.dirs, ...this.files.keys(), ...this.binaryFiles.keys()]) {
      if (p !== full && dirname(p) === full) names.push(p.slice(full === '/' ? 1 : full.length + 1));
    }
    return names.sort();
  }

  /** A file or directory made now (no symbolic links here, so `chase` changes nothing; no inodes). */
  fileInfo(path: string, _chase: boolean): FileInfo {
    const full = this.resolvePath(path, null);
    const dir = this.dirs.has(full);
    if (!dir && !this.isFile(full)) {
      if (this.isFile(dirname(full))) throw new ErrorObj('os', 'Not a directory');
      throw new ErrorObj('no-such-file', 'No such file or directory');
    }
    const t = Math.floor(this.clock / 1000);
    return {
      type: dir ? 'directory' : 'regular', device: 1, inode: 0, mode: dir ? 0o755 : 0o644, links: dir ? 2 : 1,
      owner: 0, group: 0, size: dir ? 4096 : this.readBytes(full).length,
      accessTime: t, modificationTime: t, changeTime: t, creationTime: null,
    };
  }

  resolvePath(path: string, base: string | null): string {
    const dir = base === null ? this.cwd : dirname(this.resolvePath(base, null));
    const joined = path.startsWith('/') ? path : `${dir}/${path}`;
    const parts: string[] = [];
    for (const p of joined.split('/')) {
      if (p === '' || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return `/${parts.join('/')}`;
  }

  now(): number {
    return this.clock;
  }

  monotonic(): number {
    return this.mono;
  }

  hostName(): string {
    return this.name;
  }

  getenv(name: string): string | undefined {
    return this.env.get(name);
  }

  setenv(name: string, value: string | undefined): void {
    if (value === undefined) this.env.delete(name);
    else this.env.set(name, value);
  }

  commandLine(): string[] {
    return this.argv;
  }

  exit(code: number): void {
    this.exitCode = code;
  }

  private timers: Array<{ at: number; cb: () => void; id: number }> = [];
  private nextTimer = 1;
  private deferred: Array<() => void> = [];

  setTimer(ms: number, cb: () => void): unknown {
    const id = this.nextTimer++;
    this.timers.push({ at: this.mono + Math.max(0, ms), cb, id });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  defer(cb: () => void): void {
    this.deferred.push(cb);
  }

  /** Run the deferred callbacks (including those they defer); returns how many ran. */
  runDeferred(): number {
    let n = 0;
    while (this.deferred.length > 0) {
      const cb = this.deferred.shift()!;
      cb();
      n++;
    }
    return n;
  }

  /** Move both clocks forward by `ms`, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const t = this.timers[0];
      if (t === undefined || t.at > end) break;
      this.timers.shift();
      this.clock += t.at - this.mono;
      this.mono = t.at;
      t.cb();
    }
    this.clock += end - this.mono;
    this.mono = end;
  }
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
