#!/bin/bash -
# LVM inside LUKS on a GPT disk, end to end: one session partitions the
# disk (GPT: a plain ext4 /boot, then a LUKS container), puts LVM inside
# the container, ext4 on two LVs and fills them with a few hundred files;
# a new session finds only the container and /boot, opens the container
# with its key, scans LVM, and must see the same LVs, PVs, filesystems
# and every file unchanged.  Keys go through stdin (--keys-from-stdin).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
img=$tmp/disk.img
key='correct horse battery staple'
truncate -s 300M "$img"

fail () { echo "FAIL: $*"; exit 1; }

# The files: nested directories, sizes from empty to 1 MB, odd names, a
# symlink.
src=$tmp/src
mkdir -p "$src/etc/conf.d" "$src/var/lib/data" "$src/home/user/with space"
for i in $(seq 1 120); do
    head -c $((i * 97)) /dev/urandom > "$src/var/lib/data/file$i"
    echo "setting$i=value$i" > "$src/etc/conf.d/s$i.conf"
done
head -c 1048576 /dev/urandom > "$src/home/user/with space/big file"
: > "$src/etc/empty"
ln -s ../etc/conf.d/s1.conf "$src/home/link"
echo "hello from the encrypted root" > "$src/hello.txt"
tar -C "$src" -cf "$tmp/src.tar" .

# ---- session 1: build the stack, fill it ----------------------------
printf '%s\n%s\n' "$key" "$key" |
guestfish --keys-from-stdin -a "$img" -- \
    run : \
    part-init /dev/sda gpt : \
    part-add /dev/sda p 2048 65535 : \
    part-add /dev/sda p 65536 -2048 : \
    mkfs ext4 /dev/sda1 label:boot : \
    luks-format /dev/sda2 0 : \
    cryptsetup-open /dev/sda2 cryptroot : \
    pvcreate /dev/mapper/cryptroot : \
    vgcreate vgroot /dev/mapper/cryptroot : \
    lvcreate root vgroot 160 : \
    lvcreate-free home vgroot 100 : \
    mkfs ext4 /dev/vgroot/root : \
    mkfs ext4 /dev/vgroot/home : \
    mount /dev/vgroot/root / : \
    mkdir /home : \
    mount /dev/vgroot/home /home : \
    tar-in "$tmp/src.tar" / : \
    umount-all : \
    vg-activate-all false : \
    cryptsetup-close /dev/mapper/cryptroot
echo "ok 1 - built GPT + LUKS + LVM + ext4 and filled it"

# ---- session 2: what a new session sees --------------------------------
out=$(printf '%s\nwrong key\n%s\n' "$key" "$key" |
guestfish --keys-from-stdin --ro -a "$img" -- \
    run : \
    echo "before:" : \
    list-filesystems : \
    vfs-type /dev/sda2 : \
    part-get-parttype /dev/sda : \
    luks-uuid /dev/sda2 : \
    cryptsetup-open /dev/sda2 check readonly:true : \
    cryptsetup-close /dev/mapper/check : \
    -cryptsetup-open /dev/sda2 wrong : \
    cryptsetup-open /dev/sda2 cryptroot readonly:true : \
    lvm-scan true : \
    echo "after:" : \
    list-filesystems : \
    lvs : \
    pvs : \
    vgs : \
    lvm-canonical-lv-name /dev/mapper/vgroot-root : \
    mount-ro /dev/vgroot/root / : \
    mount-ro /dev/vgroot/home /home : \
    mounts : \
    cat /hello.txt : \
    readlink /home/link : \
    tar-out / "$tmp/out.tar" 2>"$tmp/err") || {
    cat "$tmp/err"; fail "second session failed"; }

uuid=$(sed -n 5p <<<"$out")
[[ $uuid =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] ||
    fail "luks-uuid gave '$uuid'"
expected="before:
/dev/sda1: ext4
crypto_LUKS
gpt
$uuid
after:
/dev/sda1: ext4
/dev/vgroot/home: ext4
/dev/vgroot/root: ext4
/dev/vgroot/home
/dev/vgroot/root
/dev/mapper/cryptroot
vgroot
/dev/vgroot/root
/dev/vgroot/root
/dev/vgroot/home
hello from the encrypted root

../etc/conf.d/s1.conf"
if [ "$out" != "$expected" ]; then
    echo "FAIL: second session printed:"; echo "$out"
    echo "expected:"; echo "$expected"
    diff <(echo "$expected") <(echo "$out") || :
    exit 1
fi
echo "ok 2 - listings in a new session: before and after opening the container"

grep -q "No key available\|wrong" "$tmp/err" ||
    fail "a wrong key gave no clear error: $(cat "$tmp/err")"
echo "ok 3 - a wrong key is refused"

mkdir "$tmp/out"
tar -C "$tmp/out" -xf "$tmp/out.tar"
rm -rf "$tmp/out/lost+found" "$tmp/out/home/lost+found"
diff -r "$src" "$tmp/out" || fail "the files read back differ"
echo "ok 4 - every file read back unchanged ($(find "$src" | wc -l) entries)"
