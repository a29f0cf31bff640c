#!/bin/bash -
# Unquoted words starting with ~ are host home directories.
. "$(dirname "$0")/functions.sh"

roothome="$(getent passwd root | cut -d: -f6)"
printf '%s\n' 'echo ~ ~/x ~root/y "~" '"'~'"' ~nosuchuser12345/z a~b' |
    HOME=/home/fishtest guestfish > "$tmpdir/out"
printf '/home/fishtest /home/fishtest/x %s/y ~ ~ ~nosuchuser12345/z a~b\n' \
    "$roothome" > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"
