#!/bin/bash -
# virt-inspector options: --json with -a gives the same JSON as the XML
# converted; --no-applications and --no-icon leave those elements out
# (compared with expected files); --xpath, with -a and over a document
# on stdin, prints what libguestfs's --xpath prints (node sets one node
# a line, attributes as ' name="value"', other results as strings; the
# expected output was produced by libguestfs's virt-inspector --xpath on
# the same document).
set -e
. "$srcdir/inspector-lib.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
debian="$(guest_args debian)"

virt-inspector --json $debian | mask_uuids > "$tmp/debian.json"
python3 -m json.tool "$tmp/debian.json" > /dev/null
compare "$tmp/debian.json" inspector-debian.json

virt-inspector --no-applications $debian | mask_uuids > "$tmp/noapps.xml"
xmllint --noout "$tmp/noapps.xml"
compare "$tmp/noapps.xml" inspector-debian-noapps.xml
! grep -q '<application' "$tmp/noapps.xml"
grep -q '<icon>' "$tmp/noapps.xml"

virt-inspector --no-icon --no-applications $debian | mask_uuids > "$tmp/noicon.xml"
! grep -q '<icon>' "$tmp/noicon.xml"
grep -v '<icon>\|^x/5nK' "$tmp/noapps.xml" | diff -u - "$tmp/noicon.xml"

virt-inspector --xpath '//application/name' $debian > "$tmp/xpath-a.out"
compare "$tmp/xpath-a.out" inspector-xpath-a.out

# Over a saved document: no appliance needed.
doc="$expected/inspector-windows.xml"
{
  for q in '//drive_mapping' '//mountpoint/@dev' 'count(//application)' \
           'string(//product_name)' '//operatingsystem/filesystems' \
           '//application[publisher="Igor Pavlov"]/name/text()' '//nosuch'; do
    echo "== $q"
    virt-inspector --xpath "$q" < "$doc"
  done
} > "$tmp/xpath.out"
compare "$tmp/xpath.out" inspector-xpath.out
