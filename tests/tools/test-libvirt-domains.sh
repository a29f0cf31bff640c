#!/bin/bash -
# libvirt guests (-c URI -d NAME) on guestfish and the tools, through
# libvirt's test driver (no daemon): the same output as with -a, lookup by
# UUID, the formats the XML declares, read-only access to a running
# guest, writes to a shut-off one, and the errors.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/libvirtdom.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
d="$datadir"
exp="$srcdir/expected"

# Writable copies for the shut-off guest, and the fs.img filesystem as
# qcow2.
cp --sparse=always "$d/inspect-alpine.img" "$tmp/alpine.img"
qemu-img convert -f raw -O qcow2 "$d/fs.img" "$tmp/fs.qcow2"

# A disk element: disk TYPE DEVICE FORMAT SOURCE TARGET [extra XML].
disk () {
  local src=
  case "$1" in
    file) [ -z "$4" ] || src="<source file='$4'/>" ;;
    block) src="<source dev='$4'/>" ;;
    network) src="<source protocol='nbd' name='x'><host name='h'/></source>" ;;
  esac
  echo "<disk type='$1' device='$2'>${3:+<driver name='qemu' type='$3'/>}$src<target dev='$5'/>$6</disk>"
}
# A domain: dom NAME STATE(running|shutoff) UUID DISKS...
dom () {
  local name="$1" state="$2" uuid="$3"
  shift 3
  echo "<domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"
  echo "<name>$name</name>${uuid:+<uuid>$uuid</uuid>}<memory>1048576</memory>"
  echo "<os><type>hvm</type></os><devices>"
  printf '%s\n' "$@"
  echo "</devices>"
  [ "$state" = running ] || echo "<test:runstate>5</test:runstate>"
  echo "</domain>"
}
{
  echo "<node>"
  dom debian running 6d1e2b1c-1b7e-4b8e-9a4c-2f6a1c3e5d70 \
      "$(disk file disk raw "$d/inspect-debian.img" vda)" \
      "$(disk file cdrom raw "" hdc "<readonly/>")"
  dom multi running "" \
      "$(disk file disk raw "$d/inspect-multi1.img" vda)" \
      "$(disk file disk "" "$d/inspect-multi2.img" vdb)"
  dom windows running "" \
      "$(disk file disk raw "$d/inspect-windows.img" sda)"
  dom alpine-off shutoff "" "$(disk file disk raw "$tmp/alpine.img" vda)"
  dom qcow2 shutoff "" "$(disk file disk qcow2 "$tmp/fs.qcow2" vda)"
  dom qcow2-as-raw shutoff "" "$(disk file disk raw "$tmp/fs.qcow2" vda)"
  dom rodisk shutoff "" \
      "$(disk file disk raw "$tmp/alpine.img" vda "<readonly/>")"
  dom network shutoff "" "$(disk network disk raw x vda)"
  dom relative shutoff "" "$(disk file disk raw "rel/disk.img" vda)"
  dom nodisks shutoff ""
  echo "</node>"
} > "$tmp/domains.xml"
uri="test://$tmp/domains.xml"

# guestfish -i and the reading tools print what they print with -a.
guestfish --ro -a "$d/inspect-debian.img" -i ls /etc > "$tmp/a"
guestfish -c "$uri" -d debian --ro -i ls /etc > "$tmp/b"
diff -u "$tmp/a" "$tmp/b"
virt-cat -c "$uri" -d debian /etc/hostname /etc/fstab > "$tmp/b"
diff -u "$exp/cat-debian-hostname-fstab.txt" "$tmp/b"
virt-ls -c "$uri" -d debian -lR /etc > "$tmp/b"
virt-ls -a "$d/inspect-debian.img" -lR /etc > "$tmp/a"
diff -u "$tmp/a" "$tmp/b"
virt-inspector --connect "$uri" --domain debian > "$tmp/b"
virt-inspector -a "$d/inspect-debian.img" > "$tmp/a"
diff -u "$tmp/a" "$tmp/b"
virt-filesystems -c "$uri" -d debian --all --long -h > "$tmp/b"
virt-filesystems -a "$d/inspect-debian.img" --all --long -h > "$tmp/a"
diff -u "$tmp/a" "$tmp/b"
# virt-df names the filesystems after the domain, as libguestfs.
virt-df -c "$uri" -d debian | tr -s ' ' > "$tmp/b"
sed 's/^inspect-debian.img:/debian:/' "$exp/df-debian.txt" | tr -s ' ' |
  diff -u - "$tmp/b"

virt-log -c "$uri" -d debian > "$tmp/b"
virt-log -a "$d/inspect-debian.img" > "$tmp/a"
diff -u "$tmp/a" "$tmp/b"
# virt-win-reg takes a guest's name where it finds no such file.
cv='HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
virt-win-reg -c "$uri" windows "$cv" > "$tmp/b"
virt-win-reg "$d/inspect-windows.img" "$cv" > "$tmp/a"
diff -u "$tmp/a" "$tmp/b"
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "expected exit 1 from $*: $r"
}
expect_fail virt-win-reg -c "$uri" --merge windows /dev/null
grep -q "domain ‘windows’ is a live virtual machine" "$tmp/err" ||
  fail "virt-win-reg --merge on a running guest: $(cat "$tmp/err")"

# By UUID; a multi-disk guest (its /home on the second disk, which has
# no <driver type>, so its format is detected).
virt-cat -c "$uri" -d 6d1e2b1c-1b7e-4b8e-9a4c-2f6a1c3e5d70 /etc/hostname \
  > "$tmp/b"
[ "$(cat "$tmp/b")" = debian-test ] || fail "-d UUID"
virt-cat -c "$uri" -d multi /etc/fstab | grep -q /home || fail "multi fstab"

# The domain command returns the number of disks; the empty CD-ROM of
# "debian" is skipped.
out="$(guestfish domain multi "libvirturi:$uri" readonly:true : \
                 domain debian "libvirturi:$uri" readonly:true)"
[ "$out" = "2
1" ] || fail "domain command: $out"

# The format comes from the XML: qcow2 as qcow2, and the same file said
# to be raw shows no filesystem.
guestfish -c "$uri" -d qcow2 --ro run : list-filesystems > "$tmp/b"
grep -q '^/dev/sda1: ext4$' "$tmp/b" || fail "qcow2: $(cat "$tmp/b")"
guestfish -c "$uri" -d qcow2-as-raw --ro run : list-filesystems > "$tmp/b"
! grep -q ext4 "$tmp/b" || fail "qcow2 declared raw was probed"

# Writing to a running guest is refused, read-only access is not.
expect_fail guestfish -c "$uri" -d debian run
grep -q "domain ‘debian’ is a live virtual machine" "$tmp/err" ||
  fail "running guest: $(cat "$tmp/err")"
grep -q "Writing to the disks of a running virtual machine can cause disk corruption" \
  "$tmp/err" || fail "running guest message"
echo new > "$tmp/newfile"
expect_fail virt-copy-in -c "$uri" -d debian "$tmp/newfile" /
grep -q "is a live virtual machine" "$tmp/err" || fail "virt-copy-in: running"
# With --ro the guest is opened (and its filesystems mounted read-only).
expect_fail virt-copy-in -c "$uri" -d debian --ro "$tmp/newfile" /
grep -q "Read-only file system" "$tmp/err" ||
  fail "virt-copy-in --ro on a running guest: $(cat "$tmp/err")"

# A shut-off guest is written.
virt-copy-in -c "$uri" -d alpine-off "$tmp/newfile" /etc
[ "$(virt-cat -a "$tmp/alpine.img" /etc/newfile)" = new ] ||
  fail "write to the shut-off guest"
guestfish -c "$uri" -d alpine-off -i write /etc/x hello
[ "$(guestfish --ro -a "$tmp/alpine.img" -i cat /etc/x)" = hello ] ||
  fail "guestfish -d write"

# <readonly/> disks: readonlydisk:error refuses them for writing.
expect_fail guestfish domain rodisk "libvirturi:$uri" readonlydisk:error
grep -q "marked <readonly/>" "$tmp/err" || fail "readonlydisk:error"
[ "$(guestfish domain rodisk "libvirturi:$uri" readonlydisk:ignore)" = 0 ] ||
  fail "readonlydisk:ignore"

# Errors name the domain (or the URI).
expect_fail virt-cat -c "$uri" -d nosuch /etc/hostname
grep -q "no libvirt domain called 'nosuch'" "$tmp/err" || fail "missing domain"
expect_fail virt-ls -c "test://$tmp/nonexistent.xml" -d debian /
grep -q "could not connect to libvirt (URI = test://$tmp/nonexistent.xml)" \
  "$tmp/err" || fail "bad URI: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" = 1 ] || fail "bad URI: extra output"
expect_fail virt-df -c "$uri" -d network
grep -q "network: disk of type 'network' is not supported" "$tmp/err" ||
  fail "network disk: $(cat "$tmp/err")"
expect_fail virt-df -c "$uri" -d relative
grep -q "relative: disk source 'rel/disk.img' is not an absolute path" \
  "$tmp/err" || fail "relative path: $(cat "$tmp/err")"
expect_fail virt-df -c "$uri" -d nodisks
grep -q "nodisks: libvirt domain has no disks" "$tmp/err" || fail "no disks"

# virt-df --uuid shows a -d guest by its UUID.
virt-df -c "$uri" -d debian --uuid --csv > "$tmp/b"
virt-df -a "$d/inspect-debian.img" --csv |
  sed 's/^inspect-debian.img,/6d1e2b1c-1b7e-4b8e-9a4c-2f6a1c3e5d70,/' |
  diff -u - "$tmp/b"

# virt-df with neither -a nor -d: every guest that has disks, each on its
# own, in name order (nodisks is left out).
{
  echo "<node>"
  dom zeta running "" "$(disk file disk raw "$d/inspect-alpine.img" vda)"
  dom nodisks shutoff ""
  dom debian shutoff 6d1e2b1c-1b7e-4b8e-9a4c-2f6a1c3e5d70 \
      "$(disk file disk raw "$d/inspect-debian.img" vda)"
  echo "</node>"
} > "$tmp/two.xml"
virt-df -c "test://$tmp/two.xml" --csv > "$tmp/b"
{
  virt-df -a "$d/inspect-debian.img" --csv | sed 's/^inspect-debian.img,/debian,/'
  virt-df -a "$d/inspect-alpine.img" --csv | sed -n 's/^inspect-alpine.img,/zeta,/p'
} | diff -u - "$tmp/b"
virt-df -c "test://$tmp/two.xml" --uuid --csv > "$tmp/b"
cut -d, -f1 "$tmp/b" | sort -u | grep -c -E '^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$' |
  grep -qx 2 || fail "virt-df --uuid, all guests: $(cat "$tmp/b")"
grep -q '^6d1e2b1c-1b7e-4b8e-9a4c-2f6a1c3e5d70,' "$tmp/b" ||
  fail "virt-df --uuid, all guests: debian's UUID"
echo "<node/>" > "$tmp/none.xml"
virt-df -c "test://$tmp/none.xml" > "$tmp/b"
[ "$(wc -l < "$tmp/b")" = 1 ] || fail "virt-df, no guests: $(cat "$tmp/b")"
expect_fail virt-df -c "test://$tmp/nonexistent.xml"
grep -q "could not connect to libvirt (URI = test://$tmp/nonexistent.xml)" \
  "$tmp/err" || fail "virt-df, bad URI: $(cat "$tmp/err")"
[ "$(wc -l < "$tmp/err")" = 1 ] || fail "virt-df, bad URI: extra output"

# virt-diff -d/-D: a guest against itself.
virt-diff -c "$uri" -d debian -D debian > "$tmp/b"
[ ! -s "$tmp/b" ] || fail "virt-diff -d -D: $(cat "$tmp/b")"

exit 0
