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

# force_kvm on a host without a usable /dev/kvm fails clearly (where KVM
# works, it must simply launch).
out=$(LIBGUESTFS_BACKEND_SETTINGS=force_kvm timeout 300 guestfish -a /dev/null run 2>&1)
status=$?
if [ -w /dev/kvm ]; then
    [ $status -eq 0 ] || { echo "FAIL: force_kvm with /dev/kvm: $out"; exit 1; }
    echo "ok: force_kvm launched with KVM"
else
    if [ $status -ne 1 ] || ! grep -qi "kvm" <<<"$out"; then
        echo "FAIL: force_kvm without /dev/kvm should fail mentioning KVM: $out"; exit 1
    fi
    echo "ok: force_kvm without /dev/kvm: $(grep -i kvm <<<"$out" | head -1)"
fi
# force_tcg always works.
LIBGUESTFS_BACKEND_SETTINGS=force_tcg timeout 300 guestfish -a /dev/null run || {
    echo "FAIL: force_tcg"; exit 1; }
echo "ok: force_tcg"
