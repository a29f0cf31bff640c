#!/bin/bash -
# guestkit demo: install what is missing, build, make a small sample disk
# image with our own guestfish, then inspect and edit it.
set -e
top="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$top"
./scripts/setup.sh

work=$(mktemp -d /tmp/guestkit-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT
img="$work/sample.img"
gf () { echo "\$ guestfish $*" >&2; ./run guestfish "$@"; }
say () { printf '\n== %s\n' "$*"; }

say "Creating a 256 MiB disk image with a partition, ext4 and a few files"
truncate -s 256M "$img"
time gf --format=raw -a "$img" <<'GF'
run
part-disk /dev/sda mbr
mkfs ext4 /dev/sda1 label:demo
mount /dev/sda1 /
mkdir-p /etc/demo
write /etc/hostname "guestkit-demo\n"
write /etc/motd "Hello from inside a disk image.\n"
write /etc/demo/config "answer = 42\n"
ln-s /etc/motd /motd-link
GF

say "Filesystems on the image"
gf --ro -a "$img" run : list-filesystems

say "Mounting read-only, listing and reading files"
gf --ro -a "$img" -m /dev/sda1 <<'GF'
ls /
ll /etc
cat /etc/hostname
cat /motd-link
vfs-label /dev/sda1
statvfs /
find /etc
GF

say "Editing it: append to a file, then read it back in a new session"
gf -a "$img" -m /dev/sda1 write-append /etc/motd $'Edited by guestkit.\n'
gf --ro -a "$img" -m /dev/sda1 cat /etc/motd

say "Copying a directory out as a tarball"
gf --ro -a "$img" -m /dev/sda1 tar-out /etc "$work/etc.tar"
tar tvf "$work/etc.tar"
echo
echo "Done.  (The image lived in $work and is removed now.)"
