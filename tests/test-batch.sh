#!/bin/bash -
# docs/guestkit-batch.md's local form (GNU parallel + scripts/guestkit-batch,
# then the merge) over test images and bad inputs; checks the merged
# document, the joblog, --resume(-failed), a timeout, a stale OUTDIR.
set -e
if ! command -v parallel > /dev/null; then
  echo "$0: SKIP: GNU parallel is not installed (Debian package parallel)"
  exit 77
fi
PATH="$(cd "$srcdir/../scripts" && pwd):$PATH"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

echo 'not a disk image' > notimage.txt
printf 'QFI\373\0\0\0\3corrupt header' > corrupt.qcow2
{
  echo "$datadir/inspect-debian.img"
  echo "$datadir/inspect-fedora.img"
  echo "$tmp/notimage.txt"
  printf '%s\t%s\n' "$datadir/inspect-multi1.img" "$datadir/inspect-multi2.img"
  echo
  echo "$tmp/missing.img"
  echo "$tmp/corrupt.qcow2"
  printf '%s' "$datadir/inspect-windows.img"     # no final newline
} > images.txt

# As in the document.
guestfish -a /dev/null run
mkdir -p out
r=0
seq "$(grep -c '' images.txt)" |
  parallel --jobs 2 --retries 2 --joblog out/joblog \
    guestkit-batch run --timeout 600 out images.txt {} || r=$?
guestkit-batch merge out images.txt > inventory.json 2> merge.err

# parallel's status is the number of jobs that failed: missing, corrupt.
test "$r" = 2 || { echo "$0: parallel exited $r, expected 2" >&2; exit 1; }
grep -qx 'guestkit-batch: 7 images: 4 ok, 1 no operating system, 2 failed, 0 no record' merge.err ||
  { echo "$0: merge summary:" >&2; cat merge.err >&2; exit 1; }
test "$(grep -c . out/joblog)" = 9   # the header and 8 jobs

check ()
{
  python3 - "$@" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["images"], list(doc)
imgs = doc["images"]
lines = open("images.txt").read().splitlines()
assert [e["image"] for e in imgs] == [l for l in lines if l], [e["image"] for e in imgs]
assert [e["line"] for e in imgs] == [1, 2, 3, 4, 6, 7, 8], imgs
def distros(e):
    return [o["distro"] for o in e["result"]["operatingsystems"]]
want = [(0, ["debian"]), (0, ["fedora"]), (0, []), (0, ["ubuntu"]),
        (1, None), (1, None), (0, ["windows"])]
for e, (status, ds) in zip(imgs, want):
    assert e["exit"] == status, e
    assert e["disks"] == e["image"].split("\t"), e
    assert e["command"].startswith("virt-inspector --json -a "), e
    if ds is None:
        assert e["result"] is None and e["error"], e
    else:
        assert distros(e) == ds and e["error"] is None, e
assert imgs[0]["result"]["operatingsystems"][0]["product_name"] == "12.5"
assert imgs[3]["command"].count(" -a ") == 2
assert "No such file or directory" in imgs[4]["error"], imgs[4]
assert "corrupt.qcow2" in imgs[5]["error"], imgs[5]
EOF
}
check inventory.json

# --resume runs nothing again; --resume-failed only the two failures.
stamp="$(stat -c %n.%i out/*.json | md5sum)"
seq "$(grep -c '' images.txt)" |
  parallel --jobs 2 --resume --joblog out/joblog \
    guestkit-batch run --timeout 600 out images.txt {}
test "$(stat -c %n.%i out/*.json | md5sum)" = "$stamp"
test "$(grep -c . out/joblog)" = 9
r=0
seq "$(grep -c '' images.txt)" |
  parallel --jobs 2 --resume-failed --joblog out/joblog \
    guestkit-batch run --timeout 600 out images.txt {} || r=$?
test "$r" = 2
test "$(grep -c . out/joblog)" = 11
guestkit-batch merge out images.txt > again.json 2> /dev/null
check again.json

# A job past its timeout: status 124, recorded; --exit-zero.
r=0
guestkit-batch run --timeout 0.2 out2 images.txt 2 || r=$?
test "$r" = 124
python3 -c 'import json, sys; e = json.load(open("out2/2.json"))
assert e["exit"] == 124 and e["result"] is None and e["error"].startswith("timed out"), e'
guestkit-batch run --exit-zero out2 images.txt 6
test "$(ls out2)" = "$(printf '2.json\n6.json')"

# The merge of a list the records are not for, and of lines never run.
sed 1d images.txt > other.txt
guestkit-batch merge out2 other.txt > other.json 2> merge.err
grep -q '6 images: 0 ok, 0 no operating system, 0 failed, 6 no record' merge.err
python3 -c 'import json; e = json.load(open("other.json"))["images"]
assert e[0]["error"].startswith("no record"), e[0]
assert "not this line" in e[1]["error"] and e[1]["exit"] is None, e[1]'

# No per-job temporary directory left behind.
test -z "$(ls "${LIBGUESTFS_TMPDIR:-${TMPDIR:-/tmp}}" | grep '^guestkit-batch-' || true)"
echo "$0: ok"
