#!/bin/bash -
# Launch benchmark: median wall time of `guestfish -a /dev/null run`
# (launch + shutdown) for guestkit and, when installed, libguestfs, from
# the same run, and their ratio.   usage: bench/launch.sh [RUNS]
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"

median () { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f\n", m}'; }

time_runs () {
    local i t0 t1
    for i in $(seq "$runs"); do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; return 1; }
        t1=$(date +%s.%N)
        awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", b - a }'
    done | median
}

# Warm the appliance cache first: building it is not a launch.
"$top/run" guestfish -a /dev/null run >/dev/null
ours=$(time_runs "$top/run" guestfish -a /dev/null run)
echo "guestkit:   median of $runs launches: $ours s"

if [ -x /usr/bin/guestfish ] && /usr/bin/guestfish --version 2>/dev/null | grep -q '^guestfish 1'; then
    export LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS=force_tcg
    unset LIBGUESTFS_PATH
    /usr/bin/guestfish -a /dev/null run >/dev/null 2>&1 || true
    theirs=$(time_runs /usr/bin/guestfish -a /dev/null run)
    echo "libguestfs: median of $runs launches: $theirs s"
    awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio guestkit/libguestfs: %.3f (%.1fx faster)\n", a / b, b / a }'
else
    echo "libguestfs: not installed (apt-get install libguestfs-tools to compare)"
fi
