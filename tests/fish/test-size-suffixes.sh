#!/bin/bash -
# Integers use C radix rules and size suffixes: k/K/KiB = 1024, KB = 1000,
# and the same for M, G, T, P, E.
. "$(dirname "$0")/functions.sh"

check ()
{
    local got
    got="$(guestfish set-memsize "$1" : get-memsize)"
    [ "$got" = "$2" ] || fail "memsize $1: got $got, expected $2"
}
check 600 600
check 0x258 600
check 01130 600
check 1k 1024
check 1K 1024
check 1KiB 1024
check 1KB 1000
check 2M 2097152
check 2MiB 2097152
check 2MB 2000000
check 1G 1073741824
check 1GB 1000000000
check k 1024

# Int is 32 bits: larger values are out of range.
expect_failure guestfish set-memsize 2G
expect_stderr '^set-memsize: memsize: integer out of range$'
expect_failure guestfish set-memsize 1T
expect_stderr 'integer out of range'
# Lower-case m/g are not suffixes; nor is anything after one.
for bad in 1m 1g 1Mb 1KiBx 12abc 1.5M "" 0x; do
    expect_failure guestfish set-memsize "$bad"
    expect_stderr '^set-memsize: memsize: invalid integer parameter \(xstrtoll returned [0-9]+\)$'
done

# Sizes of sparse/alloc files.
cd "$tmpdir"
guestfish sparse a.img 1M : sparse b.img 1MB : alloc c.img 3KiB : sparse d.img 0x1000
[ "$(stat -c %s a.img)" = 1048576 ] || fail "sparse 1M"
[ "$(stat -c %s b.img)" = 1000000 ] || fail "sparse 1MB"
[ "$(stat -c %s c.img)" = 3072 ] || fail "alloc 3KiB"
[ "$(stat -c %s d.img)" = 4096 ] || fail "sparse 0x1000"
expect_failure guestfish sparse e.img -1M
expect_stderr 'invalid integer parameter'
[ ! -e e.img ] || fail "file created despite a bad size"
