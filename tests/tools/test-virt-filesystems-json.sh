#!/bin/bash -
# virt-filesystems --json against the text output (--csv) on the same
# images: the default listing, --extra, and --all --long --uuid; the
# option conflicts.
. "$srcdir/json-lib.sh"

# Without --long: name and type only, the names of the text output.
for args in "" "--extra" "--all"; do
  virt-filesystems --json $args -a "$d/inspect-fedora.img" > "$tmp/json"
  virt-filesystems $args -a "$d/inspect-fedora.img" > "$tmp/text"
  json_check "$tmp/json" "$tmp/text" '
fs = j["filesystems"]
assert [f["name"] for f in fs] == text.split(), (fs, text)
for f in fs:
    assert sorted(f) == ["name", "type"], f
'
done

# --all --long --uuid: every column, against --csv.
for img in inspect-debian inspect-fedora inspect-centos7 inspect-ubuntu; do
  virt-filesystems --json --all --long --uuid -a "$d/$img.img" > "$tmp/json"
  virt-filesystems --csv --all --long --uuid -a "$d/$img.img" > "$tmp/text"
  json_check "$tmp/json" "$tmp/text" '
rows = list(csv.reader(io.StringIO(text)))
assert rows[0] == ["Name", "Type", "VFS", "Label", "MBR", "Size", "Parent", "UUID"]
fs = j["filesystems"]
assert len(fs) == len(rows) - 1 > 0
types = set()
for f, r in zip(fs, rows[1:]):
    assert sorted(f) == sorted(["name", "type", "vfs_type", "label", "mbr_id",
                                "size", "parents", "uuid"]), f
    types.add(f["type"])
    got = [f["name"], f["type"], f["vfs_type"] or "", f["label"] or "",
           "%02x" % f["mbr_id"] if f["mbr_id"] is not None else "",
           str(f["size"]), ",".join(f["parents"]), f["uuid"] or ""]
    assert got == r, (f, r)
    assert type(f["size"]) is int and f["size"] > 0
assert {"filesystem", "partition", "device"} <= types, types
'
done

expect_error "you cannot use --json and --csv options together." \
  virt-filesystems --json --csv -a "$d/fs.img"
expect_error "you cannot use -h and --json options together" \
  virt-filesystems --json -l -h -a "$d/fs.img"
exit 0
