#!/usr/bin/env bash
# Each scaling recipe of #12 against its real counterpart, on the preset's workload:
#   gunicorn sync (5 workers)           vs preset 09
#   gunicorn gthread (5 × 4 threads)    vs preset 10, gthread run
#   gunicorn -k gevent (5 workers)      vs preset 11, gevent run
#   nginx in front of 2 Flask dev servers (worker_connections 768) vs preset 13, 2 instances
#   Node cluster (one worker per core)  vs preset 14, cluster run
# For each: start the real server (bench/werkzeug_app.py's Flask app, or a tiny Node script: GET
# /?cpu_ms=X&io_ms=Y burns X ms of CPU, then waits Y ms), fit the model's per-request overhead to
# it with `conclab-cli calibrate` (zero-work requests), then drive both with the same load
# generator (conclab-cli run, the preset's connections) and print model req/s, real req/s and
# their ratio (the target is 0.8..1.2). Everything binds 127.0.0.1, every step is bounded in time
# and every process started here is killed on exit.
#   BIN=build/ci/bin bash bench/recipes_vs_real.sh     (SECONDS_PER_RUN=6, CAL_SECONDS=3)
#   ONLY="sync gevent" restricts the recipes.
set -euo pipefail
bin=${BIN:-build/release/bin}
seconds=${SECONDS_PER_RUN:-6}
cal_seconds=${CAL_SECONDS:-3}
only=${ONLY:-sync gthread gevent nginx node}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
presets=$here/../resources/presets
cli=$bin/conclab-cli
[ -x "$cli" ] || { echo "no $cli (build first, or set BIN)"; exit 1; }
"$python" -c 'import flask, gunicorn, gevent' 2>/dev/null ||
    { echo "$python needs flask, gunicorn and gevent (python3-flask, gunicorn, python3-gevent)"; exit 1; }

tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    sleep 0.5
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not come up"; exit 1; }
stop_all() {  # stops the servers of one recipe before the next starts
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    pids=()
}
json_get() { "$python" -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$@"; }

# calibrate URL MODEL_FLAGS... -> prints "overhead_us overhead_released_us"
calibrate() {
    local url=$1; shift
    timeout 120 "$cli" calibrate --target "$url" "$@" -c 50 --duration "$cal_seconds" --quiet \
        --json "$tmp/cal.json" --force >/dev/null 2>&1 || true
    json_get "$tmp/cal.json" '"%s %s" % (j["overhead_us"] or 0, j["overhead_released_us"] or 0)'
}

# measure LABEL -- RUN_FLAGS... -> prints "rps p99_ms"
measure() {
    timeout $((seconds * 4 + 60)) "$cli" run "$@" --duration "$seconds" --warmup 1 --quiet \
        --json "$tmp/run.json" --force >/dev/null 2>&1 || true
    json_get "$tmp/run.json" '"%.1f %.1f" % (j["summary"]["rps"], j["summary"]["latency_ms"]["p99"] or 0)'
}

report() {  # label model_rps model_p99 real_rps real_p99 overhead
    "$python" - "$@" <<'PY'
import sys
label, mr, mp, rr, rp, ov = sys.argv[1:]
mr, rr = float(mr), float(rr)
ratio = mr / rr if rr > 0 else float("nan")
verdict = "ok" if 0.8 <= ratio <= 1.2 else "OFF"
print("%-34s model %9.1f req/s (p99 %8.1f ms)  real %9.1f req/s (p99 %8.1f ms)  ratio %5.2f %s  overhead %s µs"
      % (label, mr, float(mp), rr, float(rp), ratio, verdict, ov))
PY
}

# gunicorn_recipe LABEL PRESET QUERY "GUNICORN FLAGS" "MODEL FLAGS"
gunicorn_recipe() {
    local label=$1 preset=$2 query=$3 gflags=$4 mflags=$5 port
    port=$(free_port)
    # shellcheck disable=SC2086
    timeout 600 "$python" -m gunicorn $gflags -b "127.0.0.1:$port" --chdir "$here" \
        --log-level warning werkzeug_app:app >"$tmp/gunicorn.log" 2>&1 &
    pids+=($!)
    wait_up "http://127.0.0.1:$port/"
    # shellcheck disable=SC2086
    read -r ov ovr < <(calibrate "http://127.0.0.1:$port/" --scenario "$presets/$preset" $mflags)
    read -r rr rp < <(measure --scenario "$presets/$preset" --target "http://127.0.0.1:$port/?$query")
    # shellcheck disable=SC2086
    read -r mr mp < <(measure --scenario "$presets/$preset" $mflags --overhead-us "$ov" \
        --overhead-released-us "$ovr")
    report "$label" "$mr" "$mp" "$rr" "$rp" "$(printf '%.0f+%.0f' "$ov" "$ovr")"
    stop_all
}

echo "Recipes vs the real servers on this machine ($(nproc) cores), ${seconds} s per run"
for recipe in $only; do
case $recipe in
sync)
    gunicorn_recipe "gunicorn sync, 5 workers" 09-gunicorn-sync-workers-serve-workers-at-once.json \
        "io_ms=50" "-k sync -w 5" "" ;;
gthread)
    gunicorn_recipe "gunicorn gthread, 5 × 4 threads" 10-gunicorn-gthread-vs-sync.json \
        "io_ms=50" "-k gthread -w 5 --threads 4" "--threads 4 --keep-alive on --worker-connections 1000" ;;
gevent)
    gunicorn_recipe "gunicorn -k gevent, 5 workers" 11-gunicorn-gevent-vs-sync-io-bound.json \
        "io_ms=50" "-k gevent -w 5 --worker-connections 1000" "" ;;
nginx)
    a=$(free_port); b=$(free_port); port=$(free_port)
    for p in $a $b; do
        timeout 600 "$python" "$here/werkzeug_app.py" "$p" >/dev/null 2>&1 &
        pids+=($!)
    done
    mkdir -p "$tmp/nginx/logs"
    cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 768; }
http {
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    upstream flask { server 127.0.0.1:$a; server 127.0.0.1:$b; }
    server {
        listen 127.0.0.1:$port;
        location / { proxy_pass http://flask; }
    }
}
EOF
    timeout 600 nginx -p "$tmp/nginx" -e "$tmp/nginx/logs/error.log" -c "$tmp/nginx/nginx.conf" &
    pids+=($!)
    wait_up "http://127.0.0.1:$a/"; wait_up "http://127.0.0.1:$b/"; wait_up "http://127.0.0.1:$port/"
    preset=13-load-balancer-two-flask-instances-vs-one.json
    read -r ov ovr < <(calibrate "http://127.0.0.1:$port/" --scenario "$presets/$preset")
    read -r rr rp < <(measure --scenario "$presets/$preset" --target "http://127.0.0.1:$port/?cpu_ms=2&io_ms=20")
    read -r mr mp < <(measure --scenario "$presets/$preset" --overhead-us "$ov" --overhead-released-us "$ovr")
    report "nginx + 2 Flask dev servers" "$mr" "$mp" "$rr" "$rp" "$(printf '%.0f+%.0f' "$ov" "$ovr")"
    if grep -q "worker_connections are not enough" "$tmp/nginx/logs/error.log"; then
        echo "  (nginx logged: worker_connections are not enough)"
    fi
    stop_all ;;
node)
    command -v node >/dev/null || { echo "node is not installed"; continue; }
    port=$(free_port)
    cat >"$tmp/cluster.js" <<'EOF'
// Node's cluster module: one worker per core, the primary handing connections round-robin
// (SCHED_RR, the default on Linux). GET /?cpu_ms=X&io_ms=Y computes X ms of CPU, then waits Y ms.
const cluster = require("cluster");
const http = require("http");
const os = require("os");
const port = Number(process.argv[2]);
if (cluster.isPrimary) {
    for (let i = 0; i < os.availableParallelism(); i++) cluster.fork();
} else {
    http.createServer((req, res) => {
        const q = new URL(req.url, "http://x").searchParams;
        const cpuMs = Number(q.get("cpu_ms") || 0), ioMs = Number(q.get("io_ms") || 0);
        // A busy loop for cpu_ms of wall time: Node 20 has no thread CPU clock, and
        // process.cpuUsage() (getrusage) is too coarse here, turning 5 ms into about 8.
        const end = process.hrtime.bigint() + BigInt(Math.round(cpuMs * 1e6));
        while (cpuMs > 0 && process.hrtime.bigint() < end) {}
        const done = () => res.end("hello\n");
        if (ioMs > 0) setTimeout(done, ioMs); else done();
    }).listen(port, "127.0.0.1");
}
EOF
    timeout 600 node "$tmp/cluster.js" "$port" >/dev/null 2>&1 &
    pids+=($!)
    wait_up "http://127.0.0.1:$port/"
    preset=14-node-cluster-vs-single-cpu-bound.json
    read -r ov ovr < <(calibrate "http://127.0.0.1:$port/" --scenario "$presets/$preset")
    read -r rr rp < <(measure --scenario "$presets/$preset" --target "http://127.0.0.1:$port/?cpu_ms=5")
    read -r mr mp < <(measure --scenario "$presets/$preset" --overhead-us "$ov" --overhead-released-us "$ovr")
    report "Node cluster, one worker per core" "$mr" "$mp" "$rr" "$rp" "$(printf '%.0f+%.0f' "$ov" "$ovr")"
    stop_all ;;
*) echo "unknown recipe $recipe (sync gthread gevent nginx node)" ;;
esac
done
