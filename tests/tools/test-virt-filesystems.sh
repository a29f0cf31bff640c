#!/bin/bash -
# virt-filesystems on the test images: the default listing, --all
# --long (text, -h, --csv), single sections, --extra and --no-title.
# The expected outputs were checked against libguestfs 1.48's
# virt-filesystems on the same images.  Intended differences: for a VG
# on the Fedora image libguestfs sometimes names its PV /dev/sdb2 (a
# stale name in its appliance); we give /dev/sda2, the device listed as
# the PV.  --uuid is tested on the Debian image's fixed root UUID only,
# since the other UUIDs change whenever the images are rebuilt.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtfs.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
exp="$srcdir/expected"
d="$datadir"

check () {
  local name="$1"; shift
  virt-filesystems "$@" > "$tmp/out" || fail "virt-filesystems $*: exit status $?"
  diff -u "$exp/filesystems-$name.txt" "$tmp/out" || fail "virt-filesystems $*"
}

check debian -a "$d/inspect-debian.img"
check debian-all-long --all --long -a "$d/inspect-debian.img"
check debian-all-h --all -l -h -a "$d/inspect-debian.img"
check debian-parts --partitions --long -a "$d/inspect-debian.img"
check debian-extra --extra -l --no-title -a "$d/inspect-debian.img"
check fedora -a "$d/inspect-fedora.img"
check fedora-all-h --all --long -h -a "$d/inspect-fedora.img"
# Ubuntu (GPT, EFI vfat + ext4), Alpine and Arch (MBR, one ext4).
for os in ubuntu alpine archlinux; do
  check $os-all-h --all --long -h -a "$d/inspect-$os.img"
done
check fedora-all-csv --all --long --csv -a "$d/inspect-fedora.img"
check fedora-lvm --lvs --vgs --pvs -l -a "$d/inspect-fedora.img"
check fedora-blkdevs --blkdevs -l -h -a "$d/inspect-fedora.img"
check centos7-all-h --all --long -h -a "$d/inspect-centos7.img"
check windows-all --all --long -a "$d/inspect-windows.img" -a "$d/inspect-windows-data.img"
check multi-all --all --long -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img"
check multiboot-all-h --all --long -h -a "$d/inspect-multiboot.img"
check nos-all --all --long -a "$d/inspect-nos.img"
check fs-all --all --long -a "$d/fs.img"

virt-filesystems --long --uuid --csv -a "$d/inspect-debian.img" > "$tmp/out"
grep -qx '/dev/sda2,filesystem,ext4,,34323456,,01234567-89ab-4cde-8f01-23456789abcd' "$tmp/out" ||
  fail "--uuid: $(cat "$tmp/out")"

# Errors.
r=0; virt-filesystems -a "$tmp/none.img" 2>"$tmp/err" || r=$?
[ $r = 1 ] || fail "missing image: exit status $r"
diff -u - "$tmp/err" <<<"virt-filesystems: access: $tmp/none.img: No such file or directory"
r=0; virt-filesystems 2>"$tmp/err" || r=$?
[ $r = 1 ] || fail "no -a: exit status $r"
r=0; virt-filesystems -l -h --csv -a "$d/fs.img" 2>"$tmp/err" || r=$?
[ $r = 1 ] || fail "-h --csv: exit status $r"
echo PASS
