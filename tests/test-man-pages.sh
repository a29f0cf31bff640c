#!/bin/bash -
# The manual pages: every page built in docs/, fish/, tools/ and python/
# renders with no warning from man (groff's warnings all on), every tool
# has its page, guestfs(3) documents every function the library exports,
# guestfish(1) every command guestfish lists, and each program's page
# every option it reports with --long-options.
set -u
export LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat PAGER=cat
top="$GUESTKIT_TOP"
src="$srcdir/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; return 1; fi; }

pages=()
for f in "$top"/docs/*.[1-8] "$top"/fish/*.[1-8] "$top"/tools/*.[1-8] "$top"/python/*.[1-8]; do
    [ -f "$f" ] && pages+=("$f")
done
for page in "${pages[@]}"; do
    man --warnings=all -E UTF-8 -l "$page" > "$tmp/out" 2> "$tmp/err"
    status=$?
    check "${page#$top/}: renders without warnings" '[ $status -eq 0 ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/out" ]' ||
        head -20 "$tmp/err"
done
echo "# ${#pages[@]} pages checked"
check "guestfs(3) and guestfish(1) among them" '[ -f "$top/docs/guestfs.3" ] && [ -f "$top/docs/guestfish.1" ]'

# Each tool built has its page.
for t in "$top"/tools/virt-*; do
    [ -x "$t" ] && [ -f "$t" ] || continue
    t=$(basename "$t")
    check "$t has a manual page" '[ -f "$top/tools/$t.1" ]'
done

# guestfs(3): a section for every exported function (the structures'
# free and copy functions are in their structure's prototypes).
# guestfs_debug is left out on purpose, as libguestfs leaves it out: it
# exposes the daemon's internals for debugging.
nm -D --defined-only "$top/lib/.libs/libguestfs.so.0" | awk '$2 == "T" { print $3 }' |
    grep '^guestfs_' | grep -v '^guestfs_int_' | grep -vx guestfs_debug | sort -u > "$tmp/exported"
{
    grep -E '^=(head[1-4]|item) +guestfs_[A-Za-z0-9_]+' "$top/docs/guestfs-full.pod" |
        sed -E 's/^=[a-z0-9]+ +(guestfs_[A-Za-z0-9_]+).*/\1/'
    grep -E '^ ' "$top/docs/guestfs-full.pod" | grep -oE 'guestfs_(free|copy)_[a-z0-9_]+'
} | sort -u > "$tmp/documented"
comm -23 "$tmp/exported" "$tmp/documented" > "$tmp/missing"
check "guestfs(3) documents all $(wc -l < "$tmp/exported") exported functions" '[ ! -s "$tmp/missing" ]' ||
    head -20 "$tmp/missing"

# guestfish(1): a section for every command of `guestfish -h` (whose
# heading and closing hint are indented), but debug, as in guestfs(3).
guestfish -h | awk '/^[^ ]/ { print $1 }' | grep -vx debug | sort -u > "$tmp/commands"
grep -E '^=(head[1-4]|item) +[A-Za-z0-9-]+' "$top/docs/guestfish-full.pod" |
    sed -E 's/^=[a-z0-9]+ +(B<)?([A-Za-z0-9-]+).*/\2/' | sort -u > "$tmp/documented"
comm -23 "$tmp/commands" "$tmp/documented" > "$tmp/missing"
check "guestfish(1) documents all $(wc -l < "$tmp/commands") commands" '[ ! -s "$tmp/missing" ]' ||
    head -20 "$tmp/missing"

# Each program's options, in its POD source.
options_documented () {
    local prog=$1 pod=$2 o missing=
    for o in $("$prog" --long-options); do
        grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" "$pod" || missing="$missing $o"
    done
    [ -z "$missing" ] || { echo "$pod: undocumented:$missing"; return 1; }
}
check "guestfish(1) documents every option" 'options_documented guestfish "$src/fish/guestfish.pod"'
for pod in "$src"/tools/virt-*.pod; do
    t=$(basename "$pod" .pod)
    [ -x "$top/tools/$t" ] || continue
    check "$t(1) documents every option" 'options_documented "$t" "$pod"'
done
exit $fail
