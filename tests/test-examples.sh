#!/bin/bash -
# The example programs of examples/ (written for libguestfs's API) against
# this tree's library: create-disk makes a disk whose partition, label
# and files guestfish then finds; inspect-disk describes the Debian and
# Windows test guests, and fails with a message on a disk with no
# operating system.
set -u
ex="$GUESTKIT_TOP/examples"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/examples.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

"$ex/create-disk" "$tmp/disk.img" > "$tmp/out" 2> "$tmp/err"
check "create-disk succeeds" '[ $? -eq 0 ] && grep -q "^created $tmp/disk.img" "$tmp/out"'
check "create-disk: a 512 MB image" '[ "$(stat -c %s "$tmp/disk.img")" -eq $((512 * 1024 * 1024)) ]'
out=$(guestfish --ro --format=raw -a "$tmp/disk.img" run : list-partitions : \
      vfs-type /dev/sda1 : vfs-label /dev/sda1 : mount-ro /dev/sda1 / : \
      cat /etc/example/hello.txt : is-file /etc/example/empty 2>&1)
check "create-disk: partition, ext4, label and files seen by guestfish" \
      '[ "$out" = "$(printf "/dev/sda1\next4\nexample\nHello from create-disk.\n\ntrue")" ]'
echo "$out"

"$ex/inspect-disk" "$datadir/inspect-debian.img" > "$tmp/out" 2> "$tmp/err"
check "inspect-disk on the Debian guest succeeds" '[ $? -eq 0 ]'
cat "$tmp/out" "$tmp/err"
# The product name of a Debian guest is its /etc/debian_version, as in
# libguestfs.
check "inspect-disk: product, version, hostname" \
      'grep -q "^  Product name: *12\.5$" "$tmp/out" &&
       grep -q "^  Version: *12\.5$" "$tmp/out" &&
       grep -q "^  Hostname: *debian-test$" "$tmp/out"'
check "inspect-disk: / mounted before /boot" \
      '[ "$(grep -E "^    /dev/[a-z0-9]+ on /" "$tmp/out" | sed "s/.* on //")" = "$(printf "/\n/boot")" ]'
check "inspect-disk: applications listed" \
      'grep -qE "^  Applications: [1-9]" "$tmp/out"'
check "inspect-disk: /etc listed" 'grep -qE "^  Files in /etc: [1-9]" "$tmp/out"'

"$ex/inspect-disk" "$datadir/inspect-windows.img" "$datadir/inspect-windows-data.img" \
    > "$tmp/out" 2> "$tmp/err"
check "inspect-disk on the Windows guest succeeds" '[ $? -eq 0 ]'
cat "$tmp/out" "$tmp/err"
check "inspect-disk: Windows type, no /etc" \
      'grep -q "^  Type: *windows$" "$tmp/out" && ! grep -q "Files in /etc" "$tmp/out"'

"$ex/inspect-disk" "$tmp/disk.img" > "$tmp/out" 2> "$tmp/err"
check "inspect-disk fails on a disk with no operating system" \
      '[ $? -eq 1 ] && grep -q "no operating systems found" "$tmp/err" && [ ! -s "$tmp/out" ]'
exit $fail
