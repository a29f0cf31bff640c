#!/bin/bash -
# virt-copy-in: files and a directory tree (modes, symlinks) into an
# inspected guest and into -m filesystems; every argument error found
# before the image is opened (the image stays byte for byte the same);
# the destination checked in the guest; --ro and an unwritable image
# refused; a symlink in the guest that points out of it stays inside.

. "$srcdir/copy-lib.sh"

guest debian
mkdir -p loc/sub
printf 'a\n' > loc/a
printf 'b\n' > loc/sub/b
chmod 0640 loc/a
chmod 0751 loc/sub
ln -s a loc/link
printf 'c\n' > c

# Several sources, one of them a tree, into an inspected guest.
virt-copy-in -a debian.img loc c /etc
look debian.img > out <<'EOF'
find /etc/loc
cat /etc/c
cat /etc/loc/sub/b
readlink /etc/loc/link
lstatns /etc/loc/a | grep ^st_mode
lstatns /etc/loc/sub | grep ^st_mode
EOF
# (guestfish adds a newline after cat's output)
cat > expected <<'EOF'
a
link
sub
sub/b
c

b

a
st_mode: 33184
st_mode: 16873
EOF
diff -u expected out || fail "copy into an inspected guest"

# -m: a filesystem with no operating system; into its root.
scratch fs.img
virt-copy-in -a fs.img -m /dev/sda1 c loc/sub /
[ "$(look fs.img -m /dev/sda1 cat /c)" = c ] || fail "-m: /c"
[ "$(look fs.img -m /dev/sda1 cat /sub/b)" = b ] || fail "-m: /sub/b"
# ... which inspection refuses.
expect_fail virt-copy-in -a fs.img c /
grep -q "^virt-copy-in: no operating system was found on this disk" err ||
  fail "no OS: $(cat err)"

# Argument errors copy nothing: the image is not even opened.
sum="$(md5sum < debian.img)"
expect_fail virt-copy-in -a debian.img c loc/nonexistent /etc
expect_err "virt-copy-in: loc/nonexistent: No such file or directory"
expect_fail virt-copy-in -a debian.img c etc
expect_err "virt-copy-in: etc: the destination must be an absolute path in the guest (starting with /)"
expect_fail virt-copy-in -a debian.img c
expect_err "Try ‘virt-copy-in --help’ for more information."
expect_fail virt-copy-in -a debian.img
expect_err "Try ‘virt-copy-in --help’ for more information."
expect_fail virt-copy-in c /etc
grep -q "you must specify at least one -a or -d option" err || fail "no -a"
expect_fail virt-copy-in -a nonexistent.img c /etc
expect_err "virt-copy-in: access: nonexistent.img: No such file or directory"
# --ro: the disk is read-only, so the copy fails, and nothing changes.
expect_fail virt-copy-in --ro -a debian.img c /
grep -q "Read-only file system" err || fail "--ro: $(cat err)"
[ "$(md5sum < debian.img)" = "$sum" ] || fail "the image was changed"

# In the guest: the destination must be an existing directory.
expect_fail virt-copy-in -a debian.img c /etc/hostname
expect_err "libguestfs: error: target ‘/etc/hostname’ is not a directory"
expect_fail virt-copy-in -a debian.img c /nonexistent
expect_err "libguestfs: error: target ‘/nonexistent’ is not a directory"
[ "$(look debian.img cat /etc/hostname)" = debian-test ] || fail "/etc/hostname"

# A guest symlink pointing up and out ends in the guest's own root.
guestfish -a debian.img -i mkdir-p /tmp : ln-s ../../../../../../tmp /etc/up
virt-copy-in -a debian.img c /etc/up
[ "$(look debian.img cat /tmp/c)" = c ] || fail "through /etc/up"

# An image that cannot be written is refused, naming it.
cp --sparse=always debian.img locked.img
if make_immutable locked.img; then
  expect_fail virt-copy-in -a locked.img c /
  grep -q "^virt-copy-in: locked.img: cannot write to this disk image: " err ||
    fail "unwritable image: $(cat err)"
fi

virt-copy-in --help | grep -q "^  virt-copy-in \[--options\] -a disk.img" ||
  fail "--help"
virt-copy-in --long-options | grep -qx -- --rw || fail "--long-options"
virt-copy-in --version | grep -Eq '^virt-copy-in 1\.[0-9]+\.[0-9]+' ||
  fail "--version"
echo PASS
