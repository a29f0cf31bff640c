#!/bin/bash -
# Hostile images and a hostile appliance against the host:
# - a qcow2 header with a backing file naming a host file, in an image
#   opened without a format, is refused (the host file is not read);
#   with format=qcow2 given, the user vouches for it;
# - guest symlinks (absolute, relative with "..", to a directory, to the
#   appliance's own files, loops) resolve inside the guest for cat,
#   download, copy-out, virt-cat and virt-ls, or fail;
# - copy-out of a guest device node makes no device node on the host;
# - an archive from a hostile appliance ("..", absolute names, a symlink
#   then a file through it, a block device) writes nothing outside the
#   directory copy-out was given, and no device node.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# --- format probing ------------------------------------------------------
printf 'HOST SECRET\n' > "$tmp/secret" && truncate -s 1M "$tmp/secret"
qemu-img create -q -f qcow2 -F raw -b "$tmp/secret" "$tmp/evil.img"
out=$(guestfish -a "$tmp/evil.img" run : pread-device /dev/sda 11 0 2>&1)
status=$?
check "a guessed qcow2 with a backing file is refused" \
      '[ $status -eq 1 ] && grep -q "looks like qcow2 with a backing file" <<<"$out" && ! grep -q "HOST SECRET" <<<"$out"'
out=$(virt-cat -a "$tmp/evil.img" /etc/passwd 2>&1)
check "virt-cat refuses it too" '[ $? -ne 0 ] && grep -q "backing file" <<<"$out"'
out=$(guestfish --format=qcow2 -a "$tmp/evil.img" run : pread-device /dev/sda 11 0 2>&1)
check "with format=qcow2 the chain is the user's choice" '[ "$out" = "HOST SECRET" ]'
qemu-img create -q -f qcow2 "$tmp/plain.qcow2" 10M
out=$(guestfish -a "$tmp/plain.qcow2" run : blockdev-getsize64 /dev/sda 2>&1)
check "a guessed qcow2 without backing file opens" '[ "$out" = 10485760 ]'

# --- guest symlinks ------------------------------------------------------
g=$tmp/guest
mkdir -p "$g/etc" "$g/data" "$g/bin" "$g/usr/bin" "$g/sbin" "$g/dev"
echo "GUEST SHADOW" > "$g/etc/shadow"
echo "GUEST PASSWD" > "$g/etc/passwd"
printf 'NAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"\n' > "$g/etc/os-release"
printf '/dev/sda / ext4 defaults 0 1\n' > "$g/etc/fstab"
ln -s /etc/shadow "$g/data/abs"
ln -s ../../../../../../etc/shadow "$g/data/rel"
ln -s /etc "$g/data/etcdir"
ln -s /init "$g/data/appinit"             # the appliance's, not the guest's
ln -s /proc/self/environ "$g/data/proc"
ln -s loop "$g/data/loop"
mknod "$g/dev/hostdisk" b 8 0
chmod 666 "$g/dev/hostdisk"
truncate -s 64M "$tmp/guest.img"
mke2fs -q -t ext4 -d "$g" "$tmp/guest.img"
before=$(sha256sum < "$tmp/guest.img")

gf () { guestfish --ro --format=raw -a "$tmp/guest.img" -m /dev/sda "$@" 2>&1; }
for p in abs rel etcdir/shadow; do
    out=$(gf cat /data/$p)
    check "cat /data/$p reads the guest's file" '[ "$out" = "GUEST SHADOW" ]'
    out=$(virt-cat --format=raw -a "$tmp/guest.img" /data/$p 2>&1)
    check "virt-cat /data/$p reads the guest's file" '[ "$out" = "GUEST SHADOW" ]'
done
out=$(gf download /data/abs "$tmp/dl")
check "download /data/abs fetches the guest's file" '[ "$(cat "$tmp/dl")" = "GUEST SHADOW" ]'
for p in appinit proc; do
    out=$(gf cat /data/$p)
    check "cat /data/$p fails ($out)" 'grep -q "No such file or directory" <<<"$out"'
done
out=$(gf cat /data/loop)
check "a symlink loop fails" 'grep -q "Too many levels of symbolic links" <<<"$out"'
out=$(virt-ls --format=raw -a "$tmp/guest.img" /data/etcdir/ 2>&1)
check "virt-ls through a symlinked directory lists the guest's" \
      '[ "$(tr "\n" " " <<<"$out")" = "fstab os-release passwd shadow " ]'
mkdir "$tmp/out1"
out=$(gf copy-out /data/etcdir "$tmp/out1")
check "copy-out of a symlinked directory copies the guest's" \
      '[ "$(cat "$tmp/out1/etcdir/shadow" 2>&1)" = "GUEST SHADOW" ]'

# --- device nodes --------------------------------------------------------
mkdir "$tmp/out2"
out=$(gf copy-out /dev "$tmp/out2")
check "copy-out of a guest device node makes none on the host" \
      '[ ! -e "$tmp/out2/dev/hostdisk" ] && [ -z "$(find "$tmp/out2" -type b -o -type c)" ]'
check "and says so" 'grep -q "hostdisk: Cannot mknod" <<<"$out"'
check "the image is unchanged" '[ "$(sha256sum < "$tmp/guest.img")" = "$before" ]'

# --- an archive from a hostile appliance ---------------------------------
mkdir -p "$tmp/jail/dest" "$tmp/jail/outside"
python3 - "$tmp/evil.tar" "$tmp/jail/outside" <<'EOF'
import io, sys, tarfile
t = tarfile.open(sys.argv[1], "w")
outside = sys.argv[2]
def add(name, data=b"x", **kw):
    ti = tarfile.TarInfo(name)
    for k, v in kw.items():
        setattr(ti, k, v)
    if ti.type == tarfile.REGTYPE:
        ti.size = len(data)
        t.addfile(ti, io.BytesIO(data))
    else:
        t.addfile(ti)
add("../../escape-dotdot", b"dotdot")
add(outside + "/escape-absolute", b"absolute")
add("link", type=tarfile.SYMTYPE, linkname=outside)
add("link/escape-via-symlink", b"symlink")
add("rel", type=tarfile.SYMTYPE, linkname="../outside")
add("rel/escape-via-relative", b"relative")
add("hard", type=tarfile.LNKTYPE, linkname=outside + "/../../../etc/passwd")
add("disk", type=tarfile.BLKTYPE, devmajor=8, devminor=0, mode=0o666)
add("fine", b"inside")
t.close()
EOF
out=$(FAKE_MODE=evil-tar FAKE_TAR="$tmp/evil.tar" LIBGUESTFS_HV="$(cd "$(dirname "$0")" && pwd)/fake-qemu.py" \
      timeout 60 guestfish -a /dev/null run : copy-out /x "$tmp/jail/dest" 2>&1)
echo "$out" | sed 's/^/  /'
check "nothing is written outside the directory" \
      '[ -z "$(ls -A "$tmp/jail/outside")" ] && [ "$(ls -A "$tmp/jail")" = "$(printf "dest\noutside")" ] && [ ! -e "$tmp/escape-dotdot" ]'
check "no device node is made" '[ -z "$(find "$tmp/jail" -type b -o -type c)" ]'
check "the honest member is there" '[ "$(cat "$tmp/jail/dest/x/fine" 2>&1)" = inside ]'
check "copy-out reports tar's complaints" 'grep -q "tar subprocess failed" <<<"$out"'
exit $fail
