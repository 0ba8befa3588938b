// The demo's virtual screen (cli/monitor/vscreen.ts): cursor positioning, erasing, CR/LF,
// clipping, scrolling, and escape sequences it ignores, including split across writes.

import { expect } from 'chai';
import { VScreen } from '../../cli/monitor/vscreen.js';

const ESC = '\x1b';

function screen(rows: number, cols: number, ...writes: string[]): string[] {
  const s = new VScreen(rows, cols);
  for (const w of writes) s.write(w);
  return s.lines();
}

describe('#VScreen', () => {
  it('writes text at the cursor positioned by ESC[r;cH (1-based)', () => {
    expect(screen(3, 10, `${ESC}[2;3Hab`, `${ESC}[1;1Hx`)).to.deep.equal(['x', '  ab', '']);
  });

  it('takes a missing row or column as 1, and clamps positions to the screen', () => {
    expect(screen(2, 5, `${ESC}[Ha`, `${ESC}[9;9Hz`, `${ESC}[;2Hb`)).to.deep.equal(['ab', '    z']);
  });

  it('erases the rest of the line with ESC[K, the whole line with ESC[2K', () => {
    expect(screen(2, 10, 'abcdef', `${ESC}[1;3H${ESC}[K`)).to.deep.equal(['ab', '']);
    expect(screen(1, 10, 'abcdef', `${ESC}[1;3H${ESC}[2Kx`)).to.deep.equal(['  x']);
    expect(screen(1, 10, 'abcdef', `${ESC}[1;3H${ESC}[1K`)).to.deep.equal(['   def']);
  });

  it('draws the teleport demo\'s set-row: position, erase, text, over a longer old text', () => {
    const row = (pos: number, text: string): string => `${ESC}[${pos};1H${ESC}[K${text}`;
    expect(screen(3, 20, row(1, 'ball-1 5'), row(2, 'ball-22 17'), row(2, 'ball-3 4'))).to.deep.equal(['ball-1 5', 'ball-3 4', '']);
  });

  it('clears the screen with ESC[2J, and below or above the cursor with ESC[J / ESC[1J', () => {
    expect(screen(2, 4, 'ab\ncd', `${ESC}[2J`)).to.deep.equal(['', '']);
    expect(screen(3, 4, 'ab\ncd\nef', `${ESC}[2;2H${ESC}[J`)).to.deep.equal(['ab', 'c', '']);
    expect(screen(3, 4, 'ab\ncd\nef', `${ESC}[2;1H${ESC}[1J`)).to.deep.equal(['', ' d', 'ef']);
  });

  it('returns the carriage on CR, and on LF too (a terminal\'s onlcr)', () => {
    expect(screen(2, 10, 'abc\rX', '\nY')).to.deep.equal(['Xbc', 'Y']);
  });

  it('clips text past the last column instead of wrapping', () => {
    expect(screen(2, 4, 'abcdefgh')).to.deep.equal(['abcd', '']);
  });

  it('scrolls up on LF at the bottom row', () => {
    expect(screen(2, 4, 'a\nb\nc')).to.deep.equal(['b', 'c']);
  });

  it('ignores colours, private modes, OSC titles and charset designations', () => {
    expect(screen(1, 20, `${ESC}[1;31mred${ESC}[0m ${ESC}[?25l${ESC}]0;title\x07${ESC}(Bok${ESC}]2;t${ESC}\\!`)).to.deep.equal(['red ok!']);
  });

  it('keeps its parser state between writes: a sequence may be split anywhere', () => {
    const all = `${ESC}[2;3Hhi${ESC}[1;1H${ESC}[Kyo`;
    for (let i = 0; i <= all.length; i++) {
      expect(screen(2, 6, all.slice(0, i), all.slice(i)), `split at ${i}`).to.deep.equal(['yo', '  hi']);
    }
  });

  it('moves the cursor with ESC[nA/B/C/D and ESC[nG', () => {
    expect(screen(3, 10, `${ESC}[3;5H${ESC}[2Aa${ESC}[B${ESC}[3Db${ESC}[2Cc${ESC}[1Gd`)).to.deep.equal(['    a', 'd b  c', '']);
  });

  it('ignores other control characters and handles TAB and BS', () => {
    expect(screen(1, 20, 'a\x07\x00b\tc\bd')).to.deep.equal(['ab      d']);
  });
});
