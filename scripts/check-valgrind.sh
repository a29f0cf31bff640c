#!/bin/bash -
# make check-valgrind: run the host side of the test suite under valgrind
# memcheck, in this (plain) build tree.  The appliance is not affected:
# qemu and every other child runs natively (--trace-children=no).
#
# What runs under valgrind (the whole suite would take hours):
#   - tests/c-api: the generated C API tests (the tests program);
#   - tests/fish: every guestfish test; guestfish itself runs under
#     valgrind through a wrapper put first on PATH (GUESTKIT_WRAP_PATH,
#     read by ./run);
#   - tests/tools: every virt-* tool test, the same way;
#   - tests/: the C test programs (test-errors, test-two-handles, ...),
#     not the shell tests.
# Each valgrind run logs to tests/valgrind-logs/RUN/vg.PID; any log whose ERROR SUMMARY is
# not 0 (memory errors, definite or indirect leaks) fails the target, even
# when the test itself passed.
#
# Usage: scripts/check-valgrind.sh [SUBDIR...]  (default: c-api fish tools .)
set -u
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$top" || exit 1
command -v valgrind >/dev/null || { echo "check-valgrind: no valgrind" >&2; exit 77; }
dirs=("$@")
[ $# -gt 0 ] || dirs=(c-api fish tools .)

# One directory per run, so that runs on different test directories can
# go on at the same time.
logs="$top/tests/valgrind-logs/$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$logs/bin"
export GUESTKIT_VALGRIND_LOGS="$logs"
wrap="$top/scripts/valgrind-wrap.sh"

# Wrappers named like the programs, found before fish/ and tools/.
# Every built virt-* tool (tools/virt-*, not their manual pages).
for p in fish/guestfish $(cd "$top" && ls tools/virt-* | grep -v '\.'); do
    printf '#!/bin/sh\nexec %s %s "$@"\n' "$wrap" "$top/$p" > "$logs/bin/${p##*/}"
    chmod +x "$logs/bin/${p##*/}"
done
export GUESTKIT_WRAP_PATH="$logs/bin"

ctests="test-qemu-killed test-two-handles test-progress-cancel test-errors
test-exit-cleanup test-upload-disk-cancel test-libvirt-api"
fail=0
for d in "${dirs[@]}"; do
    echo "== tests/$d"
    case "$d" in
    c-api) make -C tests/c-api check-am LOG_COMPILER="$top/run $wrap" || fail=1 ;;
    .)     make -C tests check-am LOG_COMPILER="$top/run $wrap" \
               TESTS="${TESTS:-$(echo $ctests)}" || fail=1 ;;
    *)     make -C "tests/$d" check-am ${TESTS:+TESTS="$TESTS"} || fail=1 ;;
    esac
done

# Sum up: one line per log with errors.
runs=0; bad=0
for f in "$logs"/vg.*; do
    [ -e "$f" ] || continue
    runs=$((runs + 1))
    # With --quiet valgrind writes "==PID==" lines only for errors and
    # leaks ("--PID--" lines are its own warnings, e.g. unknown syscalls).
    if grep -q '^==[0-9]*== ' "$f"; then
        bad=$((bad + 1)); echo "--- $f"; head -60 "$f"
    fi
done
echo "check-valgrind: $runs program runs under valgrind, $bad with errors or leaks (logs: $logs)"
[ "$bad" -eq 0 ] || fail=1
exit $fail
