#!/usr/bin/env bash
# Real Flask on Werkzeug's threaded dev server (bench/werkzeug_app.py) beside the model that stands
# in for it (`conclab-cli serve --model gil-threads --threads 0 --keep-alive off --overhead-us X
# --overhead-released-us Y`), both driven by wrk at 10, 100 and 1,000 connections x 50 ms I/O.
#
# X and Y come from two zero-work measurements of each server, unless OVERHEAD_US and
# OVERHEAD_RELEASED_US are given:
#   1 connection:   one request at a time, so 1/rate is the whole per-request cost: X + Y + what
#                   the model costs by itself (its accept, thread, syscalls; measured with X = Y = 0)
#   10 connections: the GIL serialises the Python part, so 1/rate is the serialised cost: X plus
#                   what the model serialises by itself
#   X = 1/real10 - 1/model10,   Y = (1/real1 - 1/model1) - X      (medians of CAL_REPS runs)
# then checks the model at those two points with X and Y, and compares at 50 ms I/O. The
# calibration needs a quiet machine: it warns when the real server was not GIL-bound at 10
# connections (less than ~1 core of CPU), since 1/rate then measures the CPU left over instead.
#   bash bench/werkzeug_vs_model.sh     (BIN=build/ci/bin SECONDS_PER_RUN=8 REPS=2 CAL_REPS=3)
set -euo pipefail
bin=${BIN:-build/release/bin}
seconds=${SECONDS_PER_RUN:-8}
reps=${REPS:-2}
cal_reps=${CAL_REPS:-3}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
"$python" -c 'import flask' 2>/dev/null || { echo "Flask is not installed (apt-get install python3-flask)"; exit 1; }
[ -x "$bin/conclab-cli" ] || { echo "no $bin/conclab-cli (build first, or set BIN)"; exit 1; }

pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -f "${tmp:-}"
}
trap cleanup EXIT
tmp=$(mktemp)

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not come up"; exit 1; }

# CPU ticks (utime + stime) of a process and its children: the model serves from a conclab-worker.
tree_ticks() {
    local total=0 p
    for p in $1 $(pgrep -P "$1" || true); do
        [ -r /proc/$p/stat ] && total=$((total + $(awk '{print $14 + $15}' /proc/$p/stat)))
    done
    echo "$total"
}

# wrk_point URL CONNECTIONS SERVER_PID -> "rps p99_ms errors cpu_pct"
wrk_point() {
    local url=$1 c=$2 pid=$3 t=2 before after
    [ "$c" -lt 2 ] && t=1
    wrk -t"$t" -c"$c" -d2s --timeout 10s "$url" >/dev/null  # warm-up: threads, caches, backlog
    before=$(tree_ticks "$pid")
    wrk -t"$t" -c"$c" -d"${seconds}s" --timeout 10s --latency "$url" >"$tmp"
    after=$(tree_ticks "$pid")
    "$python" - "$tmp" "$((after - before))" "$(getconf CLK_TCK)" "$seconds" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
ticks, hz, seconds = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", text)
p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)] if m else float("nan")
errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", text) or [0, 0])[1])
print("%.1f %.2f %d %.0f" % (rps, p99, errors, 100.0 * ticks / hz / seconds))
PY
}

start_flask() {
    local port; port=$(free_port)
    "$python" "$here/werkzeug_app.py" "$port" >/dev/null 2>&1 &
    flask_pid=$!; pids+=("$flask_pid")
    flask_url="http://127.0.0.1:$port/"
    wait_up "$flask_url"
}
stop_pid() { kill -TERM "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
# start_model X Y
start_model() {
    local out; out=$(mktemp)
    "$bin/conclab-cli" serve --model gil-threads --threads 0 --keep-alive off \
        --overhead-us "$1" --overhead-released-us "$2" --duration 3600 >"$out" 2>&1 &
    model_pid=$!; pids+=("$model_pid")
    for _ in $(seq 100); do grep -q 'http://' "$out" && break; sleep 0.1; done
    model_url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out"); rm -f "$out"
    wait_up "$model_url"
}

echo "Flask $("$python" -c 'import flask; print(flask.__version__)') on Werkzeug (threaded dev server) vs gil-threads --threads 0 --keep-alive off"
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); wrk ${seconds} s per point after 2 s warm-up"
start_flask
if [ -z "${OVERHEAD_US:-}" ]; then
    start_model 0 0
    # Real and model alternate, so that both see whatever else the machine is doing.
    cal=()
    for _ in $(seq "$cal_reps"); do
        cal+=("$(wrk_point "$flask_url" 1 "$flask_pid" | cut -d' ' -f1) $(wrk_point "$model_url" 1 "$model_pid" | cut -d' ' -f1) $(wrk_point "$flask_url" 10 "$flask_pid" | cut -d' ' -f1,4) $(wrk_point "$model_url" 10 "$model_pid" | cut -d' ' -f1)")
    done
    read -r r1 m1 r10 cpu10 m10 < <(printf '%s\n' "${cal[@]}" | "$python" -c "
import statistics as st, sys
rows = [[float(x) for x in line.split()] for line in sys.stdin]
print(' '.join('%.1f' % st.median(col) for col in zip(*rows)))")
    stop_pid "$model_pid"
    read -r OVERHEAD_US OVERHEAD_RELEASED_US < <("$python" -c "
r1, r10, m1, m10 = $r1, $r10, $m1, $m10
x = max(0.0, 1e6 / r10 - 1e6 / m10)
y = max(0.0, (1e6 / r1 - 1e6 / m1) - x)
print('%.0f %.0f' % (x, y))")
    # The 10-connection point measures the GIL's serial part only if the GIL is the bottleneck,
    # i.e. the real server gets about one core; on a busy machine it measures the CPU left over.
    if [ "${cpu10%.*}" -lt 85 ]; then
        echo "WARNING: real Werkzeug got only ${cpu10} % CPU at 10 connections (GIL-bound: ~100 %): the machine is busy, X is overestimated; run again when it is quiet, or give OVERHEAD_US"
    fi
    echo "calibration, zero work (median of $cal_reps): real 1 conn $r1 req/s, 10 conn $r10 req/s; model (X = Y = 0) 1 conn $m1, 10 conn $m10"
    echo "  => X = overhead_us = 1e6/$r10 - 1e6/$m10 = $OVERHEAD_US us;  Y = overhead_released_us = (1e6/$r1 - 1e6/$m1) - X = $OVERHEAD_RELEASED_US us"
fi
echo "model: --overhead-us $OVERHEAD_US --overhead-released-us $OVERHEAD_RELEASED_US"
start_model "$OVERHEAD_US" "$OVERHEAD_RELEASED_US"

printf "%-22s %5s | %9s %9s %6s %5s | %9s %9s %6s %5s | %6s %6s\n" point run "real r/s" "p99 ms" errors "CPU%" "model r/s" "p99 ms" errors "CPU%" "ratio" "p99 x"
row() {  # LABEL QUERY CONNECTIONS REPS
    local i real model
    for i in $(seq "$4"); do
        real=$(wrk_point "${flask_url}$2" "$3" "$flask_pid")
        model=$(wrk_point "${model_url}$2" "$3" "$model_pid")
        "$python" - "$1" "$i" $real $model <<'PY'
import sys
label, i = sys.argv[1], sys.argv[2]
rr, rp, re_, rc, mr, mp, me, mc = (float(x) for x in sys.argv[3:11])
print("%-22s %5s | %9.0f %9.1f %6d %5.0f | %9.0f %9.1f %6d %5.0f | %6.2f %6.2f" %
      (label, i, rr, rp, re_, rc, mr, mp, me, mc, mr / rr if rr else float("nan"), mp / rp if rp else float("nan")))
PY
    done
}
row "zero work, 1 conn" "" 1 1
row "zero work, 10 conn" "" 10 1
for c in 10 100 1000; do row "io_ms=50, $c conn" "?io_ms=50" "$c" "$reps"; done
echo "(ratio = model / real req/s; p99 x = model p99 / real p99; CPU % of the server processes, 100 = one core)"
