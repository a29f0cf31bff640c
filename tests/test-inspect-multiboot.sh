#!/bin/bash -
# Inspection of a disk with two operating systems (Alpine with apk, Arch
# with pacman).  Everything the inspection API reports (as inspect-dump
# prints it) is compared with what the image holds (tests/data/make-
# inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same image: every value is the
# same.  (The apk database ends with a blank line, as apk writes it;
# libguestfs drops a last stanza without one, we do not.)
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-multiboot.img" <<'EOF'
roots: /dev/sda1 /dev/sda2
root: /dev/sda1
  type: linux
  distro: alpinelinux
  product_name: Alpine Linux v3.19
  product_variant: unknown
  version: 3.19
  arch: x86_64
  hostname: alpine-test
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
root: /dev/sda2
  type: linux
  distro: archlinux
  product_name: Arch Linux
  product_variant: unknown
  version: 0.0
  arch: x86_64
  hostname: arch-test
  package_format: pacman
  package_management: pacman
  format: installed
  osinfo: archlinux
  build_id: rolling
  mountpoints: /=/dev/sda2
  filesystems: /dev/sda2
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 2
    bash||0|5.2.026|2|x86_64|||https://www.gnu.org/software/bash/bash.html|||The GNU Bourne Again shell
    zstd||1|1.5.5|1|x86_64||||||Zstandard - Fast real-time compression algorithm
  icon: 0 bytes
EOF
