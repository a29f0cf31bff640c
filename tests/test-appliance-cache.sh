#!/bin/bash -
# The appliance cache: two processes launching at once on an empty cache
# both succeed and share one build; a changed input gives a new build; a
# stale or corrupted build is rebuilt; the cache directory is private.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LIBGUESTFS_CACHEDIR="$tmp/cache"
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

guestfish -a /dev/null run > "$tmp/out1" 2>&1 & p1=$!
guestfish -a /dev/null run > "$tmp/out2" 2>&1 & p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
check "two concurrent first launches succeed ($s1, $s2)" '[ $s1 -eq 0 ] && [ $s2 -eq 0 ]'
check "they share one appliance build" '[ $(ls -d "$LIBGUESTFS_CACHEDIR"/appliance-* | wc -l) -eq 1 ]'
check "the cache directory is private (0700)" \
      '[ "$(stat -c %a "$LIBGUESTFS_CACHEDIR")" = 700 ]'
dir=$(ls -d "$LIBGUESTFS_CACHEDIR"/appliance-*)

# Changed inputs (a copy of the appliance sources, then an edit) give a
# new build under a new key.
mkdir "$tmp/src"
for f in make-appliance.sh init guestfsd programs.list modules.list; do
    cp -L "$LIBGUESTFS_PATH/$f" "$tmp/src/$f"
done
LIBGUESTFS_PATH="$tmp/src" guestfish -a /dev/null run
check "a launch from changed inputs works" '[ $? -eq 0 ]'
check "and made a second build" '[ $(ls -d "$LIBGUESTFS_CACHEDIR"/appliance-* | wc -l) -eq 2 ]'

# A corrupted build (its stamp no longer matches its inputs) is rebuilt.
echo 0000000000000001 > "$dir/stamp"
guestfish -a /dev/null run
check "a launch over a corrupted build works" '[ $? -eq 0 ]'
check "and rebuilt it" '[ "$(cat "$dir/stamp")" != 0000000000000001 ]'

# A cache directory others can write to is refused.
mkdir -m 0777 "$tmp/badcache"
chmod 0777 "$tmp/badcache"
out=$(LIBGUESTFS_CACHEDIR="$tmp/badcache" guestfish -a /dev/null run 2>&1)
check "a world-writable cache directory is refused" '[ $? -ne 0 ] && grep -q "not writable by others" <<<"$out"'
exit $fail
