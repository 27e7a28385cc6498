#!/usr/bin/env bash
# Reproduces the folklore claims Concurrency Lab is about, one line of figures each, from a
# release build:  bash bench/article_claims.sh   (about 4 min; RECIPES_ONLY=1 for the recipes)
# CONCLAB_CLI: the conclab-cli to drive (bench/conclab_cli.sh). A figure that was not measured
# (no latency when nothing completed) prints as "n/a", never as 0.
set -euo pipefail
source "$(dirname "$0")/conclab_cli.sh"
duration=${DURATION:-8}

run() {  # label, then conclab-cli run flags
    local label=$1 json; shift
    json=$(cli_or_die run "$@" --duration "$duration" --warmup 1 --quiet --json -)
    python3 -c '
import json, sys
label = sys.argv[1]
j = json.loads(sys.argv[2])
s = j["summary"]
c = s["connections"]
l = s["latency_ms"]
def f(x, width, digits=2):
    return ("%*.*f" % (width, digits, x)) if x is not None else "%*s" % (width, "n/a")
print("%-44s %9.1f req/s  p50 %s ms  p99 %s ms  in service max %s  waiting max %s  errors %d  server CPU %s %%"
      % (label, s["rps"], f(l["p50"], 8), f(l["p99"], 8), f(c["server_in_service_max"], 5, 0),
         f(c["server_waiting_max"], 5, 0), s["errors"], f(s["server_cpu_pct_mean"], 4, 0)))
' "$label" "$json"
}

if [ -z "${RECIPES_ONLY:-}" ]; then
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

fi

# The scaling recipes (#12): each preset as shipped (its comparison when it has one), one line per
# run: req/s, p99 and the largest number of requests the servers held in service at one moment.
presets=$(dirname "$0")/../resources/presets
recipe() {  # label, preset file
    local label=$1 file=$presets/$2 command=run json
    grep -q '"compare"' "$file" && command=compare
    json=$(cli_or_die $command --scenario "$file" --duration "$duration" --warmup 1 --quiet --json -)
    python3 -c '
import json, sys
label = sys.argv[1]
j = json.loads(sys.argv[2])
runs = j["runs"] if "runs" in j else [j]
def f(x, width, digits=2):
    return ("%*.*f" % (width, digits, x)) if x is not None else "%*s" % (width, "n/a")
for r in runs:
    s = r["summary"]
    peaks = [m["server_in_service_peak"] for m in r["series"]
             if not m["warmup"] and m["server_in_service_peak"] is not None]
    print("%-44s %-46s %9.1f req/s  p99 %s ms  in service peak %s  errors %d"
          % (label, r["label"][:46], s["rps"], f(s["latency_ms"]["p99"], 8),
             f(max(peaks) if peaks else None, 5, 0), s["errors"]))
    label = ""
' "$label" "$json"
}
echo "Scaling recipes (resources/presets, --duration $duration)"
recipe "  gunicorn sync workers, 2 x cores + 1" 09-gunicorn-sync-workers-serve-workers-at-once.json
recipe "  gunicorn gthread vs sync" 10-gunicorn-gthread-vs-sync.json
recipe "  gunicorn + gevent vs sync, I/O-bound" 11-gunicorn-gevent-vs-sync-io-bound.json
recipe "  gunicorn + gevent, 2 CPU-heavy connections" 12-gunicorn-gevent-blocks-on-cpu.json
recipe "  nginx + 2 Flask instances vs 1" 13-load-balancer-two-flask-instances-vs-one.json
recipe "  Node cluster vs single, CPU-bound" 14-node-cluster-vs-single-cpu-bound.json
recipe "  Node cluster vs single, I/O-bound" 15-node-cluster-vs-single-io-bound.json
