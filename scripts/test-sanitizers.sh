#!/usr/bin/env bash
# Sanitizer runs, after scripts/test.sh in CI (.ci/run):
#   1. AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset, GUI off: the GUI suites
#      exercise Qt widgets, whose uninstrumented libraries add nothing here but leak reports),
#      every remaining suite;
#   2. ThreadSanitizer (the tsan preset, GUI off), every remaining suite, with scripts/tsan.supp;
#   3. fuzz_request_parser (the fuzz preset, clang-14 + libFuzzer) for FUZZ_SECONDS (60).
# A sanitizer report in any process, the worker processes the tests start included, fails the
# run: reports go to files under build/sanitizer-logs/, which must stay empty.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

jobs="$(nproc)"
fuzz_seconds="${FUZZ_SECONDS:-60}"
logs="$PWD/build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
started=$SECONDS
step() { echo "== $* ($((SECONDS - started)) s)"; }

# Fails with the reports, if any, and with the test result.
check_logs() {
    local what="$1" tests_rc="$2"
    if compgen -G "$logs/*" >/dev/null; then
        echo "sanitizer reports ($what):" >&2
        cat "$logs"/* >&2
        exit 1
    fi
    [ "$tests_rc" -eq 0 ] || { echo "$what: tests failed" >&2; exit "$tests_rc"; }
}

step "ASan + UBSan: build"
cmake --preset asan -DCONCLAB_BUILD_GUI=OFF
cmake --build --preset asan -j "$jobs"
step "ASan + UBSan: tests"
rc=0
ASAN_OPTIONS="log_path=$logs/asan:detect_leaks=1:strict_string_checks=1" \
UBSAN_OPTIONS="log_path=$logs/ubsan:print_stacktrace=1:halt_on_error=1" \
    ctest --preset asan -j 1 || rc=$?
check_logs "ASan/UBSan" "$rc"

step "TSan: build"
cmake --preset tsan
cmake --build --preset tsan -j "$jobs"
step "TSan: tests"
rc=0
# Not tst_real_python_servers: it starts Werkzeug and gunicorn with QProcess, and TSan dies in the
# forked child before exec ("starting new threads after multi-threaded fork is not supported");
# it tests our client against external servers, which ASan+UBSan above covers.
TSAN_OPTIONS="log_path=$logs/tsan:second_deadlock_stack=1" \
    ctest --preset tsan -j 1 -E '^tst_real_python_servers$' || rc=$?
check_logs "TSan" "$rc"

step "fuzz_request_parser: build"
cmake --preset fuzz
cmake --build --preset fuzz -j "$jobs"
step "fuzz_request_parser: ${fuzz_seconds} s"
rc=0
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
# New inputs go to a scratch corpus; the seeds in the repository are only read.
build/fuzz/bin/fuzz_request_parser -dict=fuzz/request.dict -max_total_time="$fuzz_seconds" \
    -print_final_stats=1 -artifact_prefix="$logs/fuzz-" "$corpus" fuzz/corpus/request_parser || rc=$?
check_logs "fuzz_request_parser" "$rc"
step "sanitizers: all passed"
