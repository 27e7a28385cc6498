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
cli=${CONCLAB_CLI:-build/release/bin/conclab-cli}
[ -x "$cli" ] || cli=build/ci/bin/conclab-cli
[ -x "$cli" ] || { echo "build conclab-cli first (cmake --build --preset release)"; exit 2; }
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
    sleep 60
    kill -0 "$cli_pid" 2>/dev/null || break
    line=""
    for w in $(workers); do
        line+="$w $(( $(rss_kb "$w") / 1024 ))/$(fds "$w")  "
    done
    printf '%-7s %-22s %-8s %s\n' "$m" "$(( $(rss_kb "$cli_pid") / 1024 ))/$(fds "$cli_pid")" \
        "$(workers | wc -w)" "$line"
done
wait "$cli_pid" || true
grep -E "Requests/sec|Errors|Latency|Warning" "$out/run.txt" || cat "$out/run.txt"
echo "processes left behind: $(pgrep -c conclab-worker || true)"
