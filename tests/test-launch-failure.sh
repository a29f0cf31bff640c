#!/bin/bash -
# An appliance that cannot start (here: the kernel cannot run its init)
# makes launch fail in bounded time with the console's last lines in the
# error message, and leaves no qemu behind.
set -u
start=$SECONDS
out=$(LIBGUESTFS_APPEND="rdinit=/nonexistent" timeout 300 guestfish -a /dev/null run 2>&1)
status=$?
if [ $status -ne 1 ]; then
    echo "FAIL: expected exit status 1, got $status: $out"; exit 1
fi
if ! grep -q "appliance's console" <<<"$out" || ! grep -qi "panic\|init" <<<"$out"; then
    echo "FAIL: the error does not quote the console:"; echo "$out"; exit 1
fi
echo "ok: launch failed in $((SECONDS - start)) s with:"
echo "$out" | head -5
