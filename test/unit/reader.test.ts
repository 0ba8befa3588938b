// The reader: data, locations and errors. Expected data, messages and locations were checked
// against gsi 4.9.3 (`(write (quote TEXT))`, and files run under `script -qc "gsi f.scm"`),
// except where a test says it pins a deliberate difference.

import { expect } from 'chai';
import { Reader, isIncomplete, readAll } from '../../interpreter/reader.js';
import { ErrorObj, type Loc } from '../../runtime/errors.js';
import {
  Box, Char, Cpxnum, DEFAULT, EOF, Flonum, KEY, Keyword, MString, NIL, OPTIONAL, Pair, REST, Ratnum,
  NumVector, SVector, Special, Sym, U8Vector, VOID, intern, internKeyword, type Value,
} from '../../runtime/values.js';

/** A datum as text, close to `write` but telling symbols from strings from keywords apart. */
function show(v: Value): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return `${v}`;
  if (v === true) return '#t';
  if (v === false) return '#f';
  if (v instanceof Flonum) return Number.isInteger(v.v) ? `${v.v}.` : String(v.v);
  if (v instanceof Ratnum) return `${v.num}/${v.den}`;
  if (v instanceof Cpxnum) return `${show(v.re)}+${show(v.im)}i`;
  if (v instanceof Sym) return v.interned ? v.name : `#:${v.name}`;
  if (v instanceof Keyword) return `${v.name}:`;
  if (v instanceof MString) return JSON.stringify(v.s);
  if (v instanceof Char) return `#\\x${v.code.toString(16)}`;
  if (v instanceof Special) return v.name;
  if (v instanceof SVector) return `#(${v.items.map(show).join(' ')})`;
  if (v instanceof U8Vector) return `#u8(${Array.from(v.bytes).join(' ')})`;
  if (v instanceof NumVector) return `#${v.kind}(${Array.from(v.elems as ArrayLike<number | bigint>, (e) => String(e)).join(' ')})`;
  if (v instanceof Box) return `#&${show(v.value)}`;
  if (v instanceof Pair) {
    const parts: string[] = [];
    let x: Value = v;
    while (x instanceof Pair) {
      parts.push(show(x.car));
      x = x.cdr;
    }
    return `(${parts.join(' ')}${x === NIL ? '' : ` . ${show(x)}`})`;
  }
  return '?';
}

/** Reads the single datum of `text`. */
function read1(text: string): Value {
  return new Reader(text, { container: 't.scm' }).read();
}

function readShown(text: string): string[] {
  return readAll(text, 't.scm').map((d) => show(d.datum));
}

/** The error reading all of `text` throws, as "message @line.col" plus whether incomplete. */
function readError(text: string): string {
  try {
    readAll(text, 't.scm');
  } catch (e: unknown) {
    if (!(e instanceof ErrorObj)) throw e;
    expect(e.kind).to.equal('reader');
    const where = e.loc === null ? '' : ` @${e.loc.line}.${e.loc.col}`;
    return `${e.message}${where}${isIncomplete(e) ? ' (incomplete)' : ''}`;
  }
  return 'no error';
}

function at(loc: Loc | undefined | null): string {
  return loc === undefined || loc === null ? 'none' : `${loc.container}@${loc.line}.${loc.col}`;
}

describe('#Reader', () => {
  describe('lists and vectors', () => {
    it('reads proper and dotted lists', () => {
      expect(readShown('() (1 2 3) (1 . 2) (1 2 . 3) (a . (b c))')).to.deep.equal([
        '()', '(1 2 3)', '(1 . 2)', '(1 2 . 3)', '(a b c)',
      ]);
    });

    it('reads square and curly brackets as parentheses', () => {
      expect(readShown('[a b] {c d} ([e] . {f})')).to.deep.equal(['(a b)', '(c d)', '((e) f)']);
    });

    it('reads the empty list as NIL', () => {
      expect(read1('()')).to.equal(NIL);
      expect(read1('[ ]')).to.equal(NIL);
    });

    it('skips datum comments inside and around a dotted tail', () => {
      expect(readShown('(a . #;1 b) (a #;1 . b) (a . b #;1) (1 #;(2 3) 4)')).to.deep.equal([
        '(a . b)', '(a . b)', '(a . b)', '(1 4)',
      ]);
    });

    it('reads a dot at the start of a list as the symbol . (as gsi does)', () => {
      const v = read1('(. 1)') as Pair;
      expect(v.car).to.equal(intern('.'));
      expect(show(v)).to.equal('(. 1)');
      expect(readShown('(. . 1) (.)')).to.deep.equal(['(. . 1)', '(.)']);
    });

    it('reads ... and tokens starting with a dot as symbols or numbers', () => {
      const v = read1('(... .a .. .5)') as Pair;
      expect(v.car).to.equal(intern('...'));
      expect(show(v)).to.equal('(... .a .. 0.5)');
    });

    it('reads vectors and u8vectors', () => {
      const v = read1('#(1 #(2) "x")');
      expect(v).to.be.instanceOf(SVector);
      expect(show(v)).to.equal('#(1 #(2) "x")');
      const u = read1('#u8(1 2 255)');
      expect(u).to.be.instanceOf(U8Vector);
      expect(Array.from((u as U8Vector).bytes)).to.deep.equal([1, 2, 255]);
      expect(show(read1('#u8()'))).to.equal('#u8()');
      expect(show(read1('#()'))).to.equal('#()');
    });

    it('reads the other homogeneous vectors, 64-bit elements exactly and f32 ones rounded', () => {
      expect(show(read1('(#s8(-128 127) #u16(65535) #s32(-1) #u64(18446744073709551615) #f64(1.5 -2.))')))
        .to.equal('(#s8(-128 127) #u16(65535) #s32(-1) #u64(18446744073709551615) #f64(1.5 -2))');
      const f = read1('#f32(.1)') as NumVector;
      expect(f.kind).to.equal('f32');
      expect(f.elems[0]).to.equal(Math.fround(0.1));
    });

    it('reads boxes', () => {
      const b = read1('#&(1 2)');
      expect(b).to.be.instanceOf(Box);
      expect(show(b)).to.equal('#&(1 2)');
    });

    it('does not need delimiters around parentheses and strings', () => {
      expect(readShown('(a(b)c)(1"a")(#t(1))')).to.deep.equal(['(a (b) c)', '(1 "a")', '(#t (1))']);
    });
  });

  describe('abbreviations', () => {
    it('reads quote, quasiquote, unquote and unquote-splicing', () => {
      expect(readShown("'a `(a ,b ,@c) '(1 . 'a) (a'b)")).to.deep.equal([
        '(quote a)',
        '(quasiquote (a (unquote b) (unquote-splicing c)))',
        '(quote (1 quote a))',
        '(a (quote b))',
      ]);
    });

    it("reads gsi's syntax abbreviations", () => {
      expect(readShown("#'a #`a #,a #,@a")).to.deep.equal([
        '(syntax a)', '(quasisyntax a)', '(unsyntax a)', '(unsyntax-splicing a)',
      ]);
    });

    it('heads abbreviations with the interned symbols', () => {
      expect((read1("'a") as Pair).car).to.equal(intern('quote'));
    });
  });

  describe('atoms', () => {
    it('reads symbols case-sensitively', () => {
      expect(read1('aBc')).to.equal(intern('aBc'));
      expect(read1('ABC')).not.to.equal(intern('abc'));
    });

    it('reads Gambit internal names and # inside symbols', () => {
      expect(readShown('##car abc#def a#b')).to.deep.equal(['##car', 'abc#def', 'a#b']);
      expect(read1('##car')).to.equal(intern('##car'));
    });

    it('reads numbers through parseNumber and non-numbers as symbols', () => {
      expect(readShown('1 -5 1.5 1/3 12345678901234567890 #e1.5 #x-ff + - 1+ -a 1/0')).to.deep.equal([
        '1', '-5', '1.5', '1/3', '12345678901234567890', '3/2', '-255', '+', '-', '1+', '-a', '1/0',
      ]);
      expect(read1('1/0')).to.equal(intern('1/0'));
    });

    it('reads |symbols| with escapes', () => {
      expect(read1('|a b|')).to.equal(intern('a b'));
      expect(read1('|a\\x41;b|')).to.equal(intern('aAb'));
      expect(read1('|a\\|b|')).to.equal(intern('a|b'));
      expect(read1('|1|')).to.equal(intern('1'));
      expect(read1('||')).to.equal(intern(''));
    });

    it('ends a symbol at a vertical bar', () => {
      expect(readShown('a|b c|d |a|b|c|')).to.deep.equal(['a', 'b c', 'd', 'a', 'b', 'c']);
    });

    it('reads a token ending in a colon as a keyword', () => {
      expect(read1('foo:')).to.equal(internKeyword('foo'));
      expect(read1('1:')).to.equal(internKeyword('1'));
      expect(read1('::')).to.equal(internKeyword(':'));
      expect(read1('b:c')).to.equal(intern('b:c'));
      expect(read1(':d')).to.equal(intern(':d'));
      expect(read1(':')).to.equal(intern(':'));
    });

    it('reads |name|: as a keyword, as gsi does', () => {
      expect(read1('|a|:')).to.equal(internKeyword('a'));
      expect(read1('||:')).to.equal(internKeyword(''));
      expect(read1('|a:|')).to.equal(intern('a:'));
      expect(readShown('|a|:b')).to.deep.equal(['a:', 'b']);
    });

    it('reads booleans in both spellings and any case', () => {
      expect(readShown('#t #f #true #false #T #FALSE')).to.deep.equal(['#t', '#f', '#t', '#f', '#t', '#f']);
    });

    it('reads the #! constants', () => {
      const vs = readAll('#!eof #!void #!optional #!rest #!key', 't').map((d) => d.datum);
      expect(vs).to.deep.equal([EOF, VOID, OPTIONAL, REST, KEY]);
    });

    it('reads #!default, which gsi 4.9.3 rejects (deliberate difference)', () => {
      expect(read1('#!default')).to.equal(DEFAULT);
    });

    it('reads #:name as a fresh uninterned symbol', () => {
      const [a, b] = readAll('#:foo #:foo', 't').map((d) => d.datum) as [Sym, Sym];
      expect(a.name).to.equal('foo');
      expect(a.interned).to.equal(false);
      expect(a).not.to.equal(b);
    });

    it('reads #N as (serial-number->object N), ending at the last digit', () => {
      expect(readShown('#3 #12345678901234567890 #1a #1.5')).to.deep.equal([
        '(serial-number->object 3)',
        '(serial-number->object 12345678901234567890)',
        '(serial-number->object 1)', 'a',
        '(serial-number->object 1)', '0.5',
      ]);
    });

    it('reads #, ## and ### as REPL history references', () => {
      expect(readShown('# ## ###')).to.deep.equal([
        '(repl-result-history-ref 0)', '(repl-result-history-ref 1)', '(repl-result-history-ref 2)',
      ]);
    });
  });

  describe('strings', () => {
    it('reads a string as a fresh MString', () => {
      const a = read1('"abc"');
      expect(a).to.be.instanceOf(MString);
      expect((a as MString).s).to.equal('abc');
      expect(read1('"abc"')).not.to.equal(a);
    });

    it('reads the named escapes', () => {
      expect((read1('"a\\tb\\rc\\ad\\be\\nf\\vg\\fh\\\\i\\"j\\\'k\\?l\\|m"') as MString).s).to.equal(
        'a\tb\rc\x07d\x08e\nf\x0bg\x0ch\\i"j\'k?l|m',
      );
    });

    it('reads hexadecimal escapes with their semicolon, and \\u and \\U with 4 and 8 digits', () => {
      expect((read1('"a\\x41;b\\x3bb;\\x;"') as MString).s).to.equal('aAb\u03bb\0');
      expect((read1('"\\u0041\\U00000041\\U0001F600"') as MString).s).to.equal('AA\u{1F600}');
    });

    it('reads octal escapes of up to three digits and at most 255', () => {
      expect((read1('"\\101\\033x\\0\\07\\377"') as MString).s).to.equal('A\x1bx\0\x07\xff');
      expect((read1('"\\400"') as MString).s).to.equal(' 0');
    });

    it('skips a backslash-newline and the next line\'s leading blanks', () => {
      expect((read1('"a\\\n    b"') as MString).s).to.equal('ab');
      expect((read1('"a\\\r\n\tb"') as MString).s).to.equal('ab');
    });

    it('reads backslash-space as a space and keeps the line end after it', () => {
      expect((read1('"x\\ \n  y"') as MString).s).to.equal('x \n  y');
    });

    it('reads a CR LF line end inside a string as a newline', () => {
      expect((read1('"a\r\nb"') as MString).s).to.equal('a\nb');
    });
  });

  describe('characters', () => {
    function code(text: string): number {
      return (read1(text) as Char).code;
    }

    it('reads single characters, delimiters included', () => {
      expect(['#\\a', '#\\A', '#\\(', '#\\)', '#\\;', '#\\"', '#\\\\', '#\\|', '#\\1', '#\\x', '#\\ '].map(code))
        .to.deep.equal([97, 65, 40, 41, 59, 34, 92, 124, 49, 120, 32]);
    });

    it("reads gsi's character names", () => {
      const names = ['null', 'nul', 'alarm', 'backspace', 'tab', 'newline', 'linefeed', 'vtab', 'page',
        'return', 'escape', 'space', 'delete'];
      expect(names.map((n) => code(`#\\${n}`))).to.deep.equal([0, 0, 7, 8, 9, 10, 10, 11, 12, 13, 27, 32, 127]);
    });

    it('reads hexadecimal character codes', () => {
      expect(['#\\x41', '#\\x0', '#\\x00041', '#\\x3bb', '#\\xffff', '#\\x41a', '#\\x10FFFF'].map(code))
        .to.deep.equal([0x41, 0, 0x41, 0x3bb, 0xffff, 0x41a, 0x10ffff]);
    });

    it('reads a character outside the BMP as one code point', () => {
      expect(code('#\\\u{1F600}')).to.equal(0x1f600);
      expect(code('#\\λ')).to.equal(0x3bb);
    });

    it('ends a character at the next delimiter', () => {
      expect(readShown('(#\\a)(#\\()')).to.deep.equal(['(#\\x61)', '(#\\x28)']);
    });
  });

  describe('comments', () => {
    it('skips line comments, nested block comments and datum comments', () => {
      expect(readShown('; c\n1 #| a #| b |# c |# 2 #;3 4 #;#;5 6 7')).to.deep.equal(['1', '2', '4', '7']);
      expect(readShown('(1;c\n2) (#;a) (#|a|#)')).to.deep.equal(['(1 2)', '()', '()']);
    });

    it('reports a final datum comment with nothing to skip as gsi does, Datum expected at the end', () => {
      expect(readError('#;')).to.equal('Datum expected @1.3 (incomplete)');
      expect(readError('1 #; ')).to.equal('Datum expected @1.6 (incomplete)');
    });

    it('returns EOF after only comments', () => {
      expect(read1('  ; only a comment')).to.equal(EOF);
      expect(read1('')).to.equal(EOF);
    });

    it('honors #!fold-case and #!no-fold-case (gsi 4.9.3 rejects them: deliberate difference)', () => {
      expect(readShown('#!fold-case ABC Foo: #\\SPACE #!no-fold-case ABC')).to.deep.equal([
        'abc', 'foo:', '#\\x20', 'ABC',
      ]);
    });
  });

  describe('datum labels', () => {
    it('shares a labeled datum', () => {
      const v = read1('(#0=(1 2) #0#)') as Pair;
      expect(show(v)).to.equal('((1 2) (1 2))');
      expect((v.cdr as Pair).car).to.equal(v.car);
    });

    it('builds a cyclic list', () => {
      const v = read1('#0=(a . #0#)') as Pair;
      expect(v.car).to.equal(intern('a'));
      expect(v.cdr).to.equal(v);
    });

    it('builds cycles through vectors, boxes and cars', () => {
      const vec = read1('#0=#(1 #0#)') as SVector;
      expect(vec.items[1]).to.equal(vec);
      const box = read1('#1=#&#1#') as Box;
      expect(box.value).to.equal(box);
      const p = read1('#1=(#1# . 1)') as Pair;
      expect(p.car).to.equal(p);
    });

    it('resolves a label defined as a reference to an enclosing label', () => {
      const v = read1('#1=(a #0=#1# #0#)') as Pair;
      const rest = v.cdr as Pair;
      expect(rest.car).to.equal(v);
      expect((rest.cdr as Pair).car).to.equal(v);
    });

    it('scopes labels to one top-level datum', () => {
      expect(readError('#0=a #0#')).to.equal('Missing definition for label: 0 @1.6');
    });
  });

  describe('locations', () => {
    it('gives the location of each top-level datum in lastLoc', () => {
      const r = new Reader('  a\n (b c)\n\t"s" #;x 5', { container: 'f.scm' });
      const locs: string[] = [];
      for (let d = r.read(); d !== EOF; d = r.read()) locs.push(at(r.lastLoc));
      expect(locs).to.deep.equal(['f.scm@1.3', 'f.scm@2.2', 'f.scm@3.2', 'f.scm@3.10']);
      expect(at(r.lastLoc)).to.equal('f.scm@3.11');
    });

    it('maps each pair of a list to the location of its car', () => {
      const locations = new WeakMap<Pair, Loc>();
      const v = new Reader('(define (f x)\n  (car  x))', { container: 'f.scm', locations }).read() as Pair;
      const p2 = v.cdr as Pair; // ((f x) (car x))
      const p3 = p2.cdr as Pair;
      expect(at(locations.get(v))).to.equal('f.scm@1.2'); // define
      expect(at(locations.get(p2))).to.equal('f.scm@1.9'); // (f x)
      expect(at(locations.get((p2.car as Pair).cdr as Pair))).to.equal('f.scm@1.12'); // x
      expect(at(locations.get(p3))).to.equal('f.scm@2.3'); // (car x)
      const call = p3.car as Pair;
      expect(at(locations.get(call))).to.equal('f.scm@2.4'); // car
      expect(at(locations.get(call.cdr as Pair))).to.equal('f.scm@2.9'); // x
    });

    it('locates an abbreviation at its quote mark and its datum where it starts', () => {
      const locations = new WeakMap<Pair, Loc>();
      const v = new Reader("(a  '(b))", { container: 'c', locations }).read() as Pair;
      const q = (v.cdr as Pair).car as Pair; // (quote (b))
      expect(at(locations.get(v.cdr as Pair))).to.equal('c@1.5');
      expect(at(locations.get(q))).to.equal('c@1.5');
      expect(at(locations.get(q.cdr as Pair))).to.equal('c@1.6');
      expect(at(locations.get((q.cdr as Pair).car as Pair))).to.equal('c@1.7');
    });

    it('locates a dotted list\'s pairs and a vector inside a list', () => {
      const locations = new WeakMap<Pair, Loc>();
      const v = new Reader('(1 #(2)\n . (3))', { container: 'c', locations }).read() as Pair;
      expect(at(locations.get(v.cdr as Pair))).to.equal('c@1.4');
      expect(at(locations.get((v.cdr as Pair).cdr as Pair))).to.equal('c@2.5');
    });

    it('counts lines across strings, block comments and CR LF line ends', () => {
      const got = readAll('"a\nb" #| x\r\n y |# c\r\n d\re', 'f').map((d) => `${d.loc.line}.${d.loc.col}`);
      expect(got).to.deep.equal(['1.1', '3.7', '4.2', '5.1']);
    });

    it('counts a tab as one column, as gsi does', () => {
      expect(readAll('\t(car 1)', 'f').map((d) => d.loc.col)).to.deep.equal([2]);
    });

    it('starts at the given line and column', () => {
      const r = new Reader('a b\n c', { container: '(console)', line: 7, col: 5 });
      const locs: string[] = [];
      for (let d = r.read(); d !== EOF; d = r.read()) locs.push(at(r.lastLoc));
      expect(locs).to.deep.equal(['(console)@7.5', '(console)@7.7', '(console)@8.2']);
    });

    it('records #N and REPL history references at the # sign', () => {
      const locations = new Map<Pair, Loc>();
      const v = new Reader(' #3', { container: 'c', locations }).read() as Pair;
      expect(at(locations.get(v))).to.equal('c@1.2');
      expect(at(locations.get(v.cdr as Pair))).to.equal('c@1.2');
    });

    it('accepts a Map as the location table', () => {
      const locations = new Map<Pair, Loc>();
      readAll('(a (b c) d)', 'c', locations);
      expect(locations.size).to.equal(5);
    });
  });

  describe('pos', () => {
    it('is the index just past the datum last read', () => {
      const r = new Reader('(a b) c ', { container: 'c' });
      r.read();
      expect(r.pos).to.equal(5);
      r.read();
      expect(r.pos).to.equal(7);
      expect(r.read()).to.equal(EOF);
      expect(r.pos).to.equal(8);
    });

    it('is past a stray closing parenthesis after its error', () => {
      const r = new Reader('1)(+ 2 3)', { container: '(console)' });
      expect(r.read()).to.equal(1);
      expect(() => r.read()).to.throw();
      expect(r.pos).to.equal(2);
      expect(show(r.read())).to.equal('(+ 2 3)');
    });
  });

  describe('script files', () => {
    it('skips a first line starting with #! when asked', () => {
      const r = new Reader('#!/usr/bin/env gsi\n(display 1)', { container: 's', script: true });
      expect(show(r.read())).to.equal('(display 1)');
      expect(at(r.lastLoc)).to.equal('s@2.1');
    });

    it('does not skip it otherwise', () => {
      expect(readError('#!/usr/bin/env gsi\n')).to.equal('Invalid \'#!\' name: "/usr/bin/env" @1.1');
    });
  });

  describe('large input', () => {
    it('reads a flat list of 10^5 integers without recursion', () => {
      const text = `(${Array.from({ length: 100000 }, (_, i) => String(i % 1000)).join(' ')})`;
      new Reader(text, { container: 'c' }).read(); // warm up
      const t0 = performance.now();
      const v = new Reader(text, { container: 'c' }).read();
      const t1 = performance.now();
      const locations = new Map<Pair, Loc>();
      new Reader(text, { container: 'c', locations }).read();
      const t2 = performance.now();
      let n = 0;
      for (let x = v; x instanceof Pair; x = x.cdr) n++;
      expect(n).to.equal(100000);
      expect(locations.size).to.equal(100000);
      console.log(`      (10^5-element list: ${(t1 - t0).toFixed(1)} ms; with a location Map: ${(t2 - t1).toFixed(1)} ms)`);
    });

    it('reads lists nested 10^5 deep without overflowing the JS stack', () => {
      const depth = 100000;
      let v = read1(`${'('.repeat(depth)}x${')'.repeat(depth)}`);
      let n = 0;
      while (v instanceof Pair) {
        v = v.car;
        n++;
      }
      expect(n).to.equal(depth);
      expect(v).to.equal(intern('x'));
    });
  });

  describe('readAll', () => {
    it('returns each datum with its location', () => {
      const out = readAll('1\n (2)', 'f.scm');
      expect(out.map((d) => show(d.datum))).to.deep.equal(['1', '(2)']);
      expect(out.map((d) => at(d.loc))).to.deep.equal(['f.scm@1.1', 'f.scm@2.2']);
    });

    it('does not stop at a #!eof datum', () => {
      expect(readShown('1 #!eof 2')).to.deep.equal(['1', '#!eof', '2']);
    });
  });
});

describe('#isIncomplete', () => {
  it('is true for the errors of text ending inside a datum', () => {
    for (const text of ['(1 2', '(a (b', '"abc', '#| abc', '|abc', '#(1', '#u8(1', "'", '(1 .', '(a #;', '#0=',
      '#\\', '(a ,@', '#&']) {
      let err: unknown = null;
      try {
        readAll(text, 'c');
      } catch (e: unknown) {
        err = e;
      }
      expect(isIncomplete(err), text).to.equal(true);
    }
  });

  it('is false for other reader errors and for non-errors', () => {
    for (const text of [')', '(1 . )', '[1 2)', '#!foo', '"\\q"']) {
      let err: unknown = null;
      try {
        readAll(text, 'c');
      } catch (e: unknown) {
        err = e;
      }
      expect(err, text).to.be.instanceOf(ErrorObj);
      expect(isIncomplete(err), text).to.equal(false);
    }
    expect(isIncomplete(new Error('x'))).to.equal(false);
    expect(isIncomplete(null)).to.equal(false);
  });
});

describe('reader errors', () => {
  // [text, "message @line.col", with " (incomplete)" when caused by the end of the text]
  const cases: Array<[string, string]> = [
    ['(1 2', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['(a (b', 'Incomplete form, EOF reached @1.4 (incomplete)'],
    ['(a "abc', 'Incomplete form, EOF reached @1.4 (incomplete)'],
    ['"abc\n(display "after")\n', 'Incomplete form, EOF reached @2.16 (incomplete)'],
    ['(a #| x', 'Incomplete form, EOF reached @1.4 (incomplete)'],
    ['#| abc', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['(a |b', 'Incomplete form, EOF reached @1.4 (incomplete)'],
    ['#(1 2', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['#u8(1', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['(1 . 2', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['#\\', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ["'", 'Datum expected @1.2 (incomplete)'],
    ['(1 .', 'Datum expected @1.5 (incomplete)'],
    ['(a #;', 'Datum expected @1.6 (incomplete)'],
    ['#0=', 'Datum expected @1.4 (incomplete)'],
    [')', 'Datum or EOF expected @1.1'],
    ['1 ]', 'Datum or EOF expected @1.3'],
    ['(1 . )', 'Datum expected @1.6'],
    ["(a ')", 'Datum expected @1.5'],
    ['(a #;)', 'Datum expected @1.6'],
    ['#0=)', 'Datum expected @1.4'],
    ['(a . b . c)', 'Improperly placed dot @1.8'],
    ['(1 . . 2)', 'Improperly placed dot @1.6'],
    ['#(1 . 2)', 'Improperly placed dot @1.5'],
    ['#u8(1 . 2)', 'Improperly placed dot @1.7'],
    ['.', 'Improperly placed dot @1.1'],
    ['(a . b c)', 'Incomplete form @1.1'],
    ['[1 2)', 'Incomplete form @1.1'],
    ['(1 2]', 'Incomplete form @1.1'],
    ['#!foo', 'Invalid \'#!\' name: "foo" @1.1'],
    ['#!FOO', 'Invalid \'#!\' name: "FOO" @1.1'],
    ['(#!)', 'Invalid \'#!\' name: "" @1.2'],
    ['#!eof1', 'Invalid \'#!\' name: "eof1" @1.1'],
    ['#\\altmode', 'Invalid \'#\\\' name: "altmode" @1.1'],
    ['#\\rubout', 'Invalid \'#\\\' name: "rubout" @1.1'],
    ['#\\SPACE', 'Invalid \'#\\\' name: "SPACE" @1.1'],
    ['#\\U+41', 'Invalid \'#\\\' name: "U+41" @1.1'],
    ['#\\u41', 'Invalid \'#\\\' name: "u41" @1.1'],
    ['#\\xZZ', 'Invalid \'#\\\' name: "xZZ" @1.1'],
    ['#\\12', 'Invalid \'#\\\' name: "12" @1.1'],
    ['(#\\a#\\b)', 'Invalid \'#\\\' name: "a#" @1.2'],
    ['#\\x110000', 'Character out of range @1.1'],
    ['#\\xD800', 'Character out of range @1.1'],
    ['"\\q"', 'Invalid escaped character: #\\q @1.1'],
    ['"\\e"', 'Invalid escaped character: #\\e @1.1'],
    ['"a\\\tb"', 'Invalid escaped character: #\\tab @1.1'],
    ['"\\x41"', 'Invalid hexadecimal escape @1.1'],
    ['"\\xZ;"', 'Invalid hexadecimal escape @1.1'],
    ['"\\u41"', 'Invalid hexadecimal escape @1.1'],
    ['"\\x110000;"', 'Character out of range @1.1'],
    ['"\\xd800;"', 'Character out of range @1.1'],
    ['|a\\qb|', 'Invalid escaped character: #\\q @1.1'],
    ['#u8(256)', 'Unsigned 8 bit exact integer expected @1.5'],
    ['#u8(1.)', 'Unsigned 8 bit exact integer expected @1.5'],
    ['#u8(-1)', 'Unsigned 8 bit exact integer expected @1.5'],
    ['#u8(a)', 'Unsigned 8 bit exact integer expected @1.5'],
    ["#u8 (1)", "'(' expected @1.1"],
    ['#s8(1 128)', 'Signed 8 bit exact integer expected @1.7'],
    ['#u16(65536)', 'Unsigned 16 bit exact integer expected @1.6'],
    ['#s64(-9223372036854775809)', 'Signed 64 bit exact integer expected @1.6'],
    ['#u64(-1)', 'Unsigned 64 bit exact integer expected @1.6'],
    ['#f64(1. 2)', 'Inexact real expected @1.9'],
    ['#f32(1/2)', 'Inexact real expected @1.6'],
    ['#s16(1 . 2)', 'Improperly placed dot @1.8'],
    ['#f32 (1.)', "'(' expected @1.1"],
    ['#s32(1', 'Incomplete form, EOF reached @1.1 (incomplete)'],
    ['#S8(1)', 'Invalid token @1.1'],
    ['#f16(1.)', 'Invalid token @1.1'],
    ['#0#', 'Missing definition for label: 0 @1.1'],
    ['(#2#)', 'Missing definition for label: 2 @1.1'],
    ['#1=#1=2', 'Duplicate definition for label: 1 @1.7'],
    ['#0=#0#', 'Illegal definition of label: 0 @1.4'],
    ['#z', 'Invalid token @1.1'],
    ['#x', 'Invalid token @1.1'],
    ['#e', 'Invalid token @1.1'],
    ['#x1.5', 'Invalid token @1.1'],
    ['#e1/0', 'Invalid token @1.1'],
    ['#x1/0', 'Invalid token @1.1'],
    ['#e+inf.0', 'Invalid token @1.1'],
    ['#b102', 'Invalid token @1.1'],
    ['#fals', 'Invalid token @1.1'],
    ['#t1', 'Invalid token @1.1'],
    ['(#t#f)', 'Invalid token @1.2'],
    ['#foo', 'Invalid token @1.1'],
    ['#<foo>', 'Invalid token @1.1'],
    ['#-1', 'Invalid token @1.1'],
    ['#U8(1)', 'Invalid token @1.1'],
    ['(#x1:)', 'Invalid token @1.2'],
    ['(a#|c|#b)', 'Invalid token @1.7'],
  ];
  for (const [text, expected] of cases) {
    it(`reports ${JSON.stringify(text)} as ${expected}`, () => {
      expect(readError(text)).to.equal(expected);
    });
  }

  it('reports infix syntax, which gsi-ts does not have (deliberate difference)', () => {
    expect(readError('(a\\ b)')).to.equal('Invalid infix syntax @1.3');
  });


  it('locates errors in the given container', () => {
    try {
      readAll('\n  )', 'f.scm');
      expect.fail('no error');
    } catch (e: unknown) {
      expect(at((e as ErrorObj).loc)).to.equal('f.scm@2.3');
    }
  });
});
