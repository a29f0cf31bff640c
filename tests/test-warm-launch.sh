#!/bin/bash -
# Warm launches: the first launch saves the booted appliance in the
# cache, later ones restore it.  A restored appliance must not repeat
# itself (fresh entropy: new filesystem UUIDs each launch) and must have
# the host's clock; a damaged state (device state or RAM file) is
# replaced without the user seeing anything; no_snapshot turns the whole
# thing off.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LIBGUESTFS_CACHEDIR="$tmp/cache"
# Every launch here is verbose (the debug log says how it launched), and
# verbosity is part of the saved configuration, so all share one state.
export LIBGUESTFS_DEBUG=1
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }
states () { ls "$LIBGUESTFS_CACHEDIR" 2>/dev/null | grep -c '^state-[0-9a-f]*$'; }
restored () { grep -q 'state restored [0-9]' "$1"; }

truncate -s 64M "$tmp/disk.img"

# One launch makes a filesystem and prints its UUID and the guest's idea
# of the time (a new file's mtime).
uuid_and_time () {
    guestfish --format=raw -a "$tmp/disk.img" run : \
        mkfs ext4 /dev/sda : mount /dev/sda / : touch /f : \
        vfs-uuid /dev/sda : stat /f 2>"$tmp/log$1" | \
        awk '/^[0-9a-f]+-[0-9a-f-]+$/ { u = $1 } /^mtime:/ { t = $2 } END { print u, t }'
}

first=$(uuid_and_time 1)
check "first launch works ($first)" '[ -n "${first% *}" ]'
check "it saved a state" '[ "$(states)" -eq 1 ] && grep -q "saved the appliance" "$tmp/log1"'
check "the state and its key are private" \
      '[ "$(stat -c %a "$LIBGUESTFS_CACHEDIR"/state-* | sort -u)" = 600 ]'

second=$(uuid_and_time 2)
third=$(uuid_and_time 3)
check "the second launch was restored from it" 'restored "$tmp/log2"'
check "so was the third" 'restored "$tmp/log3"'
u1=${first% *} u2=${second% *} u3=${third% *} t3=${third#* }
check "restored launches make different UUIDs ($u2, $u3)" \
      '[ -n "$u2" ] && [ -n "$u3" ] && [ "$u2" != "$u3" ] && [ "$u2" != "$u1" ]'
now=$(date +%s)
check "a restored appliance has the host's clock ($t3 vs $now)" \
      '[ -n "$t3" ] && [ $((now - t3)) -ge -5 ] && [ $((now - t3)) -le 60 ]'

# A damaged state: the launch still works, with nothing said to the
# user, and a new state replaces the bad one.
state=$(ls "$LIBGUESTFS_CACHEDIR"/state-*[0-9a-f])
for damage in garbage empty ram-truncated; do
    case $damage in
        garbage) head -c 100000 /dev/urandom > "$state" ;;
        empty) : > "$state" ;;
        ram-truncated) truncate -s 1M "$state.ram" ;;
    esac
    cp "$state" "$tmp/damaged"; cp "$state.ram" "$tmp/damaged.ram" 2>/dev/null
    out=$(guestfish --format=raw -a "$tmp/disk.img" run : mount /dev/sda / : \
          is-file /f 2>"$tmp/log-$damage")
    check "a launch over a $damage state works ($out)" '[ "$out" = true ]'
    check "with no error shown" '! grep -v "^libguestfs:\|^guestfsd:\|^\[\|^ \|^qemu-system" "$tmp/log-$damage" | grep -qi error'
    check "and the state was replaced" \
          '! cmp -s "$state" "$tmp/damaged" || ! cmp -s "$state.ram" "$tmp/damaged.ram"'
    check "by a working one" '[ -s "$state" ] && [ "$(stat -c %s "$state.ram")" -gt 1000000 ]'
done
guestfish -a /dev/null run 2>"$tmp/log4"
check "the next launch is restored again" 'restored "$tmp/log4"'

# no_snapshot: always a cold boot, nothing saved.
rm -rf "$LIBGUESTFS_CACHEDIR"
LIBGUESTFS_BACKEND_SETTINGS=no_snapshot guestfish -a /dev/null run 2>"$tmp/log5"
check "no_snapshot launches" '[ $? -eq 0 ]'
check "no_snapshot saves no state" '[ "$(states)" -eq 0 ]'
check "no_snapshot says why in the debug log" \
      'grep -q "warm launch: not used (LIBGUESTFS_BACKEND_SETTINGS=no_snapshot)" "$tmp/log5"'

# Another memory size is another configuration, with its own state.
guestfish -a /dev/null run 2>/dev/null &&
    LIBGUESTFS_MEMSIZE=832 guestfish -a /dev/null run 2>/dev/null
check "another memory size gets its own state" '[ "$(states)" -eq 2 ]'
exit $fail
