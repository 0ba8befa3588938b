#!/bin/sh
# Records what real Gambit `gsi` 4.9.3 does when the talk's slides (demos/slides/NN-NAME.scm)
# are typed, verbatim, into its REPL, followed by the lines of NN-NAME.probe: writes
# NN-NAME.expected here. Uses test/repl/record.sh (gsi under `script`, rendered to text).
# test/unit/demo-slides.test.ts types the same lines into `gsi-ts --echo` and compares.
# Blank lines of a slide are not typed (they mean nothing to the reader, and gsi's line editor
# would print a fresh prompt for each).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
slides="$here/../../demos/slides"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for probe in "$here"/*.probe; do
  name=$(basename "$probe" .probe)
  { grep -v '^[[:space:]]*$' "$slides/$name.scm"; cat "$probe"; echo ',q'; } >"$tmp/$name.in"
  sh "$here/../repl/record.sh" "$tmp/$name.in"
  cp "$tmp/$name.expected" "$here/$name.expected"
done
