#!/usr/bin/env bash
# Checks the Debian package scripts/package.sh made, as a user gets it:
#  1. unpacked into an empty root (dpkg-deb -x): every program finds its libraries (ldd), the
#     desktop entry and the AppStream metadata validate, both man pages render, and the programs
#     run from there: `conclab --version`, `conclab-cli run --duration 1` (its worker found
#     beside it) and a preset by its bare name (found in the root's share/conclab/presets);
#  2. as root (CI), installed for real with dpkg -i: the same runs from /usr/bin, `man` finds
#     both pages, the bash completion lists the flags; then purged. Skipped when a conclab
#     package is installed already (it is not replaced) or without root.
#
#   bash scripts/test-package.sh [BUILD_PRESET]    (default: ci)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-ci}"
deb=$(ls "build/$preset/package"/conclab_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "no package in build/$preset/package: run scripts/package.sh" >&2; exit 1; }
deb=$(realpath "$deb")
work=$(mktemp -d)
installed_here=""
cleanup() {
    [ -n "$installed_here" ] && dpkg --purge conclab >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-package: $*" >&2; exit 1; }
# Every child must be gone when a run has ended: no stray servers, no ports left behind.
unset CONCLAB_WORKER

echo "== $deb"
dpkg-deb --field "$deb" Package Version Architecture Depends
for path in ./usr/bin/conclab ./usr/bin/conclab-cli ./usr/bin/conclab-worker \
    ./usr/share/applications/conclab.desktop ./usr/share/icons/hicolor/scalable/apps/conclab.svg \
    ./usr/share/man/man1/conclab.1.gz ./usr/share/man/man1/conclab-cli.1.gz \
    ./usr/share/bash-completion/completions/conclab-cli \
    ./usr/share/conclab/presets/01-io-bound-event-loop-vs-gil-threads.json; do
    dpkg-deb --contents "$deb" | awk '{print $NF}' | grep -qx "$path" || fail "$path is not in the package"
done
metainfo=$(dpkg-deb --contents "$deb" | awk '{print $NF}' | grep '^./usr/share/metainfo/.*\.metainfo\.xml$') ||
    fail "no AppStream metadata in the package"

echo "== unpacked into $work/root"
root="$work/root"
dpkg-deb -x "$deb" "$root"
for program in conclab conclab-cli conclab-worker; do
    missing=$(ldd "$root/usr/bin/$program" | grep 'not found' || true)
    [ -z "$missing" ] || fail "$program: libraries not found: $missing"
done
desktop-file-validate "$root/usr/share/applications/conclab.desktop"
appstreamcli validate --no-net "$root/${metainfo#./}"
for page in conclab conclab-cli; do
    MANWIDTH=100 man -l "$root/usr/share/man/man1/$page.1.gz" >"$work/$page.txt" 2>"$work/man.err"
    [ ! -s "$work/man.err" ] || fail "man $page: $(cat "$work/man.err")"
    grep -q "SEE ALSO" "$work/$page.txt" || fail "man $page rendered no SEE ALSO section"
done
cd "$work"  # far from the source tree: nothing may be found there by accident
run_programs() {  # $1: the folder of the programs
    "$1/conclab" --version | tee "$work/version.txt"
    grep -q "Concurrency Lab" "$work/version.txt" || fail "conclab --version printed no name"
    "$1/conclab-cli" run --duration 1 --connections 10 --quiet | tee "$work/run.txt"
    grep -q "Requests/sec\|req/s" "$work/run.txt" || fail "conclab-cli run printed no rate"
    "$1/conclab-cli" run --scenario 05-event-loop-blocked-by-cpu.json --duration 1 --quiet \
        >"$work/preset.txt" || fail "conclab-cli did not find the installed preset by name"
}
run_programs "$root/usr/bin"

if [ "$(id -u)" -ne 0 ]; then
    echo "== not root: dpkg -i skipped"
    exit 0
fi
if dpkg-query -W -f='${Status}' conclab 2>/dev/null | grep -q "install ok installed"; then
    echo "== a conclab package is installed already: dpkg -i skipped (it is not replaced)"
    exit 0
fi
echo "== dpkg -i"
installed_here=yes
dpkg -i "$deb"
[ "$(command -v conclab-cli)" = /usr/bin/conclab-cli ] || fail "conclab-cli is not /usr/bin/conclab-cli"
run_programs /usr/bin
if [ -e /usr/share/man/man1/conclab-cli.1.gz ]; then
    man -w conclab-cli >/dev/null && man -w conclab >/dev/null || fail "man does not find the pages"
else
    echo "dpkg left out /usr/share/man on this system (path-exclude): man -w skipped"
fi
flags=$(bash -c 'source /usr/share/bash-completion/completions/conclab-cli
    COMP_WORDS=(conclab-cli run --); COMP_CWORD=2; _conclab_cli; echo "${COMPREPLY[*]}"')
for flag in --model --connections --cpu-ms --io-ms --duration --target --scenario --json; do
    [[ " $flags " == *" $flag "* ]] || fail "the installed completion does not offer $flag"
done
dpkg --purge conclab
installed_here=""
echo "== the package installs, runs and purges"
