#!/bin/bash -
# A leading '-' lets one command fail without stopping a script or the
# command line.
. "$(dirname "$0")/functions.sh"

printf 'echo one\n-nosuch\n - mount /dev/sda1 /\n-!false\necho two\n' > "$tmpdir/s"
guestfish -f "$tmpdir/s" > "$tmpdir/out" 2> "$tmpdir/err" ||
    fail "ignored errors made the script fail"
printf 'one\ntwo\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"
grep -q '^nosuch: unknown command$' "$tmpdir/err" ||
    fail "the ignored error was not reported"
grep -q 'libguestfs: error: mount' "$tmpdir/err" ||
    fail "the ignored library error was not reported"

# On the command line (after '--' so that getopt leaves it alone when
# it comes first).
guestfish echo one : -nosuch : echo two > "$tmpdir/out" 2>/dev/null ||
    fail "-cmd on the command line failed"
expect_output "$tmpdir/expected" "$tmpdir/out"
guestfish -- -nosuch : echo two > "$tmpdir/out" 2>/dev/null ||
    fail "-cmd first on the command line failed"
[ "$(cat "$tmpdir/out")" = "two" ] || fail "wrong output"

# Only that one command is affected.
printf -- '-nosuch\nnosuch\necho not-reached\n' > "$tmpdir/s"
expect_failure guestfish -f "$tmpdir/s"
if grep -q not-reached "$tmpdir/stdout"; then
    fail "later error was ignored too"
fi
