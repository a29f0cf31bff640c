#!/bin/bash -
# -f FILE runs a script; '#!.../guestfish -f' scripts run directly; errors
# name the script and line.
. "$(dirname "$0")/functions.sh"

cat > "$tmpdir/script" <<EOF_SCRIPT
#!$(command -v guestfish) -f
# a comment, then a blank line

echo one
   echo two   
EOF_SCRIPT
chmod +x "$tmpdir/script"
printf 'one\ntwo\n' > "$tmpdir/expected"
guestfish -f "$tmpdir/script" > "$tmpdir/out"
expect_output "$tmpdir/expected" "$tmpdir/out"
"$tmpdir/script" > "$tmpdir/out"
expect_output "$tmpdir/expected" "$tmpdir/out"
guestfish --file "$tmpdir/script" > "$tmpdir/out"
expect_output "$tmpdir/expected" "$tmpdir/out"

# A library error is prefixed with the script name and line number.
printf 'echo a\n\n# c\nmount /dev/sda1 /\necho b\n' > "$tmpdir/bad"
expect_failure guestfish -f "$tmpdir/bad"
expect_stderr "^$tmpdir/bad:4: libguestfs: error: mount: "
[ "$(cat "$tmpdir/stdout")" = "a" ] || fail "wrong output from failing script"

# -f ignores commands on stdin.
echo 'echo from-stdin' | guestfish -f "$tmpdir/script" > "$tmpdir/out"
expect_output "$tmpdir/expected" "$tmpdir/out"

expect_failure guestfish -f "$tmpdir/nonexistent"
expect_stderr "^guestfish: open: $tmpdir/nonexistent: No such file or directory$"
expect_failure guestfish -f "$tmpdir/script" -f "$tmpdir/script"
expect_stderr '^guestfish: only one -f parameter can be given$'
