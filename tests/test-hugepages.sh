#!/bin/bash -
# With enough free huge pages reserved, the appliance's memory comes from
# them (qemu gets a hugetlb memory backend) and it boots.  Needs root to
# reserve pages; the previous reservation is restored.  Only cold boots
# use them (a warm launch maps its memory from the saved state's file).
set -u
export LIBGUESTFS_BACKEND_SETTINGS=no_snapshot
knob=/proc/sys/vm/nr_hugepages
if [ "$(id -u)" -ne 0 ] || [ ! -w "$knob" ]; then
    echo "SKIP: needs root to reserve huge pages"; exit 77
fi
old=$(cat "$knob")
trap 'echo "$old" > "$knob"' EXIT
echo $((old + 200)) > "$knob"
free=$(awk '/HugePages_Free/ {print $2}' /proc/meminfo)
if [ "$free" -lt 160 ]; then
    echo "SKIP: the kernel could not reserve huge pages (free: $free)"; exit 77
fi
out=$(LIBGUESTFS_MEMSIZE=320 LIBGUESTFS_DEBUG=1 guestfish -a /dev/null run : ping-daemon 2>&1)
status=$?
if [ $status -ne 0 ]; then echo "FAIL: launch on huge pages failed:"; echo "$out" | tail -20; exit 1; fi
if ! grep -q "hugetlb=on" <<<"$out"; then echo "FAIL: qemu was not given huge pages"; exit 1; fi
echo "ok: launched with $free free huge pages, hugetlb memory backend"

# Without enough free pages, ordinary memory is used.
echo "$old" > "$knob"
out=$(LIBGUESTFS_MEMSIZE=320 LIBGUESTFS_DEBUG=1 guestfish -a /dev/null run 2>&1)
if [ $? -ne 0 ] || grep -q "hugetlb=on" <<<"$out"; then
    echo "FAIL: without free huge pages the launch should use ordinary memory"; exit 1
fi
echo "ok: ordinary memory when huge pages are not free"
