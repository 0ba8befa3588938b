// Paths and the system (Gambit manual, "Filesystem operations" and "Host environment"):
//
//   (path-directory p) (path-strip-directory p)     "a/b/c.scm" -> "a/b/" and "c.scm"
//   (path-extension p) (path-strip-extension p)     -> ".scm" and "a/b/c"
//   (path-expand p [dir])   absolute: relative to dir (default: the current directory), ~ is
//                           the home directory; `..` is kept (gsi does not normalize here)
//   (path-normalize p)      the real path (links, `.` and `..` resolved; a directory ends in /;
//                           a missing last name is kept)
//   (current-directory [dir])  the directory relative paths start from, ending in /; with an
//                           argument, changes it. (In gsi it is a parameter, per thread; here
//                           it is the process's, a documented difference.)
//   (system-type) (system-version) (system-version-string) (console-port)
//
// The string functions follow gsi 4.9.3 case by case (test/golden/cases/54-paths): a name's
// extension starts at its last dot, unless that dot begins the name (".hidden" has none).

import { checkString } from '../check.js';
import { ErrorObj } from '../errors.js';
import { plain, pure, type PrimFactory } from '../primitive.js';
import { portsOf } from '../ports.js';
import { MString, VOID, arrayToList, intern, type Value } from '../values.js';

function str(v: Value, arg: number): string {
  return checkString(v, arg).s;
}

function dirEnd(p: string): number {
  return p.lastIndexOf('/') + 1;
}

/** The index of the extension's dot in `p`, or -1. */
function extStart(p: string): number {
  const name = dirEnd(p);
  const dot = p.lastIndexOf('.');
  return dot > name ? dot : -1;
}

function withSlash(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** gsi's version, which gsi-ts follows: programs test it to know what they may use. */
const GAMBIT_VERSION = 409003;
const GAMBIT_VERSION_STRING = 'v4.9.3';

export const pathPrims: PrimFactory = (vm) => {
  const host = vm.host;
  const cwd = (): string => withSlash(host.resolvePath('.', null));
  const home = (): string => withSlash(host.getenv('HOME') ?? '/');

  function expand(p: string, origin: string): string {
    if (p.startsWith('/')) return p;
    if (p === '~' || p.startsWith('~/')) return home() + p.slice(2);
    return withSlash(origin) + p;
  }

  /** Errors of current-directory are located in gsi's ##make-parameter, as gsi shows them. */
  function inMakeParameter(e: unknown): unknown {
    if (e instanceof ErrorObj) {
      e.locProc = '##make-parameter';
      e.located = true;
    }
    return e;
  }

  return [
    pure('path-directory', 1, 1, (p: Value) => {
      const s = str(p, 1);
      return new MString(s.slice(0, dirEnd(s)));
    }),
    pure('path-strip-directory', 1, 1, (p: Value) => {
      const s = str(p, 1);
      return new MString(s.slice(dirEnd(s)));
    }),
    pure('path-extension', 1, 1, (p: Value) => {
      const s = str(p, 1), i = extStart(s);
      return new MString(i < 0 ? '' : s.slice(i));
    }),
    pure('path-strip-extension', 1, 1, (p: Value) => {
      const s = str(p, 1), i = extStart(s);
      return new MString(i < 0 ? s : s.slice(0, i));
    }),
    plain('path-expand', 1, 2, (p: Value, origin?: Value) =>
      new MString(expand(str(p, 1), origin === undefined ? cwd() : expand(str(origin, 2), cwd())))),
    // A missing last name is kept, after its directory's real path (gsi); a missing directory
    // is an error.
    plain('path-normalize', 1, 1, (p: Value) => {
      const full = expand(str(p, 1), cwd());
      const real = (q: string): string => {
        if (host.realPath === undefined) {
          if (!host.fileExists(q)) throw new ErrorObj('no-such-file', '');
          return host.resolvePath(q, null);
        }
        const r = host.realPath(q);
        return r.directory ? withSlash(r.path) : r.path;
      };
      const name = full.slice(dirEnd(full));
      if (name === '' || host.fileExists(full)) return new MString(real(full));
      return new MString(withSlash(real(full.slice(0, dirEnd(full)))) + name);
    }),
    plain('current-directory', 0, 1, (dir?: Value) => {
      if (dir === undefined) return new MString(cwd());
      try {
        const d = str(dir, 1);
        if (host.changeDirectory === undefined) throw new ErrorObj('os', 'Cannot change the current directory here');
        host.changeDirectory(expand(d, cwd()));
      } catch (e: unknown) {
        throw inMakeParameter(e);
      }
      return VOID;
    }),
    plain('system-type', 0, 0, () => arrayToList((host.systemType?.() ?? ['unknown', 'unknown', 'unknown']).map((s) => intern(s)))),
    pure('system-version', 0, 0, () => GAMBIT_VERSION),
    pure('system-version-string', 0, 0, () => new MString(GAMBIT_VERSION_STRING)),
    plain('console-port', 0, 0, () => {
      const ports = portsOf(vm);
      return ports.console ?? ports.stdout;
    }),
  ];
};
