#!/bin/bash -
# Tools benchmark: median wall time of `virt-inspector -a inspect-debian.img`
# and of `virt-df` over several images, guestkit against libguestfs
# (TCG, direct backend), runs interleaved so both see the same machine
# load, and their ratio.   usage: bench/inspector.sh [RUNS]
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
data="$top/tests/data"

median () { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m}'; }

time_once () {
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; return 1; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
}

have_libguestfs () {
    [ -x /usr/bin/virt-inspector ] && [ -x /usr/bin/virt-df ]
}

theirs () {
    env -u LIBGUESTFS_PATH LIBGUESTFS_BACKEND=direct \
        LIBGUESTFS_BACKEND_SETTINGS=force_tcg "$@"
}

# NAME OUR-COMMAND... -- THEIR-COMMAND...
compare () {
    local name="$1"; shift
    local ours=() lg=() i o="" t="" mo mt
    while [ "$1" != "--" ]; do ours+=("$1"); shift; done
    shift
    lg=("$@")

    for i in $(seq "$runs"); do
        o="$o$(time_once "${ours[@]}")"$'\n'
        if have_libguestfs; then
            t="$t$(time_once theirs "${lg[@]}")"$'\n'
        fi
    done
    mo=$(printf '%s' "$o" | median)
    echo "$name guestkit:   median of $runs: $mo s"
    if have_libguestfs; then
        mt=$(printf '%s' "$t" | median)
        echo "$name libguestfs: median of $runs: $mt s"
        awk -v a="$mo" -v b="$mt" 'BEGIN { printf "%s ratio guestkit/libguestfs: %.3f (%.1fx faster)\n", "'"$name"'", a / b, b / a }'
    fi
}

# Warm both appliance caches first: building one is not a run.
"$top/run" guestfish -a /dev/null run >/dev/null
have_libguestfs && theirs /usr/bin/guestfish -a /dev/null run >/dev/null 2>&1 || true
have_libguestfs || echo "libguestfs: not installed (apt-get install libguestfs-tools to compare)"

compare "virt-inspector -a inspect-debian.img:" \
    "$top/run" virt-inspector -a "$data/inspect-debian.img" -- \
    /usr/bin/virt-inspector -a "$data/inspect-debian.img"

# Several images: one guest of three disks (one appliance in both), then
# three independent guests (guestkit: --one-per-guest, in parallel;
# libguestfs: one virt-df run per image, as its man page advises).
compare "virt-df, 3 disks of one guest:" \
    "$top/run" virt-df -a "$data/inspect-debian.img" -a "$data/inspect-fedora.img" -a "$data/fs.img" -- \
    /usr/bin/virt-df -a "$data/inspect-debian.img" -a "$data/inspect-fedora.img" -a "$data/fs.img"

compare "virt-df, 3 separate guests:" \
    "$top/run" virt-df --one-per-guest -a "$data/inspect-debian.img" -a "$data/inspect-fedora.img" -a "$data/fs.img" -- \
    sh -c 'for i in "$@"; do /usr/bin/virt-df -a "$i" || exit 1; done' sh \
    "$data/inspect-debian.img" "$data/inspect-fedora.img" "$data/fs.img"
