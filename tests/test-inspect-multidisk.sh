#!/bin/bash -
# Inspection of an Ubuntu guest on two disks (/home on the second, by
# its /dev/vdb1 name).  Everything the inspection API reports (as
# inspect-dump prints it) is compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same images: every value is
# the same, except that libguestfs also lists old-tool ("purge ok
# not-installed", see test-inspect-debian.sh).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-multi1.img" "$datadir/inspect-multi2.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: linux
  distro: ubuntu
  product_name: Ubuntu 22.04.3 LTS
  product_variant: unknown
  version: 22.4
  arch: x86_64
  hostname: ubuntu-multi
  package_format: deb
  package_management: apt
  format: installed
  osinfo: ubuntu22.04
  build_id: unknown
  mountpoints: /=/dev/sda1 /home=/dev/sdb1
  filesystems: /dev/sdb1 /dev/sda1
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 7
    adduser||0|3.134||all|||https://salsa.debian.org/debian/adduser||add and remove users and groups|This package includes the 'adduser' and 'deluser' commands for creating\nand removing users.\n.\nadduser can create new users and groups and add existing users to\nexisting groups.
    bash||0|5.2.15|2+b2|amd64|||http://tiswww.case.edu/php/chet/bash/bashtop.html||GNU Bourne Again SHell|Bash is an sh-compatible command language interpreter.
    libc6||0|2.36|9+deb12u4|amd64||||glibc|GNU C Library: Shared libraries|Contains the standard libraries that are used by nearly all programs on\nthe system.
    perl-base||0|5.36.0|7+deb12u1|amd64||||perl|minimal Perl system|
    tzdata||0|2024a|0+deb12u1|all|||||time zone and daylight-saving time data|
    vim-common||2|9.0.1378|2|all|||https://www.vim.org/|vim|Vi IMproved - Common files|
    zlib1g||1|1.2.13.dfsg|1|amd64|||http://zlib.net/|zlib|compression library - runtime|
  icon: 0 bytes
EOF
