#!/bin/bash -
# add_drive's label: the drive (and its partitions) can be named
# /dev/disk/guestfs/LABEL[N] in the appliance, whatever its position.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
truncate -s 64M "$tmp/a.img" "$tmp/b.img"
out=$(guestfish <<GF
add-drive $tmp/a.img format:raw
add-drive $tmp/b.img format:raw label:second
run
part-disk /dev/disk/guestfs/second mbr
mkfs vfat /dev/disk/guestfs/second1 label:LBL
vfs-label /dev/sdb1
list-partitions
-vfs-type /dev/disk/guestfs/nosuch
GF
)
expected="LBL
/dev/sdb1"
if [ "$out" != "$expected" ]; then
    echo "FAIL: got:"; echo "$out"; exit 1
fi
echo ok
