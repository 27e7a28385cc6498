#!/usr/bin/env bash
# Installs what is missing, builds the release configuration and launches the desktop app.
# Without a display (no $DISPLAY / $WAYLAND_DISPLAY) it runs a short CLI demo instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
if [ -x build/release/bin/conclab ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec build/release/bin/conclab "$@"
fi
echo "No display found: running a 5 s CLI demo (event loop, 1000 connections, 50 ms I/O)."
exec build/release/bin/conclab-cli run --model event-loop --connections 1000 --io-ms 50 --duration 5 "$@"
