#!/bin/bash -
# virt-copy-out: files and trees out of an inspected guest (byte for
# byte, with modes and symlinks) and out of -m filesystems; the image
# is never written; argument errors found before the image is opened;
# guest symlinks stay symlinks (never followed on the host); --rw is
# refused.

. "$srcdir/copy-lib.sh"

# A private copy, so the check that it is never written is not upset
# by the test images being rebuilt meanwhile.
guest debian
img=debian.img
sum="$(md5sum < "$img")"
mkdir dest

# A file and a directory from an inspected guest.
virt-copy-out -a "$img" /etc/hostname /usr/share/pixmaps dest
[ "$(cat dest/hostname)" = debian-test ] || fail "/etc/hostname"
cmp "$d/inspect-logo.png" dest/pixmaps/debian-logo.png ||
  fail "/usr/share/pixmaps/debian-logo.png differs"
[ "$(md5sum < "$img")" = "$sum" ] || fail "the image was changed"

# -m, modes, symlinks pointing anywhere, an empty directory.
scratch fs.img
guestfish -a fs.img -m /dev/sda1 <<'EOF'
mkdir-p /d/sub/empty
write /d/f "file\n"
chmod 0751 /d/f
chmod 0700 /d/sub
write /d/sub/g "g"
ln-s /etc/passwd /d/abs
ln-s ../../../../../.. /d/up
write /hello "hello\n"
ln-s /hello /top
EOF
virt-copy-out -a fs.img -m /dev/sda1 /d dest
[ "$(cat dest/d/f)" = file ] || fail "/d/f"
[ "$(stat -c %a dest/d/f)" = 751 ] || fail "mode of /d/f: $(stat -c %a dest/d/f)"
[ "$(stat -c %a dest/d/sub)" = 700 ] || fail "mode of /d/sub"
[ "$(cat dest/d/sub/g)" = g ] || fail "/d/sub/g"
[ -d dest/d/sub/empty ] || fail "/d/sub/empty"
[ -L dest/d/abs ] && [ "$(readlink dest/d/abs)" = /etc/passwd ] ||
  fail "/d/abs is not the same symlink"
[ -L dest/d/up ] && [ "$(readlink dest/d/up)" = ../../../../../.. ] ||
  fail "/d/up is not the same symlink"
# A symlink named on the command line is read in the guest: its target
# is the guest's /hello, copied as a file under the link's name.
virt-copy-out -a fs.img -m /dev/sda1 /top dest
[ "$(cat dest/top)" = hello ] && [ ! -L dest/top ] || fail "/top"
# The whole filesystem: "/" goes into the directory itself.
mkdir all
virt-copy-out -a fs.img -m /dev/sda1 / all
[ "$(cat all/d/sub/g)" = g ] && [ "$(cat all/hello)" = hello ] || fail "/"

# Errors.
printf 'x\n' > file
expect_fail virt-copy-out -a "$img" /etc/hostname nonexistent
expect_err "virt-copy-out: nonexistent: No such file or directory"
expect_fail virt-copy-out -a "$img" /etc/hostname file
expect_err "virt-copy-out: file: Not a directory"
expect_fail virt-copy-out -a "$img" etc/hostname dest
expect_err "virt-copy-out: etc/hostname: guest paths must be absolute (start with /)"
expect_fail virt-copy-out -a "$img" /etc/hostname
expect_err "Try ‘virt-copy-out --help’ for more information."
expect_fail virt-copy-out -a "$img" /etc/nonexistent dest
grep -q "^libguestfs: error: .*/etc/nonexistent" err || fail "missing: $(cat err)"
expect_fail virt-copy-out --rw -a "$img" /etc/hostname dest
grep -q "unrecognized option '--rw'" err || fail "--rw: $(cat err)"
expect_fail virt-copy-out -a "$d/inspect-nos.img" /etc dest
grep -q "^virt-copy-out: no operating system was found on this disk" err ||
  fail "no OS: $(cat err)"
[ "$(md5sum < "$img")" = "$sum" ] || fail "the image was changed"

virt-copy-out --help | grep -q "^  virt-copy-out \[--options\] -a disk.img" ||
  fail "--help"
echo PASS
