#!/bin/bash -
# Bad input gets a clear error and a non-zero exit, quickly: a missing
# image, a text file forced to qcow2, a raw image given the wrong format,
# and a format name that tries to smuggle qemu options.
set -u
fail=0

expect_error () {
    local what="$1" pattern="$2" out status
    shift 2
    out=$(timeout 120 "$@" 2>&1)
    status=$?
    if [ $status -eq 0 ] || [ $status -ge 124 ] || ! grep -qi -- "$pattern" <<<"$out"; then
        echo "FAIL: $what: status $status, expected an error matching '$pattern':"
        echo "$out"
        fail=1
    else
        echo "ok: $what: $(grep -i -- "$pattern" <<<"$out" | head -1)"
    fi
}

expect_error "missing image" "/nonexistent/disk.img: No such file or directory" \
    guestfish -a /nonexistent/disk.img run
expect_error "text file as qcow2" "qcow2" \
    guestfish --format=qcow2 -a "$datadir/notimage.txt" run
expect_error "raw image as vmdk" "vmdk" \
    guestfish --format=vmdk -a "$datadir/fs.img" run
expect_error "format with a comma" "invalid format" \
    guestfish --format=raw,file=/etc/passwd -a "$datadir/fs.img" run
expect_error "mount of a device that does not exist" "/dev/sdz1" \
    guestfish -a "$datadir/empty.img" run : mount /dev/sdz1 /
expect_error "mount of an empty disk" "sda" \
    guestfish -a "$datadir/empty.img" run : mount /dev/sda /

# A qcow2 image read as raw is legal: the guest just sees qcow2 bytes.
out=$(guestfish --ro --format=raw -a "$datadir/fs.qcow2" run : list-filesystems 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: qcow2 as raw: $out"; fail=1; else echo "ok: qcow2 opened as raw: $out"; fi
exit $fail
