#!/bin/bash -
# virt-tail: the first look prints a small file whole and a big one's
# last lines; a line appended while it waits (the image modified by
# guestfish) is printed after the next reopen; deleting every file ends
# it; ^C ends it; and the errors.  Output format and messages as
# libguestfs 1.48's virt-tail.  Takes a little over a minute: virt-tail
# looks at the disks every 30 seconds.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virttail.XXXXXX")"
pid=
trap '[ -z "$pid" ] || kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
d="$datadir"

# wait_for FILE PATTERN SECONDS: until grep finds PATTERN in FILE.
wait_for () {
  for ((i = 0; i < $3; ++i)); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  fail "timed out waiting for '$2' in $1: $(cat "$1")"
}

cp --sparse=always "$d/inspect-debian.img" "$tmp/g.img"
seq 1 3000 > "$tmp/big"
guestfish -a "$tmp/g.img" -i <<EOF
mkdir-p /var/log
write /var/log/app.log "line1\nline2\n"
upload $tmp/big /var/log/big
EOF

# Follow a small file and a missing one (counted as empty).
virt-tail -f -a "$tmp/g.img" /var/log/app.log /var/log/later.log \
  > "$tmp/out" 2> "$tmp/err" &
pid=$!
wait_for "$tmp/out" '^line2$' 60
sleep 3
guestfish -a "$tmp/g.img" -i <<'EOF'
write-append /var/log/app.log "line3\n"
EOF
wait_for "$tmp/out" '^line3$' 100
sleep 3
guestfish -a "$tmp/g.img" -i rm /var/log/app.log
r=0
wait $pid || r=$?
pid=
[ $r = 0 ] || fail "exit status $r after the files were deleted: $(cat "$tmp/err")"
diff -u - "$tmp/out" <<'EOF'


--- /var/log/app.log ---

line1
line2
line3
virt-tail: all files deleted, exiting
EOF

# A big file: its last ten lines.  ^C stops virt-tail, status 0.
virt-tail -a "$tmp/g.img" /var/log/big > "$tmp/out" 2> "$tmp/err" &
pid=$!
wait_for "$tmp/out" '^3000$' 60
kill -INT $pid
r=0
wait $pid || r=$?
pid=
[ $r = 0 ] || fail "^C: exit status $r: $(cat "$tmp/err")"
{ printf '\n\n--- /var/log/big ---\n\n'; seq 2991 3000; } | diff -u - "$tmp/out"

# Windows paths.
virt-tail -a "$d/inspect-windows.img" 'C:\WINDOWS\WIN.INI' > "$tmp/out" 2>&1 &
pid=$!
wait_for "$tmp/out" '16-bit app support' 60
kill -INT $pid
wait $pid || fail "windows: exit status"
pid=
grep -q -- '--- /Windows/win.ini ---' "$tmp/out" || fail "windows: $(cat "$tmp/out")"

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}
expect_fail virt-tail -a "$tmp/g.img"
diff -u - "$tmp/err" <<'EOF'
virt-tail: error: missing filenames on command line.
Please specify at least one file to follow.
Try ‘virt-tail --help’ for more information.
EOF
expect_fail virt-tail /etc/hostname
grep -q "you must specify at least one -a or -d option" "$tmp/err"
expect_fail virt-tail -a "$tmp/g.img" /nosuch /nosuch2
diff -u - "$tmp/err" <<'EOF'
virt-tail: error: none of the files were found in the disk image
EOF
expect_fail virt-tail -a "$d/fs.img" -m /dev/sda1 /nosuch
grep -q "none of the files were found" "$tmp/err"

virt-tail --help | grep -q "^  -f|--follow          Ignored" || fail "--help"
virt-tail --version | grep -Eq '^virt-tail 1\.[0-9]+\.[0-9]+' || fail "--version"
echo PASS
