#!/usr/bin/env bash
# What a connection costs: real Node (http and Express) and the real Flask development server
# beside the models that stand in for them, at 100, 1,000 and 5,000 idle connections. Each
# server gets one loading connection plus N idle ones (conclab-cli run --idle-connections N);
# the real servers are measured through --target-pid (their process and its descendants, from
# /proc), the models through their workers' own reports. Prints resident memory and threads
# with every idle connection open, and the memory per connection (the slope of RSS against open
# connections over the run, with its R²). Not part of CI.
#
#   bash bench/connection_cost.sh [counts (100,1000,5000)] [seconds per run (20)]
#
# Node closes an idle keep-alive connection after its keepAliveTimeout (5 s): it is set to 0 here,
# as the models' keep-alive timeout is lifted for idle connections (the run says so). Werkzeug
# answers with Connection: close, so its idle connections connect and send nothing; each still
# holds a thread, parked in recv().
set -euo pipefail
cd "$(dirname "$0")/.."
IFS=, read -r -a counts <<<"${1:-100,1000,5000}"
seconds=${2:-20}
cli=${CONCLAB_CLI:-build/release/bin/conclab-cli}
[ -x "$cli" ] || cli=build/ci/bin/conclab-cli
[ -x "$cli" ] || { echo "build conclab-cli first (cmake --build --preset release)"; exit 2; }
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
out=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$out"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.1; done; return 1; }

start_real() {  # name port
    case $1 in
        node-http) node -e "const s=require('http').createServer((q,r)=>r.end('hello\n'));
            s.keepAliveTimeout=0; s.listen($2,'127.0.0.1')" & ;;
        node-express) node -e "const a=require('express')(); a.get('/',(q,r)=>r.send('hello\n'));
            const s=a.listen($2,'127.0.0.1'); s.keepAliveTimeout=0" & ;;
        flask) python3 resources/reference_apps/flask_app.py "$2" >/dev/null 2>&1 & ;;
    esac
    server_pid=$!
    wait_port "$2" || { echo "$1 did not start"; exit 1; }
}

# name N json: one line of the table from a run's JSON (values with every idle connection open).
row() {
    python3 - "$@" <<'PY'
import json, sys
name, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
j = json.load(open(path))
s, series = j["summary"], j["series"]
full = [m for m in series if m.get("idle_open", 0) >= n and m.get("server_rss_mb") is not None]
last = full[-1] if full else (series[-1] if series else {})
res = s.get("resources") or {}
fit = res.get("memory_per_connection_fit") or {}
kib = res.get("memory_per_connection_kib")
def f(v, d): return "-" if v is None else f"{v:.{d}f}"
print(f"{name:14} {n:6d} {f(last.get('server_connections'),0):>7} {f(last.get('server_rss_mb'),1):>8} "
      f"{f(last.get('server_threads'),0):>8} {f(kib,1):>9} {f(fit.get('r2'),2):>5} "
      f"{s['errors']:>6} {'yes' if full else 'NO':>8}")
PY
}

printf '%-14s %6s %7s %8s %8s %9s %5s %6s %8s\n' server idle "conns" "RSS MiB" threads \
    "KiB/conn" "R²" errors "all open"
for n in "${counts[@]}"; do
    for real in node-http node-express flask; do
        port=$(free_port)
        start_real "$real" "$port"
        "$cli" run --target "http://127.0.0.1:$port/" --target-pid "$server_pid" -c 1 \
            --idle-connections "$n" -d "$seconds" -q --json "$out/$real-$n.json" >/dev/null 2>&1 || true
        kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true
        server_pid=
        row "$real" "$n" "$out/$real-$n.json"
    done
    "$cli" run --model event-loop -c 1 --idle-connections "$n" -d "$seconds" -q \
        --json "$out/event-loop-$n.json" >/dev/null 2>&1 || true
    row "model: loop" "$n" "$out/event-loop-$n.json"
    "$cli" run --model gil-threads --threads 0 --keep-alive off -c 1 --idle-connections "$n" \
        -d "$seconds" -q --json "$out/thread-$n.json" >/dev/null 2>&1 || true
    row "model: thread" "$n" "$out/thread-$n.json"
done
[ -n "${KEEP:-}" ] && cp -r "$out" "$KEEP" && echo "JSON reports kept in $KEEP"
echo "processes left behind: $(pgrep -c conclab-worker || true)"
