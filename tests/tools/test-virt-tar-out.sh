#!/bin/bash -
# virt-tar-out: a guest directory packed into a tar file, to stdout, and
# with guestfish's optional arguments (compress:, excludes:,
# numericowner:); the image is never written; a failure leaves no
# partial tar file and keeps an existing one; argument errors found
# before the image is opened; --rw refused.

. "$srcdir/copy-lib.sh"

# A private copy, so the check that it is never written is not upset
# by the test images being rebuilt meanwhile.
guest debian
img=debian.img
sum="$(md5sum < "$img")"

# A directory of an inspected guest, into a new file.
umask 022
virt-tar-out -a "$img" /usr/share/pixmaps pixmaps.tar
[ "$(stat -c %a pixmaps.tar)" = 644 ] || fail "mode of the tar file"
tar -tf pixmaps.tar | grep -qx './debian-logo.png' || fail "members: $(tar -tf pixmaps.tar)"
mkdir x
tar -C x -xf pixmaps.tar
cmp "$d/inspect-logo.png" x/debian-logo.png || fail "debian-logo.png differs"

# To stdout.
virt-tar-out -a "$img" /etc - | tar -xOf - ./hostname > out
[ "$(cat out)" = debian-test ] || fail "stdout: $(cat out)"

# compress:, excludes:, numericowner:.
virt-tar-out -a "$img" /etc etc.tgz compress:gzip excludes:'host* fstab' \
  numericowner:true
gzip -t etc.tgz || fail "compress:gzip"
tar -tzf etc.tgz > list
grep -qx ./os-release list || fail "no ./os-release"
grep -Eq '^\./(hostname|hosts|fstab)$' list && fail "excludes: $(cat list)"
tar -tvzf etc.tgz ./os-release | grep -q ' 0/0 ' || fail "numericowner"

# -m.
scratch fs.img
guestfish -a fs.img -m /dev/sda1 mkdir /d : write /d/f "f\n" : chmod 0700 /d/f
virt-tar-out -a fs.img -m /dev/sda1 /d d.tar
tar -tvf d.tar ./f | grep -q '^-rwx------ ' || fail "-m: $(tar -tvf d.tar)"

# A failure keeps an existing tar file and leaves nothing behind.
mkdir keep
printf 'keep\n' > keep/out.tar
chmod 0600 keep/out.tar
expect_fail virt-tar-out -a "$img" /nonexistent keep/out.tar
grep -q "^libguestfs: error: tar_out: .*/nonexistent" err || fail "missing dir: $(cat err)"
[ "$(cat keep/out.tar)" = keep ] || fail "the existing tar file was changed"
[ "$(ls -A keep)" = out.tar ] || fail "left behind: $(ls -A keep)"
expect_fail virt-tar-out -a "$d/inspect-nos.img" /etc keep/out.tar
[ "$(ls -A keep)" = out.tar ] || fail "left behind: $(ls -A keep)"
# ... and a success replaces it, keeping its mode.
virt-tar-out -a "$img" /usr/share/pixmaps keep/out.tar
tar -tf keep/out.tar | grep -qx './debian-logo.png' || fail "not replaced"
[ "$(stat -c %a keep/out.tar)" = 600 ] || fail "mode not kept"
[ "$(ls -A keep)" = out.tar ] || fail "left behind: $(ls -A keep)"

# Argument errors.
expect_fail virt-tar-out -a "$img" /etc nonexistent/out.tar
expect_err "virt-tar-out: nonexistent/out.tar: No such file or directory"
expect_fail virt-tar-out -a "$img" /etc keep
expect_err "virt-tar-out: keep: Is a directory"
expect_fail virt-tar-out -a "$img" etc out.tar
expect_err "virt-tar-out: etc: the directory must be an absolute path in the guest (starting with /)"
expect_fail virt-tar-out -a "$img" /etc out.tar compress
expect_err "virt-tar-out: compress: unexpected argument (optional arguments are name:value, see virt-tar-out(1))"
expect_fail virt-tar-out -a "$img" /etc out.tar numericowner:perhaps
expect_err "virt-tar-out: numericowner:perhaps: ‘perhaps’ is not a boolean (true or false)"
expect_fail virt-tar-out -a "$img" /etc
expect_err "Try ‘virt-tar-out --help’ for more information."
expect_fail virt-tar-out --rw -a "$img" /etc out.tar
grep -q "unrecognized option '--rw'" err || fail "--rw: $(cat err)"
[ ! -e out.tar ] || fail "out.tar was made"
[ "$(md5sum < "$img")" = "$sum" ] || fail "the image was changed"

virt-tar-out --help | grep -q "^  virt-tar-out \[--options\] -a disk.img" ||
  fail "--help"
echo PASS
