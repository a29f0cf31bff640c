#!/bin/bash -
# Inspection of a CentOS 7 guest (Berkeley DB RPM database, hostname in
# sysconfig).  Everything the inspection API reports (as inspect-dump
# prints it) is compared with what the image holds (tests/data/make-
# inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same image: the same values,
# except the applications, which Debian's libguestfs cannot list (see
# test-inspect-fedora.sh).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-centos7.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: linux
  distro: centos
  product_name: CentOS Linux release 7.9.2009 (Core)
  product_variant: unknown
  version: 7.9
  arch: x86_64
  hostname: centos7.example.com
  package_format: rpm
  package_management: yum
  format: installed
  osinfo: centos7.0
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
    bash||0|5.2.26|1.fc39|aarch64|||https://www.gnu.org/software/bash||The GNU Bourne Again shell|The GNU Bourne Again shell (Bash) is a shell or command language\ninterpreter that is compatible with the Bourne shell (sh).
    kernel||0|6.5.6|300.fc39|aarch64|||(none)||The Linux kernel|The kernel meta package
    shadow-utils||2|4.14.0|2.fc39|aarch64|||https://github.com/shadow-maint/shadow||Utilities for managing accounts and shadow password files|The shadow-utils package includes the necessary programs for\nconverting UNIX password files to the shadow password format.
  icon: 0 bytes
EOF
