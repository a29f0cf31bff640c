#!/bin/bash -
# -m DEV[:MOUNTPOINT[:OPTIONS]] launches and mounts before the commands;
# a filesystem that cannot be mounted is reported with the list of
# filesystems found.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
make_disk d.img

[ "$(guestfish -a d.img -m /dev/sda1 cat /hello)" = hello ] || fail "-m DEV"
[ "$(guestfish -a d.img -m /dev/sda1:/ cat /hello)" = hello ] || fail "-m DEV:/"
[ "$(guestfish -a d.img --mount /dev/sda1 is-dir /lost+found)" = true ] ||
    fail "--mount"

# Mount options: ro makes writes fail.
expect_failure guestfish -a d.img -m /dev/sda1:/:ro write /x y
expect_stderr 'libguestfs: error: write: .*Read-only file system'

# Mounted as requested, before a script runs.
printf 'mounts\n' | guestfish -a d.img -m /dev/sda1 > out
[ "$(cat out)" = /dev/sda1 ] || fail "mounts: $(cat out)"

expect_failure guestfish -a d.img -m /dev/sda9 echo not-reached
expect_stderr "^guestfish: ‘/dev/sda9’ could not be mounted.$"
expect_stderr '^guestfish: Did you mean to mount one of these filesystems\?$'
expect_stderr '^guestfish: 	/dev/sda1 \(ext4\)$'
if grep -q not-reached "$tmpdir/stdout"; then fail "command ran after -m failed"; fi

expect_failure guestfish -a d.img -m /dev/sda1:/:nosuchoption echo x
expect_stderr "^guestfish: Check mount\(8\) man page to ensure options ‘nosuchoption’$"
