#!/bin/bash -
# Inspection of a real Debian 12: a minimal bookworm made with
# debootstrap, copied into an ext4 image with our guestfish (tar-in).
# Inspection must find the OS and list every package dpkg-query reports,
# with the same version (epoch:version-release, split at the first ':'
# and the first '-' as libguestfs does, so joining the parts back gives
# dpkg's string).
#
# The root tree is cached as tests/data/debootstrap-bookworm.tar.gz
# (with dpkg-query's list next to it), so only the first run downloads.
# Skipped (77) when not root (debootstrap chroots) or when the mirror of
# apt's sources is unreachable.
set -eu

cache="$datadir/debootstrap-bookworm.tar.gz"
list="$datadir/debootstrap-bookworm.pkgs"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The Debian mirror apt uses here (deb822 "URIs:" or one-line "deb URL").
mirror () {
    local m
    m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
            /etc/apt/sources.list.d/*.sources 2>/dev/null |
        awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }
             /^deb / && $2 !~ /security/ { print ($2 ~ /^\[/ ? $3 : $2); exit }')
    echo "${m:-http://deb.debian.org/debian}"
}

if [ ! -s "$cache" ] || [ ! -s "$list" ]; then
    if [ "$(id -u)" != 0 ] || ! command -v debootstrap >/dev/null; then
        echo "SKIP: debootstrap needs root and the debootstrap package"
        exit 77
    fi
    url=$(mirror)
    if ! python3 -c 'import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/dists/bookworm/Release", timeout=20)' \
            "$url" 2>/dev/null; then
        echo "SKIP: $url is unreachable"
        exit 77
    fi
    echo "debootstrap from $url (once; cached in $cache)"
    if ! debootstrap --variant=minbase bookworm "$tmp/root" "$url" \
            > "$tmp/debootstrap.log" 2>&1; then
        tail -20 "$tmp/debootstrap.log"
        echo "FAIL: debootstrap failed"
        exit 1
    fi
    dpkg-query -W --admindir="$tmp/root/var/lib/dpkg" \
        -f '${Package} ${Version}\n' | LC_ALL=C sort > "$list.tmp"
    # Device nodes and the apt cache are of no use to inspection.
    tar -C "$tmp/root" --exclude=./dev/* --exclude=./proc/* --exclude=./sys/* \
        --exclude=./var/cache/apt/archives/*.deb -czf "$cache.tmp" .
    rm -rf "$tmp/root"
    mv "$list.tmp" "$list"
    mv "$cache.tmp" "$cache"
fi

img="$tmp/debian.img"
truncate -s 768M "$img"
guestfish --format=raw -a "$img" <<EOF
run
part-disk /dev/sda mbr
mkfs ext4 /dev/sda1
mount /dev/sda1 /
tar-in "$cache" / compress:gzip
write /etc/fstab "/dev/sda1 / ext4 errors=remount-ro 0 1\n"
write /etc/hostname "bookworm-minbase\n"
EOF

./inspect-dump "$img" > "$tmp/dump"
fail=0
for want in "  distro: debian" "  package_format: deb" "  osinfo: debian12" \
            "  arch: x86_64" "  hostname: bookworm-minbase"; do
    if ! grep -qxF "$want" "$tmp/dump"; then
        echo "FAIL: inspection did not report \"${want# }\""
        fail=1
    fi
done
if ! grep -qE '^  version: 12\.[0-9]+$' "$tmp/dump"; then
    echo "FAIL: version is not 12.x"
    fail=1
fi

# name|display|epoch|version|release|... back to "name [epoch:]version[-release]"
grep '^    ' "$tmp/dump" |
    awk -F'|' '{ sub(/^ +/, "", $1);
                 v = ($3 > 0 ? $3 ":" : "") $4 ($5 != "" ? "-" $5 : "");
                 print $1, v }' | LC_ALL=C sort > "$tmp/inspected"
n=$(wc -l < "$list")
if ! diff -u "$list" "$tmp/inspected"; then
    echo "FAIL: the applications differ from dpkg-query's $n packages"
    fail=1
fi
if [ "$n" -lt 50 ]; then
    echo "FAIL: only $n packages in the debootstrap list"
    fail=1
fi
[ $fail = 0 ] || exit 1
echo "ok: all $n packages of the debootstrap system, with dpkg's versions"
