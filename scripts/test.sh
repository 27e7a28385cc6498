#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, runs every test (CTest:
# engine, CLI and GUI suites; the GUI offscreen). Used as is by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# Formatting is part of the build: .clang-format is the project's style. install-deps.sh installs
# clang-format, so the check always runs (outside a git checkout, over the source folders).
sources() {
    if git rev-parse --git-dir >/dev/null 2>&1; then
        git ls-files '*.cpp' '*.hpp' '*.ipp'
    else
        find app bench engine fuzz tests ui \( -name '*.cpp' -o -name '*.hpp' -o -name '*.ipp' \)
    fi
}
sources | xargs clang-format --dry-run --Werror
# The README and docs/ link only to pages and pictures that exist.
bash scripts/check-doc-links.sh
cmake --preset ci
cmake --build --preset ci -j "$(nproc)"
ctest --preset ci
# Not here yet: `ctest --preset ci-real` (label "real": calibrate and validate against real
# Werkzeug and Express, held to issue #17's targets). On a quiet machine it passed 1 of its last
# 3 runs whole: calibrate's ±5 % now holds (the loop goes on from a verification outside it), but
# validate against Werkzeug at 1,000 connections measured 1.08, 1.12, 1.15 and 1.32× (±15 %):
# the model misses part of Werkzeug's cost at that scale. A CI gate that fails one run in three
# for a known model gap would block every change, so it runs by hand (docs/validation.md) until
# the model closes the gap.
