#!/bin/bash -
# Build the phony guest images the tests use, with our own guestfish:
#   fs.img      raw, 64 MiB, MBR, ext4 on /dev/sda1 with a few files
#   fs.qcow2    the same as qcow2
#   empty.img   raw, 16 MiB, all zeroes
#   notimage.txt  a text file, not a disk image
set -e
cd "$(dirname "$0")"
rm -f fs.img.tmp
truncate -s 64M fs.img.tmp
guestfish --format=raw -a fs.img.tmp <<'GF'
run
part-disk /dev/sda mbr
mkfs ext4 /dev/sda1 label:testfs
mount /dev/sda1 /
write /hello.txt "hello, world\n"
mkdir-p /dir/sub
write /dir/sub/file "nested file\n"
ln-s ../hello.txt /dir/link
ln-s /etc/shadow /abs-link
chmod 0600 /dir/sub/file
GF
rm -f fs.qcow2
qemu-img convert -q -f raw -O qcow2 fs.img.tmp fs.qcow2
truncate -s 16M empty.img
printf 'This is just a text file.\n' > notimage.txt
mv fs.img.tmp fs.img
