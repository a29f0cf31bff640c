#!/bin/bash -
# virt-ls --json in each mode against the text output on the same
# images: plain, -R, -l (the names and types of "ls -la") and -lR with
# every optional column (--csv with --uids, --time-t, --extra-stats and
# --checksum); several directories; the option conflicts.
. "$srcdir/json-lib.sh"

ls_both ()
{
  virt-ls --json "$@" > "$tmp/json"
  virt-ls "$@" > "$tmp/text"
}

# Plain and -R: names relative to the directory, full paths.
for mode in "" -R; do
  ls_both $mode -a "$d/inspect-debian.img" /etc
  json_check "$tmp/json" "$tmp/text" '
[dj] = j["directories"]
assert dj["directory"] == "/etc"
names = [e["name"] for e in dj["entries"]]
assert [n.lstrip("/") for n in text.splitlines()] == names, (names, text)
for e in dj["entries"]:
    assert sorted(e) == ["name", "path"], e
    assert e["path"] == "/etc/" + e["name"], e
'
done

# -l: the entries of "ls -la" without . and .., with their types.
ls_both -l -a "$d/inspect-debian.img" /etc
json_check "$tmp/json" "$tmp/text" '
want = [(l.split()[0][0], l.split()[-1]) for l in text.splitlines()[1:]]
want = [w for w in want if w[1] not in (".", "..")]
[dj] = j["directories"]
assert [(e["type"], e["name"]) for e in dj["entries"]] == want, (dj, want)
for e in dj["entries"]:
    assert sorted(e) == ["link", "mode", "name", "path", "size", "type"], e
'

# -lR with everything, against --csv.
for args in "-a $d/inspect-debian.img /etc" "-a $d/inspect-fedora.img /" \
            "-m /dev/sda1 -a $d/inspect-hostile.img /"; do
  opts="-lR --uids --time-t --extra-stats --checksum"
  virt-ls --json $opts $args > "$tmp/json"
  virt-ls --csv $opts $args > "$tmp/text"
  json_check "$tmp/json" "$tmp/text" '
rows = list(csv.reader(io.StringIO(text)))
[dj] = j["directories"]
es = dj["entries"]
assert len(es) == len(rows) > 1 and es[0]["name"] == "."
def devs(e, k):
    return "%d:%d" % (e[k + "_major"], e[k + "_minor"])
for e, r in zip(es, rows):
    got = [e["type"], "%04o" % e["mode"], str(e["size"]),
           "%4d" % e["uid"], "%4d" % e["gid"],
           "%10d" % e["atime"], "%10d" % e["mtime"], "%10d" % e["ctime"],
           devs(e, "dev"), str(e["ino"]), str(e["nlink"]), devs(e, "rdev"),
           str(e["blocks"]), e["checksum"] or "", e["path"]]
    if e["link"] is not None:
        got.append(e["link"])
    assert got == r, (e, r)
    assert (e["checksum"] is not None) == (e["type"] == "-"), e
    assert (e["link"] is not None) == (e["type"] == "l"), e
'
done

# Several directories: one object each, in order.
virt-ls --json -a "$d/inspect-debian.img" /etc / > "$tmp/json"
json_check "$tmp/json" /dev/null '
assert [x["directory"] for x in j["directories"]] == ["/etc", "/"], j'

expect_error "you cannot use --json and --csv options together." \
  virt-ls --json --csv -lR -a "$d/fs.img" /
expect_error "you cannot use -h and --json options together" \
  virt-ls --json -lRh -a "$d/fs.img" /
# A directory that does not exist: an error, exit status 1.
r=0
virt-ls --json -m /dev/sda1 -a "$d/fs.img" /nonexistent > "$tmp/json" 2> "$tmp/err" || r=$?
[ $r = 1 ] || fail "a missing directory: exit status $r"
json_check "$tmp/json" /dev/null '
assert j == {"directories": [{"directory": "/nonexistent", "entries": []}]}, j'
exit 0
