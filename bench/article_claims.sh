#!/usr/bin/env bash
# Reproduces the folklore claims Concurrency Lab is about, one line of figures each, from a
# release build:  bash bench/article_claims.sh   (about 100 s)
set -euo pipefail
bin=${BIN:-build/release/bin}
duration=${DURATION:-8}

run() {  # label, then conclab-cli run flags
    local label=$1; shift
    "$bin/conclab-cli" run "$@" --duration "$duration" --warmup 1 --quiet --json - |
    python3 -c '
import json, sys
label = sys.argv[1]
j = json.load(sys.stdin)
s = j["summary"]
c = s["connections"]
l = s["latency_ms"]
cpu = s["server_cpu_pct_mean"] or 0
print("%-44s %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  in service max %5d  waiting max %5d  errors %d  server CPU %4.0f %%"
      % (label, s["rps"], l["p50"] or 0, l["p99"] or 0, c["server_in_service_max"],
         c["server_waiting_max"], s["errors"], cpu))
' "$label"
}

echo "I/O-bound: --cpu-ms 0 --io-ms 50, 1000 connections"
run "  event-loop" --model event-loop -c 1000 --cpu-ms 0 --io-ms 50
run "  gil-threads --threads 10" --model gil-threads --threads 10 -c 1000 --cpu-ms 0 --io-ms 50
run "  gil-threads one thread per connection" --model gil-threads --threads 0 -c 1000 --cpu-ms 0 --io-ms 50
echo "CPU-bound: --cpu-ms 5 --io-ms 0, 10 connections"
run "  event-loop" --model event-loop -c 10 --cpu-ms 5
run "  gil-threads --threads 1" --model gil-threads --threads 1 -c 10 --cpu-ms 5
run "  gil-threads --threads 10" --model gil-threads --threads 10 -c 10 --cpu-ms 5
run "  process-per-core --workers 2" --model process-per-core --workers 2 -c 10 --cpu-ms 5
echo "Convoy effect: 10 connections at --io-ms 5, plus 1 heavy connection at 50 ms CPU"
run "  gil-threads --threads 16, no heavy connection" --model gil-threads --threads 16 -c 10 --io-ms 5
run "  gil-threads --threads 16, 1 heavy connection" --model gil-threads --threads 16 -c 10 --io-ms 5 --heavy-connections 1 --heavy-cpu-ms 50
run "  event-loop, 1 heavy connection" --model event-loop -c 10 --io-ms 5 --heavy-connections 1 --heavy-cpu-ms 50
