// The file system (Gambit manual ch. 16 "Host environment" / "Filesystem operations"):
// file-exists?, delete-file, rename-file, copy-file, create-directory, delete-directory,
// directory-files. All go through the Host; relative paths are relative to the current
// directory. Failures are the host's errors (`No such file or directory`, `File exists`...)
// with the call form, as gsi shows them; a missing directory given to directory-files is
// reported as gsi does, with the call form of its internal `(open-directory "path")`.

import { checkString } from '../check.js';
import { ErrorObj, typeError } from '../errors.js';
import { plain, type PrimFactory } from '../primitive.js';
import { Keyword, MString, NIL, Pair, Primitive, VOID, arrayToList, type Value } from '../values.js';

const STRING_OR_SETTINGS = 'STRING or port settings';

/** A path given as a string or as settings `(path: "dir" key: value ...)` with only these keys. */
function pathSettings(v: Value, arg: number, keys: readonly string[]): { path: string; opts: Map<string, Value> } {
  if (v instanceof MString) return { path: v.s, opts: new Map() };
  const opts = new Map<string, Value>();
  let x = v;
  while (x instanceof Pair && x.car instanceof Keyword && x.cdr instanceof Pair) {
    if (x.car.name !== 'path' && !keys.includes(x.car.name)) break;
    opts.set(x.car.name, x.cdr.car);
    x = x.cdr.cdr;
  }
  const path = opts.get('path');
  if (x !== NIL || !(path instanceof MString)) throw typeError(arg, STRING_OR_SETTINGS);
  return { path: path.s, opts };
}

export const filePrims: PrimFactory = (vm) => {
  const host = vm.host;
  const full = (p: string): string => host.resolvePath(p, null);
  /** Stands for gsi's internal procedure in the call form of directory-files' errors. */
  const openDirectory = new Primitive('open-directory', 1, 1, 'plain', () => VOID);

  return [
    plain('file-exists?', 1, 1, (path: Value) => host.fileExists(full(checkString(path, 1).s))),
    plain('delete-file', 1, 1, (path: Value) => {
      host.deleteFile(full(checkString(path, 1).s));
      return VOID;
    }),
    plain('rename-file', 2, 2, (from: Value, to: Value) => {
      const a = checkString(from, 1).s;
      const b = checkString(to, 2).s;
      host.renameFile(full(a), full(b));
      return VOID;
    }),
    plain('copy-file', 2, 2, (from: Value, to: Value) => {
      const a = checkString(from, 1).s;
      const b = checkString(to, 2).s;
      host.copyFile(full(a), full(b));
      return VOID;
    }),
    // (create-directory path-or-settings): `permissions:` is accepted and ignored.
    plain('create-directory', 1, 1, (path: Value) => {
      host.createDirectory(full(pathSettings(path, 1, ['permissions']).path));
      return VOID;
    }),
    plain('delete-directory', 1, 1, (path: Value) => {
      host.deleteDirectory(full(checkString(path, 1).s));
      return VOID;
    }),
    // (directory-files [path-or-settings]): the names in the directory (default "."), in the
    // host's order. `ignore-hidden:` is #t (the default: no names starting with "."),
    // dot-and-dot-dot (all but "." and ".."), or #f (all, "." and ".." first).
    plain('directory-files', 0, 1, (path?: Value) => {
      const { path: p, opts } = path === undefined ? { path: '.', opts: new Map<string, Value>() } : pathSettings(path, 1, ['ignore-hidden']);
      let names: string[];
      try {
        names = host.listDirectory(full(p));
      } catch (e: unknown) {
        if (e instanceof ErrorObj && e.proc === null) {
          e.proc = openDirectory;
          e.args = [new MString(p)];
        }
        throw e;
      }
      const hidden = opts.get('ignore-hidden') ?? true;
      if (hidden === false) names = ['.', '..', ...names];
      else if (hidden === true) names = names.filter((n) => !n.startsWith('.'));
      return arrayToList(names.map((n) => new MString(n)));
    }),
  ];
};
