#!/bin/sh
# Records REPL transcripts from real Gambit `gsi` 4.9.3 (`apt-get install gambc`).
#
# Usage: test/repl/record.sh [NAME.in ...]     (default: every test/repl/*.in)
#
# For each NAME.in it types the lines into an interactive `gsi` and writes NAME.expected: the
# text left on the terminal (banner, prompts, the echoed input, results, errors).
#
# gsi is only interactive on a terminal, so it runs under util-linux `script` (a
# pseudo-terminal of 80 columns, as gsi-ts assumes on a pipe). The lines are typed one at a
# time, 0.2 s apart, each ended by Enter (CR), after gsi has started; `stty -echo` keeps the
# pty from echoing type-ahead (gsi's line editor echoes what it reads). The raw bytes (bold
# echo, cursor moves of the paren matcher) are turned into screen text by render.mjs.
#
# A line `;;! sleep N` in a .in file is not typed: the feeder waits N seconds instead (for
# evaluations that take time). Every .in file must end with `,q`.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
command -v gsi >/dev/null 2>&1 || { echo "record.sh: gsi not found (apt-get install gambc)" >&2; exit 1; }
command -v script >/dev/null 2>&1 || { echo "record.sh: script not found (util-linux)" >&2; exit 1; }

if [ "$#" -eq 0 ]; then
  set -- "$here"/*.in
fi

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for input in "$@"; do
  expected="${input%.in}.expected"
  {
    sleep 0.8
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        ';;! sleep '*) sleep "${line#;;! sleep }"; continue ;;
      esac
      printf '%s\r' "$line"
      sleep 0.2
    done <"$input"
    sleep 0.5
  } | (cd "$here" && TERM=xterm timeout 120 script -qec "stty -echo cols 80 rows 24; exec gsi" /dev/null) >"$tmp" || true
  node "$here/render.mjs" <"$tmp" >"$expected"
  echo "record.sh: $(basename "$expected")"
done
