# Shared by the --json tests of virt-df, virt-ls and virt-filesystems: a
# scratch directory, failure reporting, and json_check, which validates
# a document with python3 -m json.tool and runs a python3 comparison of
# it with the text output of the same tool on the same image.

set -e
export LANG=C.UTF-8 TZ=UTC
tmp="$(mktemp -d "${TMPDIR:-/tmp}/json.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
d="$datadir"

fail () { echo "FAIL: $(basename "$0"): $*" >&2; exit 1; }

# json_check JSON TEXT PYTHON: JSON must be a valid document; PYTHON is
# run with j (the parsed document) and text (the file TEXT's contents)
# and fails with an AssertionError.
json_check ()
{
  python3 -m json.tool "$1" > /dev/null || fail "$1: not valid JSON"
  python3 - "$1" "$2" "$3" <<'PY' || fail "$1 does not match $2"
import csv, io, json, sys
j = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
exec(sys.argv[3])
PY
}

# expect_error ERROR CMD...: CMD fails with exit status 1, nothing on
# stdout, and ERROR on stderr.
expect_error ()
{
  local want="$1" r=0
  shift
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
  grep -qF -- "$want" "$tmp/err" || fail "$*: $(cat "$tmp/err")"
}
