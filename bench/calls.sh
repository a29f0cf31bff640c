#!/bin/bash -
# Small-call benchmark: time per call of N `exists` calls in one
# guestfish session (a session without them is timed and subtracted), for
# guestkit and, when installed, libguestfs, on the same small ext4 disk.
#   usage: bench/calls.sh [N]       (default 2000)
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-2000}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

truncate -s 64M "$tmp/disk.img"
"$top/run" guestfish --format=raw -a "$tmp/disk.img" run : mkfs ext4 /dev/sda
{ echo run; echo "mount /dev/sda /"; for i in $(seq "$n"); do echo "exists /"; done; } > "$tmp/calls.gf"
printf 'run\nmount /dev/sda /\n' > "$tmp/base.gf"

elapsed () {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

# per_call GUESTFISH-COMMAND...
per_call () {
    local with without
    "$@" --format=raw -a "$tmp/disk.img" -f "$tmp/base.gf" >/dev/null   # warm caches
    without=$(elapsed "$@" --format=raw -a "$tmp/disk.img" -f "$tmp/base.gf")
    with=$(elapsed "$@" --format=raw -a "$tmp/disk.img" -f "$tmp/calls.gf")
    awk -v a="$with" -v b="$without" -v n="$n" 'BEGIN { printf "%.3f\n", (a - b) * 1000 / n }'
}

ours=$(per_call "$top/run" guestfish)
echo "guestkit:   $ours ms per call ($n exists calls)"
if [ -x /usr/bin/guestfish ]; then
    theirs=$(env -u LIBGUESTFS_PATH LIBGUESTFS_BACKEND=direct \
             LIBGUESTFS_BACKEND_SETTINGS=force_tcg bash -c "$(declare -f elapsed per_call); tmp=$tmp n=$n per_call /usr/bin/guestfish")
    echo "libguestfs: $theirs ms per call ($n exists calls)"
fi
