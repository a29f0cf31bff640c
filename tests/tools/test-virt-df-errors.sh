#!/bin/bash -
# virt-df error cases: missing image, no -a (libvirt unreachable), -h with --csv, bad -P, bad
# option (exit 1 and libguestfs's messages); a file that is not a disk
# image has no filesystems: the title alone, exit 0, as libguestfs.
set -e
. "$srcdir/inspector-lib.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fails ()
{
  local msg="$1"; shift
  if "$@" > "$tmp/out" 2> "$tmp/err"; then
    echo "$0: '$*' should have failed" >&2; exit 1
  fi
  if ! grep -qF -- "$msg" "$tmp/err"; then
    echo "$0: '$*': expected '$msg' in:" >&2; cat "$tmp/err" >&2; exit 1
  fi
}

fails "virt-df: access: $tmp/nosuch.img: No such file or directory" \
  virt-df -a "$tmp/nosuch.img"
# With neither -a nor -d virt-df scans libvirt's default connection
# (here a test driver file that does not exist).
fails "could not connect to libvirt (URI = NULL)" \
  env LIBVIRT_DEFAULT_URI="test://$tmp/none.xml" virt-df
grep -qF "with neither -a nor -d, virt-df examines every libvirt guest: use -a" \
  "$tmp/err" || { echo "$0: no hint to use -a" >&2; exit 1; }
fails "you cannot use -h and --csv options together" \
  virt-df -h --csv -a "$datadir/fs.img"
fails "-P option is not numeric" virt-df -P x -a "$datadir/fs.img"
fails "unrecognized option '--bogus'" virt-df --bogus
fails "--format parameter must appear before -a parameter" \
  virt-df -a "$datadir/fs.img" --format=raw

virt-df --help | grep -q '^  -i|--inodes '
virt-df --version | grep -q '^virt-df 1\.'

virt-df --format=raw -a "$datadir/notimage.txt" > "$tmp/out"
printf '%-36s%10s %10s %10s %5s\n' Filesystem 1K-blocks Used Available 'Use%' |
  diff -u - "$tmp/out"
