#!/bin/bash -
# String-list arguments: one word, items separated by blanks, single
# quotes group an item with blanks, \' is a literal quote.
. "$(dirname "$0")/functions.sh"

guestfish set-backend-settings "a 'b c'  d\\'e f'g h'" : get-backend-settings > "$tmpdir/out"
printf "a\nb c\nd'e\nfg h\n" > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

guestfish set-backend-settings "" : get-backend-settings > "$tmpdir/out"
[ ! -s "$tmpdir/out" ] || fail "empty list is not empty"

expect_failure guestfish set-backend-settings "a 'b"
expect_stderr "^Runaway quote in string \"a 'b\"$"
