#!/bin/bash -
# command and sh run the guest's own programs, chrooted into the guest.
# The guest here is a scratch filesystem whose only program is the
# host's static busybox.  Checked: the output, the chroot (the guest's
# files, not the appliance's), /dev /proc /sys present during the
# command and invisible before and after it, a guest symlink never
# followed to mount over something else, a read-only root, processes
# left running killed, the output bound, and the error messages.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*"; exit 1; }

bb=$(command -v busybox || true)
[ -n "$bb" ] && ! ldd "$bb" >/dev/null 2>&1 ||
    fail "a static busybox is needed (Debian: busybox-static)"

truncate -s 300M "$tmp/disk.img"
out=$(guestfish --format=raw -a "$tmp/disk.img" 2>&1 <<GF
run
-command "/bin/true"
mkfs ext4 /dev/sda
mount /dev/sda /
mkdir /bin
mkdir /dev
mkdir /proc
mkdir /sys
mkdir /etc
mkdir /hostile
upload $bb /bin/busybox
chmod 0755 /bin/busybox
ln-s busybox /bin/sh
write /etc/marker "guest file"
echo == chroot
command "/bin/busybox cat /etc/marker"
sh "test -e /sbin/guestfsd && echo appliance || echo guest"
echo == mounts
sh "grep -c -e ' /proc proc' -e ' /sys sysfs' -e ' /dev devtmpfs' -e ' /dev/pts devpts' /proc/mounts"
sh "echo x > /dev/null && ls /sys/block | grep -c sd"
ls /proc
ls /dev
ls /sys
echo == symlink
rmdir /proc
ln-s /hostile /proc
sh "echo via symlink"
ls /hostile
rm /proc
mkdir /proc
echo == background
sh "(sleep 3; echo late > /late) >/dev/null 2>&1 &"
sleep 6
exists /late
umount /
echo == read-only
mount-ro /dev/sda /
sh "cat /etc/marker; echo; touch /x 2>/dev/null || echo read-only"
umount /
mount /dev/sda /
echo == lines
sh-lines "echo one; echo; echo three"
command-lines "/bin/busybox seq 2"
echo == errors
-sh "echo out; echo 'error text' >&2; exit 3"
-sh "exit 4"
-sh "kill -9 \$\$"
-command "/bin/nosuchprogram"
-command ""
-sh "dd if=/dev/zero bs=1M count=140 2>/dev/null"
umount /
-sh "true"
GF
) || fail "guestfish failed: $out"
echo "$out"

# A section's output lines, without the empty lines guestfish adds.
section () {
    sed -n "/^== $1\$/,/^== /p" <<< "$out" | sed '1d;/^== /d;/^$/d'
}
expect () {
    grep -qF -- "$1" <<< "$out" || fail "missing: $1"
}

[ "$(section chroot)" = "guest file
guest" ] || fail "chroot: $(section chroot)"
# 4 mounts inside; the guest directories stay empty outside.
[ "$(section mounts)" = "4
1" ] || fail "mounts: $(section mounts)"
[ "$(section symlink)" = "via symlink" ] || fail "symlink: $(section symlink)"
[ "$(section background)" = "false" ] || fail "background process survived"
[ "$(section read-only)" = "guest file
read-only" ] || fail "read-only: $(section read-only)"
[ "$(section lines)" = "one
three
1
2" ] || fail "lines: $(section lines)"
expect "command: you must call 'mount' first to mount the root filesystem"
expect "sh: error text"
expect "sh: /bin/sh: exited with status 4"
expect "sh: /bin/sh: killed by signal 9"
expect "command: /bin/nosuchprogram: No such file or directory"
expect "command: passed an empty list"
expect "the output is larger than 134217728 bytes"
expect "sh: you must call 'mount' first to mount the root filesystem"
echo "command/sh OK"
