#!/bin/bash -
# man shows this guestfish's own manual page (not another installed one).
. "$(dirname "$0")/functions.sh"

command -v man >/dev/null || { echo "$0: skipped: no man"; exit 77; }
MANPAGER=cat PAGER=cat MANWIDTH=80 guestfish man > "$tmpdir/out" 2>/dev/null
grep -q 'guestkit' "$tmpdir/out" || fail "not our manual page"
grep -q 'REMOTE CONTROL GUESTFISH OVER A SOCKET' "$tmpdir/out" || fail "page incomplete"
expect_failure guestfish man x
expect_stderr "^use ‘man’ without parameters to open the manual$"
