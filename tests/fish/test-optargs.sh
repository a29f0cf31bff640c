#!/bin/bash -
# Optional arguments are written name:value after the required ones.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
truncate -s 64M d.img
guestfish add d.img format:raw readonly:false : run : \
    part-disk /dev/sda mbr : \
    mkfs ext4 /dev/sda1 label:FISHLBL blocksize:1024 : \
    mount /dev/sda1 / : vfs-label /dev/sda1 : statvfs / > out
[ "$(head -1 out)" = FISHLBL ] || fail "label optarg: $(head -1 out)"
grep -q '^bsize: 1024$' out || fail "blocksize optarg"

# Errors in optional arguments.
expect_failure guestfish add d.img nosuch:1
expect_stderr '^add: unknown optional argument "nosuch:1"$'
expect_failure guestfish add d.img readonly:maybe
expect_stderr "^guestfish: 'maybe': invalid boolean value, use 'true' or 'false'$"
expect_failure guestfish add d.img format:raw format:raw
expect_stderr 'optional argument "format" given more than once'
expect_failure guestfish add d.img format:raw readonly:true cachemode:unsafe \
    discard:disable copyonread:true blocksize:512 label:a name:b iface:c \
    protocol:file username:u secret:s server:x extra:1
expect_stderr '^error: incorrect number of arguments$'
