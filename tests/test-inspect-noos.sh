#!/bin/bash -
# Inspection of disks with no operating system (filesystems only; all
# zeroes).  Everything the inspection API reports (as inspect-dump
# prints it) is compared with what the image holds (tests/data/make-
# inspect-images.sh), and the image must be unchanged.
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-nos.img" "$datadir/empty.img" <<'EOF'
roots:
EOF
