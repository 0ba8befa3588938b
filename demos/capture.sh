#!/bin/sh
# Captures the picture of the demo in the README: three nodes of demos/teleport.scm on
# 127.0.0.2-4, each in a tmux pane of one window, side by side, with the host names the talk
# shows (GSI_TS_HOST_NAME); after SECONDS (default 100) it prints the three screens side by
# side, separated by `|`, and stops them.
#
# Usage: demos/capture.sh [SECONDS]        (needs tmux; run from anywhere)
set -eu
wait=${1:-100}
root=$(cd "$(dirname "$0")/.." && pwd)
session=gsi-ts-capture-$$
env="GSI_TS_COOKIE=capture-$$ GSI_TS_DEMO_ROWS=20"
run() { echo "cd '$root' && $env GSI_TS_HOST_NAME=$1 node dist/gsi-ts.mjs --listen $2 demos/teleport.scm"; }
tmux new-session -d -s "$session" -x 122 -y 21 "$(run mega.local 127.0.0.2)"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
tmux split-window -h -t "$session" "$(run macro.local 127.0.0.3)"
tmux split-window -h -t "$session" "$(run ipod 127.0.0.4)"
tmux select-layout -t "$session" even-horizontal
sleep "$wait"
dir=$(mktemp -d)
best=-1
for i in $(seq 30); do
  for p in 0 1 2; do tmux capture-pane -p -t "$session:0.$p" | head -20 | awk '{ printf "%-40.40s\n", $0 }' >"$dir/$p"; done
  paste -d'|' "$dir/0" "$dir/1" "$dir/2" >"$dir/frame"
  n=$(head -18 "$dir/frame" | grep -o '[a-z.]* [0-9][0-9]*' | wc -l)
  if [ "$n" -gt "$best" ]; then best=$n; cp "$dir/frame" "$dir/best"; fi
  sleep 1
done
cat "$dir/best"
rm -rf "$dir"
