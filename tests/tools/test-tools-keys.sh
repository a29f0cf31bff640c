#!/bin/bash -
# --key and --keys-from-stdin in the tools (common/keys.c, shared with
# guestfish): virt-cat opens a LUKS partition with a key given either way
# and reads a file from the filesystem inside; a wrong key is refused
# with libguestfs's message and a non-zero exit.

set -e
tmp="$(mktemp -d "${TMPDIR:-/tmp}/toolskeys.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }

img="$tmp/luks.img"
truncate -s 64M "$img"
printf 'sesame\nsesame\n' |
guestfish --keys-from-stdin -a "$img" -- run : part-disk /dev/sda mbr : \
    luks-format /dev/sda1 0 : cryptsetup-open /dev/sda1 c : \
    mkfs ext4 /dev/mapper/c : mount /dev/mapper/c / : \
    write /hello "inside the container" : umount-all : \
    cryptsetup-close /dev/mapper/c

out=$(virt-cat -a "$img" --key /dev/sda1:key:sesame -m /dev/mapper/cryptsda1 /hello)
[ "$out" = "inside the container" ] || fail "--key ID:key:STRING gave [$out]"

printf 'sesame\n' > "$tmp/keyfile"
out=$(virt-cat -a "$img" --key "/dev/sda1:file:$tmp/keyfile" -m /dev/mapper/cryptsda1 /hello)
[ "$out" = "inside the container" ] || fail "--key ID:file:FILE gave [$out]"

out=$(printf 'sesame\n' | virt-cat --keys-from-stdin -a "$img" -m /dev/mapper/cryptsda1 /hello)
[ "$out" = "inside the container" ] || fail "--keys-from-stdin gave [$out]"

if virt-cat -a "$img" --key /dev/sda1:key:wrong -m /dev/mapper/cryptsda1 /hello \
       > "$tmp/out" 2> "$tmp/err"; then
    fail "a wrong key was accepted"
fi
grep -q '^virt-cat: could not find key to open LUKS encrypted /dev/sda1\.' "$tmp/err" ||
    fail "wrong key: unexpected message: $(cat "$tmp/err")"

virt-cat -a "$img" --key /dev/sda1:bogus:x /hello 2> "$tmp/err" && fail "a bad selector was accepted"
grep -q "^virt-cat: selector '/dev/sda1:bogus:x': invalid TYPE$" "$tmp/err" ||
    fail "bad selector: unexpected message: $(cat "$tmp/err")"
echo "tools keys OK"
