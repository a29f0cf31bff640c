#!/bin/bash -
# setenv / unsetenv change the environment of guestfish and so of host
# commands.
. "$(dirname "$0")/functions.sh"

guestfish > "$tmpdir/out" <<'EOF_SCRIPT'
setenv FISHTEST "a b"
!echo "[$FISHTEST]"
unsetenv FISHTEST
!echo "[${FISHTEST-unset}]"
EOF_SCRIPT
printf '[a b]\n[unset]\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

expect_failure guestfish setenv ONLYNAME
expect_stderr "^use 'setenv VAR value' to set an environment variable$"
expect_failure guestfish unsetenv
expect_stderr "^use 'unsetenv VAR' to unset an environment variable$"
