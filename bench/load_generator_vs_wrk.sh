#!/usr/bin/env bash
# Is the load generator the bottleneck? Drives the same zero-work event-loop server (started with
# `conclab-cli serve`) with wrk and with conclab-cli's generator, one loader thread each, and
# prints both rates and their ratio. After a warm-up run (wrk, discarded) the two clients
# alternate, the one that goes first alternating too, so neither always meets a fresh or a warm
# server; the figures are the medians of ROUNDS runs each.
#   bash bench/load_generator_vs_wrk.sh   (CONCLAB_CLI, CONNECTIONS=50, SECONDS_PER_RUN=5,
#                                          WARMUP_SECONDS=2, ROUNDS=3)
set -euo pipefail
source "$(dirname "$0")/conclab_cli.sh"
connections=${CONNECTIONS:-50}
seconds=${SECONDS_PER_RUN:-5}
warmup=${WARMUP_SECONDS:-2}
rounds=${ROUNDS:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

out=$(mktemp)
serve_s=$((2 * rounds * (seconds + 2) + warmup + 20))
"$cli" serve --model event-loop --duration "$serve_s" >"$out" &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q http "$out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out") ||
    { echo "conclab-cli serve did not start: $(cat "$out")" >&2; exit 1; }

run_wrk() {
    local rps
    rps=$(wrk -t1 -c"$connections" -d"${seconds}s" "$url" | awk '/Requests\/sec/ {print $2}')
    [ -n "$rps" ] || { echo "wrk printed no rate" >&2; exit 1; }
    echo "$rps"
}
run_conclab() {
    local json
    json=$(cli_or_die run --target "$url" -c "$connections" -t 1 --duration "$seconds" --quiet \
        --json -)
    python3 -c 'import json,sys; print(round(json.loads(sys.argv[1])["summary"]["rps"],1))' "$json"
}

wrk -t1 -c"$connections" -d"${warmup}s" "$url" >/dev/null  # the server's caches and threads warm
ours=() theirs=()
for round in $(seq "$rounds"); do
    if [ $((round % 2)) -eq 1 ]; then
        w=$(run_wrk); o=$(run_conclab)
    else
        o=$(run_conclab); w=$(run_wrk)
    fi
    printf "round %d  wrk %10.1f req/s  conclab-cli %10.1f req/s\n" "$round" "$w" "$o"
    theirs+=("$w") ours+=("$o")
done
echo "server: conclab event-loop, zero work; $connections connections, 1 loader thread," \
    "${seconds} s per run after a ${warmup} s warm-up; medians of $rounds alternating runs"
python3 - "${theirs[*]}" "${ours[*]}" <<'PY'
import statistics as st, sys
w = [float(x) for x in sys.argv[1].split()]
o = [float(x) for x in sys.argv[2].split()]
print(f"wrk           {st.median(w):10.1f} req/s")
print(f"conclab-cli   {st.median(o):10.1f} req/s")
print(f"ratio conclab/wrk  {st.median(o) / st.median(w):.2f}")
PY
