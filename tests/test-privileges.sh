#!/bin/bash -
# Privileges (guestfs(3), SECURITY): run as root, qemu drops to an
# unprivileged user (nobody by default, runas= to choose, no_runas to
# keep root) and runs under its seccomp filter.  The handle's temp dir
# and the cache stay private (0700, root's), and the images are root's
# own (0600 in a 0700 directory), so qemu, once unprivileged, could open
# none of them by name: everything must still work -- drives of a cold
# boot, of a warm launch (all hot-plugged after the drop), drives added
# to the running appliance.  qemu opens the original of a read-only
# drive read-only.  And a qemu that dropped root still dies with the
# program that started it.
set -u
if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: qemu drops privileges only when run as root"
    exit 77
fi
tmp=$(mktemp -d)
export TMPDIR="$tmp/t"          # the handles' temp dirs go here
mkdir "$TMPDIR"
trap 'guestfish --remote exit >/dev/null 2>&1; rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

mkdir -m 700 "$tmp/img" "$tmp/rodata"
echo "read-only data" > "$tmp/rodata/hello"
truncate -s 64M "$tmp/img/disk.img" "$tmp/img/hot.img" "$tmp/img/ro.img"
mke2fs -q -t ext4 -F -d "$tmp/rodata" "$tmp/img/ro.img"
chmod 600 "$tmp"/img/*.img
ro_sum=$(md5sum < "$tmp/img/ro.img")
nobody=$(id -u nobody)

# A line of /proc/PID/status, without its key, fields one space apart.
status () { awk -v k="$2:" '$1 == k { $1 = ""; print substr($0, 2) }' "/proc/$1/status"; }
# The access modes (0 read-only, 2 read-write) of process $1's
# descriptors of file $2, sorted and unique, on one line.
modes () {
    for f in /proc/"$1"/fd/*; do
        [ "$(readlink "$f")" = "$2" ] &&
            awk '/^flags:/ { print substr($2, length($2)) % 4 }' "/proc/$1/fdinfo/${f##*/}"
    done | sort -u | tr '\n' ' '
}
gone () { ! [ -e "/proc/$1" ] || [ "$(status "$1" State | cut -c1)" = Z ]; }
# Start a guestfish server with settings $1 and the two drives, launched;
# sets pid (its qemu).
# The launch's debug log (it goes to the client) is in $tmp/log.
start () {
    eval "$(LIBGUESTFS_BACKEND_SETTINGS="$1" guestfish --listen)"
    guestfish --remote -- add "$tmp/img/disk.img" format:raw : \
        add "$tmp/img/ro.img" format:raw readonly:true : \
        set-verbose true : run : set-verbose false 2>"$tmp/log"
    pid=$(guestfish --remote get-pid)
}

# 1. Default settings: a warm launch (restored, then every drive
# hot-plugged into a qemu that was already nobody).
start ""
check "the launch was a warm one" 'grep -q "state restored [0-9]" "$tmp/log"'
check "qemu runs as nobody ($(status $pid Uid))" \
      '[ "$(status $pid Uid)" = "$nobody $nobody $nobody $nobody" ]'
check "with nobody's groups only ($(status $pid Groups))" \
      '[ "$(status $pid Groups)" = "$(id -g nobody)" ]'
check "under its seccomp filter (Seccomp: $(status $pid Seccomp))" \
      '[ "$(status $pid Seccomp)" = 2 ] && [ "$(status $pid NoNewPrivs)" = 1 ]'
check "which forbids spawning processes" \
      'tr "\0" " " < /proc/$pid/cmdline | grep -q -- "-sandbox on,.*spawn=deny"'
tdir=$(echo "$TMPDIR"/guestfs*)
check "the handle's temp dir is private ($(stat -c '%a %U' "$tdir"))" \
      '[ "$(stat -c "%a %U" "$tdir")" = "700 root" ]'
check "and qemu's user cannot enter it" \
      '! setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups ls "$tdir" 2>/dev/null'
cache=$(guestfish --remote get-cachedir)
check "the cache is private ($(stat -c '%a %U' "$cache"))" \
      '[ "$(stat -c "%a %U" "$cache")" = "700 root" ]'
check "qemu has the read-only image open read-only only ($(modes $pid "$tmp/img/ro.img"))" \
      '[ "$(modes $pid "$tmp/img/ro.img")" = "0 " ]'
check "and the writable one read-write" 'modes $pid "$tmp/img/disk.img" | grep -q 2'
out=$(guestfish --remote -- mkfs ext4 /dev/sda : mount /dev/sda / : write /f "written" : \
      mkdir /ro : mount-ro /dev/sdb /ro : cat /ro/hello : cat /f 2>&1)
check "the drives work ($out)" '[ "$out" = "read-only data

written" ]'
out=$(guestfish --remote -- add "$tmp/img/hot.img" format:raw label:hot : \
      add "$tmp/img/ro.img" format:raw readonly:true label:again : \
      mkfs ext4 /dev/disk/guestfs/hot : mkdir /hot : mount /dev/disk/guestfs/hot /hot : \
      write /hot/g "hot" : cat /hot/g : mkdir /again : \
      mount-ro /dev/disk/guestfs/again /again : cat /again/hello 2>&1)
check "drives hot-plugged into the running appliance work ($out)" '[ "$out" = "hot
read-only data" ]'
guestfish --remote sync         # for the next appliance, as qemu is killed
check "the read-only image is still open read-only only" \
      '[ "$(modes $pid "$tmp/img/ro.img")" = "0 " ]'

# Killed, the program leaves no qemu: -runas cleared the parent-death
# signal, the watcher process stands in.
kill -9 "$GUESTFISH_PID"
unset GUESTFISH_PID
for i in $(seq 50); do gone $pid && break; sleep 0.2; done
check "qemu died with the killed program" 'gone $pid'
check "the image written is intact" \
      '[ "$(guestfish --ro --format=raw -a "$tmp/img/disk.img" run : mount-ro /dev/sda / : cat /f)" = written ]'
check "the read-only image is unchanged" '[ "$(md5sum < "$tmp/img/ro.img")" = "$ro_sum" ]'
rm -rf "$TMPDIR"/*            # what the killed program left

# 2. A cold boot (drives on qemu's command line, opened before the
# drop), as a uid that has no account.
start "no_snapshot:runas=65533"
check "qemu runs as uid 65533 ($(status $pid Uid))" \
      '[ "$(status $pid Uid)" = "65533 65533 65533 65533" ]'
check "under its seccomp filter" '[ "$(status $pid Seccomp)" = 2 ]'
check "the read-only image is open read-only only ($(modes $pid "$tmp/img/ro.img"))" \
      '[ "$(modes $pid "$tmp/img/ro.img")" = "0 " ]'
out=$(guestfish --remote -- mount /dev/sda / : cat /f : \
      add "$tmp/img/hot.img" format:raw label:hot : mount /dev/sdc /hot : cat /hot/g 2>&1)
check "its drives and a hot-plugged one work ($out)" '[ "$out" = "written
hot" ]'
guestfish --remote exit
unset GUESTFISH_PID

# 2b. The watcher is a fork of the program, with its command line, so
# `pkill -f` or a signal to the process group reaches it too: it
# outlives a SIGTERM and still kills qemu when the program goes.  (A
# guestfish server handles SIGTERM itself; a plain guestfish does not.)
LIBGUESTFS_BACKEND_SETTINGS=no_snapshot guestfish --ro --format=raw \
    -a "$tmp/img/ro.img" run : '!' sleep 97 &
gf=$!
for i in $(seq 600); do
    pid=$(pgrep -P $gf -x qemu-system-x86); watcher=$(pgrep -P $gf -x "$(cat /proc/$gf/comm 2>/dev/null)")
    [ -n "$pid" ] && [ -n "$watcher" ] && break
    sleep 0.2
done
check "a watcher process stands by qemu ($watcher, qemu $pid)" '[ -n "$watcher" ] && [ -n "$pid" ]'
kill -TERM $watcher
sleep 0.5
check "the watcher outlives a SIGTERM" '! gone $watcher'
kill -9 $gf
wait $gf 2>/dev/null
for i in $(seq 50); do gone $pid && break; sleep 0.2; done
check "qemu died with the killed program all the same" 'gone $pid'
pkill -x -f 'sleep 97'
rm -rf "$TMPDIR"/*

# 3. no_runas keeps root (and the filter, with privilege changes denied).
start "no_snapshot:no_runas"
check "no_runas: qemu runs as root" '[ "$(status $pid Uid | cut -d" " -f1)" = 0 ]'
check "still filtered, elevateprivileges=deny too" \
      '[ "$(status $pid Seccomp)" = 2 ] &&
       tr "\0" " " < /proc/$pid/cmdline | grep -q -- "elevateprivileges=deny"'
guestfish --remote exit
unset GUESTFISH_PID

# 4. A user that does not exist: a clear error, no qemu.
out=$(LIBGUESTFS_BACKEND_SETTINGS=runas=nosuchuser guestfish -a /dev/null run 2>&1)
check "runas=nosuchuser is refused ($out)" \
      'grep -q "run as the user .nosuchuser.*no such user" <<<"$out"'
exit $fail
