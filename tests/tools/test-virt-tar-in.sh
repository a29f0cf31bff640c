#!/bin/bash -
# virt-tar-in: a tar file (plain, from stdin, compressed with and without
# compress:) unpacked into an inspected guest and into -m filesystems,
# with modes and symlinks; argument errors found before the image is
# opened; hostile members (.., absolute names, writing through a
# symlink) kept inside; --ro refused.

. "$srcdir/copy-lib.sh"

mkdir -p src/sub
printf 'a\n' > src/a
printf 'b\n' > src/sub/b
chmod 0604 src/a
chmod 0750 src/sub
ln -s sub/b src/link
tar -C src -cf data.tar .
gzip -c data.tar > data.tar.gz

guest debian
guestfish -a debian.img -i mkdir-p /srv/t1 : mkdir /srv/t2 : mkdir /srv/t3 : \
  mkdir /srv/t4
virt-tar-in -a debian.img data.tar /srv/t1
virt-tar-in -a debian.img - /srv/t2 < data.tar
virt-tar-in -a debian.img data.tar.gz /srv/t3
virt-tar-in -a debian.img data.tar.gz /srv/t4 compress:gzip
for t in t1 t2 t3 t4; do
  look debian.img > out <<EOF
cat /srv/$t/a
cat /srv/$t/sub/b
readlink /srv/$t/link
lstatns /srv/$t/a | grep ^st_mode
lstatns /srv/$t/sub | grep ^st_mode
EOF
  printf 'a\n\nb\n\nsub/b\nst_mode: 33156\nst_mode: 16872\n' > expected
  diff -u expected out || fail "unpacked into /srv/$t"
done

# -m, into the root of a filesystem with no operating system.
scratch fs.img
virt-tar-in -a fs.img -m /dev/sda1 data.tar /
[ "$(look fs.img -m /dev/sda1 cat /sub/b)" = b ] || fail "-m"

# Argument errors: nothing is opened, nothing changes.
sum="$(md5sum < debian.img)"
expect_fail virt-tar-in -a debian.img nonexistent.tar /srv
expect_err "virt-tar-in: nonexistent.tar: No such file or directory"
expect_fail virt-tar-in -a debian.img src /srv
expect_err "virt-tar-in: src: Is a directory"
expect_fail virt-tar-in -a debian.img data.tar srv
expect_err "virt-tar-in: srv: the destination must be an absolute path in the guest (starting with /)"
expect_fail virt-tar-in -a debian.img data.tar
expect_err "Try ‘virt-tar-in --help’ for more information."
expect_fail virt-tar-in -a debian.img data.tar /srv gzip
expect_err "virt-tar-in: gzip: unexpected argument (optional arguments are name:value, see virt-tar-in(1))"
expect_fail virt-tar-in -a debian.img data.tar /srv xattrs:maybe
expect_err "virt-tar-in: xattrs:maybe: ‘maybe’ is not a boolean (true or false)"
expect_fail virt-tar-in -a debian.img data.tar /srv excludes:x
expect_err "virt-tar-in: excludes: unknown optional argument (compress, xattrs, selinux or acls)"
expect_fail virt-tar-in --ro -a debian.img data.tar /srv
grep -q "Read-only file system" err || fail "--ro: $(cat err)"
[ "$(md5sum < debian.img)" = "$sum" ] || fail "the image was changed"

# In the guest: the destination must be a directory.
expect_fail virt-tar-in -a debian.img data.tar /nonexistent
grep -q "^libguestfs: error: tar_in: .*/nonexistent.*No such file or directory" err ||
  fail "missing destination: $(cat err)"
expect_fail virt-tar-in -a debian.img data.tar /etc/hostname
grep -q "^libguestfs: error: tar_in: .*/etc/hostname.*Not a directory" err ||
  fail "destination not a directory: $(cat err)"
# Not a tar file.
printf 'not a tar file\n' > bad.tar
expect_fail virt-tar-in -a debian.img bad.tar /srv
grep -q "^libguestfs: error: tar_in: " err || fail "bad tar: $(cat err)"

# Hostile members stay inside the destination, or are refused.
python3 - <<'EOF'
import io, tarfile

def member(t, name, data=b"x\n", link=None):
    i = tarfile.TarInfo(name)
    if link is None:
        i.size = len(data)
        t.addfile(i, io.BytesIO(data))
    else:
        i.type = tarfile.SYMTYPE
        i.linkname = link
        t.addfile(i)

with tarfile.open("dotdot.tar", "w") as t:
    member(t, "../escape")
with tarfile.open("absolute.tar", "w") as t:
    member(t, "/absolute")
with tarfile.open("through-link.tar", "w") as t:
    member(t, "lnk", link="/etc")
    member(t, "lnk/pwned")
EOF
guestfish -a fs.img -m /dev/sda1 mkdir /d : mkdir /etc
for t in dotdot through-link; do
  expect_fail virt-tar-in -a fs.img -m /dev/sda1 $t.tar /d
  grep -q "^libguestfs: error: tar_in: " err || fail "$t.tar: $(cat err)"
done
# Absolute names are made relative, as GNU tar does.
virt-tar-in -a fs.img -m /dev/sda1 absolute.tar /d
look fs.img -m /dev/sda1 > out <<'EOF'
exists /escape
exists /absolute
exists /d/absolute
exists /etc/pwned
EOF
printf 'false\nfalse\ntrue\nfalse\n' > expected
diff -u expected out || fail "a hostile member got out of /d"

# An image that cannot be written is refused, naming it.
cp --sparse=always fs.img locked.img
if make_immutable locked.img; then
  expect_fail virt-tar-in -a locked.img -m /dev/sda1 data.tar /
  grep -q "^virt-tar-in: locked.img: cannot write to this disk image: " err ||
    fail "unwritable image: $(cat err)"
fi

virt-tar-in --help | grep -q "^  virt-tar-in \[--options\] -a disk.img" ||
  fail "--help"
echo PASS
