#!/bin/bash -
# glob: guest paths are expanded with glob-expand (directories with a
# trailing slash), devices against the devices and partitions, several
# patterns give every combination, no match passes the word unchanged.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
guestfish -N fs:ext2:16M -m /dev/sda1 > out <<'EOF_S'
mkdir-p /d/a
mkdir-p /d/b
touch /d/a/x
touch /d/b/y
glob echo /d/*/*
glob echo /d/* /d/b/*
glob echo /nomatch*
glob echo /dev/sd*
glob rm /d/*/x
find /d
EOF_S
cat > expected <<'EOF_E'
/d/a/x
/d/b/y
/d/a/ /d/b/y
/d/b/ /d/b/y
/nomatch*
/dev/sda
/dev/sda1
a
b
b/y
EOF_E
expect_output expected out
expect_failure guestfish glob
expect_stderr "^use 'glob command \[args...\]'$"
