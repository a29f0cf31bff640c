# Shared by the guestfish tests: a scratch directory removed on exit,
# failure reporting, and a small prepared disk image.

set -e

tmpdir="$(mktemp -d "${TMPDIR:-/tmp}/fishtest.XXXXXX")"
trap '[ -n "$KEEP" ] || rm -rf "$tmpdir"' EXIT

fail ()
{
    echo "FAIL: $(basename "$0"): $*" >&2
    exit 1
}

# expect_output EXPECTED-FILE ACTUAL-FILE: the files must be identical.
expect_output ()
{
    if ! cmp -s "$1" "$2"; then
        diff -u "$1" "$2" >&2 || true
        fail "output differs from what was expected"
    fi
}

# expect_failure CMD...: CMD must exit with status 1; its stderr is kept
# in $tmpdir/stderr and its stdout in $tmpdir/stdout.
expect_failure ()
{
    local r=0
    "$@" >"$tmpdir/stdout" 2>"$tmpdir/stderr" || r=$?
    if [ "$r" -ne 1 ]; then
        cat "$tmpdir/stderr" >&2
        fail "expected exit status 1 from '$*', got $r"
    fi
}

# expect_stderr PATTERN: grep -E PATTERN in the last expect_failure stderr.
expect_stderr ()
{
    if ! grep -q -E -- "$1" "$tmpdir/stderr"; then
        cat "$tmpdir/stderr" >&2
        fail "stderr does not match '$1'"
    fi
}

# make_disk FILE: a 64M raw disk with one MBR partition holding ext4
# with /hello containing "hello\n".
make_disk ()
{
    truncate -s 64M "$1"
    guestfish -a "$1" run : part-disk /dev/sda mbr : \
        mkfs ext4 /dev/sda1 : mount /dev/sda1 / : \
        write /hello "hello
"
}
