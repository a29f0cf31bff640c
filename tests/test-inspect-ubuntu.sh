#!/bin/bash -
# Inspection of an Ubuntu 22.04 guest (GPT: EFI system partition and /,
# both by /dev/disk/by-uuid in fstab, plus a swap file; os-release a
# symlink into /usr/lib; lsb-release; a dpkg status with held, unpacked
# and epoch packages).  Compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 (its inspection API on the same
# image): every value is the same except the mountpoints and
# filesystems, which libguestfs 1.48 leaves as the guest's
# /dev/disk/by-uuid/... paths (it does not resolve them; newer libguestfs
# does); we resolve them to the appliance's devices, as the UUID= form
# is.  Like libguestfs, a Version is split at its first ':' and first '-'
# (libfoo-tools), "hold ok installed" counts as installed and
# "install ok unpacked" does not.
set -eu
. "$srcdir/inspect-check.sh"
check_inspect "$datadir/inspect-ubuntu.img" <<'EOF'
roots: /dev/sda2
root: /dev/sda2
  type: linux
  distro: ubuntu
  product_name: Ubuntu 22.04.4 LTS
  product_variant: unknown
  version: 22.4
  arch: x86_64
  hostname: jammy-server
  package_format: deb
  package_management: apt
  format: installed
  osinfo: ubuntu22.04
  build_id: unknown
  mountpoints: /=/dev/sda2 /boot/efi=/dev/sda1
  filesystems: /dev/sda1 /dev/sda2
  windows_systemroot: error
  windows_software_hive: error
  windows_system_hive: error
  windows_current_control_set: error
  windows_group_policy: error
  drive_mappings:
  live/netinst/multipart: 0
  applications: 7
    base-files||0|12ubuntu4.6||amd64|||||Debian base system miscellaneous files|This package contains the basic filesystem hierarchy of a Debian system, and\nseveral important miscellaneous files, such as /etc/debian_version,\n/etc/host.conf, /etc/issue, /etc/motd, /etc/profile, and others,\nand the text of several common licenses in use on Debian systems.
    bash||0|5.1|6ubuntu1.1|amd64|||http://tiswww.case.edu/php/chet/bash/bashtop.html||GNU Bourne Again SHell|Bash is an sh-compatible command language interpreter that executes\ncommands read from the standard input or from a file.
    libc6||0|2.35|0ubuntu3.6|amd64|||https://www.gnu.org/software/libc/libc.html|glibc|GNU C Library: Shared libraries|Contains the standard libraries that are used by nearly all programs on\nthe system.
    libfoo-tools||2|1.0|rc1-2ubuntu1+b1|all||||libfoo|version with several hyphens and a binNMU|
    login||1|4.8.1|2ubuntu2.2|amd64|||https://github.com/shadow-maint/shadow|shadow|system login tools|This package provides some required infrastructure for logins and for\nchanging effective user or group IDs.
    python3.10||0|3.10.12|1~22.04.3|amd64|||https://www.python.org/||Interactive high-level object-oriented language (version 3.10)|Python is a high-level, interactive, object-oriented language.
    ubuntu-minimal||0|1.481.1||amd64||||ubuntu-meta|Minimal core of Ubuntu|This package depends on all of the packages in the Ubuntu minimal system,\nthat is a functional command-line system with the following capabilities:\n.\n - Boot\n - Detect hardware
  icon: 0 bytes
EOF
