#!/bin/bash -
# virt-make-fs: images made from a directory and from compressed tar
# archives, with --type, --label, --partition (MBR and GPT), --format,
# --size and --floppy; each image is then opened with guestfish to check
# the partition table, the filesystem and every file.  Failures (too
# small a size, bad input, bad options) leave no output file.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtmakefs.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }

# The input: text, binary, an empty directory, a symlink, odd names.
in="$tmp/in"
mkdir -p "$in/sub/deeper" "$in/empty"
echo hello > "$in/a.txt"
head -c 300000 /dev/urandom > "$in/sub/random.bin"
printf 'spaces\n' > "$in/sub/with spaces.txt"
ln -s ../a.txt "$in/sub/link"
for i in $(seq 1 200); do echo "$i" > "$in/sub/deeper/f$i"; done
sum=$(md5sum < "$in/sub/random.bin" | cut -d' ' -f1)
tar -C "$in" -czf "$tmp/in.tar.gz" .
tar -C "$in" --exclude=./sub/link -cJf "$tmp/in.tar.xz" .   # vfat: no symlinks
tar -C "$in" -cf "$tmp/in.tar" .

# Defaults: raw, ext2, no partitions, just big enough.
virt-make-fs "$in" "$tmp/dir.img"
size=$(stat -c %s "$tmp/dir.img")
[ "$size" -lt $((16 << 20)) ] || fail "dir.img is $size bytes"
# gzip'd tar, ext4 with a label on GPT, qcow2, free space asked for.
virt-make-fs --type=ext4 --label=GKLABEL --partition=gpt --format=qcow2 \
  --size=+20M "$tmp/in.tar.gz" "$tmp/gpt.qcow2"
qemu-img info "$tmp/gpt.qcow2" | grep -q "^file format: qcow2" || fail "qcow2"
# xz'd tar, vfat on MBR.
virt-make-fs -t vfat --partition -s 32M "$tmp/in.tar.xz" "$tmp/mbr.img"
[ "$(stat -c %s "$tmp/mbr.img")" = $((32 << 20)) ] || fail "mbr.img size"
# A plain tar, XFS (300M at least).
virt-make-fs --type=xfs "$tmp/in.tar" "$tmp/tar.img"

guestfish --ro -a "$tmp/dir.img" -a "$tmp/gpt.qcow2" -a "$tmp/mbr.img" \
  -a "$tmp/tar.img" > "$tmp/out" <<'EOF'
run
echo sda
vfs-type /dev/sda
mount /dev/sda /
cat /a.txt
checksum md5 /sub/random.bin
cat "/sub/with spaces.txt"
readlink /sub/link
is-dir /empty
cat /sub/deeper/f200
umount-all
echo sdb
part-get-parttype /dev/sdb
vfs-type /dev/sdb1
vfs-label /dev/sdb1
mount /dev/sdb1 /
cat /a.txt
checksum md5 /sub/random.bin
cat /sub/deeper/f137
umount-all
echo sdc
part-get-parttype /dev/sdc
part-get-mbr-id /dev/sdc 1
vfs-type /dev/sdc1
mount /dev/sdc1 /
cat /a.txt
checksum md5 /sub/random.bin
is-dir /empty
umount-all
echo sdd
vfs-type /dev/sdd
mount /dev/sdd /
checksum md5 /sub/random.bin
umount-all
EOF
diff -u - "$tmp/out" <<EOF
sda
ext2
hello

$sum
spaces

../a.txt
true
200

sdb
gpt
ext4
GKLABEL
hello

$sum
137

sdc
msdos
0xc
vfat
hello

$sum
true
sdd
xfs
$sum
EOF

# A floppy from a small directory.
mkdir "$tmp/small"
echo floppy > "$tmp/small/README"
virt-make-fs --floppy "$tmp/small" "$tmp/floppy.img"
[ "$(stat -c %s "$tmp/floppy.img")" = 1474560 ] || fail "floppy size"
guestfish --ro -a "$tmp/floppy.img" run : vfs-type /dev/sda1 : \
  mount /dev/sda1 / : cat /README > "$tmp/out"
printf 'vfat\nfloppy\n\n' | diff -u - "$tmp/out"

# Errors: nothing is left behind.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -e "$tmp/bad.img" ] || fail "$*: left bad.img"
}
expect_fail virt-make-fs --size=1M "$in" "$tmp/bad.img"
grep -qi "no space left on device\|too small\|not enough" "$tmp/err" ||
  fail "too small: $(cat "$tmp/err")"
expect_fail virt-make-fs "$in"
diff -u - "$tmp/err" <<'EOF'
virt-make-fs: error: missing input and output arguments on the command line
Try ‘virt-make-fs --help’ for more information.
EOF
expect_fail virt-make-fs "$tmp/nosuch" "$tmp/bad.img"
diff -u - "$tmp/err" <<<"virt-make-fs: $tmp/nosuch: No such file or directory"
echo "not a tar file" > "$tmp/notar"
expect_fail virt-make-fs "$tmp/notar" "$tmp/bad.img"
grep -q "notar: not a tar archive" "$tmp/err" || fail "notar: $(cat "$tmp/err")"
expect_fail virt-make-fs --size=12Q "$in" "$tmp/bad.img"
grep -q "cannot parse size ‘12Q’" "$tmp/err" || fail "12Q"
expect_fail virt-make-fs --type=nosuchfs "$in" "$tmp/bad.img"

virt-make-fs --help | grep -q "^  virt-make-fs \[--options\] directory output.img" ||
  fail "--help"
virt-make-fs --version | grep -Eq '^virt-make-fs 1\.[0-9]+\.[0-9]+' || fail "--version"
echo PASS
