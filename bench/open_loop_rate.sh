#!/usr/bin/env bash
# Can the open loop keep its rate? Drives a zero-work event-loop server at a fixed request rate
# (open loop, wrk2 style) and prints the achieved rate against the requested one; the goal is
# within 2 %. Run from a release build:  bash bench/open_loop_rate.sh
# RATE (50000), CONNECTIONS (max pool, 200), THREADS (load threads, 2), SECONDS_PER_RUN (5);
# CONCLAB_CLI: the conclab-cli to drive (bench/conclab_cli.sh).
set -euo pipefail
source "$(dirname "$0")/conclab_cli.sh"
rate=${RATE:-50000}
connections=${CONNECTIONS:-200}
threads=${THREADS:-2}
seconds=${SECONDS_PER_RUN:-5}

json=$(cli_or_die run --model event-loop --rate "$rate" --max-connections "$connections" \
    --load-threads "$threads" --duration "$seconds" --warmup 1 --quiet --json -)
python3 - "$rate" "$json" <<'PY'
import json, sys
rate = float(sys.argv[1])
s = json.loads(sys.argv[2])["summary"]
achieved = s["rps"]
print(f"requested        {rate:12.1f} req/s")
print(f"achieved         {achieved:12.1f} req/s  ({100 * (achieved / rate - 1):+.2f} %)")
print(f"late / dropped   {s['late']} / {s['dropped']}")
print(f"latency p50/p99  {s['latency_ms']['p50']} / {s['latency_ms']['p99']} ms corrected, "
      f"{s['latency_uncorrected_ms']['p50']} / {s['latency_uncorrected_ms']['p99']} ms uncorrected")
print(f"load generator   {s['load_cpu_pct_mean']:.0f} % CPU, server {s['server_cpu_pct_mean']:.0f} % CPU")
print("within 2 %" if abs(achieved / rate - 1) <= 0.02 else "NOT within 2 %")
PY
