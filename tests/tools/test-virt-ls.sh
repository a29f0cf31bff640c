#!/bin/bash -
# virt-ls: each mode (plain, -l, -R, -lR, --csv with extra columns, -h)
# on the test images, compared with expected outputs that were checked
# against libguestfs 1.48's virt-ls on the same images.  Times, inode
# numbers and devices are left out (--times, --extra-stats): the images
# are rebuilt, so they change; --uids and --checksum are compared.  -l
# is the appliance's "ls -la", whose dates change too: only its names
# are compared.  The hostile image (odd filenames) is listed here although
# libguestfs 1.48 fails to inspect it.

set -e
export LANG=C.UTF-8 TZ=UTC
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtls.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
exp="$srcdir/expected"
d="$datadir"

check () {
  local name="$1"; shift
  virt-ls "$@" > "$tmp/out" || fail "virt-ls $*: exit status $?"
  diff -u "$exp/ls-$name.txt" "$tmp/out" || fail "virt-ls $*"
}

check debian-etc -a "$d/inspect-debian.img" /etc
check debian-R-etc -R -a "$d/inspect-debian.img" /etc
for os in ubuntu alpine archlinux; do
  check $os-R-etc -R -a "$d/inspect-$os.img" /etc
done
check debian-lR -lR -a "$d/inspect-debian.img" /
check debian-lRh-csv --csv -lR --uids --checksum -a "$d/inspect-debian.img" /etc
check debian-lRh -lRh --uids --checksum=sha256 -a "$d/inspect-debian.img" /etc
check fedora-lR -lR -a "$d/inspect-fedora.img" /
check windows-lR -lR -a "$d/inspect-windows.img" 'C:\'
check multi-lR -lR -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img" /home
# Its fstab sends / to a missing device, so -m (libguestfs cannot inspect it).
check hostile-csv --csv -lR -m /dev/sda1 -a "$d/inspect-hostile.img" /
check fs-m-lR -lR -m /dev/sda1 -a "$d/fs.img" /

# -l: the names and types of "ls -la".
virt-ls -l -a "$d/inspect-debian.img" /etc | awk 'NR>1 {print substr($1,1,1), $NF}' > "$tmp/out"
diff -u - "$tmp/out" <<EOF2
d .
d ..
- debian_version
- fstab
- hostname
- hosts
- os-release
EOF2

# --times: three columns per file.
virt-ls -lR --time-t -a "$d/inspect-debian.img" /etc > "$tmp/out"
grep -Eq '^- 0644         12 +[0-9]{10} [0-9]{10} [0-9]{10} /etc/hostname$' "$tmp/out" ||
  fail "--time-t: $(cat "$tmp/out")"

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
}
for flag in --csv -h --uids --times --extra-stats --checksum; do
  expect_fail virt-ls $flag -a "$d/inspect-debian.img" /etc
  diff -u - "$tmp/err" <<EOF2
virt-ls: used a flag which can only be combined with -lR mode
For more information, read the virt-ls(1) man page.
EOF2
done
expect_fail virt-ls -a "$d/inspect-debian.img" /nosuch
grep -q "/nosuch: No such file or directory" "$tmp/err" || fail "/nosuch: $(cat "$tmp/err")"
expect_fail virt-ls -a "$d/inspect-nos.img" /
grep -q "virt-ls: no operating system was found on this disk" "$tmp/err"
expect_fail virt-ls -a "$tmp/none.img" /
diff -u - "$tmp/err" <<<"virt-ls: access: $tmp/none.img: No such file or directory"
expect_fail virt-ls
diff -u - "$tmp/err" <<<"Try ‘virt-ls --help’ for more information."
echo PASS
