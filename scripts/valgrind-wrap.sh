#!/bin/bash -
# Run one program of the build tree under valgrind memcheck (used by
# scripts/check-valgrind.sh): valgrind-wrap.sh PROGRAM [ARGS...].
# PROGRAM may be a libtool wrapper script.  Children (qemu, qemu-img,
# tar, the pager...) are not traced.
# Each run writes $GUESTKIT_VALGRIND_LOGS/vg.PID; check-valgrind.sh reads
# the "ERROR SUMMARY" lines afterwards, so errors and definite/indirect
# leaks count even when the test expects the program to fail.
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
logs="${GUESTKIT_VALGRIND_LOGS:-/tmp}"
# A libtool wrapper's real binary is .libs/NAME beside it, run with the
# build tree's library first.  (Not libtool --mode=execute: it passes
# the arguments through an eval that drops their trailing newlines.)
prog="$1"
shift
real="$(dirname "$prog")/.libs/$(basename "$prog")"
if [ -x "$real" ] && head -c 4096 "$prog" | grep -q 'temporary wrapper script'; then
    prog="$real"
    export LD_LIBRARY_PATH="$top/lib/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
exec valgrind \
    --quiet --trace-children=no --leak-check=full \
    --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect \
    --track-origins=yes --num-callers=30 \
    --suppressions="$top/tests/valgrind.supp" \
    --log-file="$logs/vg.%p" \
    "$prog" "$@"
