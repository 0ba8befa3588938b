// Tests of runtime/prims/files.ts on the in-memory host: the file system procedures and gsi's
// errors for them (observed in gsi 4.9.3; the Scheme is in the comments).

import { expect } from 'chai';
import { MString, NIL, VOID, internKeyword, list, listToArray, type Value } from '../../runtime/values.js';
import { ErrorObj } from '../../runtime/errors.js';
import { filePrims } from '../../runtime/prims/files.js';
import { callForm, errorMessage } from '../../runtime/error-text.js';
import { primWorld, type PrimWorld } from './helpers/prim-world.js';

function world(files: Record<string, string> = {}): PrimWorld {
  return primWorld([filePrims], files);
}

const s = (x: string): MString => new MString(x);
const names = (v: Value): string[] => listToArray(v)!.map((x) => (x as MString).s);

describe('#filePrims', () => {
  it('creates, lists and deletes directories', () => {
    const { host, call } = world({ '/home/d/a.txt': 'a', '/home/d/.h': 'h' });
    expect(call('create-directory', s('e'))).to.equal(VOID);
    expect(call('file-exists?', s('e'))).to.equal(true);
    expect(call('directory-files', s('e'))).to.equal(NIL);
    expect(names(call('directory-files', s('d')))).to.deep.equal(['a.txt']);
    // (directory-files (list path: "d" ignore-hidden: #f)) includes "." and ".."
    expect(names(call('directory-files', list(internKeyword('path'), s('d'), internKeyword('ignore-hidden'), false))))
      .to.deep.equal(['.', '..', '.h', 'a.txt']);
    call('delete-directory', s('e'));
    expect(host.dirs.has('/home/e')).to.equal(false);
  });

  it('copies, renames and deletes files', () => {
    const { host, call } = world({ '/home/a.txt': 'alpha' });
    call('copy-file', s('a.txt'), s('b.txt'));
    call('rename-file', s('b.txt'), s('c.txt'));
    expect([host.files.get('/home/b.txt'), host.files.get('/home/c.txt')]).to.deep.equal([undefined, 'alpha']);
    call('delete-file', s('c.txt'));
    expect(call('file-exists?', s('c.txt'))).to.equal(false);
  });

  it('raises gsi\'s errors for missing and existing files', () => {
    // (delete-file "nope") => No such file or directory ; (copy-file "a.txt" "a.txt") => File exists
    // (delete-directory "d") => Directory not empty ; (delete-file "d") => Is a directory
    const { vm, fails } = world({ '/home/a.txt': 'a', '/home/d/x': 'x' });
    const msg = (e: ErrorObj): string => errorMessage(vm, e);
    expect(msg(fails('delete-file', s('nope')))).to.equal('No such file or directory');
    expect(msg(fails('copy-file', s('a.txt'), s('a.txt')))).to.equal('File exists');
    expect(msg(fails('create-directory', s('d')))).to.equal('File exists');
    expect(msg(fails('delete-directory', s('d')))).to.equal('Directory not empty');
    expect(msg(fails('delete-file', s('d')))).to.equal('Is a directory');
    expect(msg(fails('delete-directory', s('a.txt')))).to.equal('Not a directory');
  });

  it('shows gsi\'s internal open-directory call form for directory-files', () => {
    // (directory-files "nope") => No such file or directory / (open-directory "nope")
    const { vm, fails } = world();
    const e = fails('directory-files', list(internKeyword('path'), s('nope')));
    expect(callForm(vm, e)).to.equal('(open-directory "nope")');
  });

  it('checks its arguments as gsi does', () => {
    const { fails } = world();
    const cases: Array<[string, Value[], number, string]> = [
      ['delete-file', [5], 1, 'STRING'],
      ['rename-file', [s('x'), 5], 2, 'STRING'],
      ['copy-file', [5, s('x')], 1, 'STRING'],
      ['create-directory', [list(internKeyword('path'), s('x'), internKeyword('foo'), 1)], 1, 'STRING or port settings'],
      ['delete-directory', [list(internKeyword('path'), s('x'))], 1, 'STRING'],
      ['directory-files', [5], 1, 'STRING or port settings'],
      ['file-exists?', [5], 1, 'STRING'],
    ];
    for (const [name, args, argNum, typeName] of cases) {
      const e = fails(name, ...args);
      expect([e.kind, e.argNum, e.typeName], name).to.deep.equal(['type', argNum, typeName]);
    }
  });
});
