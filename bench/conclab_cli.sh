# Sourced by the bench scripts: which conclab-cli they drive. CONCLAB_CLI names it; without it,
# the release build's, else the ci build's. A CLI that fails makes the script fail (non-zero, no
# figure): every figure a script prints was measured.
# A failure inside $(...) fails the assignment, and with it the script (bash 4.4+).
shopt -s inherit_errexit
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${CONCLAB_CLI:-}" ]; then
    CONCLAB_CLI=$bench_root/build/release/bin/conclab-cli
    [ -x "$CONCLAB_CLI" ] || CONCLAB_CLI=$bench_root/build/ci/bin/conclab-cli
fi
[ -x "$CONCLAB_CLI" ] ||
    { echo "no conclab-cli at $CONCLAB_CLI (build first, or set CONCLAB_CLI)" >&2; exit 2; }
cli=$CONCLAB_CLI

# Runs the CLI with the given arguments and prints its stdout; exits the script, saying what
# failed, when the CLI fails.
cli_or_die() {
    local out
    out=$("$cli" "$@") || { echo "conclab-cli failed (exit $?): $cli $*" >&2; exit 1; }
    [ -n "$out" ] || { echo "conclab-cli printed nothing: $cli $*" >&2; exit 1; }
    printf '%s\n' "$out"
}
