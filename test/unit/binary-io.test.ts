// Tests of runtime/prims/binary-io.ts and the byte side of runtime/ports.ts (u8vector ports,
// byte reads and writes on file ports). Expected values were observed in gsi 4.9.3; the Scheme
// that produced them is in the comments.

import { expect } from 'chai';
import { EOF, MString, U8Vector, internKeyword, intern, list, makeChar, type Value } from '../../runtime/values.js';
import { ErrorObj } from '../../runtime/errors.js';
import { Port, flushAllPorts, openInputU8vector, readByte, readCode } from '../../runtime/ports.js';
import { ioPrims } from '../../runtime/prims/io.js';
import { binaryIoPrims } from '../../runtime/prims/binary-io.js';
import { errorMessage } from '../../runtime/error-text.js';
import { primWorld, type PrimWorld } from './helpers/prim-world.js';

function world(files: Record<string, string> = {}): PrimWorld {
  return primWorld([ioPrims, binaryIoPrims], files);
}

const u8 = (...b: number[]): U8Vector => new U8Vector(Uint8Array.from(b));
const bytes = (v: Value): number[] => [...(v as U8Vector).bytes];

describe('#u8vector ports', () => {
  it('reads bytes, and characters decoded as ISO-8859-1 by default', () => {
    // (define i (open-input-u8vector '#u8(200 65 66 10))) (read-u8 i) => 200
    // (read-char i) => #\A ; (read-line i) => "B" ; (read-u8 i) => #!eof
    const { call } = world();
    const i = call('open-input-u8vector', u8(200, 65, 66, 10));
    expect(call('read-u8', i)).to.equal(200);
    expect(call('read-char', i)).to.equal(makeChar(65));
    expect((call('read-line', i) as MString).s).to.equal('B');
    expect(call('read-u8', i)).to.equal(EOF);
    expect(readCode(openInputU8vector(Uint8Array.from([233])))).to.equal(233);
  });

  it('decodes UTF-8 when the settings say so', () => {
    // (read-char (open-input-u8vector '(init: #u8(195 169) char-encoding: UTF-8))) => #\xe9
    const { call } = world();
    const settings = list(internKeyword('init'), u8(195, 169), internKeyword('char-encoding'), intern('UTF-8'));
    expect(call('read-char', call('open-input-u8vector', settings))).to.equal(makeChar(0xe9));
  });

  it('refuses a byte read while decoded characters wait, as gsi does', () => {
    // (define m (open-input-u8vector '#u8(65 66))) (read-char m) (read-u8 m)
    // => Input port character buffer is not empty
    const { vm, call, fails } = world();
    const m = call('open-input-u8vector', u8(65, 66));
    call('read-char', m);
    const e = fails('read-u8', m);
    expect(errorMessage(vm, e)).to.equal('Input port character buffer is not empty');
    call('read-char', m);
    expect(call('read-u8', m)).to.equal(EOF);
  });

  it('accumulates bytes and encoded text, which get-output-u8vector hands over and clears', () => {
    // (define o (open-output-u8vector '#u8(9))) (write-u8 1 o) (write-char #\xe9 o) (display "ab" o)
    // (get-output-u8vector o) => #u8(9 1 233 97 98) ; again => #u8()
    const { call } = world();
    const o = call('open-output-u8vector', u8(9));
    call('write-u8', 1, o);
    call('write-char', makeChar(0xe9), o);
    call('display', new MString('ab'), o);
    expect(bytes(call('get-output-u8vector', o))).to.deep.equal([9, 1, 233, 97, 98]);
    expect(bytes(call('get-output-u8vector', o))).to.deep.equal([]);
  });

  it('fails at once on a character beyond ISO-8859-1 written to a Latin-1 port', () => {
    const { vm, call, fails } = world();
    const e = fails('write-char', makeChar(955), call('open-output-u8vector'));
    expect(errorMessage(vm, e)).to.equal("Can't convert to C char-string");
  });

  it('reads and writes ranges of u8vectors with gsi\'s counts and end-of-file results', () => {
    // (read-bytevector! v i 1 3) => 2 ; (read-subu8vector w 0 4 k) at the end => 0
    // (read-bytevector 0 i) => #!eof
    const { call } = world();
    const v = u8(0, 0, 0, 0, 0);
    const i = call('open-input-bytevector', u8(1, 2, 3));
    expect(call('read-bytevector!', v, i, 1, 3)).to.equal(2);
    expect(bytes(v)).to.deep.equal([0, 1, 2, 0, 0]);
    expect(call('read-subu8vector', v, 0, 5, i)).to.equal(1);
    expect(call('read-subu8vector', v, 0, 5, i)).to.equal(0);
    expect(call('read-bytevector!', v, i)).to.equal(EOF);
    expect(call('read-bytevector', 0, call('open-input-bytevector', u8(1)))).to.equal(EOF);
    const o = call('open-output-bytevector');
    call('write-bytevector', u8(1, 2, 3, 4), o, 1, 3);
    call('write-subu8vector', u8(9, 8, 7), 2, 3, o);
    expect(bytes(call('get-output-bytevector', o))).to.deep.equal([2, 3, 7]);
  });

  it('checks start in [0, length] and then end in [start, length]', () => {
    // (write-bytevector '#u8(1 2) o 2 1) => (Argument 4) Out of range
    // (read-bytevector! (make-u8vector 2) i 3) => (Argument 3) Out of range
    // (write-subu8vector '#u8(1 2) 1 0 o) => (Argument 3) Out of range
    const { call, fails } = world();
    const o = call('open-output-u8vector');
    const i = call('open-input-u8vector', u8(1));
    const r = (e: ErrorObj): [string, number] => [e.kind, e.argNum];
    expect(r(fails('write-bytevector', u8(1, 2), o, 2, 1))).to.deep.equal(['range', 4]);
    expect(r(fails('read-bytevector!', u8(0, 0), i, 3))).to.deep.equal(['range', 3]);
    expect(r(fails('write-subu8vector', u8(1, 2), 1, 0, o))).to.deep.equal(['range', 3]);
  });

  it('reports gsi\'s type names', () => {
    const { call, fails } = world();
    const cases: Array<[string, Value[], number, string]> = [
      ['read-u8', [call('open-input-string', new MString('a'))], 1, 'Byte INPUT PORT'],
      ['write-u8', [256, call('open-output-u8vector')], 1, 'Unsigned 8 bit exact INTEGER'],
      ['open-input-u8vector', [5], 1, 'U8VECTOR or port settings'],
      ['open-output-u8vector', [list(internKeyword('foo'), 1)], 1, 'U8VECTOR or port settings'],
      ['get-output-u8vector', [call('open-output-string')], 1, 'U8vector OUTPUT PORT'],
      ['open-input-bytevector', [5], 1, 'U8VECTOR'],
      ['read-bytevector', [2, 5], 2, 'Byte INPUT PORT'],
      ['write-subu8vector', [u8(1), 0, 1, call('open-output-string')], 4, 'Byte OUTPUT PORT'],
      ['input-port-open?', [call('open-output-u8vector')], 1, 'INPUT PORT'],
    ];
    for (const [name, args, argNum, typeName] of cases) {
      const e = fails(name, ...args);
      expect([e.kind, e.argNum, e.typeName], name).to.deep.equal(['type', argNum, typeName]);
    }
  });

  it('tells binary ports from textual ones', () => {
    // (binary-port? (open-input-string "x")) => #f ; every port is textual
    const { call } = world();
    expect(call('binary-port?', call('open-output-u8vector'))).to.equal(true);
    expect(call('binary-port?', call('open-input-string', new MString('x')))).to.equal(false);
    expect(call('textual-port?', call('open-input-u8vector', u8()))).to.equal(true);
    expect(call('binary-port?', 5)).to.equal(false);
  });
});

describe('#binary file ports', () => {
  it('writes bytes that are not UTF-8 and reads them back', () => {
    const { vm, host, call } = world();
    const o = call('open-output-file', new MString('b.bin'));
    call('write-u8', 200, o);
    call('write-bytevector', u8(0, 255), o);
    call('display', new MString('x'), o);
    call('close-port', o);
    expect([...host.binaryFiles.get('/home/b.bin')!]).to.deep.equal([200, 0, 255, 120]);
    const i = call('open-binary-input-file', new MString('b.bin')) as Port;
    expect(bytes(call('read-bytevector', 10, i))).to.deep.equal([200, 0, 255, 120]);
    expect(readByte(i)).to.equal(-1);
    flushAllPorts(vm);
  });

  it('writes text as UTF-8 and refuses byte reads once the port is closed', () => {
    // (close-port i) (read-u8 i) => Device is closed
    const { vm, host, call, fails } = world({ '/home/t.txt': 'ab' });
    const o = call('open-output-file', new MString('u.txt'));
    call('write-char', makeChar(955), o);
    call('close-port', o);
    expect(host.files.get('/home/u.txt')).to.equal('\u03bb');
    const i = call('open-input-file', new MString('t.txt'));
    expect(call('read-u8', i)).to.equal(97);
    call('close-port', i);
    expect(errorMessage(vm, fails('read-u8', i))).to.equal('Device is closed');
  });
});
