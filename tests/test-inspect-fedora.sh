#!/bin/bash -
# Inspection of a Fedora 39 guest (GPT; root on LVM, /boot by PARTUUID,
# sqlite RPM database).  Everything the inspection API reports (as
# inspect-dump prints it) is compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-fedora.img" <<'EOF'
roots: /dev/fedora/root
root: /dev/fedora/root
  type: linux
  distro: fedora
  product_name: Fedora Linux 39 (Server Edition)
  product_variant: unknown
  version: 39.0
  arch: aarch64
  hostname: fedora-test.example.com
  package_format: rpm
  package_management: dnf
  format: installed
  osinfo: fedora39
  build_id: unknown
  mountpoints: /=/dev/fedora/root /boot=/dev/sda1
  filesystems: /dev/fedora/swap /dev/sda1 /dev/fedora/root
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 3
    bash||0|5.2.26|1.fc39|aarch64|||https://www.gnu.org/software/bash||The GNU Bourne Again shell|(description)
    kernel||0|6.5.6|300.fc39|aarch64|||(none)||The Linux kernel|(description)
    shadow-utils||2|4.14.0|2.fc39|aarch64|||https://github.com/shadow-maint/shadow||Utilities for managing accounts and shadow password files|(description)
  icon: 105 bytes PNG
EOF
