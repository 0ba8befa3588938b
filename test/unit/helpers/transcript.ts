// Comparing REPL transcripts (test/repl, test/slides): what the terminal rendering keeps.

/** A transcript as compared: no trailing blanks on a line, no blank lines at the end. */
export function normalizeTranscript(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n') + '\n';
}

/** The lines of a .in file that are typed (`;;! ...` lines are directives to record.sh). */
export function typedLines(text: string): string {
  return text.split('\n').filter((l) => !l.startsWith(';;! ')).join('\n');
}
