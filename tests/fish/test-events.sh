#!/bin/bash -
# event, list-events, delete-event: shell handlers with $EVENT and the
# event's message as $1; handlers move to the new handle on reopen (so
# "close" runs for the old handle and again at the end); errors.
. "$(dirname "$0")/functions.sh"

guestfish > "$tmpdir/out" <<'EOF_S'
event ev1 close 'echo CLOSE $EVENT'
event ev2 enter,trace 'echo "E:$EVENT:$1"'
event all * "true"
list-events
get-verbose
delete-event ev2
get-verbose
reopen
list-events
EOF_S
cat > "$tmpdir/expected" <<'EOF_E'
"ev1" (0): close: echo CLOSE $EVENT
"ev2" (1): trace,enter: echo "E:$EVENT:$1"
"all" (2): *: true
E:enter:get_verbose
false
false
CLOSE close
"ev1" (0): close: echo CLOSE $EVENT
"all" (1): *: true
CLOSE close
EOF_E
expect_output "$tmpdir/expected" "$tmpdir/out"

# A trace handler gets the trace lines instead of stderr.
guestfish set-trace true : event t trace 'echo "T: $1"' : get-verbose \
    > "$tmpdir/out" 2> "$tmpdir/err"
grep -q '^T: get_verbose$' "$tmpdir/out" || fail "trace event"
grep -q '^T: get_verbose = 0$' "$tmpdir/out" || fail "trace result event"
[ ! -s "$tmpdir/err" ] || fail "trace still printed to stderr"

expect_failure guestfish event x nosuchevent "echo"
expect_stderr '^unknown event name: nosuchevent$'
expect_failure guestfish event x close,bad "echo"
expect_stderr '^unknown event name: bad$'
expect_failure guestfish delete-event nosuch
expect_stderr '^delete-event: nosuch: no such event handler$'
expect_failure guestfish event a b
expect_stderr "^use 'event <name> <eventset> <script>' to register an event handler$"
expect_failure guestfish delete-event
expect_stderr "^use 'delete-event <name>' to delete an event handler$"
expect_failure guestfish list-events x
expect_stderr "^use ‘list-events’ to list event handlers$"
