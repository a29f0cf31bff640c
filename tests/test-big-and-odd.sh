#!/bin/bash -
# Large and odd guest contents: a directory of 100 000 entries (xfs),
# names of 255 bytes, with a newline, a tab and invalid UTF-8, and a
# 1 GiB sparse file (ext4).  Listed and transferred correctly, with the
# library's memory bounded: the peak RSS of a guestfish server (the
# library's process; qemu is another) stays under 100 MB.
set -u
tmp=$(mktemp -d)
trap 'guestfish --remote exit 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

# mkfs.xfs builds the big directory from a prototype file in a second
# (mke2fs -d takes minutes for 100 000 names).
python3 - "$tmp/proto" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("boot\n0 0\nd--755 0 0\nmany d--755 0 0\n")
    for i in range(100000):
        f.write("f%06d ---644 0 0 /dev/null\n" % i)
    f.write("$\n$\n")
EOF
truncate -s 512M "$tmp/many.img"
mkfs.xfs -q -p "$tmp/proto" "$tmp/many.img"

src=$tmp/src
mkdir -p "$src/odd"
python3 - "$src" <<'EOF'
import os, sys
src = os.fsencode(sys.argv[1])
for name in [b"x" * 255, b"new\nline", b"bad\xff\xfeutf8", b"tab\there", b" lead space"]:
    with open(os.path.join(src, b"odd", name), "wb") as f:
        f.write(name)
with open(os.path.join(src, b"sparse"), "wb") as f:
    f.truncate(1 << 30)
    f.seek((1 << 30) - 4)
    f.write(b"END\n")
EOF
truncate -s 64M "$tmp/odd.img"
mke2fs -q -t ext4 -d "$src" "$tmp/odd.img"

eval "$(guestfish --listen --ro --format=raw -a "$tmp/many.img" -a "$tmp/odd.img")"
r () { guestfish --remote "$@"; }
r run && r mount /dev/sda /

out=$(r ls /many)
check "ls lists 100000 entries" \
      '[ "$(wc -l <<<"$out")" -eq 100000 ] && [ "$(tail -1 <<<"$out")" = f099999 ]'
n=$(r find /many | wc -l)
check "find lists them too ($n)" '[ "$n" -eq 100000 ]'
r tar-out /many "$tmp/many.tar"
n=$(tar -tf "$tmp/many.tar" | grep -c '^\./f')
check "tar-out of the directory holds 100000 files ($n)" '[ "$n" -eq 100000 ]'
r umount-all
r mount /dev/sdb /
mkdir "$tmp/out"
r copy-out /odd "$tmp/out"
check "copy-out brings back the odd names, each file holding its name" \
      'python3 - "$src/odd" "$tmp/out/odd" <<EOF
import os, sys
a, b = (os.fsencode(d) for d in sys.argv[1:])
names = sorted(os.listdir(a))
assert names == sorted(os.listdir(b)), (names, os.listdir(b))
for n in names:
    assert open(os.path.join(b, n), "rb").read() == n, n
EOF'
n=$(r ls /odd | wc -l)
check "ls shows the 5 odd names (6 lines: one has a newline) ($n)" '[ "$n" -eq 6 ]'
out=$(r filesize /sparse)
check "a 1 GiB sparse file has its size ($out)" '[ "$out" = 1073741824 ]'
r download /sparse "$tmp/sparse"
check "and downloads intact" 'cmp -s "$src/sparse" "$tmp/sparse"'
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$GUESTFISH_PID/status")
check "the library's peak RSS stayed bounded ($hwm KB)" '[ "$hwm" -lt 102400 ]'
n=$(virt-ls --format=raw -a "$tmp/many.img" -m /dev/sda /many 2>&1 | wc -l)
check "virt-ls -m lists 100000 entries ($n)" '[ "$n" -eq 100000 ]'
exit $fail
