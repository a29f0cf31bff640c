#!/bin/bash -
# The read-only guarantee: a --ro session that writes (files, journal
# replay, a new filesystem) sees its writes, yet the image is unchanged
# byte for byte afterwards — raw and qcow2.
set -eu
for img in "$datadir/fs.img" "$datadir/fs.qcow2"; do
    before=$(sha256sum < "$img")
    out=$(guestfish --ro -a "$img" <<'GF'
run
mount /dev/sda1 /
write /hello.txt changed
mkdir /newdir
touch /newdir/file
cat /hello.txt
umount-all
mkfs ext2 /dev/sda1
GF
)
    after=$(sha256sum < "$img")
    if [ "$out" != "changed" ]; then
        echo "FAIL: $img: writes in the session were not visible: '$out'"
        exit 1
    fi
    if [ "$before" != "$after" ]; then
        echo "FAIL: $img was modified by a --ro session"
        exit 1
    fi
    echo "ok: $img unchanged ($after)"
done

# A second session still sees the original content.
out=$(guestfish --ro -a "$datadir/fs.img" run : mount-ro /dev/sda1 / : cat /hello.txt)
[ "$out" = "hello, world" ] || { echo "FAIL: original content lost: '$out'"; exit 1; }
echo "ok: original content intact"
