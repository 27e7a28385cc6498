#!/usr/bin/env bash
# Builds the Debian package conclab_<version>_amd64.deb (CPack, cmake/packaging.cmake) from a
# build of the given preset, into build/<preset>/package/, and prints its path. The build is the
# one scripts/test.sh makes (ci): only what changed since is rebuilt. Install it with
#   sudo apt install ./build/ci/package/conclab_*_amd64.deb
#
#   bash scripts/package.sh [BUILD_PRESET]    (default: ci)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
bash scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
rm -f "build/$preset/package"/conclab_*.deb
(cd "build/$preset" && cpack -G DEB >/dev/null)
deb=$(ls "build/$preset/package"/conclab_*.deb)
dpkg-deb --field "$deb" Package Version Architecture Installed-Size Depends
echo "$deb"
