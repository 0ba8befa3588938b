// The one interface through which the interpreter and the runtime reach the outside world
// (files, terminal, clock, environment). `cli/node-host.ts` implements it on Node.js; tests can
// implement it in memory. Nothing in interpreter/ or runtime/ imports a `node:` module.

export interface Host {
  /** Write text to the process's standard output / error. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Read a whole text file; throws an ErrorObj ('no-such-file' or 'os') on failure. */
  readFile(path: string): string;
  /** Write (or append to) a whole text file; throws an ErrorObj on failure. */
  writeFile(path: string, text: string, append: boolean): void;
  /** Read a whole file as bytes; throws an ErrorObj ('no-such-file' or 'os') on failure. */
  readBytes(path: string): Uint8Array;
  /** Write (or append to) a whole file as bytes; throws an ErrorObj on failure. */
  writeBytes(path: string, bytes: Uint8Array, append: boolean): void;
  /** Whether anything (file, directory...) exists at `path`. */
  fileExists(path: string): boolean;
  // The file system operations below throw an ErrorObj on failure: 'no-such-file' when a file
  // or directory is missing, else 'os' with the C library's message ("File exists",
  // "Directory not empty", "Is a directory", "Not a directory", "Permission denied"...).
  deleteFile(path: string): void;
  /** Rename (replacing an existing file at `to`, as rename(2) does). */
  renameFile(from: string, to: string): void;
  /** Copy a file; fails with "File exists" when `to` exists. */
  copyFile(from: string, to: string): void;
  createDirectory(path: string): void;
  /** Delete an empty directory. */
  deleteDirectory(path: string): void;
  /** The names in a directory, without "." and "..", in the order the system gives them. */
  listDirectory(path: string): string[];
  /** Resolve `path` relative to the directory of `base` (a file path), or to the cwd if base is null. */
  resolvePath(path: string, base: string | null): string;
  /** Make `dir` the directory relative paths start from; throws an ErrorObj ('no-such-file'...). */
  changeDirectory?(dir: string): void;
  /** The path with symbolic links, `.` and `..` resolved, and whether it is a directory; throws an ErrorObj if nothing is there. */
  realPath?(path: string): { path: string; directory: boolean };
  /**
   * What stat(2) (`chase` true: following a final symbolic link) or lstat(2) tells of `path`,
   * for file-info; throws an ErrorObj ('no-such-file' or 'os') on failure.
   */
  fileInfo(path: string, chase: boolean): FileInfo;
  /** Wall-clock time in milliseconds since the epoch. */
  now(): number;
  /** A monotonic clock in milliseconds (for timeouts and benchmarks). */
  monotonic(): number;
  /** CPU time used by the process (user + system), in milliseconds, if the host can tell. */
  cpuTime?(): number;
  /** A full garbage collection now (`(##gc)`), if the host can do one. */
  collectGarbage?(): void;
  /** Start measuring what `(time expr)` reports; the function returned ends the measure. */
  startTiming?(): () => TimingStats;
  hostName(): string;
  getenv(name: string): string | undefined;
  /** Set (a string) or remove (undefined) an environment variable of this process, if the host can. */
  setenv?(name: string, value: string | undefined): void;
  /** Every environment variable as [name, value], in the system's order, if the host can list them. */
  environment?(): Array<[string, string]>;
  /** The command line, as `(command-line)` returns it (program name first). */
  commandLine(): string[];
  /** End the process with this status. */
  exit(code: number): void;
  /** Call `cb` after `ms` milliseconds (from the host's event loop); returns a handle. */
  setTimer(ms: number, cb: () => void): unknown;
  clearTimer(handle: unknown): void;
  /** Call `cb` soon, after pending I/O and timer callbacks have had a chance to run. */
  defer(cb: () => void): void;
  /**
   * Run `command` with the system's shell; `done` gets its wait status (exit code * 256, or
   * the signal number) and, when `capture`, its standard output and error in one string (else
   * they go to this process's). Returns a function that kills the command.
   */
  shellCommand?(command: string, capture: boolean, done: (status: number, output: string) => void): () => void;
  /** `(system-type)`: processor, vendor, operating system, as gsi names them (x86_64 pc linux-gnu). */
  systemType?(): [string, string, string];
  /** Bytes of the JS heap in use (node-stats), if the host can tell. */
  heapUsed?(): number;
  /**
   * TCP (the ports of open-tcp-client and open-tcp-server). Connect to host:port; what happens
   * later (the data, the end, a failure such as "Connection refused") is told to `ev`.
   */
  tcpConnect?(host: string, port: number, ev: SocketEvents): HostSocket;
  /** Listen on address:port (address null: every interface); `ev.listening` or `ev.error` follows. */
  tcpListen?(address: string | null, port: number, backlog: number, ev: ServerEvents): HostServer;
  /**
   * Start a program (open-process): `path` with `args`, its standard input / output / error
   * through pipes where `redirect` says so (else this process's own); then `ev.spawned` or
   * `ev.error` ("No such file or directory"...), its output, and its exit.
   */
  spawnProcess?(path: string, args: string[], opts: ProcessOptions, ev: ProcessEvents): HostProcess;
}

export interface ProcessOptions {
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  /** Working directory (null: this process's). */
  readonly directory: string | null;
  /** The whole environment as "NAME=value" strings (null: this process's). */
  readonly environment: string[] | null;
}

export interface ProcessEvents {
  spawned(pid: number): void;
  error(message: string): void;
  /** Its standard output (and error, when redirected), as it comes. */
  data(bytes: Uint8Array): void;
  /** Its output ended. */
  end(): void;
  /** It ended: exit code * 256, or the number of the signal that killed it. */
  exit(status: number): void;
}

export interface HostProcess {
  write(bytes: Uint8Array): void;
  /** Close its standard input. */
  endInput(): void;
  kill(): void;
}

/** A socket's address: an IP address as text (IPv4 dotted or IPv6), its port, its family. */
export interface SockAddr {
  readonly address: string;
  readonly port: number;
  readonly family: 'INET' | 'INET6';
}

/** A TCP connection, from the runtime's side. */
export interface HostSocket {
  /** This end's and the peer's addresses (null before the connection is made). */
  local(): SockAddr | null;
  remote(): SockAddr | null;
  write(bytes: Uint8Array): void;
  /** No more output (the peer reads end of file); input goes on. */
  end(): void;
  /** Close at once, both ways. */
  destroy(): void;
}

/** What a TCP connection tells the runtime. `error` carries the C library's message. */
export interface SocketEvents {
  /** The connection is made (a client's; an accepted one is made from the start). */
  connected(): void;
  data(bytes: Uint8Array): void;
  end(): void;
  error(message: string): void;
}

export interface HostServer {
  /** The address it listens on (null before it listens). */
  address(): SockAddr | null;
  close(): void;
}

export interface ServerEvents {
  listening(): void;
  error(message: string): void;
  /** A connection was accepted: the runtime answers with where its events go. */
  connection(s: HostSocket): SocketEvents;
}

/** What a host can tell about the process between startTiming() and the end of the measure (null: unknown). */
export interface TimingStats {
  readonly userMs: number | null;
  readonly systemMs: number | null;
  /** Garbage collections, and the time they took. */
  readonly collections: number | null;
  readonly gcMs: number | null;
  /** Bytes allocated on the heap (an estimate: growth of the used heap plus what collections freed). */
  readonly allocatedBytes: number | null;
  readonly minorFaults: number | null;
  readonly majorFaults: number | null;
}

/** A file's kind, as Gambit's file-info-type names it. */
export type FileType =
  'regular' | 'directory' | 'character-special' | 'block-special' | 'fifo' | 'symbolic-link' | 'socket' | 'unknown';

/**
 * The fields of a stat(2) result that file-info shows. Integers are exact (a bigint only when
 * outside the safe range); times are in whole seconds since the epoch, creation null when the
 * system does not record it (Linux, for gsi 4.9.3).
 */
export interface FileInfo {
  readonly type: FileType;
  readonly device: number | bigint;
  readonly inode: number | bigint;
  /** The permission bits, with set-user-id, set-group-id and sticky (st_mode & 07777). */
  readonly mode: number;
  readonly links: number | bigint;
  readonly owner: number;
  readonly group: number;
  readonly size: number | bigint;
  readonly accessTime: number;
  readonly modificationTime: number;
  readonly changeTime: number;
  readonly creationTime: number | null;
}
