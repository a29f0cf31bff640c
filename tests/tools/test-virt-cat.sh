#!/bin/bash -
# virt-cat: files of inspected guests (Linux and Windows paths), -m,
# binary data through a pipe byte for byte, and the error cases.  Expected
# outputs and messages were checked against libguestfs 1.48's virt-cat on
# the same images (differences: the wording of the daemon's error for a
# relative path).

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtcat.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
exp="$srcdir/expected"
d="$datadir"

# Several files are concatenated.
virt-cat -a "$d/inspect-debian.img" /etc/hostname /etc/fstab > "$tmp/out"
diff -u "$exp/cat-debian-hostname-fstab.txt" "$tmp/out"

# Windows: drive letter and backslashes, or any case.
virt-cat -a "$d/inspect-windows.img" 'C:\Windows\win.ini' > "$tmp/out"
diff -u "$exp/cat-windows-win.ini.txt" "$tmp/out"
virt-cat -a "$d/inspect-windows.img" '/windows/WIN.INI' > "$tmp/out"
diff -u "$exp/cat-windows-win.ini.txt" "$tmp/out"
virt-cat -a "$d/inspect-windows.img" 'c:/WINDOWS/Win.Ini' > "$tmp/out"
diff -u "$exp/cat-windows-win.ini.txt" "$tmp/out"

# A binary file through a pipe is what guestfish download gives.
virt-cat -a "$d/inspect-debian.img" /usr/bin/ls | cat > "$tmp/ls.cat"
guestfish --ro -a "$d/inspect-debian.img" -i download /usr/bin/ls "$tmp/ls.dl"
cmp "$tmp/ls.cat" "$tmp/ls.dl" || fail "binary file differs"
[ "$(stat -c %s "$tmp/ls.cat")" -gt 100000 ] || fail "binary file too short"

# Multi-disk guest: /home is on the second disk.
virt-cat -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img" /etc/fstab \
  > "$tmp/out"
grep -q /home "$tmp/out" || fail "multi-disk fstab"

# -m instead of inspection (fs.img is one ext4 partition).
echo hello > "$tmp/hello"
virt-cat -a "$d/fs.img" -m /dev/sda1 / > /dev/null 2>&1 &&
  fail "cat of a directory should fail"
r=0; virt-cat -a "$d/fs.img" -m /dev/sda 2>"$tmp/err" /x >/dev/null || r=$?
[ $r = 1 ] || fail "-m /dev/sda should fail"
grep -q "virt-cat: ‘/dev/sda’ could not be mounted." "$tmp/err" ||
  fail "-m error: $(cat "$tmp/err")"
grep -q "virt-cat: 	/dev/sda1 (ext4)" "$tmp/err" || fail "-m suggestions"

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}
expect_fail virt-cat
diff -u - "$tmp/err" <<<"Try ‘virt-cat --help’ for more information."
expect_fail virt-cat -a "$d/inspect-debian.img"
diff -u - "$tmp/err" <<<"Try ‘virt-cat --help’ for more information."
expect_fail virt-cat /etc/hostname
grep -q "you must specify at least one -a or -d option" "$tmp/err"
expect_fail virt-cat -a "$tmp/nonexistent.img" /etc/hostname
diff -u - "$tmp/err" <<<"virt-cat: access: $tmp/nonexistent.img: No such file or directory"
expect_fail virt-cat -a "$d/inspect-debian.img" /etc/nosuch
diff -u - "$tmp/err" <<<"libguestfs: error: download: /etc/nosuch: No such file or directory"
expect_fail virt-cat -a "$d/inspect-nos.img" /etc/hostname
diff -u "$exp/cat-error-nos.txt" "$tmp/err"
expect_fail virt-cat -a "$d/inspect-multiboot.img" /etc/hostname
diff -u "$exp/cat-error-multiboot.txt" "$tmp/err"
expect_fail virt-cat --rw -a "$d/inspect-debian.img" /etc/hostname
grep -q "unrecognized option '--rw'" "$tmp/err"
expect_fail virt-cat --format=raw /etc/hostname
grep -q -- "--format parameter must appear before -a parameter" "$tmp/err"
expect_fail virt-cat -a "$d/inspect-windows.img" 'Q:\x'
diff -u - "$tmp/err" <<<"virt-cat: drive 'q:' not found."

# --version and --help.
virt-cat --version | grep -Eq '^virt-cat 1\.[0-9]+\.[0-9]+' || fail "--version"
virt-cat --help | grep -q "^  virt-cat \[--options\] -a disk.img" || fail "--help"
echo PASS
