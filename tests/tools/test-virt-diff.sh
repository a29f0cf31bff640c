#!/bin/bash -
# virt-diff: two copies of the phony Debian guest, the second changed by
# guestfish (a file rewritten, one deleted, some added, a directory's
# mode changed, an xattr set), compared with the default output, --csv,
# --checksum, --uids, --xattrs and -h; a guest against itself (nothing);
# and the errors.  The expected outputs were checked against libguestfs
# 1.48's virt-diff on the same images: the same lines, but libguestfs
# also reports every entry as changed in st_dev, its two appliances
# numbering the guest's devices differently; here both see the same.

set -e
export LANG=C.UTF-8 TZ=UTC
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtdiff.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
exp="$srcdir/expected"
d="$datadir"

cp --sparse=always "$d/inspect-debian.img" "$tmp/a.img"
cp --sparse=always "$d/inspect-debian.img" "$tmp/b.img"
guestfish -a "$tmp/b.img" -i <<'EOF'
write /etc/hostname "changed-host\n"
rm /etc/hosts
write /newfile "new\n"
mkdir /newdir
write "/newdir/with space" "x"
ln-s ../etc/hostname /newdir/link
chmod 0700 /home
setxattr user.gk "some value" 10 /etc/debian_version
EOF

# Every kind of change; nothing else (directory times and links, and
# access times, are ignored).
virt-diff -a "$tmp/a.img" -A "$tmp/b.img" > "$tmp/out"
diff -u "$exp/diff-default.txt" "$tmp/out"
# --csv: no content diffs; fields quoted when needed.
virt-diff --csv -a "$tmp/a.img" -A "$tmp/b.img" > "$tmp/out"
diff -u "$exp/diff-csv.txt" "$tmp/out"
# --checksum, --uids, --xattrs, -h.
virt-diff --checksum=sha256 --uids --xattrs -h -a "$tmp/a.img" -A "$tmp/b.img" \
  > "$tmp/out"
diff -u "$exp/diff-options.txt" "$tmp/out"
# A guest against itself: no differences, even with --atime --dir-times
# --dir-links --checksum.
virt-diff --atime --dir-times --dir-links --checksum -a "$tmp/a.img" \
  -A "$d/inspect-debian.img" > "$tmp/out"
[ ! -s "$tmp/out" ] || fail "same guest: $(cat "$tmp/out")"
# --times shows two times per line (mtime, ctime), three with --atime.
virt-diff --times -a "$tmp/a.img" -A "$tmp/b.img" | grep '/newfile$' |
  grep -Eq '^\+ - 0644          4 [0-9-]{10} [0-9:]{8} [0-9-]{10} [0-9:]{8} /newfile$' ||
  fail "--times"
virt-diff --time-t -a "$tmp/a.img" -A "$tmp/b.img" | grep '/newfile$' |
  grep -Eq '^\+ - 0644          4 +[0-9]{10} +[0-9]{10} /newfile$' || fail "--time-t"

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}
expect_fail virt-diff -a "$tmp/a.img"
diff -u - "$tmp/err" <<'EOF'
virt-diff: error: you must specify at least one -A or -D option.
Try ‘virt-diff --help’ for more information.
EOF
expect_fail virt-diff -A "$tmp/a.img"
diff -u - "$tmp/err" <<'EOF'
virt-diff: error: you must specify at least one -a or -d option.
Try ‘virt-diff --help’ for more information.
EOF
expect_fail virt-diff -h --csv -a "$tmp/a.img" -A "$tmp/b.img"
diff -u - "$tmp/err" <<<"virt-diff: you cannot use -h and --csv options together."
expect_fail virt-diff --checksum md5 -a "$tmp/a.img" -A "$tmp/b.img"
diff -u - "$tmp/err" <<'EOF'
virt-diff: error: extra argument ‘md5’ on command line.
Make sure to specify the argument for --checksum or --format like '--format=md5'.
Try ‘virt-diff --help’ for more information.
EOF
expect_fail virt-diff -a "$tmp/a.img" -A "$tmp/nosuch.img"
diff -u - "$tmp/err" <<<"virt-diff: access: $tmp/nosuch.img: No such file or directory"
expect_fail virt-diff -a "$tmp/a.img" -A "$d/inspect-nos.img"
grep -q "^virt-diff: no operating system was found on this disk" "$tmp/err" ||
  fail "nos: $(cat "$tmp/err")"
expect_fail virt-diff --checksum=nosuchsum -a "$tmp/a.img" -A "$tmp/b.img"

virt-diff --help | grep -q "^  -A image             Add image from second guest" ||
  fail "--help"
virt-diff --version | grep -Eq '^virt-diff 1\.[0-9]+\.[0-9]+' || fail "--version"
echo PASS
