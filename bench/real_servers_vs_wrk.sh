#!/usr/bin/env bash
# Does conclab-cli read real servers as wrk does? For Flask on Werkzeug, on gunicorn gthread and on
# gunicorn sync, and for nginx serving a small static file, runs conclab-cli and wrk alternately
# against the same server (same connections, loader threads and duration) and prints the req/s
# and error counts of each and the ratio conclab/wrk. Goal: no errors, ratio 0.9..1.1.
# Servers listen on 127.0.0.1 only and are stopped on exit; nginx is skipped when not installed.
#
#   bash bench/real_servers_vs_wrk.sh            (CONCLAB_CLI: bench/conclab_cli.sh)
#   CONCLAB_CLI=build/ci/bin/conclab-cli CONNECTIONS=10 SECONDS_PER_RUN=5 ROUNDS=3 LOAD_THREADS=1 URL_PATH=/ ...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/conclab_cli.sh"
connections=${CONNECTIONS:-10}
seconds=${SECONDS_PER_RUN:-5}
rounds=${ROUNDS:-3}
threads=${LOAD_THREADS:-1}
url_path=${URL_PATH:-/}  # e.g. "/?cpu_ms=1&io_ms=2" for the Flask app (nginx always gets /)
# One worker by default: with two, the kernel decides at connect time how the keep-alive
# connections split between the two processes (two GILs), and that lottery, not the client,
# makes gthread runs 3,000 or 5,500 req/s.
gunicorn_workers=${GUNICORN_WORKERS:-1}
python=/usr/bin/python3
app_dir="$here/../tests/real_servers"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (apt-get install time)"; exit 1; }
$python -c 'import flask, gunicorn' 2>/dev/null ||
    { echo "$python cannot import flask and gunicorn (apt-get install python3-flask gunicorn)"; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers run as nobody when started by root, and must read the file
server_pid=""
stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -TERM -- "-$server_pid" 2>/dev/null || true  # the process group: gunicorn's workers too
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
trap 'stop_server; rm -rf "$work"' EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_ready() {  # port
    for _ in $(seq 300); do
        kill -0 "$server_pid" 2>/dev/null || { echo "server died:"; tail -20 "$work/server.log"; exit 1; }
        python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "server did not come up on port $1"; tail -20 "$work/server.log"; exit 1
}
start_server() {  # name port
    local name=$1 port=$2
    # setsid: its own process group, so that stop_server ends the workers with the master.
    case $name in
        werkzeug)
            (cd "$app_dir" && exec setsid $python flask_app.py "$port") >"$work/server.log" 2>&1 & ;;
        gunicorn-gthread)
            (cd "$app_dir" && exec setsid $python -m gunicorn --bind "127.0.0.1:$port" \
                --workers "$gunicorn_workers" --worker-class gthread --threads 10 flask_app:app) >"$work/server.log" 2>&1 & ;;
        gunicorn-sync)
            (cd "$app_dir" && exec setsid $python -m gunicorn --bind "127.0.0.1:$port" \
                --workers "$gunicorn_workers" --worker-class sync flask_app:app) >"$work/server.log" 2>&1 & ;;
        nginx)
            mkdir -p "$work/nginx/html"
            printf 'hello from nginx\n' >"$work/nginx/html/index.html"
            cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/tmp;
    proxy_temp_path $work/nginx/tmp;
    fastcgi_temp_path $work/nginx/tmp;
    uwsgi_temp_path $work/nginx/tmp;
    scgi_temp_path $work/nginx/tmp;
    server {
        listen 127.0.0.1:$port;
        root $work/nginx/html;
    }
}
EOF
            setsid nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" >"$work/server.log" 2>&1 & ;;
    esac
    server_pid=$!
    wait_ready "$port"
}

# Each prints "rps errors cpu_us_per_request [error kinds]" for one run. The CPU is the whole
# client process's (user + system, from /usr/bin/time), divided by the responses it counted: on a
# shared machine it says more about the client's own cost than req/s does.
run_wrk() {  # url
    /usr/bin/time -f "%U %S" -o "$work/time" \
        wrk -t"$threads" -c"$connections" -d"${seconds}s" "$1" >"$work/wrk.out"
    awk -v cpu="$(cat "$work/time")" '
        /requests in/ {n=$1}
        /Requests\/sec/ {rps=$2}
        /Socket errors/ {gsub(",", ""); err += $4 + $6 + $8 + $10}
        /Non-2xx/ {err += $5}
        END {split(cpu, c, " "); printf "%s %d %.1f\n", rps, err, n ? (c[1] + c[2]) * 1e6 / n : 0}
    ' "$work/wrk.out"
}
run_conclab() {  # url; fails (no line) when the CLI does: no figure from an earlier round
    rm -f "$work/conclab.json"
    /usr/bin/time -f "%U %S" -o "$work/time" \
        "$cli" run --target "$1" -c "$connections" -t "$threads" \
        --duration "$seconds" --quiet --json "$work/conclab.json" >/dev/null 2>"$work/conclab.err" ||
        { echo "conclab-cli failed against $1:" >&2; cat "$work/conclab.err" >&2; return 1; }
    python3 - "$work/conclab.json" "$(cat "$work/time")" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
user, system = map(float, sys.argv[2].split())
n = s["client_requests_total"]  # drained requests included
kinds = " ".join(f"{k}={v}" for k, v in s["error_kinds"].items() if v)
print("%.1f %d %.1f %s" % (s["rps"], s["errors"], (user + system) * 1e6 / n if n else 0, kinds))
PY
}

servers=(werkzeug gunicorn-gthread gunicorn-sync nginx)
command -v nginx >/dev/null || { echo "nginx not installed: skipped"; servers=(werkzeug gunicorn-gthread gunicorn-sync); }

echo "$connections connections, $threads loader thread(s), ${seconds} s per run, $rounds alternations;" \
    "path $url_path; gunicorn workers $gunicorn_workers"
echo "(a 2 s wrk warm-up first on each server; the client that goes first alternates)"
summary=()
for name in "${servers[@]}"; do
    port=$(free_port)
    start_server "$name" "$port"
    path=$url_path
    [ "$name" = nginx ] && path=/
    url="http://127.0.0.1:$port$path"
    wrk -t"$threads" -c"$connections" -d2s "$url" >/dev/null  # threads, workers and caches warm
    ours=(); theirs=(); ours_cpus=(); wrk_cpus=(); ours_err=0; wrk_err=0
    for round in $(seq "$rounds"); do
        # Command substitutions, not <(...): a client that fails ends the script (set -e).
        if [ $((round % 2)) -eq 1 ]; then
            ours_line=$(run_conclab "$url")
            wrk_line=$(run_wrk "$url")
        else
            wrk_line=$(run_wrk "$url")
            ours_line=$(run_conclab "$url")
        fi
        read -r ours_rps ours_e ours_cpu ours_kinds <<<"$ours_line"
        read -r wrk_rps wrk_e wrk_cpu <<<"$wrk_line"
        printf "%-17s round %d  conclab %8.1f req/s %5.1f us CPU/req errors %s %s  wrk %8.1f req/s %5.1f us CPU/req errors %s\n" \
            "$name" "$round" "$ours_rps" "$ours_cpu" "$ours_e" "$ours_kinds" "$wrk_rps" "$wrk_cpu" "$wrk_e"
        ours+=("$ours_rps"); theirs+=("$wrk_rps"); ours_cpus+=("$ours_cpu"); wrk_cpus+=("$wrk_cpu")
        ours_err=$((ours_err + ours_e)); wrk_err=$((wrk_err + wrk_e))
    done
    stop_server
    summary+=("$(python3 -c "
import statistics as st
o, w = [${ours[*]/%/,}], [${theirs[*]/%/,}]
oc, wc = [${ours_cpus[*]/%/,}], [${wrk_cpus[*]/%/,}]
ratios = ' '.join(f'{a / b:.2f}' for a, b in zip(o, w))
print(f'{\"$name\":<17} conclab {st.median(o):8.1f} req/s  wrk {st.median(w):8.1f} req/s  '
      f'ratio {st.median(o) / st.median(w):4.2f} (of means {st.mean(o) / st.mean(w):4.2f}; per round {ratios})  '
      f'CPU/req conclab {st.median(oc):.1f} us, wrk {st.median(wc):.1f} us  '
      f'errors conclab $ours_err, wrk $wrk_err')")")
done
echo
echo "medians of $rounds runs each:"
printf '%s\n' "${summary[@]}"
