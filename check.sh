#!/bin/bash -
# Install what is missing, build, build the test images and run the whole
# test suite (make check).  The last line is "N passed, M failed"; the
# exit status is non-zero if anything failed.
set -e
top="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$top"
./scripts/setup.sh

set +e
find . -name '*.trs' -not -path './.git/*' -delete
make -s -k check -j1 "$@" > check.log 2>&1
status=$?
set -e

# Per-test results from automake's .trs files (TAP programs report one
# line per test case).
passed=$(cat $(find . -name '*.trs' -not -path './.git/*') /dev/null | grep -c '^:test-result: PASS' || true)
failed=$(cat $(find . -name '*.trs' -not -path './.git/*') /dev/null | grep -cE '^:test-result: (FAIL|ERROR|XPASS)' || true)
skipped=$(cat $(find . -name '*.trs' -not -path './.git/*') /dev/null | grep -c '^:test-result: SKIP' || true)

# Show what failed, with the end of its log.
for trs in $(grep -lE '^:test-result: (FAIL|ERROR|XPASS)' $(find . -name '*.trs' -not -path './.git/*') /dev/null 2>/dev/null); do
    log="${trs%.trs}.log"
    echo "=== $log"
    grep -E '^(not ok|# )' "$log" | head -40 || true
    tail -15 "$log"
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The build or a test driver broke before any result was written:
    # show the end of the log, then where it broke (its first errors).
    tail -15 check.log
    echo "=== make failed without a test result; first errors in check.log:"
    grep -nE 'error:|undefined reference|No rule to make|\*\*\* ' check.log | head -15
    failed=1
fi
[ "$skipped" -gt 0 ] && echo "($skipped skipped)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
