#!/usr/bin/env bash
# Start-up time and idle resident memory of `./herald run` on the embedded default (sample feed, two dry-run
# channels, H2 in a fresh temp directory), with the console on (a free port of 127.0.0.1) and off.
# Start-up = launch until "herald: running" on stderr; RSS = VmRSS 20 s after that. Three starts each.
set -euo pipefail
cd "$(dirname "$0")/.."
./herald --version >/dev/null
runs="${1:-3}"
for mode in on off; do
  for i in $(seq 1 "$runs"); do
    tmp="$(mktemp -d)"
    enabled=true; [ "$mode" = off ] && enabled=false
    cat > "$tmp/herald.conf" <<CONF
include "$PWD/config/application.conf"
storage.jdbc-url = "jdbc:h2:file:$tmp/data/herald"
feeds.newsroom.url = "file:$PWD/samples/newsroom.xml"
console { enabled = $enabled, listen = "127.0.0.1:0" }
CONF
    start=$(date +%s%N)
    ./herald --config "$tmp/herald.conf" run >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    until grep -q "herald: running" "$tmp/err" 2>/dev/null; do
      if ! kill -0 "$pid" 2>/dev/null; then echo "herald exited early:"; cat "$tmp/err"; exit 1; fi
      sleep 0.02
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    health="-"
    if [ "$mode" = on ]; then
      url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/err" | head -1)
      code=$(curl -s -o /dev/null -w '%{http_code}' "${url}healthz")
      health="healthz $code"
    fi
    sleep 20
    jpid=$(pgrep -P "$pid" java || echo "$pid")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    echo "console $mode, run $i: running after ${ready} ms ($health), idle VmRSS $((rss / 1024)) MB"
    kill -TERM "$pid"; wait "$pid" || true
    rm -rf "$tmp"
  done
done
