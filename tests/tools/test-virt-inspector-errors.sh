#!/bin/bash -
# virt-inspector error cases: exit status and message for a missing
# image, no -a, bad options, an invalid XPath expression, bad XML on
# stdin, --xpath with --json; a file that is not a disk image and a disk
# with no operating system give an empty <operatingsystems/> and exit
# 0, as libguestfs 1.48 does.
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

fails "virt-inspector: access: $tmp/nosuch.img: No such file or directory" \
  virt-inspector -a "$tmp/nosuch.img"
fails "you must specify at least one -a or -d option" virt-inspector
fails "unrecognized option '--bogus'" virt-inspector --bogus -a "$datadir/fs.img"
fails "Try ‘virt-inspector --help’" virt-inspector --bogus
fails "unable to evaluate XPath expression" \
  virt-inspector --xpath '///' < "$expected/inspector-debian.xml"
echo '<x' > "$tmp/bad.xml"
fails "unable to parse XML from stdin" virt-inspector --xpath //x < "$tmp/bad.xml"
fails "cannot be used together" virt-inspector --xpath //x --json < "$tmp/bad.xml"

virt-inspector --help | grep -q '^  --no-applications '
virt-inspector --version | grep -q '^virt-inspector 1\.'

printf '<?xml version="1.0"?>\n<operatingsystems/>\n' > "$tmp/empty.xml"
virt-inspector -a "$datadir/inspect-nos.img" > "$tmp/out"
diff -u "$tmp/empty.xml" "$tmp/out"
virt-inspector --format=raw -a "$datadir/notimage.txt" > "$tmp/out"
diff -u "$tmp/empty.xml" "$tmp/out"
