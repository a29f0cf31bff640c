#!/bin/bash -
# Transfer benchmark: upload and download of one file (default 1 GiB of
# random data) into/out of an ext4 filesystem, MB/s each way, for
# guestkit and, when installed, libguestfs.   usage: bench/transfer.sh [MiB]
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
mib="${1:-1024}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

head -c $((mib * 1024 * 1024)) /dev/urandom > "$tmp/in"
truncate -s $((mib * 2 + 256))M "$tmp/disk.img"
"$top/run" guestfish --format=raw -a "$tmp/disk.img" run : mkfs ext4 /dev/sda

measure () {
    local label="$1" t0 t1 t2 t3; shift
    # Each direction is timed against a session that only launches and mounts.
    t0=$(date +%s.%N)
    "$@" --format=raw -a "$tmp/disk.img" run : mount /dev/sda / >/dev/null
    t1=$(date +%s.%N)
    "$@" --format=raw -a "$tmp/disk.img" run : mount /dev/sda / : upload "$tmp/in" /f >/dev/null
    t2=$(date +%s.%N)
    "$@" --format=raw -a "$tmp/disk.img" run : mount /dev/sda / : download /f "$tmp/out" >/dev/null
    t3=$(date +%s.%N)
    cmp -s "$tmp/in" "$tmp/out" || { echo "$label: downloaded data differs" >&2; exit 1; }
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v m="$mib" -v l="$label" 'BEGIN {
        base = b - a
        printf "%-11s upload %.0f MB/s, download %.0f MB/s (%d MiB)\n", l ":",
               m * 1.048576 / (c - b - base), m * 1.048576 / (d - c - base), m }'
    rm -f "$tmp/out"
}

measure guestkit "$top/run" guestfish
if [ -x /usr/bin/guestfish ]; then
    env -u LIBGUESTFS_PATH LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS=force_tcg \
        bash -c "$(declare -f measure); tmp=$tmp mib=$mib measure libguestfs /usr/bin/guestfish"
fi
