#!/bin/bash -
# sparse and alloc create raw images of the given size and add them.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
guestfish sparse a.img 10M : alloc b.img 2M : run : \
    blockdev-getsize64 /dev/sda : blockdev-getsize64 /dev/sdb > out
printf '10485760\n2097152\n' > expected
expect_output expected out
[ "$(stat -c %s a.img)" = 10485760 ] || fail "sparse size"
[ "$(du -k a.img | cut -f1)" -lt 1024 ] || fail "sparse image is not sparse"
[ "$(du -k b.img | cut -f1)" -ge 2048 ] || fail "alloc image is not allocated"

# Only before launch.
expect_failure guestfish sparse c.img 1M : run : sparse d.img 1M
expect_stderr "^can't allocate or add disks after launching$"
[ ! -e d.img ] || fail "file created after launch"
expect_failure guestfish sparse only-name
expect_stderr "^use 'sparse file size' to create a sparse image$"
