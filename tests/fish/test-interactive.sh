#!/bin/bash -
# With a terminal on stdin guestfish shows the banner and the "><fs> "
# prompt, reports errors but carries on, exits 0, and saves history in
# ~/.guestfish; tab completes command names.  A pseudo-terminal stands in for the user.
. "$(dirname "$0")/functions.sh"

command -v python3 > /dev/null || exit 77

HOME="$tmpdir" python3 - "$tmpdir/transcript" <<'EOF_PY'
import os, pty, sys, time

pid, fd = pty.fork()
if pid == 0:
    os.execvp("guestfish", ["guestfish"])

def send(line):
    os.write(fd, line.encode() + b"\n")
    time.sleep(0.2)

out = b""
def drain():
    global out
    import select
    while True:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            return
        try:
            data = os.read(fd, 65536)
        except OSError:
            return
        if not data:
            return
        out += data

drain()
for line in ["echo first", "nosuch", "mount /dev/sda1 /", "echo second",
             "ECHO-DAE\tcompleted", "quit"]:
    send(line)
    drain()
_, status = os.waitpid(pid, 0)
drain()
open(sys.argv[1], "wb").write(out)
sys.exit(os.waitstatus_to_exitcode(status))
EOF_PY
r=$?
t="$tmpdir/transcript"
[ "$r" = 0 ] || fail "exit status $r after errors at the prompt"
# Drop carriage returns and terminal control sequences (bracketed paste).
tr -d '\r' < "$t" | sed 's/\x1b\[[?0-9;]*[a-zA-Z]//g' > "$t.txt"
grep -q '^Welcome to guestfish, the guest filesystem shell for$' "$t.txt" || fail "no banner"
grep -q "^Type: ‘help’ for help on commands$" "$t.txt" || fail "no banner help line"
grep -q '^><fs> echo first$' "$t.txt" || fail "no prompt"
grep -q '^first$' "$t.txt" || fail "no output"
grep -q '^nosuch: unknown command$' "$t.txt" || fail "no error for nosuch"
grep -q '^libguestfs: error: mount: ' "$t.txt" || fail "library errors are not plain"
grep -q '^second$' "$t.txt" || fail "the session did not carry on after errors"

# Tab completed the command name (case-insensitively).
grep -q 'echo-daemon completed$' "$t.txt" || fail "command name was not completed"

[ -f "$tmpdir/.guestfish" ] || fail "no history file"
grep -q '^echo second$' "$tmpdir/.guestfish" || fail "history not saved"
[ "$(stat -c %a "$tmpdir/.guestfish")" = 600 ] || fail "history file is not private"
