#!/usr/bin/env bash
# Soak: one long run at 1,000 connections; every minute, the resident memory and open file
# descriptors of the CLI and of every server worker are printed, so that a leak shows as a
# column that keeps growing. Not part of CI (it runs for as long as you ask).
#   bash bench/soak.sh [minutes (60)] [extra conclab-cli run flags...]
# Example: bash bench/soak.sh 10 --model process-per-core --workers 2 --io-ms 50
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-60}
shift || true
source bench/conclab_cli.sh  # CONCLAB_CLI, else the release or ci build's
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--model process-per-core --workers 2 --io-ms 50)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$cli" run --connections 1000 --duration $((minutes * 60)) -q "${args[@]}" \
    --json "$out/run.json" >"$out/run.txt" 2>&1 &
cli_pid=$!

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
fds() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
workers() { pgrep -P "$cli_pid" -x conclab-worker 2>/dev/null | tr '\n' ' '; }

printf '%-7s %-22s %-8s %s\n' minute "cli rss MiB / fds" workers "each worker: pid rss MiB / fds"
for ((m = 1; m <= minutes; ++m)); do
    # A second at a time: a run that ends (or fails at once) ends the soak without waiting.
    for ((second = 0; second < 60; ++second)); do
        kill -0 "$cli_pid" 2>/dev/null || break 2
        sleep 1
    done
    line=""
    for w in $(workers); do
        line+="$w $(( $(rss_kb "$w") / 1024 ))/$(fds "$w")  "
    done
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
