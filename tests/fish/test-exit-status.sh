#!/bin/bash -
# Non-interactive sessions stop at the first failing command with exit
# status 1; success is 0; 'quit' ends a script early with success.
. "$(dirname "$0")/functions.sh"

guestfish echo ok > /dev/null || fail "success gave a non-zero status"
printf 'echo ok\n' | guestfish > /dev/null || fail "script success gave non-zero"

# Script: the failing command stops it.
printf 'echo one\nnot echo x\necho two\n' > "$tmpdir/s"
expect_failure guestfish -f "$tmpdir/s"
[ "$(cat "$tmpdir/stdout")" = "one
x" ] || fail "unexpected output: $(cat "$tmpdir/stdout")"

# Wrong number of arguments is an error, with a usage message.
expect_failure guestfish mount /dev/sda1 : echo not-reached
expect_stderr '^error: incorrect number of arguments$'
expect_stderr '^usage: mount mountable mountpoint$'
expect_stderr "^type 'help mount' for more help on mount$"
if grep -q not-reached "$tmpdir/stdout"; then
    fail "went on after failure"
fi

# Bad integer and boolean arguments are errors.
expect_failure guestfish set-memsize lots
expect_stderr '^set-memsize: memsize: invalid integer parameter \(xstrtoll returned 4\)$'
expect_failure guestfish set-autosync maybe
expect_stderr "^guestfish: 'maybe': invalid boolean value, use 'true' or 'false'$"

# quit stops the script, successfully.
printf 'echo one\nquit\necho two\n' | guestfish > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = "one" ] || fail "quit did not stop the script"
guestfish echo one : exit : echo two > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = "one" ] || fail "exit did not stop the command line"
