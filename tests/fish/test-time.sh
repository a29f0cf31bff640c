#!/bin/bash -
# time CMD runs CMD and then prints the elapsed time.
. "$(dirname "$0")/functions.sh"

guestfish time echo hi > "$tmpdir/out"
[ "$(head -1 "$tmpdir/out")" = hi ] || fail "command output"
grep -q -E '^elapsed time: [0-9]+\.[0-9][0-9] seconds$' "$tmpdir/out" ||
    fail "no elapsed time: $(cat "$tmpdir/out")"

expect_failure guestfish time nosuch
expect_stderr '^nosuch: unknown command$'
if grep -q 'elapsed time' "$tmpdir/stdout"; then fail "time printed for a failure"; fi
expect_failure guestfish time
expect_stderr "^use 'time command \[args...\]'$"
