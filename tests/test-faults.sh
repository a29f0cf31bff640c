#!/bin/bash -
# Faults: the daemon crashing, the appliance's kernel panicking, the
# guest filesystem filling during an upload (streamed and through the
# transfer disk), the host filesystem filling during a download.  Each
# gives a clear error in bounded time; the handle goes back to the
# config state and launches again; no temp file and no qemu are left;
# a read-only drive's image is unchanged; a partial download is removed.
set -u
tmp=$(mktemp -d)
cleanup () { umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

mkdir "$tmp/t"
export LIBGUESTFS_TMPDIR=$tmp/t
truncate -s 200M "$tmp/disk.img"
guestfish --format=raw -a "$tmp/disk.img" run : mkfs ext4 /dev/sda : mount /dev/sda / : \
    fallocate64 /big $((20 * 1024 * 1024)) || exit 1
before=$(sha256sum < "$tmp/disk.img")
no_qemu_left () { ! pgrep -f -- "$tmp/t" >/dev/null; }

# --- the daemon crashes, the kernel panics ------------------------------
for what in segv panic; do
    start=$(date +%s)
    out=$(timeout 300 guestfish --ro --format=raw -a "$tmp/disk.img" 2>&1 <<EOF
run
mount /dev/sda /
write /scribble "in the overlay"
-debug $what 0
-ping-daemon
echo relaunch:
run
mount /dev/sda /
cat /scribble
EOF
)
    status=$?
    secs=$(( $(date +%s) - start ))
    echo "$out" | grep -v '^\[' | sed 's/^/  /'
    check "$what: the call fails, the appliance gone" \
          'grep -q "appliance closed the connection unexpectedly" <<<"$out"'
    case $what in
        segv) check "segv: the console tail says how the daemon died" \
                    'grep -q "guestfsd killed by signal 11" <<<"$out"' ;;
        panic) check "panic: the console tail shows the panic" \
                     'grep -q "Rebooting in 1 seconds" <<<"$out"' ;;
    esac
    check "$what: the next call says the handle is not launched" \
          'grep -q "ping_daemon: call launch before using this function" <<<"$out"'
    check "$what: the handle launches again, without the old overlay's write" \
          'grep -q "cat: /scribble: No such file or directory" <<<"$out"'
    check "$what: within bounded time ($secs s)" '[ $status -ne 124 ]'
    check "$what: no qemu and no temp files left" 'no_qemu_left && [ -z "$(ls -A "$tmp/t")" ]'
    check "$what: the read-only image is unchanged" '[ "$(sha256sum < "$tmp/disk.img")" = "$before" ]'
done

# --- the guest filesystem fills during an upload ------------------------
truncate -s 40M "$tmp/small.img"
head -c $((48 * 1024 * 1024)) /dev/zero | tr '\0' 'x' > "$tmp/48M"
for settings in "" no_transfer_disk; do
    out=$(LIBGUESTFS_BACKEND_SETTINGS=$settings timeout 300 \
          guestfish --format=raw -a "$tmp/small.img" 2>&1 <<EOF
run
mkfs ext4 /dev/sda
mount /dev/sda /
-upload $tmp/48M /f
echo after:
rm /f
write /small ok
cat /small
EOF
)
    name=${settings:-transfer disk}
    echo "$out" | sed 's/^/  /'
    check "ENOSPC ($name): a clear error" \
          'grep -q "upload: /f: write: No space left on device" <<<"$out"'
    check "ENOSPC ($name): the handle works on" \
          '[ "$(sed -n "/^after:/,\$p" <<<"$out" | tail -1)" = ok ]'
done
check "ENOSPC: no qemu and no temp files left" 'no_qemu_left && [ -z "$(ls -A "$tmp/t")" ]'

# --- the host filesystem fills during a download ------------------------
mkdir "$tmp/full"
if mount -t tmpfs -o size=4m tmpfs "$tmp/full" 2>/dev/null; then
    out=$(timeout 300 guestfish --ro --format=raw -a "$tmp/disk.img" 2>&1 <<EOF
run
mount /dev/sda /
-download /big $tmp/full/big
echo after:
ping-daemon
echo alive
EOF
)
    echo "$out" | sed 's/^/  /'
    check "host ENOSPC: a clear error" \
          'grep -q "download: .*No space left on device" <<<"$out"'
    check "host ENOSPC: the partial file is removed" '[ ! -e "$tmp/full/big" ]'
    check "host ENOSPC: the handle works on" 'grep -qx alive <<<"$out"'
    umount "$tmp/full"
else
    echo "skip: host ENOSPC (cannot mount a tmpfs here)"
fi
check "no qemu and no temp files left at the end" 'no_qemu_left && [ -z "$(ls -A "$tmp/t")" ]'
exit $fail
