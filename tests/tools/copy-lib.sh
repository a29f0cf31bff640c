# Shared by the tests of the tools that copy and edit (virt-copy-in,
# virt-copy-out, virt-tar-in, virt-tar-out, virt-edit): a scratch
# directory (the current directory from here on), failure reporting,
# writable copies of the test guests, and looking into an image.

set -e
export LANG=C.UTF-8
srcdir="$(cd "${srcdir:-$(dirname "$0")}" && pwd)"
: "${datadir:=$srcdir/../data}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/copytools.XXXXXX")"
immutable=
trap 'if [ -n "$immutable" ]; then chattr -i "$immutable"; fi; rm -rf "$tmp"' EXIT
cd "$tmp"
d="$datadir"

fail () { echo "FAIL: $(basename "$0"): $*" >&2; exit 1; }

# expect_fail CMD...: CMD must exit with status 1, printing nothing on
# stdout; its stderr is in $tmp/err.
expect_fail ()
{
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || { cat "$tmp/err" >&2; fail "$*: exit status $r"; }
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}

# expect_err TEXT: the last expect_fail's stderr is exactly TEXT.
expect_err ()
{
  diff -u - "$tmp/err" <<<"$1" || fail "unexpected error message"
}

# guest NAME: a writable copy of tests/data/inspect-NAME.img as NAME.img.
guest ()
{
  cp --sparse=always "$d/inspect-$1.img" "$1.img"
}

# scratch FILE: a 32M disk with one ext4 partition (no operating system).
scratch ()
{
  guestfish -N "$1=fs:ext4:32M" exit
}

# look IMG [-m DEV] [COMMAND ARGS...]: guestfish on IMG, read-only,
# inspected unless -m is given; commands from stdin if none are given.
look ()
{
  local img="$1"
  shift
  if [ "$1" = -m ]; then
    guestfish --ro -a "$img" "$@"
  else
    guestfish --ro -a "$img" -i "$@"
  fi
}

# make_immutable FILE: make FILE unwritable even for root (chattr +i),
# undone on exit.  False where that is not possible.
make_immutable ()
{
  if [ "$(id -u)" != 0 ]; then
    chmod a-w "$1"
    return 0
  fi
  chattr +i "$1" 2>/dev/null || return 1
  immutable="$1"
}
