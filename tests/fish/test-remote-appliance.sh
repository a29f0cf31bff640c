#!/bin/bash -
# A --listen server that launched with -N and -m: commands from several
# clients use the client's stdin and stdout ("-" files, here-documents),
# setup failures give --listen a non-zero status.
. "$(dirname "$0")/functions.sh"

unset GUESTFISH_PID
cd "$tmpdir"
trap 'guestfish --remote exit >/dev/null 2>&1 || :; [ -n "$KEEP" ] || rm -rf "$tmpdir"' EXIT

eval "$(guestfish --listen -N fs:ext4:32M -m /dev/sda1)"
[ -n "$GUESTFISH_PID" ] || fail "no server"

guestfish --remote write /f hello
[ "$(guestfish --remote cat /f)" = hello ] || fail "write/cat"
printf 'from stdin\n' | guestfish --remote upload - /g
[ "$(guestfish --remote download /g - )" = "from stdin" ] || fail "upload -/download -"
printf 'upload -<<END /h\nline 1\nline 2\nEND\ncat /h\n' | guestfish --remote > out
printf 'line 1\nline 2\n\n' > expected
expect_output expected out
guestfish --remote setenv EDITOR "sed -i s/hello/bye/" : edit /f
[ "$(guestfish --remote cat /f)" = bye ] || fail "edit through the server"

# An error is shown to the client; "-cmd" keeps the server running.
r=0; guestfish --remote -- -cat /nonexistent 2> err || r=$?
[ $r = 0 ] || fail "-cat failed the client"
grep -q 'cat: /nonexistent: No such file or directory' err || fail "error not shown"
[ "$(guestfish --remote cat /g)" = "from stdin" ] || fail "server stopped"
guestfish --remote exit
unset GUESTFISH_PID

# The server fails to set up: --listen fails and prints no PID.
truncate -s 10M blank.img
r=0; out="$(guestfish --listen -a blank.img -m /dev/sda1 2>err)" || r=$?
[ $r = 1 ] || fail "--listen with a failing -m: exit status $r"
[ -z "$out" ] || fail "--listen printed '$out'"
grep -q 'mount' err || fail "no error message"
