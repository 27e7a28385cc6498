#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots/ with the app's own window and chart
# exporter (tests/ui/readme_screenshots.cpp): the first frame at 1280×800, a finished comparison
# (I/O-bound preset, event loop vs 10 GIL threads, 5 s each) at 1920×1080, an exported chart, and
# presentation mode over the same comparison (1920×1080 light, 1280×720 dark).
# Needs no display (Qt's offscreen platform); real servers and load run for about 15 s.
#
#   bash scripts/screenshots.sh [BUILD_PRESET]    (default: ci)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
out=docs/screenshots

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" --target readme_screenshots conclab-worker
mkdir -p "$out"
QT_QPA_PLATFORM=offscreen "build/$preset/bin/readme_screenshots" "$out"

# Screenshots of flat UI colours lose nothing visible at 256 colours and shrink to a third.
if command -v convert >/dev/null; then
    for png in "$out"/*.png; do
        convert "$png" -strip -colors 256 -define png:compression-level=9 "$png.tmp.png"
        mv "$png.tmp.png" "$png"
    done
fi
ls -l "$out"
