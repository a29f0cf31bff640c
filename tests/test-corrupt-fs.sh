#!/bin/bash -
# Corrupt filesystems: a truncated ext4, an ext4 with its superblock
# zeroed, an xfs whose log is garbage, an NTFS marked dirty.  Mounting
# each either works or fails with a clear error naming the device, in
# bounded time; the appliance survives either way; the images, added
# read-only, are unchanged.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

mkdir -p "$tmp/src/dir"
for i in $(seq 1 50); do echo "file $i" > "$tmp/src/dir/f$i"; done
head -c 4M /dev/urandom > "$tmp/src/blob"

# ext4 cut to 2 MiB of its 64.
truncate -s 64M "$tmp/trunc.img"
mke2fs -q -t ext4 -d "$tmp/src" "$tmp/trunc.img"
truncate -s 2M "$tmp/trunc.img"

# ext4 with the primary superblock zeroed.
truncate -s 64M "$tmp/nosb.img"
mke2fs -q -t ext4 -d "$tmp/src" "$tmp/nosb.img"
dd if=/dev/zero of="$tmp/nosb.img" bs=1024 seek=1 count=1 conv=notrunc status=none

# xfs with 1 MiB of random bytes over its log.
truncate -s 300M "$tmp/xfslog.img"
mkfs.xfs -q "$tmp/xfslog.img"
logstart=$(xfs_db -c "sb 0" -c "print logstart" "$tmp/xfslog.img" | sed 's/.* = //')
logbyte=$(xfs_db -c "convert fsb $logstart byte" "$tmp/xfslog.img" | sed 's/.*(\([0-9]*\)).*/\1/')
head -c 1M /dev/urandom | dd of="$tmp/xfslog.img" bs=1M seek="$logbyte" oflag=seek_bytes \
    conv=notrunc status=none

# NTFS with the volume's dirty flag set ($Volume's VOLUME_INFORMATION).
truncate -s 64M "$tmp/ntfs.img"
mkntfs -q -F -f "$tmp/ntfs.img" >/dev/null 2>&1
python3 - "$tmp/ntfs.img" <<'EOF'
import struct, sys
f = open(sys.argv[1], "r+b")
boot = f.read(512)
bps, spc = struct.unpack_from("<HB", boot, 11)
c = struct.unpack_from("<b", boot, 0x40)[0]
size = 1 << -c if c < 0 else c * bps * spc
# Record 3 ($Volume) in $MFT and in its mirror.
for lcn_at in (0x30, 0x38):
    off = struct.unpack_from("<q", boot, lcn_at)[0] * bps * spc + 3 * size
    f.seek(off)
    rec = bytearray(f.read(size))
    assert rec[:4] == b"FILE"
    a = struct.unpack_from("<H", rec, 0x14)[0]
    while struct.unpack_from("<I", rec, a)[0] != 0x70:
        a += struct.unpack_from("<I", rec, a + 4)[0]
    v = a + struct.unpack_from("<H", rec, a + 0x14)[0]
    struct.pack_into("<H", rec, v + 0xA, struct.unpack_from("<H", rec, v + 0xA)[0] | 1)
    f.seek(off)
    f.write(rec)
EOF

declare -A sums
for i in trunc nosb xfslog ntfs; do sums[$i]=$(sha256sum < "$tmp/$i.img"); done

start=$(date +%s)
out=$(timeout 600 guestfish --ro --format=raw -a "$tmp/trunc.img" -a "$tmp/nosb.img" \
      -a "$tmp/xfslog.img" -a "$tmp/ntfs.img" 2>&1 <<'EOF'
run
echo trunc:
-mount /dev/sda /
-ls /dir
-umount-all
echo nosb:
-mount /dev/sdb /
-umount-all
echo xfslog:
-mount /dev/sdc /
-umount-all
echo xfslog-norecovery:
-mount-options ro,norecovery /dev/sdc /
-umount-all
echo ntfs:
-mount /dev/sdd /
-umount-all
echo alive:
ping-daemon
echo done
EOF
)
status=$?
secs=$(( $(date +%s) - start ))
echo "$out" | sed 's/^/  /'
# The lines between "KEY" and the next "name:" line.
part () { awk -v k="$1" '$0 == k { f = 1; next } /^[a-z-]+:$/ { f = 0 } f' <<<"$out"; }
clear () { grep -q "libguestfs: error: $1" <<<"$(part "$2")"; }
check "all in bounded time ($secs s)" '[ $status -ne 124 ]'
check "truncated ext4: mounts, or fails naming the device" \
      '[ -z "$(part trunc:)" ] || clear "\(mount\|ls\): /dev/sda\|ls: /dir" trunc:'
check "zeroed superblock: a clear mount error" 'clear "mount: /dev/sdb" nosb:'
check "xfs with a garbage log: mounts or a clear mount error" \
      '[ -z "$(part xfslog:)" ] || clear "mount: /dev/sdc" xfslog:'
check "xfs with a garbage log: mounts without log recovery" '[ -z "$(part xfslog-norecovery:)" ]'
check "dirty NTFS: mounts, or a clear error" \
      '[ -z "$(part ntfs:)" ] || clear "mount: /dev/sdd" ntfs:'
check "the appliance is alive afterwards" 'grep -qx done <<<"$out" && [ $status -eq 0 ]'
for i in trunc nosb xfslog ntfs; do
    check "$i: the image is unchanged" '[ "$(sha256sum < "$tmp/$i.img")" = "${sums[$i]}" ]'
done
exit $fail
