#!/bin/bash -
# -V / --version print "guestfish MAJOR.MINOR.RELEASE..." like libguestfs.
. "$(dirname "$0")/functions.sh"

v="$(guestfish -V)"
[[ "$v" =~ ^guestfish\ [0-9]+\.[0-9]+\.[0-9]+ ]] || fail "bad version: $v"
[ "$(guestfish --version)" = "$v" ] || fail "--version differs from -V"
[ "$(echo "$v" | wc -l)" = 1 ] || fail "more than one line"
