#!/bin/bash -
# guestfish -i on the Debian image and on the two-disk guest: the
# filesystems are mounted where the guest mounts them (read-only with
# --ro), and a disk with no OS or two OSes is refused.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/fishi.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
d="$datadir"

guestfish --ro -a "$d/inspect-debian.img" -i \
  mounts : cat /etc/hostname : is-file /boot/grub/grub.cfg > "$tmp/out"
diff -u - "$tmp/out" <<EOF2
/dev/sda2
/dev/sda1
debian-test

true
EOF2

# Root on the first disk, /home on the second.
guestfish --ro -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img" -i \
  mountpoints > "$tmp/out"
grep -q '^/dev/sda.*: /$' "$tmp/out" || fail "multi: no / in $(cat "$tmp/out")"
grep -q '^/dev/sdb.*: /home$' "$tmp/out" || fail "multi: no /home on sdb"

r=0; guestfish --ro -a "$d/inspect-nos.img" -i 2>"$tmp/err" </dev/null || r=$?
[ $r = 1 ] || fail "no OS: exit status $r"
grep -q "guestfish: no operating system was found on this disk" "$tmp/err"
r=0; guestfish --ro -a "$d/inspect-multiboot.img" -i 2>"$tmp/err" </dev/null || r=$?
[ $r = 1 ] || fail "multiboot: exit status $r"
grep -q "guestfish: multi-boot operating systems are not supported" "$tmp/err"
echo PASS
