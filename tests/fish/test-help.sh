#!/bin/bash -
# Help: guestfish -h / help -l list the commands, -h CMD / help CMD show
# one, help alone gives hints, --help the options.
. "$(dirname "$0")/functions.sh"

guestfish -h > "$tmpdir/list"
head -3 "$tmpdir/list" > "$tmpdir/head"
cat > "$tmpdir/expected" <<'EOF_E'
    Command              Description
help                 display a list of commands or help on a command
quit                 quit guestfish
EOF_E
expect_output "$tmpdir/expected" "$tmpdir/head"
[ "$(tail -1 "$tmpdir/list")" = "    Use -h <cmd> / help <cmd> to show detailed help for a command." ] ||
    fail "wrong last line of the listing"
grep -q '^mount                mount a guest disk at a position in the filesystem$' "$tmpdir/list" ||
    fail "mount missing from the listing"
grep -q "^run                  alias for 'launch'$" "$tmpdir/list" ||
    fail "alias run missing from the listing"
grep -q '^sparse               ' "$tmpdir/list" || fail "sparse missing"
if grep -q -- '-opts ' "$tmpdir/list"; then fail "-opts aliases are listed"; fi
# Sorted, after the first three lines.
sed -e '1,3d' -e '$d' "$tmpdir/list" | cut -d' ' -f1 > "$tmpdir/names"
LC_ALL=C sort -c "$tmpdir/names" || fail "listing is not sorted"

guestfish help -l > "$tmpdir/list2"
expect_output "$tmpdir/list" "$tmpdir/list2"
guestfish help --list > "$tmpdir/list2"
expect_output "$tmpdir/list" "$tmpdir/list2"

# One command, by name or alias, any case, _ or -.
guestfish -h mount-ro > "$tmpdir/one"
head -2 "$tmpdir/one" > "$tmpdir/head"
printf 'NAME\n    mount-ro - mount a guest disk, read-only\n' > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/head"
grep -q '^SYNOPSIS$' "$tmpdir/one" || fail "no SYNOPSIS"
grep -q '^     mount-ro mountable mountpoint$' "$tmpdir/one" || fail "bad synopsis"
guestfish help MOUNT_RO > "$tmpdir/one2"
expect_output "$tmpdir/one" "$tmpdir/one2"
guestfish --cmd-help=mount_ro > "$tmpdir/one2"
expect_output "$tmpdir/one" "$tmpdir/one2"
guestfish -h run | grep -q '^    launch - ' || fail "help on an alias"
guestfish -h sparse | grep -q '^    sparse - create a sparse disk image and add$' ||
    fail "help on a builtin"

expect_failure guestfish -h nosuch
expect_stderr '^nosuch: command not known: use -h to list all commands$'

# help on its own, before launch.
guestfish help > "$tmpdir/hint"
grep -q "use the ‘run’ command" "$tmpdir/hint" || fail "help hint"
grep -q "^For more information about a command, use ‘help cmd’.$" "$tmpdir/hint" ||
    fail "help hint tail"

guestfish --help > "$tmpdir/usage"
grep -q '^Usage:$' "$tmpdir/usage" || fail "--help"
grep -q -- '-a|--add image' "$tmpdir/usage" || fail "--help lists -a"

expect_failure guestfish --no-such-option
expect_stderr "^guestfish: unrecognized option '--no-such-option'$"
expect_stderr "^Try ‘guestfish --help’ for more information.$"
exit 0
