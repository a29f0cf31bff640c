#!/bin/bash -
# Inspection of a Fedora 39 guest (GPT; root on LVM, /boot by PARTUUID,
# sqlite RPM database).  Everything the inspection API reports (as
# inspect-dump prints it) is compared with what the image holds
# (tests/data/make-inspect-images.sh), and the image must be unchanged.
#
# Checked against libguestfs 1.48.6 on the same image: the same values,
# except (1) libguestfs 1.48 does not resolve PARTUUID= in fstab, so it
# drops /boot and its filesystem (later libguestfs resolves it, as we
# do); (2) Debian's libguestfs cannot list RPM applications at all (its
# appliance's librpm, with Debian's rpm macros, looks for the database in
# %_dbpath ~/.rpmdb and fails with "rpmtsInitIterator").  The
# applications here are what rpm reports from the database, with url
# "(none)" for a package without a URL, as libguestfs's headerFormat
# ("%{URL}") gives it.
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
    bash||0|5.2.26|1.fc39|aarch64|||https://www.gnu.org/software/bash||The GNU Bourne Again shell|The GNU Bourne Again shell (Bash) is a shell or command language\ninterpreter that is compatible with the Bourne shell (sh).
    kernel||0|6.5.6|300.fc39|aarch64|||(none)||The Linux kernel|The kernel meta package
    shadow-utils||2|4.14.0|2.fc39|aarch64|||https://github.com/shadow-maint/shadow||Utilities for managing accounts and shadow password files|The shadow-utils package includes the necessary programs for\nconverting UNIX password files to the shadow password format.
  icon: 105 bytes PNG
EOF
