#!/bin/bash -
# Inspection of a Linux root whose files point outside the guest
# (symlinks to /proc/self/exe and the appliance's hostname, a FIFO,
# loops, oversized and malformed files): nothing leaks, nothing hangs.
# Everything the inspection API reports (as inspect-dump prints it) is
# compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
#
# libguestfs 1.48.6 fails the whole inspect_os on this image
# ("int_of_string" on the 20-digit VERSION_ID); we report version 0.0 and
# go on.  Guest device names we cannot map (/dev/sdzz9, and /dev/sdj1 on
# a one-disk appliance) are kept as written, as libguestfs does.
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-hostile.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: linux
  distro: debian
  product_name: Not "quite" Debian
  product_variant: unknown
  version: 0.0
  arch: unknown
  hostname: unknown
  package_format: deb
  package_management: apt
  format: installed
  osinfo: unknown
  build_id: unknown
  mountpoints: /=/dev/sdj1 /srv=/dev/sdzz9 /../../run=/dev/sdj1
  filesystems: /dev/sdj1 /dev/sdzz9 /dev/sdj1
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  mount /: failed
  applications: error: inspect_list_applications2: /var/lib/dpkg/status: not a regular file
  icon: 0 bytes
EOF
