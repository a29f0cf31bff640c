#!/bin/bash -
# not CMD inverts CMD's success, but a usage error stays an error.
. "$(dirname "$0")/functions.sh"

guestfish not nosuch 2>/dev/null || fail "not of a failure failed"
guestfish not mount /dev/sda1 / 2>/dev/null || fail "not of a library error failed"
expect_failure guestfish not echo hi
[ "$(cat "$tmpdir/stdout")" = hi ] || fail "command did not run"
expect_failure guestfish not mount
expect_stderr '^error: incorrect number of arguments$'
expect_failure guestfish not
expect_stderr "^use 'not command \[args...\]'$"
