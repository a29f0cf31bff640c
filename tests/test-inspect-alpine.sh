#!/bin/bash -
# Inspection of an Alpine 3.19 guest (one ext4 by UUID, busybox behind
# /bin/sh and /bin/ls, fstab entries for removable media that must be
# skipped, the apk installed database).  Compared with what the image
# holds (tests/data/make-inspect-images.sh), and the image must be
# unchanged.
#
# Checked against libguestfs 1.48.6 on the same image: every value is the
# same (apk's T: line is the description, not the summary, as there).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-alpine.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: linux
  distro: alpinelinux
  product_name: Alpine Linux v3.19
  product_variant: unknown
  version: 3.19
  arch: x86_64
  hostname: alpine-vm
  package_format: apk
  package_management: apk
  format: installed
  osinfo: alpinelinux3.19
  build_id: unknown
  mountpoints: /=/dev/sda1
  filesystems: /dev/sda1
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 3
    alpine-baselayout||0|3.4.3|2|x86_64|||https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout|||Alpine base dir structure and init scripts
    busybox||0|1.36.1|15|x86_64|||https://busybox.net/|||Size optimized toolbox of many common UNIX utilities
    musl||0|1.2.4_git20230717|4|x86_64|||https://musl.libc.org/|||the musl c library (libc) implementation
  icon: 0 bytes
EOF
