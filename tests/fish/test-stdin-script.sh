#!/bin/bash -
# Without commands on the command line and with stdin not a terminal,
# guestfish runs stdin as a script: no banner, no prompt.
. "$(dirname "$0")/functions.sh"

printf '# comment\n\necho one\n  echo two\n' | guestfish > "$tmpdir/out"
printf 'one\ntwo\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

# Errors name "*stdin*" and the line.
printf 'echo a\n\nmount /dev/sda1 /\necho b\n' > "$tmpdir/in"
expect_failure guestfish < "$tmpdir/in"
expect_stderr '^\*stdin\*:3: libguestfs: error: mount: '
[ "$(cat "$tmpdir/stdout")" = "a" ] || fail "wrong output"

# An empty script is fine.
guestfish < /dev/null > "$tmpdir/out"
[ ! -s "$tmpdir/out" ] || fail "output from an empty script"
