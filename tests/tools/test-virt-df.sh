#!/bin/bash -
# virt-df in each mode, on one image and on several, compared with
# expected/df-*.txt.  The expected outputs were checked column by column
# against libguestfs 1.48's virt-df on the same images; they are the
# same, except --one-per-guest, which in libguestfs does nothing (all -a
# images are one guest, "first.img+") and here makes each image its own
# guest, examined in parallel.
set -e
. "$srcdir/inspector-lib.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
d="$datadir"

run ()
{
  local name="$1"; shift
  virt-df "$@" > "$tmp/$name"
  compare "$tmp/$name" "$name"
}

run df-debian.txt -a "$d/inspect-debian.img"
run df-fedora-i.txt -i -a "$d/inspect-fedora.img"
run df-multi-h.txt -h -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img"
run df-windows-csv.txt --csv -a "$d/inspect-windows.img" -a "$d/inspect-windows-data.img"
run df-ubuntu-hi.txt -h -i -a "$d/inspect-ubuntu.img"
# Three images, one guest: one "+" per further image.
run df-three.txt -a "$d/fs.img" -a "$d/inspect-nos.img" -a "$d/inspect-hostile.img"
# Independent guests, two appliances at once, rows in command line order.
run df-one-per-guest.txt --one-per-guest -P 2 \
  -a "$d/inspect-debian.img" -a "$d/inspect-fedora.img" -a "$d/fs.img"

# A name longer than the 36-column field wraps; CSV quotes a name with a
# space or a comma.
ln -s "$d/inspect-debian.img" "$tmp/a-very-long-image-name-for-wrapping.img"
ln -s "$d/inspect-debian.img" "$tmp/my disk,1.img"
run df-long-name.txt -a "$tmp/a-very-long-image-name-for-wrapping.img"
run df-csv-quoting.txt --csv -a "$tmp/my disk,1.img"
