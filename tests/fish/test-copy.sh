#!/bin/bash -
# copy-in and copy-out: several sources, recursive, into an existing
# directory; errors.
. "$(dirname "$0")/functions.sh"

guestfish -h copy-in >/dev/null 2>&1 && guestfish -h copy-out >/dev/null 2>&1 || {
    echo "$0: skipped: the library has no copy-in/copy-out"
    exit 77
}
cd "$tmpdir"
mkdir -p loc/sub out
echo a > loc/a
echo b > loc/sub/b
echo c > c
guestfish -N fs:ext4:32M -m /dev/sda1 > list 2> err <<'EOF_S'
mkdir /d
copy-in loc c /d
find /d
copy-out /d/loc /d/c out
-copy-in loc/nonexistent /d
-copy-in loc /nonexistentdir
-copy-out /nonexistent out
-copy-out /d nonexistentdir
EOF_S
printf 'c\nloc\nloc/a\nloc/sub\nloc/sub/b\n' > expected
expect_output expected list
[ "$(cat out/loc/sub/b)" = b ] || fail "copy-out of a directory"
[ "$(cat out/c)" = c ] || fail "copy-out of a file"
[ "$(grep -c error err)" = 4 ] || { cat err; fail "expected 4 errors"; }
expect_failure guestfish copy-in x
expect_stderr "^use 'copy-in <local> \[<local>...\] <remotedir>' to copy files into the image$"
expect_failure guestfish copy-out x
expect_stderr "^use 'copy-out <remote> \[<remote>...\] <localdir>' to copy files out of the image$"
