#!/bin/bash -
# reopen gives a fresh handle that keeps verbose/trace/autosync/path
# but not other settings.
. "$(dirname "$0")/functions.sh"

default="$(guestfish get-memsize)"
guestfish set-memsize 1000 : set-autosync false : reopen : \
    get-memsize : get-autosync > "$tmpdir/out"
printf '%s\nfalse\n' "$default" > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

# The new handle uses the script error format too.
printf 'reopen\n\nmount /dev/sda1 /\n' > "$tmpdir/s"
expect_failure guestfish -f "$tmpdir/s"
expect_stderr "^$tmpdir/s:3: libguestfs: error: mount: "
