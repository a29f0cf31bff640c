#!/bin/bash -
# -N prepared disks: created in -a/-N order as test1.img, test2.img...
# (or the given name), sparse, partitioned and formatted after launch;
# -N with -m; errors in the -N parameter.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
guestfish -N disk:10M -N part:20M:gpt -N fs:ext4:30M -a /dev/null \
    -N br.img=bootroot::ext4:40M:8M > out <<'EOF_S'
list-devices
list-partitions
part-get-parttype /dev/sdb
vfs-type /dev/sdc1
vfs-type /dev/sde1
vfs-type /dev/sde2
blockdev-getsize64 /dev/sda
blockdev-getsize64 /dev/sde
EOF_S
cat > expected <<'EOF_E'
/dev/sda
/dev/sdb
/dev/sdc
/dev/sdd
/dev/sde
/dev/sdb1
/dev/sdc1
/dev/sde1
/dev/sde2
gpt
ext4
ext2
ext4
10485760
41943040
EOF_E
expect_output expected out
for f in test1.img test2.img test3.img br.img; do
    [ -f "$f" ] || fail "$f not created"
done
[ ! -e test4.img ] || fail "a named -N used a test name"
[ "$(stat -c %s test3.img)" = 31457280 ] || fail "test3.img size"
[ "$(du -k test1.img | cut -f1)" -lt 1024 ] || fail "test1.img is not sparse"

# The prepared filesystem can be mounted with -m; -N overwrites.
guestfish -N fs:ext2:16M -m /dev/sda1 write /x hello : cat /x > out
[ "$(cat out)" = hello ] || fail "-N with -m"

if guestfish -h lvcreate-free >/dev/null 2>&1; then
    guestfish -N lvfs:/dev/VG1/LV1:ext4:32M -N bootrootlv:/dev/VG2/Root:ext2:ext4:64M:16M \
        lvs : vfs-type /dev/VG1/LV1 : vfs-type /dev/VG2/Root : vfs-type /dev/sdb1 > out
    printf '/dev/VG1/LV1\n/dev/VG2/Root\next4\next4\next2\n' > expected
    expect_output expected out
    expect_failure guestfish -N lv:VGLV:10M
    expect_stderr "^guestfish: error creating prepared disk image ‘lv:VGLV:10M’ on ‘test1.img’: incorrect format for LV name, use '/dev/VG/LV'$"
fi

expect_failure guestfish -N foo
expect_stderr "^guestfish: -N parameter ‘foo’: no such prepared disk image known.$"
expect_failure guestfish -N fs:ext4:foo
expect_stderr '^parse_size: invalid integer parameter \(xstrtoull returned 4\)$'
expect_stderr "failed to allocate disk$"
expect_failure guestfish -N fs:nosuchfs:16M
expect_stderr "^guestfish: error creating prepared disk image ‘fs:nosuchfs:16M’ on ‘test1.img’: failed to create filesystem: "
guestfish -N help > out
grep -q '^guestfish -N bootrootlv - ' out || fail "-N help"
