#!/usr/bin/env bash
# Soak: one long run at 10,000 connections (SOAK_CONNECTIONS); every minute, the resident memory
# and open file descriptors of the CLI and of every server worker are printed, so that a leak
# shows as a column that keeps growing. At the end the servers' memory and descriptors (summed
# over the workers) are checked against minute 1: within 5 % passes, more fails (exit 1).
# Not part of CI (it runs for as long as you ask).
#   bash bench/soak.sh [minutes (10)] [extra conclab-cli run flags...]
# Example: bash bench/soak.sh 10 --model process-per-core --workers 2 --io-ms 50
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
connections=${SOAK_CONNECTIONS:-10000}
shift || true
source bench/conclab_cli.sh  # CONCLAB_CLI, else the release or ci build's
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--model process-per-core --workers 2 --io-ms 50)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$cli" run --connections "$connections" --duration $((minutes * 60)) -q "${args[@]}" \
    --json "$out/run.json" >"$out/run.txt" 2>&1 &
cli_pid=$!

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
workers() { pgrep -P "$cli_pid" -x conclab-worker 2>/dev/null | tr '\n' ' '; }

printf '%-7s %-22s %-8s %s\n' minute "cli rss MiB / fds" workers "each worker: pid rss MiB / fds"
first_rss=0 first_fds=0 last_rss=0 last_fds=0
for ((m = 1; m <= minutes; ++m)); do
    # A second at a time: a run that ends (or fails at once) ends the soak without waiting.
    for ((second = 0; second < 60; ++second)); do
        kill -0 "$cli_pid" 2>/dev/null || break 2
        sleep 1
    done
    line="" rss_sum=0 fds_sum=0
    for w in $(workers); do
        r=$(rss_kb "$w") f=$(fds "$w")
        rss_sum=$((rss_sum + r)) fds_sum=$((fds_sum + f))
        line+="$w $((r / 1024))/$f  "
    done
    [ "$m" -eq 1 ] && first_rss=$rss_sum first_fds=$fds_sum
    last_rss=$rss_sum last_fds=$fds_sum
    printf '%-7s %-22s %-8s %s\n' "$m" "$(( $(rss_kb "$cli_pid") / 1024 ))/$(fds "$cli_pid")" \
        "$(workers | wc -w)" "$line"
done
rc=0
wait "$cli_pid" || rc=$?
if [ "$rc" -ne 0 ]; then  # the run failed: its figures are not a soak's result
    echo "conclab-cli failed (exit $rc):" >&2
    cat "$out/run.txt" >&2
    exit 1
fi
grep -E "Requests/sec|Errors|Latency|Warning" "$out/run.txt" || cat "$out/run.txt"
echo "processes left behind: $(pgrep -c conclab-worker || true)"
# Within 5 % of minute 1: the servers neither leak memory nor descriptors at this count.
within() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); sys.exit(0 if a>0 and abs(b-a)<=0.05*a else 1)" "$1" "$2"; }
echo "servers at minute 1: $((first_rss / 1024)) MiB, $first_fds fds; at the end: $((last_rss / 1024)) MiB, $last_fds fds"
if within "$first_rss" "$last_rss" && within "$first_fds" "$last_fds"; then
    echo "PASS: memory and descriptors within 5 % of minute 1"
else
    echo "FAIL: memory or descriptors moved more than 5 % from minute 1"
    exit 1
fi
