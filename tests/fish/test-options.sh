#!/bin/bash -
# Option checks done before anything runs.
. "$(dirname "$0")/functions.sh"

expect_failure guestfish -a "$tmpdir/nonexistent"
expect_stderr "^guestfish: access: $tmpdir/nonexistent: No such file or directory$"

truncate -s 1M "$tmpdir/d.img"
expect_failure guestfish -a "$tmpdir/d.img" --format=raw
expect_stderr '^guestfish: --format parameter must appear before -a parameter$'
expect_failure guestfish --blocksize=4096
expect_stderr '^guestfish: --blocksize parameter must appear before -a parameter$'
expect_failure guestfish --ro --rw
expect_stderr '^guestfish: cannot mix --ro and --rw options$'
expect_failure guestfish -w -r
expect_stderr 'cannot mix --ro and --rw options'
# -c only names the connection for -d (nothing connects without -d); a
# -d domain is looked up before any command runs.
[ "$(guestfish -c qemu:///system echo ok)" = ok ] || fail "-c alone"
echo '<node/>' > "$tmpdir/nodomains.xml"
expect_failure guestfish -c "test://$tmpdir/nodomains.xml" -d nosuch echo
expect_stderr "no libvirt domain called 'nosuch'"
expect_failure guestfish -d '' echo
expect_stderr '^guestfish: -d: the domain name cannot be empty$'

# --format is sticky and "--format" alone resets it; -a drives are added
# in order.  Adding does not launch, so this only checks the options parse.
guestfish --format=raw -a "$tmpdir/d.img" --format -a "$tmpdir/d.img" \
    --rw -n echo ok > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = ok ] || fail "options with commands"

guestfish --long-options | grep -q '^--ro$' || fail "--long-options"
guestfish --short-options | grep -q '^-a$' || fail "--short-options"
guestfish --short-options | grep -q '^-d$' || fail "--short-options -d"
