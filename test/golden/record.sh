#!/bin/sh
# Records the expected output of every golden case from real Gambit `gsi`.
#
# Usage: test/golden/record.sh [CASE.scm ...]     (default: every test/golden/cases/*/*.scm)
#
# For each case it writes CASE.expected beside it:
#   - the combined stdout+stderr of `gsi CASE.scm`, interleaved as gsi wrote it, run from the
#     case's own directory (so error locations read "CASE.scm"@L.C);
#   - if that output does not end in a newline, a line `;; (no newline at end of output)`
#     (the output itself is then followed by one newline that is not part of it);
#   - last, the line `;; exit: N` with gsi's exit status.
#
# gsi only prints errors when its console is a terminal, so it runs under util-linux
# `script` (a pseudo-terminal): -q no banner, -e return the child's exit status (without -e
# script always exits 0), -c the command. The pty turns "\n" into "\r\n"; we undo that.
# The pty is set to 80 columns because gsi uses the terminal width for `pp` and for the
# call form printed under an error (a pipe or file also gets width 80 in gsi).
# stdin is /dev/null so gsi never waits for input.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
command -v gsi >/dev/null 2>&1 || { echo "record.sh: gsi not found (apt-get install gambc)" >&2; exit 1; }
command -v script >/dev/null 2>&1 || { echo "record.sh: script not found (util-linux)" >&2; exit 1; }

if [ "$#" -eq 0 ]; then
  set -- "$here"/cases/*/*.scm
fi

tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rc"' EXIT
count=0
failed=0
for case in "$@"; do
  dir=$(cd "$(dirname "$case")" && pwd)
  base=$(basename "$case")
  expected="$dir/${base%.scm}.expected"
  # The exit status travels through a file because the output goes through `head`, which
  # caps what a runaway case can write; `timeout` ends the case itself.
  rm -f "$tmp.rc"
  { (cd "$dir" && TERM=dumb timeout 60 script -qec "stty cols 80 rows 24; exec gsi '$base'" /dev/null </dev/null) \
      && echo 0 >"$tmp.rc" || echo $? >"$tmp.rc"; } | head -c 200001 >"$tmp"
  status=$(cat "$tmp.rc")
  if [ "$(wc -c <"$tmp")" -gt 200000 ]; then
    echo "record.sh: $case: more than 200000 bytes of output (runaway loop?); not recorded" >&2
    failed=$((failed + 1))
    continue
  fi
  # pty line discipline: \r\n -> \n
  sed 's/\r$//' "$tmp" >"$expected.tmp"
  if [ -s "$expected.tmp" ] && [ "$(tail -c 1 "$expected.tmp" | od -An -c | tr -d ' ')" != '\n' ]; then
    printf '\n;; (no newline at end of output)\n' >>"$expected.tmp"
  fi
  printf ';; exit: %d\n' "$status" >>"$expected.tmp"
  mv "$expected.tmp" "$expected"
  count=$((count + 1))
done
echo "record.sh: recorded $count case(s) with gsi $(gsi -v | cut -d' ' -f1)"
[ "$failed" -eq 0 ] || { echo "record.sh: $failed case(s) not recorded" >&2; exit 1; }
