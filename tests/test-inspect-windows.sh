#!/bin/bash -
# Inspection of a Windows guest on two disks (NTFS, registry hives,
# drive letters by MBR signature and GPT GUID).  Everything the
# inspection API reports (as inspect-dump prints it) is compared with
# what the image holds (tests/data/make-inspect-images.sh), and the
# image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same images: every value is
# the same (build_id and windows_group_policy are newer than 1.48).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-windows.img" "$datadir/inspect-windows-data.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: windows
  distro: windows
  product_name: Windows Server 2022 Standard
  product_variant: Server
  version: 10.0
  arch: x86_64
  hostname: WIN-PHONY
  package_format: unknown
  package_management: unknown
  format: installed
  osinfo: win2k22
  build_id: 20348
  mountpoints: /=/dev/sda1
  filesystems: /dev/sda1
  windows_systemroot: /Windows
  windows_software_hive: /Windows/System32/config/SOFTWARE
  windows_system_hive: /Windows/System32/config/SYSTEM
  windows_current_control_set: ControlSet001
  windows_group_policy: yes
  drive_mappings: C=/dev/sda1 D=/dev/sdb1
  live/netinst/multipart: 0
  applications: 2
    7-Zip|7-Zip 23.01 (x64)|0|23.01|||C:\Program Files\7-Zip\|Igor Pavlov|https://www.7-zip.org/|||
    {90160000-008C-0000-0000-0000000FF1CE}|Phony Office Runtime (x86)|0|16.0.4266.1001|||C:\Program Files (x86)\Phony|Phony Corporation||||A 32-bit application
  icon: 0 bytes
EOF
