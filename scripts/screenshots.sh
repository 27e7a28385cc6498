#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots/ with the app's own window and chart
# exporter (tests/ui/readme_screenshots.cpp): the first frame at 1280×800, a finished comparison
# (I/O-bound preset, event loop vs 10 GIL threads, 5 s each) at 1920×1080, an exported chart, and
# presentation mode over the same comparison (1920×1080 light, 1280×720 dark), and the first
# pages of its exported PDF report at 1920×1080 (report-page-N.png, with pdftoppm).
# Needs no display (Qt's offscreen platform); real servers and load run for about 15 s.
# With a LANGUAGE (ko) the window speaks it and the pictures go to docs/screenshots/LANGUAGE/.
#
#   bash scripts/screenshots.sh [BUILD_PRESET [LANGUAGE]]    (default: ci, English)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
language="${2:-}"
out=docs/screenshots${language:+/$language}

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" --target readme_screenshots conclab-worker
mkdir -p "$out"
QT_QPA_PLATFORM=offscreen "build/$preset/bin/readme_screenshots" "$out" $language
# The report's slides (960×540 pt) at 1920×1080: title and diagnosis, the charts, the summary.
if command -v pdftoppm >/dev/null; then
    rm -f "$out"/report-page-*.png
    pdftoppm -png -scale-to-x 1920 -scale-to-y 1080 -f 1 -l 3 "$out/report.pdf" "$out/report-page"
fi
rm -f "$out/report.pdf"

# Screenshots of flat UI colours lose nothing visible at 256 colours and shrink to a third.
if command -v convert >/dev/null; then
    for png in "$out"/*.png; do
        convert "$png" -strip -colors 256 -define png:compression-level=9 "$png.tmp.png"
        mv "$png.tmp.png" "$png"
    done
fi
ls -l "$out"
