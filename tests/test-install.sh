#!/bin/bash -
# make install into a staging directory (DESTDIR), then guestfish, every
# installed virt-* tool, the installed example programs (compiled with
# pkg-config against the installed library) and the installed Python
# module, if any, run from there, from another directory and with an
# environment that knows nothing of the build tree (env -i: no
# LIBGUESTFS_PATH, LD_LIBRARY_PATH or anything else ./run sets).  This
# works without a second build because an install is relocatable: the
# programs find libguestfs.so.0 through an $ORIGIN rpath, and the library
# finds the appliance inputs beside itself (lib/appliance.c).  Last,
# make uninstall removes every file.
set -u
export LC_ALL=C
top="$GUESTKIT_TOP"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root="$tmp/root"
mkdir "$tmp/cwd"
fail=0
check () { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; return 1; fi; }
begin=$SECONDS

# The inner make must not use the jobserver or variables of the make
# check running this test.
(unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
 make -s -j3 -C "$top" install DESTDIR="$root") > "$tmp/install.log" 2>&1
status=$?
check "make install DESTDIR=... succeeds" '[ $status -eq 0 ]'
[ $status -eq 0 ] || { tail -30 "$tmp/install.log"; exit 1; }
echo "# installed in $((SECONDS - begin)) s"

one () { find "$root" "$@" | head -n 1; }
bindir=$(dirname "$(one -path '*/bin/guestfish')")
lib=$(one -name libguestfs.so.0)
libdir=$(dirname "$lib")
pcfile=$(one -name libguestfs.pc)
mandir=$(dirname "$(dirname "$(one -path '*/man1/guestfish.1')")")
compdir=$(dirname "$(one -path '*/bash-completion/completions/guestfish')")
examples=$(dirname "$(one -path '*/examples/inspect-disk.c')")
check "guestfish, libguestfs.so.0, libguestfs.pc, man pages, completions and examples installed" \
      '[ -x "$bindir/guestfish" ] && [ -f "$lib" ] && [ -f "$pcfile" ] && [ -d "$mandir" ] &&
       [ -d "$compdir" ] && [ -f "$examples/create-disk.c" ]'
check "the library carries the soname libguestfs.so.0, and libguestfs.so links to it" \
      'readelf -d "$lib" | grep -q "SONAME.*\[libguestfs\.so\.0\]" &&
       [ "$(readlink -f "$libdir/libguestfs.so")" = "$(readlink -f "$lib")" ]'
check "guestfs.h installed" '[ -n "$(one -path "*/include/guestfs.h")" ]'
for f in make-appliance.sh init guestfsd programs.list modules.list; do
    check "appliance input $f in \$libdir/guestkit" '[ -s "$libdir/guestkit/$f" ]'
done
check "init, guestfsd and make-appliance.sh executable" \
      '[ -x "$libdir/guestkit/init" ] && [ -x "$libdir/guestkit/guestfsd" ] &&
       [ -x "$libdir/guestkit/make-appliance.sh" ]'
check "guestfs(3) installed" '[ -s "$mandir/man3/guestfs.3" ]'

# Every installed program: its manual page and bash completion, and (for
# a binary) the library it loads is the one installed beside it, not
# another libguestfs.so.0 of the system.
progs=()
for p in "$bindir"/*; do progs+=("$(basename "$p")"); done
for p in "${progs[@]}"; do
    check "$p: man page" '[ -s "$mandir/man1/$p.1" ]'
    case $p in
        guestfish|virt-*) check "$p: bash completion" '[ -e "$compdir/$p" ]' ;;
    esac
    if head -c4 "$bindir/$p" | grep -q ELF; then
        loaded=$(env -i ldd "$bindir/$p" | awk '$1 == "libguestfs.so.0" { print $3 }')
        check "$p loads the installed library ($loaded)" \
              '[ "$(readlink -f "$loaded")" = "$(readlink -f "$lib")" ]'
    fi
done

# Run a program from the installed copy: clean environment, another
# directory.  The appliance cache is private to this test (XDG_CACHE_HOME,
# as a desktop session sets it) so that building the installed appliance
# neither evicts nor joins the cache the other tests use.  User settings
# of the backend are passed through.
keep=()
for v in LIBGUESTFS_BACKEND_SETTINGS LIBGUESTFS_DEBUG LIBGUESTFS_TRACE; do
    [ -n "${!v:-}" ] && keep+=("$v=${!v}")
done
E=(env -i -C "$tmp/cwd" PATH="$bindir:/usr/bin:/bin" XDG_CACHE_HOME="$tmp/cache"
   ${keep[@]+"${keep[@]}"})
T () { "${E[@]}" "$@"; }

deb="$datadir/inspect-debian.img"
win="$datadir/inspect-windows.img"

t0=$SECONDS
check "the installed library uses the appliance installed beside it" \
      '[ "$(readlink -f "$(T guestfish get-path)")" = "$(readlink -f "$libdir/guestkit")" ]'
out=$(T guestfish --ro -a "$deb" -i cat /etc/hostname 2>&1)
check "guestfish: first launch (appliance built from the installed inputs)" '[ "$out" = debian-test ]'
echo "# first launch $((SECONDS - t0)) s"
check "the appliance was built from the installed daemon" \
      'grep -qx "$(readlink -f "$libdir/guestkit/guestfsd")" "$tmp"/cache/guestkit/appliance-*/inputs'
out=$(T guestfish -N "$tmp/prep.img=fs:ext4" mount /dev/sda1 / : write /f installed : cat /f 2>&1)
check "guestfish: a new disk written" '[ "$out" = installed ]'

# What each installed virt-* tool runs: at least one real appliance
# operation, its result checked.  A tool installed without an entry here
# fails the test, so no tool is forgotten.  The tools run a few at a
# time, so each writes only to its own files: $rw, a copy of the Debian
# guest, and names under $tmp/$1.
tool_test () {
    local out rw="$tmp/$1.img"
    mkdir "$tmp/$1"
    case $1 in virt-copy-in|virt-tar-in|virt-edit|virt-diff)
        cp --sparse=always "$deb" "$rw" ;;
    esac
    case $1 in
    virt-cat)
        out=$(T virt-cat -a "$deb" /etc/hostname) && [ "$out" = debian-test ] ;;
    virt-ls)
        T virt-ls -a "$deb" /etc | grep -qx hostname ;;
    virt-filesystems)
        T virt-filesystems -a "$deb" | grep -q '^/dev/sda' ;;
    virt-df)
        T virt-df -a "$deb" | grep -q ':/dev/sda' ;;
    virt-inspector)
        T virt-inspector -a "$deb" | grep -q '<hostname>debian-test</hostname>' ;;
    virt-log)
        T virt-log -a "$deb" > /dev/null ;;
    virt-tail)
        # It follows until a signal: stop it once the file has come.
        "${E[@]}" virt-tail -a "$deb" /etc/hostname > "$tmp/$1/out" 2>&1 &
        local pid=$! i
        for (( i = 0; i < 240; i++ )); do
            grep -qx debian-test "$tmp/$1/out" && break
            sleep 0.5
        done
        kill -TERM "$pid"
        wait "$pid"
        grep -qx debian-test "$tmp/$1/out" ;;
    virt-copy-out)
        T virt-copy-out -a "$deb" /etc/hostname "$tmp/$1" &&
        [ "$(cat "$tmp/$1/hostname")" = debian-test ] ;;
    virt-copy-in)
        echo "copied in" > "$tmp/$1/copied-in.txt" &&
        T virt-copy-in -a "$rw" "$tmp/$1/copied-in.txt" /etc &&
        out=$(T guestfish --ro -a "$rw" -i cat /etc/copied-in.txt) && [ "$out" = "copied in" ] ;;
    virt-tar-out)
        T virt-tar-out -a "$deb" /etc - | tar -tf - | grep -q 'hostname$' ;;
    virt-tar-in)
        echo "tarred in" > "$tmp/$1/tarred-in.txt" &&
        tar -C "$tmp/$1" -cf "$tmp/$1.tar" tarred-in.txt &&
        T virt-tar-in -a "$rw" "$tmp/$1.tar" /etc &&
        out=$(T guestfish --ro -a "$rw" -i cat /etc/tarred-in.txt) && [ "$out" = "tarred in" ] ;;
    virt-edit)
        T virt-edit -a "$rw" /etc/hosts -e 's/debian-test/edited/' &&
        T guestfish --ro -a "$rw" -i cat /etc/hosts | grep -q edited ;;
    virt-diff)
        T guestfish -a "$rw" -i write /etc/hostname "changed" &&
        T virt-diff -a "$deb" -A "$rw" | grep -q '/etc/hostname' ;;
    virt-win-reg)
        T virt-win-reg "$win" 'HKLM\Software\Microsoft\Windows NT\CurrentVersion' ProductName |
            grep -q 'Windows Server 2022 Standard' ;;
    virt-make-fs)
        echo made > "$tmp/$1/file" &&
        T virt-make-fs --type=ext4 --format=raw "$tmp/$1" "$rw" &&
        out=$(T guestfish --ro -a "$rw" run : mount-ro /dev/sda / : cat /file) &&
        [ "$out" = made ] ;;
    *)
        echo "no entry for $1 in tool_test in $0: add one" >&2
        return 1 ;;
    esac
}
# virt-diff walks two guests: started first, it overlaps the others.
tools=()
for p in "${progs[@]}"; do
    case $p in virt-diff) tools=("$p" ${tools[@]+"${tools[@]}"}) ;; virt-*) tools+=("$p") ;; esac
done
t0=$SECONDS
for p in ${tools[@]+"${tools[@]}"}; do
    while [ "$(jobs -rp | wc -l)" -ge 3 ]; do wait -n; done
    (start=$SECONDS; tool_test "$p" > "$tmp/$p.out" 2>&1
     echo "$? $((SECONDS - start))" > "$tmp/$p.status") &
done
wait
echo "# ${#tools[@]} tools in $((SECONDS - t0)) s"
for p in "${tools[@]}"; do
    read -r s secs < "$tmp/$p.status"
    check "$p runs from the installed copy ($secs s)" '[ "$s" -eq 0 ]' || cat "$tmp/$p.out"
done
check "virt-* tools found" '[ ${#tools[@]} -ge 5 ]'

# guestkit-batch runs the virt-inspector installed beside it (PATH has
# none here).
printf '%s\n' "$deb" > "$tmp/batch.list"
T env PATH=/usr/bin:/bin "$bindir/guestkit-batch" run "$tmp/batch" "$tmp/batch.list" 1 \
    > "$tmp/batch.out" 2>&1
check "guestkit-batch run: the installed virt-inspector inspected the guest" \
      'grep -q "\"hostname\": \"debian-test\"" "$tmp/batch/1.json" &&
       grep -q "\"command\": \"$bindir/virt-inspector --json" "$tmp/batch/1.json"' ||
    { cat "$tmp/batch.out"; head -c 2000 "$tmp/batch/1.json"; }

# The examples, as a user builds them: pkg-config against the installed
# copy (PKG_CONFIG_SYSROOT_DIR puts the staging directory in front of its
# paths), an rpath for the non-system library directory.
flags=$(PKG_CONFIG_PATH="$(dirname "$pcfile")" PKG_CONFIG_SYSROOT_DIR="$root" \
        pkg-config --cflags --libs libguestfs)
check "pkg-config libguestfs points into the installed copy ($flags)" \
      'grep -q -- "-I$root/" <<<"$flags" && grep -q -- "-L$root/" <<<"$flags"'
for ex in create-disk inspect-disk; do
    ${CC:-cc} -Wall -Werror -o "$tmp/$ex" "$examples/$ex.c" $flags -Wl,-rpath,"$libdir" \
        > "$tmp/cc.out" 2>&1
    check "example $ex compiles with pkg-config" '[ $? -eq 0 ]' || cat "$tmp/cc.out"
done
out=$(T "$tmp/create-disk" "$tmp/example.img" 2>&1)
check "installed example create-disk runs" '[ $? -eq 0 ]' || echo "$out"
out=$(T "$tmp/inspect-disk" "$tmp/example.img" 2>&1)
check "installed example inspect-disk: no OS on the new disk" \
      'grep -q "no operating systems found" <<<"$out"'
out=$(T "$tmp/inspect-disk" "$deb" 2>&1)
check "installed example inspect-disk describes the Debian guest" \
      'grep -q "Hostname: *debian-test" <<<"$out"' || echo "$out"

# The Python module, when one is installed.
pymod=$(one -name 'libguestfsmod*.so')
if [ -n "$pymod" ]; then
    pydir=$(dirname "$pymod")
    pypy=$(one -name guestfs.py)
    [ -z "$pypy" ] || [ "$(dirname "$pypy")" = "$pydir" ] || pydir="$(dirname "$pypy"):$pydir"
    loaded=$(env -i ldd "$pymod" | awk '$1 == "libguestfs.so.0" { print $3 }')
    check "the Python module loads the installed library ($loaded)" \
          '[ "$(readlink -f "$loaded")" = "$(readlink -f "$lib")" ]'
    out=$(T PYTHONPATH="$pydir" PYTHONDONTWRITEBYTECODE=1 python3 - "$deb" 2>&1 <<'PY'
import sys
import guestfs
g = guestfs.GuestFS(python_return_dict=True)
g.add_drive_opts(sys.argv[1], readonly=1, format="raw")
g.launch()
root = g.inspect_os()[0]
mps = g.inspect_get_mountpoints(root)
for mp in sorted(mps, key=len):
    g.mount_ro(mps[mp], mp)
print(g.inspect_get_product_name(root))
print(g.cat("/etc/hostname").strip())
g.close()
PY
)
    check "Python: inspection from the installed module" \
          '[ "$out" = "$(printf "12.5\ndebian-test")" ]' || echo "$out"
else
    echo "# no Python module installed"
fi

# Bash completion, from the installed files.
comp () {
    local file=$1; shift
    T bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
               f=$(complete -p "$1" | awk "{ print \$(NF - 1) }"); $f
               printf "%s\n" "${COMPREPLY[@]}"' - "$file" "$@" 2>/dev/null
}
check "completion: guestfish options" \
      'comp "$compdir/guestfish" guestfish --ro -- | grep -qx -- --inspector'
check "completion: guestfish commands after the options and after :" \
      'comp "$compdir/guestfish" guestfish --ro -a x.img inspect- | grep -qx inspect-os &&
       comp "$compdir/guestfish" guestfish -a x.img run : mount-r | grep -qx mount-ro'
for p in "${progs[@]}"; do
    case $p in virt-*) ;; *) continue ;; esac
    o=$(T "$p" --long-options | head -n 1)
    check "completion: $p options ($o)" '[ -n "$o" ] && comp "$compdir/$p" "$p" "${o:0:4}" | grep -qx -- "$o"'
done

check "make uninstall removes every file" \
      '(unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
        make -s -C "$top" uninstall DESTDIR="$root") > "$tmp/uninstall.log" 2>&1 &&
       [ -z "$(find "$root" ! -type d)" ]' ||
    { tail -20 "$tmp/uninstall.log"; find "$root" ! -type d; }

echo "# test-install: $((SECONDS - begin)) s"
exit $fail
