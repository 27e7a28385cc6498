#!/usr/bin/env bash
# Installs the Debian 12 packages Concurrency Lab builds and tests with. Idempotent: does nothing
# (and needs no network) when everything is already there. Run as root, or with sudo available.
set -euo pipefail

packages=(
    build-essential cmake pkg-config
    libboost1.74-dev libboost-program-options1.74-dev nlohmann-json3-dev
    qt6-base-dev qt6-svg-dev libqcustomplot-dev libgl-dev
    libbenchmark-dev wrk
)
# Real servers the load generator is tested against (tests/real_servers): Flask on Werkzeug and
# on gunicorn, run with /usr/bin/python3.
packages+=(python3-flask gunicorn)
# calibrate and validate against real servers (tests/real_servers, resources/reference_apps): Node
# with Debian's Express (NODE_PATH=/usr/share/nodejs), and gunicorn's gevent workers.
packages+=(nodejs node-express python3-gevent)
# clang and its runtimes (libFuzzer, sanitizers) for the fuzz preset (scripts/test-sanitizers.sh).
packages+=(clang-14 libclang-rt-14-dev)
# The format check of scripts/test.sh (.clang-format; Debian 12's clang-format is version 14).
packages+=(clang-format)
# Fonts so that charts rendered offscreen have readable text, Hangul included (the Korean
# window and its exports).
packages+=(fonts-dejavu-core fonts-noto-cjk)
# Translations: lupdate/lrelease and their CMake functions, and Qt's own dialogs in Korean.
packages+=(qt6-tools-dev qt6-l10n-tools qt6-translations-l10n)
# The Debian package (scripts/package.sh, scripts/test-package.sh): CPack's dependency scan
# (dpkg-shlibdeps, file), the desktop entry and AppStream checks, man to render the man pages.
packages+=(dpkg-dev file desktop-file-utils appstream man-db)
# pdftotext reads exported PDFs back (text sizes with -bbox, lines with -layout) in the GUI
# suites' export tests (tests/support/pdf_text.hpp).
packages+=(poppler-utils)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
