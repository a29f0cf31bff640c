#!/bin/bash -
# supported lists the optional groups, aligned, each "yes" or "no".
. "$(dirname "$0")/functions.sh"

guestfish -a /dev/null run : supported > "$tmpdir/out"
[ -s "$tmpdir/out" ] || fail "no groups"
if grep -Evq '^ *[a-z0-9]+ (yes|no)$' "$tmpdir/out"; then
    cat "$tmpdir/out" >&2
    fail "bad line"
fi
[ "$(awk '{ print length ($0) - length ($2) }' "$tmpdir/out" | sort -u | wc -l)" = 1 ] ||
    fail "not aligned"
grep -q '^ *lvm2 yes$' "$tmpdir/out" || fail "lvm2 not supported"
expect_failure guestfish supported
expect_stderr 'call launch before using this function'
