#!/usr/bin/env bash
# Clang's thread-safety analysis over the engine, the CLI and the worker (the thread-safety preset,
# clang-14, -Werror=thread-safety): a member GUARDED_BY a mutex touched without it, or a function
# that REQUIRES a lock called without it, fails the build (engine/core/annotated_mutex.hpp).
# GCC, the everyday compiler, has no such analysis. Run by .ci/run before the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake --preset thread-safety "${launcher[@]}"
cmake --build --preset thread-safety -j "$(nproc)"
echo "thread-safety analysis: no warnings"
