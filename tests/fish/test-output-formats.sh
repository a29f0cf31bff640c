#!/bin/bash -
# Results print as libguestfs's guestfish prints them: booleans as
# true/false, integers in decimal, lists one per line, tables as
# "key: value", structs as "field: value", struct lists as "[N] = {...}".
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
make_disk d.img

guestfish --ro -a d.img -m /dev/sda1 <<'EOF_SCRIPT' > out
echo == bool
exists /hello
exists /nope
echo == int64
filesize /hello
echo == string
cat /hello
echo == stringlist
ls /
echo == hashtable
list-filesystems
echo == struct
statvfs /
echo == structlist
part-list /dev/sda
echo == buffer
read-file /hello
echo == end
EOF_SCRIPT

section ()
{
    sed -n "/^== $1\$/,/^== /p" out | sed '1d;$d'
}
[ "$(section bool)" = "true
false" ] || fail "bool: $(section bool)"
[ "$(section int64)" = 6 ] || fail "int64: $(section int64)"
# The file holds "hello\n" and cat adds a newline: two lines.
[ "$(section string | head -1)" = hello ] && [ "$(section string | wc -l)" = 2 ] &&
    [ -z "$(section string | tail -1)" ] || fail "string: $(section string)"
[ "$(section stringlist)" = "hello
lost+found" ] || fail "stringlist: $(section stringlist)"
[ "$(section hashtable)" = "/dev/sda1: ext4" ] || fail "hashtable: $(section hashtable)"
section struct > struct
[ "$(cut -d: -f1 struct | tr '\n' ' ')" = "bsize frsize blocks bfree bavail files ffree favail fsid flag namemax " ] ||
    fail "struct fields: $(cat struct)"
grep -q -E '^namemax: 255$' struct || fail "struct value: $(cat struct)"
section structlist > list
[ "$(sed -n '1p;2p;$p' list)" = "[0] = {
  part_num: 1
}" ] || fail "struct list: $(cat list)"
grep -q -E '^  part_start: [0-9]+$' list || fail "struct list field"
[ "$(section buffer)" = "hello" ] || fail "buffer: $(section buffer)"

# Integers, and optional strings that are not set.
[ "$(guestfish set-memsize 700 : get-memsize)" = 700 ] || fail "int"
[ "$(guestfish set-append "" : get-append)" = "(null)" ] || fail "unset optional string"
