#!/bin/bash -
# The issue's acceptance line: partition, format, mount, write and read
# back a file in a fresh image, all from the command line.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
truncate -s 1G d.img
out="$(guestfish -a d.img run : part-disk /dev/sda mbr : mkfs ext4 /dev/sda1 : \
       mount /dev/sda1 / : write /hello hi : cat /hello)"
[ "$out" = hi ] || fail "expected 'hi', got '$out'"
