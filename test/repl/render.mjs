// Renders what a program wrote to a terminal into the text left on the screen, for transcripts
// recorded from gsi under `script` (test/repl/record.sh). gsi's line editor echoes input in
// bold and, when a `)` is typed, moves the cursor back to the matching `(` and forward again:
// cursor moves, backspaces and colour changes must be applied, not kept as bytes.
//
// Understood: CR, LF, BS, TAB, and the CSI sequences ESC [ n C/D (cursor right/left), ESC [ K
// (clear to end of line), ESC [ ... m (attributes, ignored). Any other escape sequence is
// dropped. Output: the screen's lines, each without trailing spaces, ending in one newline.
//
// Usage: node render.mjs < raw > rendered

import { readFileSync } from 'node:fs';

export function render(raw) {
  const lines = [[]];
  let row = 0;
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\r') col = 0;
    else if (c === '\n') { row++; if (lines.length <= row) lines.push([]); }
    else if (c === '\b') col = Math.max(0, col - 1);
    else if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
    else if (c === '\x1b') {
      if (raw[i + 1] === '[') {
        let j = i + 2;
        while (j < raw.length && /[0-9;?]/.test(raw[j])) j++;
        const arg = raw.slice(i + 2, j);
        const n = arg === '' ? 1 : parseInt(arg, 10) || 1;
        const cmd = raw[j];
        if (cmd === 'C') col += n;
        else if (cmd === 'D') col = Math.max(0, col - n);
        else if (cmd === 'K') lines[row].length = Math.min(lines[row].length, col);
        i = j;
      } else {
        i++; // ESC x: a two-character sequence
      }
    } else if (c >= ' ') {
      const line = lines[row];
      while (line.length < col) line.push(' ');
      line[col] = c;
      col++;
    }
  }
  const text = lines.map((l) => l.join('').replace(/\s+$/, ''));
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  return text.join('\n') + '\n';
}

if (process.argv[1] && process.argv[1].endsWith('render.mjs')) {
  process.stdout.write(render(readFileSync(0, 'latin1')));
}
