#!/usr/bin/env bash
# Is the load generator the bottleneck? Drives the same zero-work event-loop server (started with
# `conclab-cli serve`) with wrk and with conclab-cli's generator, one loader thread each, and
# prints both rates and their ratio. Run from a release build:  bash bench/load_generator_vs_wrk.sh
set -euo pipefail
bin=${BIN:-build/release/bin}
connections=${CONNECTIONS:-50}
seconds=${SECONDS_PER_RUN:-5}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

out=$(mktemp)
"$bin/conclab-cli" serve --model event-loop --duration $((3 * seconds + 10)) >"$out" &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q http "$out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out")

wrk_rps=$(wrk -t1 -c"$connections" -d"${seconds}s" "$url" | awk '/Requests\/sec/ {print $2}')
ours_rps=$("$bin/conclab-cli" run --target "$url" -c "$connections" -t 1 --duration "$seconds" \
    --quiet --json - | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["summary"]["rps"],1))')
echo "server: conclab event-loop, zero work; $connections connections, 1 loader thread, ${seconds} s each"
printf "wrk           %10.1f req/s\n" "$wrk_rps"
printf "conclab-cli   %10.1f req/s\n" "$ours_rps"
python3 -c "print(f'ratio conclab/wrk  {float($ours_rps)/float($wrk_rps):.2f}')"
