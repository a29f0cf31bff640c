#!/bin/bash -
# lcd changes guestfish's local directory (unlike !cd).
. "$(dirname "$0")/functions.sh"

mkdir "$tmpdir/sub"
printf 'lcd %s\n!pwd\nsparse rel.img 1M\n' "$tmpdir/sub" | guestfish > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = "$tmpdir/sub" ] || fail "lcd did not change directory"
[ -f "$tmpdir/sub/rel.img" ] || fail "relative file not created in the lcd directory"

expect_failure guestfish lcd "$tmpdir/nonexistent"
expect_stderr "^lcd: $tmpdir/nonexistent: No such file or directory$"
expect_failure guestfish lcd
expect_stderr "^use 'lcd directory' to change local directory$"
