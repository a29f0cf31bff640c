#!/bin/bash -
# --ro: the disk image never changes.  Writes after a plain mount go to a
# throw-away overlay; -m filesystems are mounted read-only.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
make_disk d.img
sum="$(md5sum < d.img)"

out="$(guestfish --ro -a d.img run : mount /dev/sda1 / : \
       write /new overlay : cat /new : cat /hello)"
[ "$out" = "overlay
hello" ] || fail "writes in the overlay: $out"
[ "$(md5sum < d.img)" = "$sum" ] || fail "--ro changed the image"
[ "$(guestfish -a d.img -m /dev/sda1 exists /new)" = false ] ||
    fail "the overlay write reached the image"
sum="$(md5sum < d.img)"

expect_failure guestfish --ro -a d.img -m /dev/sda1 write /new2 x
expect_stderr 'Read-only file system'
guestfish -r -a d.img -m /dev/sda1 cat /hello > /dev/null || fail "-r"
[ "$(md5sum < d.img)" = "$sum" ] || fail "--ro -m changed the image"

# Without --ro (the default, or --rw) writes reach the image.
guestfish --rw -a d.img -m /dev/sda1 write /kept yes
[ "$(guestfish --ro -a d.img -m /dev/sda1 cat /kept)" = yes ] ||
    fail "--rw write was lost"
