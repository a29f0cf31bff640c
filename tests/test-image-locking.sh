#!/bin/bash -
# Image locking (guestfs(3), SECURITY): qemu locks the images it opens,
# so an image another process is writing is refused for writing, with
# one message that names it and says what to do -- at a warm launch, at
# a cold one, and when it is added to a running appliance, which goes on
# without it.  Read-only access to the image in use still works (the
# original under a read-only drive's overlay is opened unlocked, as
# libguestfs documents), and once the writer is gone the image can be
# written again.
set -u
tmp=$(mktemp -d)
trap 'guestfish --remote exit >/dev/null 2>&1; rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

truncate -s 64M "$tmp/disk.img" "$tmp/other.img"
mke2fs -q -t ext4 -F "$tmp/disk.img"
msg="add_drive: $tmp/disk.img: in use by another process (locked); add it read-only"

# The writer: another guestfish, with the image mounted read-write.
eval "$(guestfish --listen)"
guestfish --remote -- add "$tmp/disk.img" format:raw : run : \
    mount /dev/sda / : write /f "from the writer" : sync

for how in warm cold; do
    settings=; [ $how = cold ] && settings=no_snapshot
    out=$(LIBGUESTFS_BACKEND_SETTINGS=$settings guestfish --format=raw -a "$tmp/disk.img" run 2>&1)
    status=$?
    check "a second writer is refused ($how launch)" \
          '[ $status -eq 1 ] && grep -qF "$msg" <<<"$out"'
    check "with that one message ($out)" '[ "$(grep -c error <<<"$out")" -eq 1 ]'
done

out=$(guestfish --format=raw -a "$tmp/other.img" run : -add "$tmp/disk.img" format:raw : \
      list-devices 2>&1)
check "adding it to a running appliance is refused" 'grep -qF "$msg" <<<"$out"'
check "and the appliance goes on without it ($out)" '[ "$(tail -n 1 <<<"$out")" = /dev/sda ]'

out=$(guestfish --ro --format=raw -a "$tmp/disk.img" run : mount-ro /dev/sda / : cat /f 2>&1)
check "read-only access while it is in use works ($out)" '[ "$out" = "from the writer" ]'
out=$(guestfish --format=raw -a "$tmp/other.img" run : \
      add "$tmp/disk.img" format:raw readonly:true : mount-ro /dev/sdb / : cat /f 2>&1)
check "also added read-only to a running appliance ($out)" '[ "$out" = "from the writer" ]'

guestfish --remote exit
unset GUESTFISH_PID
out=$(guestfish --format=raw -a "$tmp/disk.img" run : mount /dev/sda / : \
      write /f "second writer" : cat /f 2>&1)
check "once the writer is gone, the image can be written ($out)" '[ "$out" = "second writer" ]'
exit $fail
