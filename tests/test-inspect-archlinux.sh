#!/bin/bash -
# Inspection of an Arch Linux guest (rolling: os-release, a symlink into
# /usr/lib, has no VERSION_ID, so the version is 0.0; empty
# /etc/arch-release; the pacman local database, one package with an
# epoch).  Compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same image: every value is the
# same (pacman's %DESC% is the description, not the summary, as there).
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-archlinux.img" <<'EOF'
roots: /dev/sda1
root: /dev/sda1
  type: linux
  distro: archlinux
  product_name: Arch Linux
  product_variant: unknown
  version: 0.0
  arch: x86_64
  hostname: archvm
  package_format: pacman
  package_management: pacman
  format: installed
  osinfo: archlinux
  build_id: rolling
  mountpoints: /=/dev/sda1
  filesystems: /dev/sda1
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 5
    bash||0|5.2.026|2|x86_64|||https://www.gnu.org/software/bash/bash.html|||The GNU Bourne Again shell
    filesystem||0|2024.01.19|1|any|||https://archlinux.org|||Base Arch Linux files
    linux||0|6.7.4.arch1|1|x86_64|||https://github.com/archlinux/linux/commits/v6.7.4-arch1|||The Linux kernel and modules
    python||0|3.11.7|1|x86_64|||https://www.python.org/|||Next generation of the python high-level scripting language
    zstd||1|1.5.5|1|x86_64|||https://facebook.github.io/zstd/|||Zstandard - Fast real-time compression algorithm
  icon: 0 bytes
EOF
