#!/bin/bash -
# 256 MiB of random data uploaded into a guest filesystem and downloaded
# again must round-trip byte for byte (checked on both sides).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
head -c $((256 * 1024 * 1024)) /dev/urandom > "$tmp/in"
truncate -s 1G "$tmp/disk.img"
sum_in=$(sha256sum < "$tmp/in" | cut -d' ' -f1)
sum_guest=$(guestfish --format=raw -a "$tmp/disk.img" <<GF
run
mkfs ext4 /dev/sda
mount /dev/sda /
upload $tmp/in /big
download /big $tmp/out
checksum sha256 /big
GF
)
sum_out=$(sha256sum < "$tmp/out" | cut -d' ' -f1)
echo "in $sum_in, guest $sum_guest, out $sum_out"
[ "$sum_in" = "$sum_guest" ] && [ "$sum_in" = "$sum_out" ]
