// The C library's error messages that gsi shows for failed system calls, with their errno
// numbers (Linux): one table for the host, which turns a Node.js error code into the message
// (cli/node-host.ts), and for os-exception-code, which turns the message into gsi's code
// (errno - 0x1EC00000, e.g. -515899281 for "Connection refused"; runtime/prims/exceptions.ts).

/** [Node.js error code, message, errno] (errno null: not a system error, a code gsi-ts names). */
const ERRNO: ReadonlyArray<readonly [string, string, number | null]> = [
  ['EPERM', 'Operation not permitted', 1],
  ['EIO', 'Input/output error', 5],
  ['EBADF', 'Bad file descriptor', 9],
  ['EACCES', 'Permission denied', 13],
  ['EBUSY', 'Device or resource busy', 16],
  ['EEXIST', 'File exists', 17],
  ['EXDEV', 'Invalid cross-device link', 18],
  ['ENOTDIR', 'Not a directory', 20],
  ['EISDIR', 'Is a directory', 21],
  ['EINVAL', 'Invalid argument', 22],
  ['ENOSPC', 'No space left on device', 28],
  ['EROFS', 'Read-only file system', 30],
  ['EPIPE', 'Broken pipe', 32],
  ['ENAMETOOLONG', 'File name too long', 36],
  ['ENOTEMPTY', 'Directory not empty', 39],
  ['ELOOP', 'Too many levels of symbolic links', 40],
  ['EADDRINUSE', 'Address already in use', 98],
  ['EADDRNOTAVAIL', 'Cannot assign requested address', 99],
  ['ENETUNREACH', 'Network is unreachable', 101],
  ['ECONNRESET', 'Connection reset by peer', 104],
  ['ENOTCONN', 'Transport endpoint is not connected', 107],
  ['ETIMEDOUT', 'Connection timed out', 110],
  ['ECONNREFUSED', 'Connection refused', 111],
  ['EHOSTUNREACH', 'No route to host', 113],
  // A name lookup's failure (getaddrinfo), not an errno.
  ['ENOTFOUND', 'Unknown host', null],
];

const byCode = new Map<string, string>(ERRNO.map(([code, message]) => [code, message]));

/** The message of a Node.js error code ('ECONNREFUSED' -> 'Connection refused'), if known. */
export function errnoText(code: string): string | undefined {
  return byCode.get(code);
}

/** The system errors' messages with their errno numbers. */
export const SYSTEM_ERRORS: ReadonlyArray<readonly [string, number]> =
  ERRNO.flatMap(([, message, n]) => (n === null ? [] : [[message, n] as const]));
