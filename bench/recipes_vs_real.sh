#!/usr/bin/env bash
# The six real servers of docs/validation.md against the models that stand for them, with the
# product's own tools: for each, start the real server (resources/reference_apps: the Flask app
# under Werkzeug or gunicorn, the Express app alone or under Node's cluster module), fit the
# model's framework cost with `conclab-cli calibrate --shape SHAPE` (closed loop, verified ±5 %),
# then `conclab-cli validate --scenario fitted.json` on the grid (CPU-bound, I/O-bound and mixed
# at 10, 100 and 1,000 connections; real and model alternating) and print its table.
#   CONCLAB_CLI=build/ci/bin/conclab-cli bash bench/recipes_vs_real.sh
#     ONLY="express flask-dev" restricts the servers; SECONDS_PER_RUN=4 (validate), CAL_SECONDS=2,
#     CAL_REPEAT=3, REPEAT=1 (validate), GRID (validate --grid), OUT=DIR keeps the JSON reports.
# Everything binds 127.0.0.1, every step is bounded in time, every process started here is
# stopped on exit. Fails loudly (non-zero, no figure) when the CLI fails; exit 3 when a point was
# outside the targets (a result, printed in full).
set -euo pipefail
cli=${CONCLAB_CLI:-build/release/bin/conclab-cli}
seconds=${SECONDS_PER_RUN:-4}
cal_seconds=${CAL_SECONDS:-2}
cal_repeat=${CAL_REPEAT:-3}
repeat=${REPEAT:-1}
only=${ONLY:-express node-cluster flask-dev gunicorn-sync gunicorn-gthread gunicorn-gevent}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
apps=$here/../resources/reference_apps
die() { echo "recipes_vs_real.sh: $*" >&2; exit 1; }
[ -x "$cli" ] || die "no conclab-cli at $cli (build first, or set CONCLAB_CLI)"
"$python" -c 'import flask, gunicorn, gevent' 2>/dev/null ||
    die "$python needs flask, gunicorn and gevent (python3-flask, gunicorn, python3-gevent)"
command -v node >/dev/null || die "node is not installed (nodejs, node-express)"

tmp=$(mktemp -d)
out=${OUT:-$tmp}
mkdir -p "$out"
group=""
cleanup() {
    [ -n "$group" ] && { kill -TERM -- "-$group" 2>/dev/null || true; sleep 0.5; kill -KILL -- "-$group" 2>/dev/null || true; }
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start PORT COMMAND...: in its own process group (gunicorn and the cluster fork workers).
start() {
    local port=$1; shift
    setsid "$@" >"$tmp/server.log" 2>&1 &
    group=$!
    for _ in $(seq 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.1; done
    cat "$tmp/server.log" >&2
    die "the server did not come up on port $port: $*"
}
stop() {
    kill -TERM -- "-$group" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$group" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$group" 2>/dev/null || true
    wait "$group" 2>/dev/null || true
    group=""
}

worst=0
# recipe SHAPE "MODEL FLAGS" COMMAND...
recipe() {
    local shape=$1 flags=$2 port; shift 2
    port=$(free_port)
    start "$port" "$@" "$port"
    local url="http://127.0.0.1:$port/" status
    echo "== $shape: $* $port   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    set +e
    # shellcheck disable=SC2086
    timeout 900 "$cli" calibrate --target "$url" --shape "$shape" $flags --connections 10 \
        --duration "$cal_seconds" --repeat "$cal_repeat" --save "$out/$shape-fitted.json" \
        --json "$out/$shape-calibration.json" --force --quiet
    status=$?
    set -e
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "calibrate against $shape failed (exit $status)"
    set +e
    timeout 1800 "$cli" validate --target "$url" --scenario "$out/$shape-fitted.json" \
        ${GRID:+--grid "$GRID"} --duration "$seconds" --repeat "$repeat" \
        --json "$out/$shape-validation.json" --force --quiet
    status=$?
    set -e
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || die "validate against $shape failed (exit $status)"
    [ "$status" -eq 3 ] && worst=3
    stop
    echo
}

echo "Real servers vs their models on this machine ($(nproc) cores, node $(node --version)," \
     "Flask $("$python" -c 'import flask; print(flask.__version__)')," \
     "gunicorn $("$python" -c 'import gunicorn; print(gunicorn.__version__)'))"
export NODE_PATH=/usr/share/nodejs
for shape in $only; do
case $shape in
express) recipe express "" node "$apps/express_app.js" ;;
node-cluster)
    recipe node-cluster "--workers 2" sh -c "exec node '$apps/express_app.js' \$0 --cluster 2" ;;
flask-dev) recipe flask-dev "" env PYTHONDONTWRITEBYTECODE=1 "$python" "$apps/flask_app.py" ;;
gunicorn-sync)
    recipe gunicorn-sync "--workers 5" sh -c "exec $python -m gunicorn -k sync -w 5 --chdir '$apps' \
        --log-level warning -b 127.0.0.1:\$0 flask_app:app" ;;
gunicorn-gthread)
    recipe gunicorn-gthread "--workers 1 --threads 10" sh -c "exec $python -m gunicorn -k gthread \
        -w 1 --threads 10 --chdir '$apps' --log-level warning -b 127.0.0.1:\$0 flask_app:app" ;;
gunicorn-gevent)
    recipe gunicorn-gevent "--workers 2" sh -c "exec $python -m gunicorn -k gevent -w 2 \
        --worker-connections 1000 --chdir '$apps' --log-level warning -b 127.0.0.1:\$0 \
        flask_app:app" ;;
*) die "unknown server $shape (express node-cluster flask-dev gunicorn-sync gunicorn-gthread gunicorn-gevent)" ;;
esac
done
exit "$worst"
