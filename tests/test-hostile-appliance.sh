#!/bin/bash -
# The library must treat everything the appliance sends as hostile: each
# malformed, oversized or mismatched message from a fake qemu
# (fake-qemu.py) must give a clean error — no crash, no hang, no huge
# allocation — and guestfish must exit with status 1.
set -u
fake="$(cd "$(dirname "$0")" && pwd)/fake-qemu.py"
fail=0

check () {
    local mode="$1" expect="$2" out status
    out=$(FAKE_MODE="$mode" LIBGUESTFS_HV="$fake" \
          timeout 60 guestfish -a /dev/null run : list-filesystems 2>&1)
    status=$?
    if [ "$status" -ne 1 ] || ! grep -q -- "$expect" <<<"$out"; then
        echo "FAIL: mode $mode: status $status, expected status 1 and '$expect' in:"
        echo "$out"
        fail=1
    else
        echo "ok: mode $mode: $(grep -- "$expect" <<<"$out" | head -1)"
    fi
}

check bad-hello        "instead of its hello"
check huge-length      "message length exceeds"
check bad-serial       "reply does not match"
check bad-program      "reply does not match"
check bad-direction    "reply does not match"
check bad-status       "bad reply status"
check trailing-garbage "malformed reply"
check odd-hashtable    "malformed table"
check huge-string      "malformed reply"
check huge-array       "malformed reply"
check bad-error        "malformed error reply"
check error-reply      "list_filesystems: /nope: No such file or directory"
check stream-bad-chunk "bad chunk length"
check exit             "appliance closed the connection unexpectedly"

# A progress message with position > total is clamped, not trusted; the
# call still succeeds.
out=$(FAKE_MODE=progress-then-ok LIBGUESTFS_HV="$fake" timeout 60 \
      guestfish -a /dev/null run : list-filesystems 2>&1)
if [ $? -ne 0 ]; then echo "FAIL: progress-then-ok: $out"; fail=1; else echo "ok: progress-then-ok"; fi

exit $fail
