#!/bin/bash -
# virt-df --json: the document against --csv (and --csv -i) on the same
# images, one guest of two images and --one-per-guest; the option
# conflicts.
. "$srcdir/json-lib.sh"

check ()
{
  virt-df --json "$@" > "$tmp/json"
  virt-df --csv "$@" > "$tmp/csv"
  virt-df --csv -i "$@" > "$tmp/csvi"
  json_check "$tmp/json" "$tmp/csv" '
rows = list(csv.reader(io.StringIO(text)))[1:]
inodes = list(csv.reader(open(sys.argv[2] + "i")))[1:]
fses = [(g["name"], f) for g in j["guests"] for f in g["filesystems"]]
assert list(j) == ["guests"]
assert len(fses) == len(rows) == len(inodes) > 0, (fses, rows)
for (name, f), r, i in zip(fses, rows, inodes):
    assert sorted(f) == sorted(["filesystem", "block_size", "size", "used",
        "available", "use_percent", "inodes", "inodes_used", "inodes_free",
        "inodes_use_percent"]), f
    assert [name, f["filesystem"]] == r[:2] == i[:2], (name, f, r)
    assert all(type(f[k]) is int for k in f if k != "filesystem" and
               not k.endswith("percent")), f
    assert [f["size"] // 1024, f["used"] // 1024, f["available"] // 1024] == \
        [int(x) for x in r[2:5]], (f, r)
    assert f["size"] % f["block_size"] == 0
    assert "%.1f" % f["use_percent"] == r[5], (f, r)
    assert [f["inodes"], f["inodes_used"], f["inodes_free"]] == \
        [int(x) for x in i[2:5]], (f, i)
    assert "%.1f" % f["inodes_use_percent"] == i[5], (f, i)
'
}

check -a "$d/inspect-debian.img"
check -a "$d/inspect-multi1.img" -a "$d/inspect-multi2.img"
check --one-per-guest -a "$d/inspect-fedora.img" -a "$d/fs.img"

# --one-per-guest: one object per image, in command line order.
virt-df --json --one-per-guest -a "$d/inspect-fedora.img" -a "$d/fs.img" > "$tmp/json"
json_check "$tmp/json" /dev/null '
assert [g["name"] for g in j["guests"]] == ["inspect-fedora.img", "fs.img"], j'
# -i changes nothing in JSON.
virt-df --json -i -a "$d/inspect-debian.img" > "$tmp/json-i"
virt-df --json -a "$d/inspect-debian.img" > "$tmp/json"
cmp "$tmp/json" "$tmp/json-i" || fail "-i changed the JSON output"

expect_error "you cannot use --json and --csv options together." \
  virt-df --json --csv -a "$d/fs.img"
expect_error "you cannot use -h and --json options together" \
  virt-df --json -h -a "$d/fs.img"
# A guest that cannot be examined: its error on stderr, exit status 1,
# and it is left out of the document, as of the text output.
# (A raw file said to be qcow2.)
truncate -s 1M "$tmp/bad.img"
r=0
virt-df --json --one-per-guest -a "$d/fs.img" --format=qcow2 -a "$tmp/bad.img" \
  > "$tmp/json" 2> "$tmp/err" || r=$?
[ $r = 1 ] || fail "a bad image: exit status $r"
grep -q "error" "$tmp/err" || fail "no error for the bad image"
json_check "$tmp/json" /dev/null '
assert [g["name"] for g in j["guests"]] == ["fs.img"], j'
exit 0
