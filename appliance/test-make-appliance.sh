#!/bin/bash -
# Builds the appliance from this host with make-appliance.sh and checks what
# went into it (TAP).  Booting it is left to the library's tests.
set -u
export LC_ALL=C

srcdir=${srcdir:-.}
script=$srcdir/make-appliance.sh
src=.                                   # the build dir: init, guestfsd, lists
[ -e "$src/programs.list" ] || src=$srcdir

if [ ! -x "$src/init" ] || [ ! -x "$src/guestfsd" ]; then
    echo "1..0 # SKIP init or guestfsd not built"
    exit 0
fi
if ! ls /boot/vmlinuz-* >/dev/null 2>&1 && [ -z "${SUPERMIN_KERNEL:-}" ]; then
    echo "1..0 # SKIP no host kernel in /boot"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

out=$tmp/cache/appliance.d
start=${EPOCHREALTIME/./}
if bash "$script" "$src" "$out" 2>"$tmp/build.err"; then
    ok "make-appliance.sh builds ($(( (${EPOCHREALTIME/./} - start) / 1000 )) ms)"
else
    not_ok "make-appliance.sh builds"
    sed 's/^/# /' "$tmp/build.err"
    echo "1..$n"
    exit 1
fi

check "kernel, initrd and inputs exist" test -s "$out/kernel" -a -s "$out/initrd" -a -s "$out/inputs"
check "kernel is an ELF vmlinux or a bzImage" \
    bash -c '[ "$(head -c4 "$1" | od -An -c | tr -d " ")" = 177ELF ] ||
             [ "$(od -An -c -j514 -N4 "$1" | tr -d " ")" = HdrS ]' _ "$out/kernel"
check "no build temp dir left behind" \
    bash -c '! ls -d "$1"/.appliance-build.* >/dev/null 2>&1' _ "$tmp/cache"

cpio -it --quiet < "$out/initrd" > "$tmp/list" 2>/dev/null
has() { grep -qx "$1" "$tmp/list"; }
check "initrd has /init" has init
check "initrd has the daemon" has usr/sbin/guestfsd
check "initrd has the eager module order" has usr/lib/modules/eager.order
check "initrd has modprobe, hidden until init runs" has usr/sbin/.modprobe
check "initrd has depmod's index" bash -c 'grep -q "modules.dep.bin$" "$1"' _ "$tmp/list"
check "initrd has ext4.ko" bash -c 'grep -q "/ext4.ko$" "$1"' _ "$tmp/list"
check "initrd has /bin/sh and lvm.conf" bash -c 'grep -qx usr/bin/sh "$1" && grep -qx etc/lvm/lvm.conf "$1"' _ "$tmp/list"
check "initrd has the ELF interpreter" has usr/lib64/ld-linux-x86-64.so.2
check "initrd has the kernel's modprobe helper" has usr/lib/guestkit/modprobe

missing=$(while read -r f; do [ -e "$f" ] || echo "$f"; done < "$out/inputs")
check "every path in inputs exists on the host" test -z "$missing"
check "inputs lists real paths only" \
    bash -c 'while read -r f; do [ "$(realpath "$f")" = "$f" ] || exit 1; done < "$1"' _ "$out/inputs"

# A rebuild replaces the directory; a failed build leaves it alone.
old_inode=$(stat -c %i "$out")
bash "$script" "$src" "$out" 2>/dev/null
check "rebuild replaces OUTDIR" test "$(stat -c %i "$out")" != "$old_inode" -a -s "$out/initrd"
before=$(stat -c %i "$out")
if SUPERMIN_KERNEL=/nonexistent bash "$script" "$src" "$out" 2>"$tmp/err"; then
    not_ok "a missing SUPERMIN_KERNEL fails"
else
    ok "a missing SUPERMIN_KERNEL fails: $(head -n1 "$tmp/err")"
fi
check "a failed build leaves OUTDIR as it was" test "$(stat -c %i "$out")" = "$before"

echo "1..$n"
[ $failed -eq 0 ]
