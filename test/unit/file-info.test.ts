// Tests of runtime/prims/file-info.ts on the in-memory host (whose files have fixed inodes,
// owners and times, so the whole printed form can be checked), and of the Node host's
// fileInfo on files this test makes. gsi 4.9.3's output is in the comments;
// test/golden/cases/52-files/file-info.scm covers what is stable on a real file system.

import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeHost } from '../../cli/node-host.js';
import { errorMessage } from '../../runtime/error-text.js';
import { fileInfoPrims } from '../../runtime/prims/file-info.js';
import { writeString } from '../../runtime/printer.js';
import { MString, STime, SVector, intern, type Value } from '../../runtime/values.js';
import { primWorld, type PrimWorld } from './helpers/prim-world.js';

function world(files: Record<string, string> = {}): PrimWorld {
  return primWorld([fileInfoPrims], files);
}

const s = (x: string): MString => new MString(x);
const seconds = (t: Value): number => (t as STime).seconds;

describe('#fileInfoPrims', () => {
  it('prints a file-info as gsi prints a record, times as time objects', () => {
    const { vm, host, call } = world({ '/home/a.txt': 'héllo' });
    host.clock = 1_700_000_000_500;
    expect(writeString(vm, call('file-info', s('a.txt')), false)).to.equal(
      '#<file-info #2 type: regular device: 1 inode: 0 mode: 420 number-of-links: 1 owner: 0 group: 0 size: 6 '
      + 'last-access-time: #<time #3> last-modification-time: #<time #4> last-change-time: #<time #5> '
      + 'attributes: 128 creation-time: #<time #6>>');
  });

  it('gives whole-second times, and the most negative flonum for a creation time the system lacks', () => {
    // (time->seconds (file-info-creation-time (file-info "/tmp"))) => -1.7976931348623157e308
    const { host, call } = world({ '/home/a.txt': 'a' });
    host.clock = 1_700_000_000_999;
    const fi = call('file-info', s('a.txt'));
    expect(seconds(call('file-info-last-modification-time', fi))).to.equal(1_700_000_000);
    expect(seconds(call('file-info-creation-time', fi))).to.equal(-Number.MAX_VALUE);
    expect(seconds(call('file-creation-time', s('a.txt')))).to.equal(-Number.MAX_VALUE);
  });

  it('reads every field through its accessor and its path shortcut', () => {
    const { call } = world({ '/home/d/a.txt': 'abc' });
    const fi = call('file-info', s('d'));
    expect(call('file-info?', fi)).to.equal(true);
    expect(call('file-info?', new STime(0))).to.equal(false);
    expect([call('file-info-type', fi), call('file-info-attributes', fi), call('file-info-mode', fi)])
      .to.deep.equal([intern('directory'), 16, 0o755]);
    expect([call('file-type', s('d/a.txt')), call('file-size', s('d/a.txt')), call('file-attributes', s('d/a.txt'))])
      .to.deep.equal([intern('regular'), 3, 128]);
    expect([call('file-number-of-links', s('d')), call('file-owner', s('d')), call('file-group', s('d'))])
      .to.deep.equal([2, 0, 0]);
  });

  it('raises the host\'s error and gsi\'s argument errors', () => {
    // (file-size "nope") => No such file or directory (the machine adds the call form)
    // (file-info "a.txt/x") => Not a directory
    // (file-info-type 5) => (Argument 1) Instance of #<type #2 file-info> expected
    const { vm, fails } = world({ '/home/a.txt': 'a' });
    const e = fails('file-size', s('nope'));
    expect([e.kind, errorMessage(vm, e)]).to.deep.equal(['no-such-file', 'No such file or directory']);
    expect(errorMessage(vm, fails('file-info', s('a.txt/x')))).to.equal('Not a directory');
    const t = fails('file-info', 5);
    expect([t.kind, t.argNum, t.typeName]).to.deep.equal(['type', 1, 'STRING']);
    expect(errorMessage(vm, fails('file-info-type', new SVector([1])))).to.match(/^\(Argument 1\) Instance of #<type #\d+ file-info> expected$/);
  });
});

describe('NodeHost#fileInfo', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gsi-ts-file-info-')); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('stats a file, or with chase false the symbolic link itself', () => {
    const host = new NodeHost(['gsi-ts']);
    const f = path.join(dir, 'f.txt');
    fs.writeFileSync(f, 'hello');
    fs.chmodSync(f, 0o4750);
    fs.symlinkSync(f, path.join(dir, 'l'));
    const st = fs.statSync(f);
    const fi = host.fileInfo(f, true);
    expect([fi.type, fi.size, fi.mode, fi.links, fi.inode, fi.creationTime])
      .to.deep.equal(['regular', 5, 0o4750, 1, st.ino, null]);
    expect(fi.modificationTime).to.equal(Math.floor(st.mtimeMs / 1000));
    expect(host.fileInfo(path.join(dir, 'l'), true).type).to.equal('regular');
    expect(host.fileInfo(path.join(dir, 'l'), false).type).to.equal('symbolic-link');
    expect(host.fileInfo(dir, false).type).to.equal('directory');
  });

  it('fails as gsi does for a missing file', () => {
    const host = new NodeHost(['gsi-ts']);
    expect(() => host.fileInfo(path.join(dir, 'none'), true)).to.throw('No such file or directory');
  });
});
