#!/bin/bash -
# add_drive's optional arguments that shape the appliance, and the
# network: iface virtio-blk (named /dev/sdX after the SCSI disks, label
# included), discard (enable really trims the image; impossible cases
# fail or are skipped as documented), copyonread on a read-only drive,
# and set-network (a configured card only when asked for).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*"; exit 1; }

truncate -s 30M "$tmp/scsi.img"
truncate -s 20M "$tmp/vblk.img"
got=$(guestfish <<GF
set-network true
add $tmp/scsi.img format:raw
add $tmp/vblk.img format:raw iface:virtio-blk label:vblk
run
list-devices
blockdev-getsize64 /dev/sdb
blockdev-getsize64 /dev/disk/guestfs/vblk
debug ls /sys/class/net
GF
)
grep -qx eth0 <<< "$got" || fail "no network card: $got"
check=$(grep -v -x -e . -e .. -e eth0 -e lo -e '' <<< "$got")
[ "$check" = "/dev/sda
/dev/sdb
20971520
20971520" ] || fail "virtio-blk: $got"

got=$(guestfish -a /dev/null run : debug ls /sys/class/net)
! grep -qx eth0 <<< "$got" || fail "a network card without set-network"

# discard: deleting a file and trimming gives the space back to the host.
truncate -s 100M "$tmp/discard.img"
got=$(guestfish <<GF
add $tmp/discard.img format:raw discard:enable
run
mkfs ext4 /dev/sda
mount /dev/sda /
fill 0x41 40000000 /data
sync
! du -k $tmp/discard.img | cut -f1
rm /data
fstrim /
sync
! du -k $tmp/discard.img | cut -f1
GF
)
full=$(sed -n 1p <<< "$got")
trimmed=$(sed -n 2p <<< "$got")
echo "discard: $full KiB full, $trimmed KiB after fstrim"
[ "$trimmed" -lt $((full - 30000)) ] || fail "discard did not shrink the image"

qemu-img create -q -f vmdk "$tmp/disk.vmdk" 10M
errors=$(guestfish 2>&1 <<GF || true
-add $tmp/scsi.img readonly:true discard:enable
-add $tmp/scsi.img iface:ide
add $tmp/vblk.img format:raw iface:virtio
-add $tmp/scsi.img format:raw
GF
)
grep -qF "discard support cannot be enabled on read-only drives" <<< "$errors" ||
    fail "readonly discard: $errors"
grep -qF "iface 'ide' is not supported" <<< "$errors" || fail "ide: $errors"
grep -qF "a virtio-scsi drive cannot follow a virtio-blk drive" <<< "$errors" ||
    fail "order: $errors"
errors=$(guestfish 2>&1 <<GF || true
add $tmp/disk.vmdk discard:enable
run
GF
)
grep -qF "discard cannot be enabled on this drive: qemu does not support discard for ‘vmdk’ format files" <<< "$errors" ||
    fail "vmdk discard: $errors"
# besteffort quietly does without.
guestfish add "$tmp/disk.vmdk" discard:besteffort readonly:true : run : list-devices >/dev/null

# copyonread on a read-only drive: reads work, the image is untouched.
guestfish --format=raw -a "$tmp/scsi.img" run : mkfs ext2 /dev/sda : mount /dev/sda / : write /f hello
sum=$(sha256sum < "$tmp/scsi.img")
got=$(guestfish add "$tmp/scsi.img" readonly:true copyonread:true format:raw : run : mount /dev/sda / : cat /f : write /g x)
[ "$got" = "hello" ] || fail "copyonread read: $got"
[ "$(sha256sum < "$tmp/scsi.img")" = "$sum" ] || fail "copyonread changed the image"
echo "drive options OK"
