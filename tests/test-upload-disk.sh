#!/bin/bash -
# Large uploads through a transfer disk: a regular file of 32 MiB or more
# is plugged into the appliance read-only and read there, instead of
# streamed.  Checked: the bytes arrive exactly (size not a multiple of a
# sector, upload-offset, tar-in); the disk is gone afterwards, also after
# a failed upload; no_transfer_disk streams instead; small files and
# pipes are streamed; the host file is unchanged.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# 40 MiB + 123 bytes: the disk rounds up to whole sectors.
head -c $((40 * 1024 * 1024 + 123)) /dev/urandom > "$tmp/big"
head -c 100000 /dev/urandom > "$tmp/small"
mkdir "$tmp/tree" && cp "$tmp/big" "$tmp/tree/inside" &&
    tar -C "$tmp/tree" -cf "$tmp/big.tar" inside
sum () { sha256sum < "$1" | cut -d' ' -f1; }
sum_big=$(sum "$tmp/big")
sum_small=$(sum "$tmp/small")
truncate -s 300M "$tmp/disk.img"

cat > "$tmp/t.gf" <<EOF
add $tmp/disk.img format:raw
run
mkfs ext4 /dev/sda
mount /dev/sda /
upload $tmp/big /big
checksum sha256 /big
filesize /big
echo devices-after:
list-devices
echo end
-upload $tmp/big /no/such/dir/big
echo devices-after-failure:
list-devices
echo end
upload-offset $tmp/big /off 1000
filesize /off
download-offset /off $tmp/offout 1000 $((40 * 1024 * 1024 + 123))
mkdir /t
tar-in $tmp/big.tar /t
checksum sha256 /t/inside
upload $tmp/small /small
checksum sha256 /small
upload $tmp/big /again
checksum sha256 /again
EOF
out=$(guestfish -v -f "$tmp/t.gf" 2>"$tmp/log")
status=$?
echo "$out"
grep -E "error|transfer disk" "$tmp/log"
after () { awk -v k="$1" 'f && $0 == "end" { exit } f { print } $0 == k { f = 1 }' <<<"$out" | tr '\n' ' '; }
# The transfer disk is the one drive qemu is told to open read-only
# (drives of a warm launch are passed as descriptors too: add-fd alone
# does not tell).
plugged='drive_add.*readonly=on'
nr_plugs=$(grep -c "$plugged" "$tmp/log")
check "guestfish succeeds" '[ $status -eq 0 ]'
check "the big file arrives intact" '[ "$(sed -n 1p <<<"$out")" = "$sum_big" ]'
check "with its exact size" '[ "$(sed -n 2p <<<"$out")" = $((40 * 1024 * 1024 + 123)) ]'
check "the transfer disk is gone afterwards" '[ "$(after devices-after:)" = "/dev/sda " ]'
check "a failed upload says why" 'grep -q "upload: /no/such/dir/big: No such file or directory" "$tmp/log"'
check "and leaves no disk behind" '[ "$(after devices-after-failure:)" = "/dev/sda " ]'
check "upload-offset writes at the offset" \
      '[ "$(grep -x $((40 * 1024 * 1024 + 123 + 1000)) <<<"$out")" != "" ]'
check "tar-in reads the archive from the disk" \
      '[ "$(grep -c -x "$sum_big" <<<"$out")" -eq 3 ]'
check "a small file is streamed, intact" 'grep -qx "$sum_small" <<<"$out"'
check "each large upload plugged a disk (5 = big, failed, offset, tar, again)" \
      '[ "$nr_plugs" -eq 5 ]'
check "the host file is unchanged" '[ "$(sum "$tmp/big")" = "$sum_big" ]'

check "upload-offset's data starts at the offset" 'cmp -s "$tmp/big" "$tmp/offout"'

# Streamed on request, and from a pipe.
out2=$(LIBGUESTFS_BACKEND_SETTINGS=no_transfer_disk guestfish -v --format=raw -a "$tmp/disk.img" \
       run : mount /dev/sda / : upload "$tmp/big" /s : checksum sha256 /s 2>"$tmp/log2")
check "no_transfer_disk streams ($out2)" \
      '[ "$out2" = "$sum_big" ] && ! grep -q "$plugged" "$tmp/log2"'
out3=$(cat "$tmp/big" | guestfish -v --format=raw -a "$tmp/disk.img" \
       run : mount /dev/sda / : upload - /p : checksum sha256 /p 2>"$tmp/log3")
check "a pipe is streamed ($out3)" \
      '[ "$out3" = "$sum_big" ] && ! grep -q "$plugged" "$tmp/log3"'
exit $fail
