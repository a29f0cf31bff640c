#!/bin/bash -
# Inspection of disks with no operating system (filesystems only; all
# zeroes).  Everything the inspection API reports (as inspect-dump
# prints it) is compared with what the image holds (tests/data/make-
# inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6: the same (no roots, no error).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-nos.img" "$datadir/empty.img" <<'EOF'
roots:
EOF
