#!/bin/bash -
# virt-inspector: the XML document of every test image, compared whole
# with expected/inspector-GUEST.xml, checked well-formed with xmllint;
# then the same document as JSON (converted from stdin: --json without
# -a), checked with python3 -m json.tool and compared with
# expected/inspector-GUEST.json.
#
# The expected documents were checked element by element against
# libguestfs 1.48's virt-inspector on the same images.  Intended or
# known differences (see also tests/test-inspect-*.sh):
#  - fedora, centos7: libguestfs fails (internal_list_rpm_applications:
#    rpmtsInitIterator, exit 1) on these RPM databases; we list them.
#  - hostile: libguestfs fails (inspect_os: int_of_string) and prints
#    "no operating system could be detected"; we describe what is there.
#  - multiboot (alpine): libguestfs drops the first package of the apk
#    database (alpine-baselayout); we list it.
#  - debian, multi: libguestfs also lists "old-tool", a package dpkg
#    has purged (status "purge ok not-installed"); we do not.
#  - ubuntu: libguestfs prints the fstab's /dev/disk/by-uuid/... names
#    as the devices of / and /boot/efi (it does not resolve them); we
#    resolve them to /dev/sda2 and /dev/sda1.
#  - UUIDs that mkfs chooses at random are masked (inspector-lib.sh).
set -e
. "$srcdir/inspector-lib.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for guest in $inspect_guests; do
  virt-inspector $(guest_args "$guest") > "$tmp/out.xml"
  xmllint --noout "$tmp/out.xml"
  mask_uuids < "$tmp/out.xml" > "$tmp/$guest.xml"
  compare "$tmp/$guest.xml" "inspector-$guest.xml"

  virt-inspector --json < "$tmp/out.xml" > "$tmp/out.json"
  python3 -m json.tool "$tmp/out.json" > /dev/null
  mask_uuids < "$tmp/out.json" > "$tmp/$guest.json"
  compare "$tmp/$guest.json" "inspector-$guest.json"
done

# The fixed root UUID set by the image script is not masked: check it
# really is the one printed.
grep -q '<uuid>01234567-89ab-4cde-8f01-23456789abcd</uuid>' "$tmp/debian.xml"
