#!/bin/bash -
# Commands on the command line are separated by a standalone ':' and
# their arguments are used exactly as the shell passes them.
. "$(dirname "$0")/functions.sh"

guestfish echo a : echo 'b  c' : echo x: y ':z' : echo '"q"' "\t" > "$tmpdir/out"
printf 'a\nb  c\nx: y :z\n"q" \\t\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

# Empty commands are errors.
expect_failure guestfish : echo a
expect_stderr '^guestfish: empty command on command line$'
expect_failure guestfish echo a : : echo b
expect_stderr 'empty command on command line'
[ "$(cat "$tmpdir/stdout")" = "a" ] || fail "first command did not run"

# An unknown first command explains how to open a disk image.
expect_failure guestfish disk.img : echo b
expect_stderr '^disk.img: unknown command$'
expect_stderr '^Did you mean to open a disk image\?  guestfish -a disk.img$'
[ ! -s "$tmpdir/stdout" ] || fail "commands after a failure ran"

# Later unknown commands do not repeat the explanation.
expect_failure guestfish echo a : nosuch
expect_stderr '^nosuch: unknown command$'
if grep -q 'Did you mean' "$tmpdir/stderr"; then
    fail "extended help printed for a later command"
fi
