#!/usr/bin/env bash
# Real Flask on Werkzeug's threaded dev server (resources/reference_apps/flask_app.py) against the
# model that stands for it, with the product's own tools:
#   1. conclab-cli calibrate --shape flask-dev: the framework cost fitted in a closed loop to the
#      real server's saturated zero-work rate, verified within ±5 % (or it says why not);
#   2. conclab-cli validate --scenario fitted.json: real and model alternating, 50 ms of I/O per
#      request at 10, 100 and 1,000 connections, plus zero work (req/s, p50, p99, ratios).
#   CONCLAB_CLI=build/ci/bin/conclab-cli bash bench/werkzeug_vs_model.sh
#     (SECONDS_PER_RUN=4 REPEAT=3; GRID='io=50;c=10,100,1000' to change the points)
# Fails loudly (non-zero, no figure) when the CLI fails; exit 3 when validate found a point
# outside ±15 % (a result, printed in full).
set -euo pipefail
cli=${CONCLAB_CLI:-build/release/bin/conclab-cli}
seconds=${SECONDS_PER_RUN:-4}
repeat=${REPEAT:-3}
grid=${GRID:-io=0,50;c=10,100,1000}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
app=$here/../resources/reference_apps/flask_app.py
die() { echo "werkzeug_vs_model.sh: $*" >&2; exit 1; }
[ -x "$cli" ] || die "no conclab-cli at $cli (build first, or set CONCLAB_CLI)"
"$python" -c 'import flask' 2>/dev/null || die "Flask is not installed (apt-get install python3-flask)"

tmp=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

port=$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$python" "$app" "$port" >/dev/null 2>&1 &
pid=$!
url="http://127.0.0.1:$port/"
for _ in $(seq 100); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
curl -s -o /dev/null "$url" || die "Flask did not come up at $url"

echo "Flask $("$python" -c 'import flask; print(flask.__version__)') on Werkzeug's threaded dev server vs the flask-dev shape"
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
"$cli" calibrate --target "$url" --shape flask-dev --connections 10 --duration "$seconds" \
    --repeat "$repeat" --save "$tmp/flask.json" --json "$tmp/cal.json" --quiet
status=$?
set -e
# 3 = measured but not verified within ±5 %: the fit is still printed and used, and says why.
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "calibrate failed (exit $status)"
[ -s "$tmp/flask.json" ] || die "calibrate saved no fitted model"
echo
set +e
"$cli" validate --target "$url" --scenario "$tmp/flask.json" --grid "$grid" \
    --duration "$seconds" --repeat "$repeat" --quiet
status=$?
set -e
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "validate failed (exit $status)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
