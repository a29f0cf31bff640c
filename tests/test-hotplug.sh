#!/bin/bash -
# Hot-plugging: add_drive on a launched handle plugs the drive into the
# running appliance, remove_drive takes it out again (refused while the
# disk is mounted).  Data written through a hot-plugged drive reaches the
# image; a read-only hot-plugged drive leaves its image untouched.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

truncate -s 64M "$tmp/base.img" "$tmp/hot.img"

cat > "$tmp/hot.gf" <<EOF
add $tmp/base.img format:raw
run
echo devices-before:
list-devices
echo end
add $tmp/hot.img format:raw label:hot
echo devices-after-add:
list-devices
list-disk-labels
echo end
mkfs ext4 /dev/disk/guestfs/hot
mount /dev/sdb /
write /hello "hot data"
-remove-drive hot
umount /
remove-drive hot
echo devices-after-remove:
list-devices
echo end
add $tmp/hot.img format:raw label:again readonly:true
mount /dev/sdb /
cat /hello
write /hello "changed in the overlay"
umount /
remove-drive again
add $tmp/hot.img format:raw iface:virtio-blk
EOF
out=$(guestfish -f "$tmp/hot.gf" 2>&1)
status=$?
echo "$out"
# The lines printed between "KEY" and "end", on one line.
after () { awk -v k="$1" 'f && $0 == "end" { exit } f { print } $0 == k { f = 1 }' <<<"$out" | tr '\n' ' '; }
check "one disk before" '[ "$(after devices-before:)" = "/dev/sda " ]'
check "two after the hot add" '[ "$(after devices-after-add:)" = "/dev/sda /dev/sdb hot: /dev/sdb " ]'
check "removing a mounted disk is refused" \
      'grep -q "remove_drive: hot: /dev/sdb is in use (mounted" <<<"$out"'
check "one disk after the removal" '[ "$(after devices-after-remove:)" = "/dev/sda " ]'
check "the data written before is read back" 'grep -qx "hot data" <<<"$out"'
check "a virtio-blk drive cannot be hot-added" 'grep -q "only virtio-scsi drives" <<<"$out"'
check "guestfish exits 1 for that last error" '[ $status -eq 1 ]'

# The image holds what was written, not what went to the read-only
# drive's overlay.
got=$(LIBGUESTFS_BACKEND_SETTINGS=no_snapshot guestfish --format=raw -a "$tmp/hot.img" \
      run : mount /dev/sda / : cat /hello 2>&1)
check "the image has the data ($got)" '[ "$got" = "hot data" ]'

# Before launch, remove_drive just forgets the drive.
cat > "$tmp/cold.gf" <<EOF
add $tmp/base.img format:raw label:one
add $tmp/hot.img format:raw label:two
remove-drive one
run
list-disk-labels
EOF
out=$(guestfish -f "$tmp/cold.gf" 2>&1)
check "remove_drive before launch ($out)" '[ "$out" = "two: /dev/sda" ]'
exit $fail
