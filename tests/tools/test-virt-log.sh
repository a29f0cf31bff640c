#!/bin/bash -
# virt-log: text logs (/var/log/syslog before /var/log/messages), the
# systemd journal (a journal file made by systemd-journal-remote, when
# installed), a guest with no logs, Windows (System.evtx through the
# evtxdump.py script: a stand-in script on PATH) and the errors.  The
# guests are copies of the inspection images, given logs in one
# guestfish session.  Checked against libguestfs 1.48's virt-log on the
# same images (its journal output has the same fields and order).

set -e
export LANG=C.UTF-8 TZ=UTC
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtlog.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
d="$datadir"

for i in debian centos7 alpine windows windows-data; do
  cp --sparse=always "$d/inspect-$i.img" "$tmp/$i.img"
done
cp --sparse=always "$d/inspect-debian.img" "$tmp/journal.img"
printf 'Nov 26 10:00:01 debian-test sshd[812]: Server listening\nNov 26 10:00:02 debian-test cron[99]: (root) CMD (true)\n' \
  > "$tmp/syslog"
printf 'Jan  1 00:00:00 centos7 kernel: Linux version 3.10.0\n' > "$tmp/messages"
printf 'not really an event log' > "$tmp/System.evtx"

# A journal file, if systemd-journal-remote can write one.
journal=
jr=/lib/systemd/systemd-journal-remote
if [ -x "$jr" ]; then
  cat > "$tmp/export" <<'EOF'
__REALTIME_TIMESTAMP=1700000000000000
__MONOTONIC_TIMESTAMP=1000000
_BOOT_ID=0123456789abcdef0123456789abcdef
_MACHINE_ID=fedcba9876543210fedcba9876543210
_HOSTNAME=debian-test
PRIORITY=6
SYSLOG_IDENTIFIER=sshd
_PID=812
_COMM=sshd
MESSAGE=Server listening on 0.0.0.0 port 22.

__REALTIME_TIMESTAMP=1700000001000000
__MONOTONIC_TIMESTAMP=2000000
_BOOT_ID=0123456789abcdef0123456789abcdef
_MACHINE_ID=fedcba9876543210fedcba9876543210
_HOSTNAME=debian-test
PRIORITY=3
_PID=99
_COMM=cron
MESSAGE=disk full

__REALTIME_TIMESTAMP=1700000002000000
__MONOTONIC_TIMESTAMP=3000000
_BOOT_ID=0123456789abcdef0123456789abcdef
_MACHINE_ID=fedcba9876543210fedcba9876543210
_HOSTNAME=debian-test
MESSAGE=bare entry

EOF
  if "$jr" --output="$tmp/system.journal" "$tmp/export" 2>"$tmp/jr.err" &&
     [ -s "$tmp/system.journal" ]; then
    journal=yes
  else
    echo "note: systemd-journal-remote failed: $(cat "$tmp/jr.err")"
  fi
fi
[ -n "$journal" ] || echo "note: no journal file: the journal is not tested"

guestfish -a "$tmp/debian.img" -a "$tmp/centos7.img" -a "$tmp/journal.img" \
  -a "$tmp/windows.img" <<EOF
run
mount /dev/sda2 /
mkdir-p /var/log
upload $tmp/syslog /var/log/syslog
upload $tmp/messages /var/log/messages
umount-all
mount /dev/sdb1 /
mkdir-p /var/log
upload $tmp/messages /var/log/messages
umount-all
mount /dev/sdc2 /
mkdir-p /var/log/journal/fedcba9876543210fedcba9876543210
upload $tmp/syslog /var/log/syslog
${journal:+upload $tmp/system.journal /var/log/journal/fedcba9876543210fedcba9876543210/system.journal}
umount-all
mount /dev/sdd1 /
mkdir-p /Windows/System32/winevt/Logs
upload $tmp/System.evtx /Windows/System32/winevt/Logs/System.evtx
umount-all
EOF

# Text logs: syslog first, else messages, copied byte for byte.
virt-log -a "$tmp/debian.img" > "$tmp/out"
cmp "$tmp/syslog" "$tmp/out" || fail "debian: syslog"
virt-log --format=raw -a "$tmp/centos7.img" > "$tmp/out"
cmp "$tmp/messages" "$tmp/out" || fail "centos7: messages"

# No logs at all: nothing, and success.
virt-log -a "$tmp/alpine.img" > "$tmp/out"
[ ! -s "$tmp/out" ] || fail "alpine: output"

# The journal wins over the text files; times are local (TZ=UTC here).
if [ -n "$journal" ]; then
  virt-log -a "$tmp/journal.img" > "$tmp/out"
  diff -u - "$tmp/out" <<'EOF'
Nov 14 22:13:20 sshd[812] info: Server listening on 0.0.0.0 port 22.
Nov 14 22:13:21 cron[99] err: disk full
Nov 14 22:13:22 info: bare entry
EOF
  TZ=Europe/Paris virt-log -a "$tmp/journal.img" | head -1 |
    grep -q '^Nov 14 23:13:20 sshd' || fail "journal: TZ"
fi

# Windows: System.evtx goes to the dump script, which gets a copy.
mkdir "$tmp/bin"
cat > "$tmp/bin/evtxdump.py" <<'EOF'
#!/bin/sh
echo "evtxdump.py called on $(basename "$1"):"
cat "$1"
echo
EOF
chmod +x "$tmp/bin/evtxdump.py"
PATH="$tmp/bin:$PATH" virt-log -a "$tmp/windows.img" -a "$tmp/windows-data.img" \
  > "$tmp/out"
diff -u - "$tmp/out" <<'EOF'
evtxdump.py called on System.evtx:
not really an event log
EOF
# The script failing is an error.
printf '#!/bin/sh\nexit 3\n' > "$tmp/bin/evtxdump.py"
r=0
PATH="$tmp/bin:$PATH" virt-log -a "$tmp/windows.img" -a "$tmp/windows-data.img" \
  > "$tmp/out" 2> "$tmp/err" || r=$?
[ $r = 1 ] || fail "windows: failing script: status $r"
grep -q "evtxdump.py: command exited with error status 3" "$tmp/err" ||
  fail "windows: failing script: $(cat "$tmp/err")"
# No event log in the guest.
PATH="$tmp/bin:$PATH" virt-log -a "$d/inspect-windows.img" \
  -a "$d/inspect-windows-data.img" > "$tmp/out" 2> "$tmp/err" && fail "no evtx"
diff -u - "$tmp/err" <<'EOF'
virt-log: Windows Event Log file (/Windows/System32/winevt/Logs/System.evtx) not found
EOF

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}
expect_fail virt-log
diff -u - "$tmp/err" <<'EOF'
virt-log: error: you must specify at least one -a or -d option.
Try ‘virt-log --help’ for more information.
EOF
expect_fail virt-log -a "$tmp/debian.img" extra
diff -u - "$tmp/err" <<'EOF'
virt-log: error: extra argument ‘extra’ on command line.
Make sure to specify the argument for --format like '--format=extra'.
Try ‘virt-log --help’ for more information.
EOF
expect_fail virt-log -a "$tmp/nonexistent.img"
diff -u - "$tmp/err" <<<"virt-log: access: $tmp/nonexistent.img: No such file or directory"
expect_fail virt-log -a "$d/inspect-nos.img"
grep -q "^virt-log: no operating system was found on this disk" "$tmp/err" ||
  fail "nos: $(cat "$tmp/err")"
expect_fail virt-log -m /dev/sda1 -a "$tmp/debian.img"
grep -q "invalid option -- 'm'" "$tmp/err" || fail "-m: $(cat "$tmp/err")"

# --help, --version, --long-options.
virt-log --help | grep -q "^  virt-log \[--options\] -a disk.img" || fail "--help"
virt-log --version | grep -Eq '^virt-log 1\.[0-9]+\.[0-9]+' || fail "--version"
virt-log --long-options | grep -qx -- "--keys-from-stdin" || fail "--long-options"
echo PASS
