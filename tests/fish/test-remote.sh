#!/bin/bash -
# --listen / --remote without the appliance: option errors, a server that
# runs commands with the client's stdout and stderr, pipes and host
# commands on the client, exit statuses, stopping the server, and the
# checks on the socket directory (CVE-2013-4419).
. "$(dirname "$0")/functions.sh"

unset GUESTFISH_PID
sockdir="/tmp/.guestfish-$(id -u)"
servers=
stop_servers ()
{
    for p in $servers; do
        guestfish --remote="$p" exit >/dev/null 2>&1 || :
    done
    [ -n "$KEEP" ] || rm -rf "$tmpdir"
}
trap stop_servers EXIT

expect_failure guestfish --remote echo x
expect_stderr '^guestfish: remote: \$GUESTFISH_PID must be set to the PID of the remote process$'
expect_failure guestfish --remote=abc echo x
expect_stderr '^guestfish: --remote=PID: PID was not a number: abc$'
expect_failure guestfish --listen echo hi
expect_stderr '^guestfish: extra parameters on the command line with --listen flag$'
expect_failure guestfish --listen -f /dev/null
expect_stderr '^guestfish: cannot use --listen and --file options at the same time$'
expect_failure guestfish --listen --remote=1
expect_stderr '^guestfish: cannot use --listen and --remote options at the same time$'

eval "$(guestfish --listen)"
[ -n "$GUESTFISH_PID" ] || fail "--listen did not set GUESTFISH_PID"
servers="$GUESTFISH_PID"
[ "$(stat -c '%a %u' "$sockdir")" = "700 $(id -u)" ] || fail "socket directory not private"
[ -S "$sockdir/socket-$GUESTFISH_PID" ] || fail "no socket"

# Output goes to the client's stdout, through the client's pipes.
[ "$(guestfish --remote echo hello world)" = "hello world" ] || fail "echo"
[ "$(guestfish --remote echo abc | tr a-z A-Z)" = ABC ] || fail "shell pipe"
printf 'echo a\n!echo local\necho b | tr a-z A-Z\n-nosuch\necho c\n' |
    guestfish --remote > "$tmpdir/out" 2> "$tmpdir/err"
printf 'a\nlocal\nB\nc\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"
grep -q '^nosuch: unknown command$' "$tmpdir/err" || fail "error not on client stderr"
[ "$(guestfish --remote echo one : echo two | tr '\n' ' ')" = "one two " ] ||
    fail "several commands on the command line"

# Builtins run in the server: its directory.
guestfish --remote lcd "$tmpdir"
guestfish --remote sparse remote.img 1M
[ -f "$tmpdir/remote.img" ] || fail "lcd/sparse in the server"

# A failing command (not "-cmd") stops the server, as in a script.
expect_failure guestfish --remote nosuch
expect_stderr '^nosuch: unknown command$'
sleep 0.5
[ ! -e "$sockdir/socket-$GUESTFISH_PID" ] || fail "socket left behind"
expect_failure guestfish --remote echo x
expect_stderr '^guestfish: remote: looks like the server is not running$'

# exit stops it; --csh prints csh syntax.
out="$(guestfish --listen --csh)"
echo "$out" | grep -Eq '^setenv GUESTFISH_PID [0-9]+$' || fail "--csh: $out"
pid="${out##* }"
servers="$servers $pid"
guestfish --remote="$pid" exit || fail "exit failed"
sleep 0.5
# (It may linger as a zombie until whoever inherited it reaps it.)
state="$(ps -o stat= -p "$pid" 2>/dev/null || :)"
case "$state" in ""|Z*) ;; *) fail "server still running after exit ($state)" ;; esac
[ ! -e "$sockdir/socket-$pid" ] || fail "socket left after exit"

# An insecure socket directory is refused by both sides.
eval "$(guestfish --listen)"
servers="$servers $GUESTFISH_PID"
chmod 0755 "$sockdir"
r=0; guestfish --remote echo x > "$tmpdir/out" 2> "$tmpdir/err" || r=$?
chmod 0700 "$sockdir"
[ $r = 1 ] || fail "client used an insecure directory"
grep -q 'insecure owner or permissions' "$tmpdir/err" || fail "no insecure message"
guestfish --remote exit
exit 0
