#!/bin/bash -
# 'cmd | host-command' pipes output, '!cmd' runs a host command, '<!cmd'
# runs the host command's output as guestfish commands.
. "$(dirname "$0")/functions.sh"

guestfish > "$tmpdir/out" <<'EOF_SCRIPT'
echo first
echo hello world | tr a-z A-Z
echo "a|b" '|c' | sed 's/|/PIPE/g'
!echo from host
<!printf 'echo inline-1\necho inline-2\n'
echo last
EOF_SCRIPT
printf 'first\nHELLO WORLD\naPIPEb PIPEc\nfrom host\ninline-1\ninline-2\nlast\n' \
    > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

# A failing host command is an error.
printf 'echo a\n!exit 3\necho b\n' > "$tmpdir/s"
expect_failure guestfish -f "$tmpdir/s"
[ "$(cat "$tmpdir/stdout")" = a ] || fail "went on after !exit 3"

# An error inside <! output stops the script.
printf '<!printf "echo x\\nnosuch\\necho y\\n"\necho z\n' > "$tmpdir/s"
expect_failure guestfish -f "$tmpdir/s"
[ "$(cat "$tmpdir/stdout")" = x ] || fail "went on after error in <!"

# On the command line '|' is an ordinary argument.
[ "$(guestfish echo a '|' b)" = "a | b" ] || fail "| on the command line"

# A pipe command that stops reading early is not an error by default.
printf 'help -l | head -1\necho after\n' | guestfish > "$tmpdir/out"
[ "$(tail -1 "$tmpdir/out")" = after ] || fail "pipe to head"

# !cd has no effect on guestfish; the output order is kept.
printf '!cd /\n!pwd\n' | (cd "$tmpdir" && guestfish) > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = "$tmpdir" ] || fail "!cd changed directory"
