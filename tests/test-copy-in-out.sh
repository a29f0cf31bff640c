#!/bin/bash -
# copy-in and copy-out: a tree with awkward names (spaces, a newline, a
# leading dash, quotes, a backslash, UTF-8, glob characters), an empty
# directory, an empty file, a symlink and odd permissions goes into a
# guest and comes back out unchanged; single files both ways; several
# sources in one command; and the error messages of the usual mistakes.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*"; exit 1; }

src=$tmp/src
mkdir -p "$src/tree/sub dir/deeper/still deeper" "$src/tree/empty dir"
printf 'spaces\n' > "$src/tree/with space"
printf 'newline\n' > "$src/tree/new
line"
printf 'dash\n' > "$src/tree/-dash"
printf 'quotes\n' > "$src/tree/quote\"s'"
printf 'backslash\n' > "$src/tree/back\\slash"
printf 'utf8\n' > "$src/tree/ünïcödé ✓"
printf 'glob\n' > "$src/tree/*star?[x]"
: > "$src/tree/empty"
head -c 1234567 /dev/urandom > "$src/tree/sub dir/deeper/still deeper/random"
printf 'private\n' > "$src/tree/sub dir/mode0640"
chmod 0640 "$src/tree/sub dir/mode0640"
chmod 0750 "$src/tree/sub dir/deeper"
ln -s "../with space" "$src/tree/sub dir/link"
printf 'single\n' > "$src/single file"
printf 'second\n' > "$src/second"

listing () {
    (cd "$1" && find . -printf '%p|%y|%m|%s|%l\n' | LC_ALL=C sort)
}

out=$tmp/out
mkdir "$out"
truncate -s 100M "$tmp/disk.img"
errors=$(guestfish --format=raw -a "$tmp/disk.img" 2>&1 <<GF
run
mkfs ext4 /dev/sda
mount /dev/sda /
mkdir /in
copy-in "$src/tree" "$src/single file" /in
copy-in "$src/second" /in
copy-out /in/tree "/in/single file" /in/second "$out"
-copy-in "$src/nosuchfile" /in
-copy-in "$src/second" /nosuchdir
-copy-in "$src/second" /in/second
-copy-out /in/nosuchfile "$out"
-copy-out /in/second "$out/nosuchdir"
-copy-out /in/second "$src/second"
GF
) || fail "guestfish failed: $errors"
echo "$errors"

# The tree and the single files came back as they went in.
[ "$(listing "$src/tree")" = "$(listing "$out/tree")" ] ||
    fail "tree listing differs: $(diff <(listing "$src/tree") <(listing "$out/tree"))"
diff -r --no-dereference "$src/tree" "$out/tree" || fail "tree contents differ"
cmp "$src/single file" "$out/single file" || fail "single file differs"
cmp "$src/second" "$out/second" || fail "second file differs"
[ "$(readlink "$out/tree/sub dir/link")" = "../with space" ] || fail "symlink not kept"

# libguestfs's messages for the usual mistakes.
expect () {
    grep -qF -- "$1" <<< "$errors" || fail "missing error: $1"
}
expect "source ‘$src/nosuchfile’ does not exist (or cannot be read)"
expect "target ‘/nosuchdir’ is not a directory"
expect "target ‘/in/second’ is not a directory"
expect "‘/in/nosuchfile’ is not a file or directory"
expect "target ‘$out/nosuchdir’ is not a directory"
expect "target ‘$src/second’ is not a directory"
[ ! -e "$out/nosuchdir" ] || fail "copy-out created its target directory"
echo "copy-in/copy-out round trip OK"
