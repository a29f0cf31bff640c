#!/bin/bash
# make-appliance.sh SRCDIR OUTDIR: build the guestkit appliance (OUTDIR/kernel,
# OUTDIR/initrd, OUTDIR/inputs) from the host's own kernel, modules, programs
# and libraries.  The initrd is the whole root filesystem (no root disk, no
# udev), so the VM reaches the daemon with nothing but the kernel unpacking
# one cpio.  OUTDIR/inputs lists every host file copied, so the caller can
# stat them to decide whether a cached appliance is stale.
#
# SRCDIR holds: init, guestfsd, programs.list, modules.list.
# Environment: SUPERMIN_KERNEL, SUPERMIN_KERNEL_VERSION, SUPERMIN_MODULES
# (as for supermin); GUESTKIT_INITRD_COMPRESS=lz4|gzip|zstd|xz compresses the
# initrd (default: none, which boots fastest under TCG);
# GUESTKIT_APPLIANCE_VERBOSE=1 prints the build's phases with timestamps.
#
# A fork costs milliseconds on small machines, so the work is done in
# batches (one ldd, one cp, one modprobe) rather than per file.

set -euo pipefail
export LC_ALL=C
umask 022

prog=make-appliance.sh
die() { echo "$prog: error: $*" >&2; exit 1; }
note() { echo "$prog: $*" >&2; }
verbose() { [ -z "${GUESTKIT_APPLIANCE_VERBOSE:-}" ] || echo "$prog: [${EPOCHREALTIME}] $*" >&2; }

[ $# -eq 2 ] || die "usage: $prog SRCDIR OUTDIR"
[ -n "$1" ] && [ -n "$2" ] || die "usage: $prog SRCDIR OUTDIR"
# Absolute, because the build changes directory.
srcdir=$(realpath -e "$1") || die "$1: no such directory"
outdir=$(realpath -m "$2")

for f in init guestfsd programs.list modules.list; do
    [ -r "$srcdir/$f" ] || die "$srcdir/$f: missing or unreadable"
done
[ -x "$srcdir/init" ] || die "$srcdir/init: not executable"
[ -x "$srcdir/guestfsd" ] || die "$srcdir/guestfsd: not executable"
export PATH=$PATH:/usr/sbin:/sbin
for t in ldd cpio depmod modprobe realpath od xz; do
    command -v "$t" >/dev/null 2>&1 || die "required host tool '$t' not found"
done

# ---------------------------------------------------------------------------
# Pick the kernel.

# The version string a bzImage carries in its setup header ("6.1.0-56-amd64
# (debian-kernel@...) #1 SMP ..."): pointer at 0x20e, relative to 0x200.
bzimage_version() {
    local magic ptr
    magic=$(od -An -c -j $((0x202)) -N4 "$1" 2>/dev/null | tr -d ' ')
    [ "$magic" = HdrS ] || return 1
    ptr=$(od -An -tu2 -j $((0x20e)) -N2 "$1" | tr -d ' ')
    dd if="$1" bs=1 skip=$((ptr + 0x200)) count=128 status=none |
        tr '\0' '\n' | head -n1 | cut -d' ' -f1
}

if [ -n "${SUPERMIN_MODULES:-}" ] && [ ! -d "$SUPERMIN_MODULES" ]; then
    die "SUPERMIN_MODULES=$SUPERMIN_MODULES: no such directory"
fi
if [ -n "${SUPERMIN_KERNEL:-}" ]; then
    kernel=$SUPERMIN_KERNEL
    [ -r "$kernel" ] || die "SUPERMIN_KERNEL=$kernel: missing or unreadable"
    kver=${SUPERMIN_KERNEL_VERSION:-}
    if [ -z "$kver" ]; then
        kver=$(bzimage_version "$kernel") ||
            die "SUPERMIN_KERNEL=$kernel: cannot read its version; set SUPERMIN_KERNEL_VERSION"
    fi
elif [ -n "${SUPERMIN_KERNEL_VERSION:-}" ]; then
    kver=$SUPERMIN_KERNEL_VERSION
    kernel=/boot/vmlinuz-$kver
    [ -r "$kernel" ] || die "SUPERMIN_KERNEL_VERSION=$kver: $kernel missing or unreadable"
else
    kernel= kver=
    # Newest first; a kernel without its modules tree cannot be used.
    while read -r k; do
        v=${k#/boot/vmlinuz-}
        if [ -d "${SUPERMIN_MODULES:-/lib/modules/$v}" ]; then
            kernel=$k kver=$v
            break
        fi
    done < <(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -rV)
    [ -n "$kernel" ] ||
        die "no kernel found: need /boot/vmlinuz-VERSION with /lib/modules/VERSION (install linux-image-amd64, or set SUPERMIN_KERNEL)"
    [ -r "$kernel" ] ||
        die "$kernel: not readable by this user (make it readable, or set SUPERMIN_KERNEL to a readable copy)"
fi
moddir=${SUPERMIN_MODULES:-/lib/modules/$kver}
[ -d "$moddir" ] || die "$moddir: kernel modules directory missing (kernel $kver)"
[ -r "$moddir/modules.dep" ] || die "$moddir/modules.dep: missing (run depmod $kver)"
moddir=$(realpath "$moddir")
kernel=$(realpath "$kernel")
verbose "kernel $kernel, version $kver, modules $moddir"

# ---------------------------------------------------------------------------
# Work area next to OUTDIR so the final rename stays on one filesystem.

parent=$(dirname "$outdir")
mkdir -p "$parent" || die "cannot create $parent"
tmp=$(mktemp -d "$parent/.appliance-build.XXXXXX") || die "cannot create a temp dir in $parent"
trap 'kill "${kernel_job:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
root=$tmp/root
out=$tmp/out
mkdir -p "$root" "$out"
mkdir -p "$root"/{proc,sys,dev,run,tmp,sysroot,root,etc,var/tmp}
chmod 1777 "$root/tmp" "$root/var/tmp"

declare -a inputs=()

# ---------------------------------------------------------------------------
verbose "phase: kernel (in the background)"

# The ELF vmlinux inside the bzImage, started by qemu through its PVH entry
# point, skips the in-guest decompression (seconds under TCG).
extract_vmlinux() {
    local k=$1 dst=$2 setup_sects off len magic size want
    [ "$(od -An -c -j $((0x202)) -N4 "$k" | tr -d ' ')" = HdrS ] || return 1
    setup_sects=$(od -An -tu1 -j $((0x1f1)) -N1 "$k" | tr -d ' ')
    [ "$setup_sects" -ne 0 ] || setup_sects=4
    read -r off len < <(od -An -tu4 -j $((0x248)) -N8 "$k")
    [ "${len:-0}" -gt 4 ] || return 1
    off=$(( (setup_sects + 1) * 512 + off ))
    magic=$(od -An -tx1 -j "$off" -N6 "$k" | tr -d ' \n')
    # The kernel build appends the uncompressed size (le32) to the payload.
    want=$(od -An -tu4 -j $((off + len - 4)) -N4 "$k" | tr -d ' ')
    payload() { tail -c +$((off + 1)) "$k" | head -c $((len - 4)); }
    case $magic in
        fd377a585a00*) payload | xz -dc --single-stream ;;
        28b52ffd*)     payload | zstd -qdc ;;
        1f8b*)         payload | gzip -dc ;;
        5d00*)         payload | xz --format=lzma -dc ;;
        425a68*)       payload | bzip2 -dc ;;
        02214c18*)     payload | lz4 -dc ;;
        894c5a4f*)     payload | lzop -dc ;;
        *) return 1 ;;
    esac > "$dst" 2>/dev/null || true
    size=$(stat -c %s "$dst")
    [ "$size" = "$want" ] || return 1
    [ "$(head -c4 "$dst" | od -An -c | tr -d ' ')" = '177ELF' ] || return 1
    # qemu can start an ELF kernel only through its PVH note (Xen, type 18).
    grep -q -aP '\x04\x00\x00\x00[\x04\x08]\x00\x00\x00\x12\x00\x00\x00Xen\x00' "$dst" || return 1
}

# Decompressing takes as long as all the rest, so it runs alongside.
prepare_kernel() {
    if [ "$(head -c4 "$kernel" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        cp "$kernel" "$out/kernel"
    elif extract_vmlinux "$kernel" "$out/kernel"; then
        :
    else
        echo "could not extract an ELF vmlinux with a PVH entry from $kernel; using the bzImage (boots slower)" > "$tmp/kernel.note"
        cp "$kernel" "$out/kernel"
    fi
}
prepare_kernel &
kernel_job=$!


# Paths recorded in binaries (the ELF interpreter /lib64/ld-linux-x86-64.so.2,
# RPATHs, the lib paths ldd prints, multi-call names like mkfs.ext4 ->
# mke2fs) must resolve inside the image as on the host, so every symlink met
# on the way to a copied file is recreated with the same target.  Files and
# directories are only created at host *real* paths, which contain no
# symlink in the image either: nothing written during the build can follow a
# symlink out of $root.

# Symlink targets, read a whole directory at a time (one find, not one
# readlink per link).
declare -A linkdir_done=() link_target=()
read_links() {
    local d=$1 name target
    linkdir_done[x$d]=1
    while IFS=$'\t' read -r -d '' name target; do
        link_target[$d/$name]=$target
    done < <(find "${d:-/}" -mindepth 1 -maxdepth 1 -type l -printf '%f\t%l\0' 2>/dev/null)
}

# resolve_into_image PATH: set RESOLVED to PATH's real path, recreating in
# the image each symlink on the way.
declare -A resolved_cache=()
resolve_into_image() {
    if [ -n "${resolved_cache[$1]:-}" ]; then
        RESOLVED=${resolved_cache[$1]}
        return
    fi
    local rest=${1#/} prefix= comp q t hops=0
    while [ -n "$rest" ]; do
        comp=${rest%%/*}
        if [ "$comp" = "$rest" ]; then rest=; else rest=${rest#*/}; fi
        case $comp in
            ''|.) continue ;;
            ..) prefix=${prefix%/*}; continue ;;
        esac
        q=$prefix/$comp
        if [ -L "$q" ]; then
            hops=$((hops + 1))
            [ $hops -le 40 ] || die "$1: too many levels of symlinks"
            [ -n "${linkdir_done[x$prefix]:-}" ] || read_links "$prefix"
            t=${link_target[$q]:-}
            [ -n "$t" ] || die "$q: cannot read symlink"
            if [ ! -L "$root$q" ]; then
                [ -d "$root$prefix" ] || mkdir -p "$root$prefix"
                ln -s "$t" "$root$q"
            fi
            case $t in /*) prefix= ;; esac
            rest=${t#/}${rest:+/$rest}
        else
            prefix=$q
        fi
    done
    RESOLVED=${prefix:-/}
    resolved_cache[$1]=$RESOLVED
}

# add_file PATH: queue PATH's real file for copying into the image at its
# real path, with the symlinks leading to it.
declare -A copied=()
declare -a pending=()
add_file() {
    local r
    resolve_into_image "$1"
    r=$RESOLVED
    if [ -z "${copied[$r]:-}" ]; then
        [ -e "$r" ] || die "$1: dangling symlink"
        copied[$r]=1
        inputs+=("$r")
        pending+=("$r")
    fi
}
flush_files() {
    if [ ${#pending[@]} -gt 0 ]; then
        printf '%s\0' "${pending[@]}" |
            (cd / && xargs -0 cp --parents --preserve=mode,timestamps -t "$root") ||
            die "copying host files into the image failed"
        pending=()
    fi
}

# image_dir DIR: make DIR exist in the image (as on the host) and set
# RESOLVED to its real path, under which files in it go.
image_dir() {
    resolve_into_image "$1"
    [ -d "$root$RESOLVED" ] || mkdir -p "$root$RESOLVED"
}

find_program() {
    local d
    for d in /usr/sbin /usr/bin /sbin /bin; do
        if [ -x "$d/$1" ] && [ ! -d "$d/$1" ]; then
            FOUND=$d/$1
            return 0
        fi
    done
    return 1
}

# ---------------------------------------------------------------------------
verbose "phase: programs and data files"

declare -a programs=()
while read -r entry _; do
    case $entry in ''|'#'*) continue ;; esac
    optional=
    if [ "${entry#\?}" != "$entry" ]; then optional=1; entry=${entry#\?}; fi
    case $entry in
        /*)
            if [ -d "$entry" ]; then
                while IFS= read -r -d '' f; do add_file "$f"; done \
                    < <(find "$entry" \( -type f -o -type l \) -print0)
            elif [ -e "$entry" ]; then
                add_file "$entry"
            elif [ -n "$optional" ]; then
                note "optional file $entry not on this host, skipped"
            else
                die "$entry: required data file not found on this host"
            fi
            ;;
        *)
            if find_program "$entry"; then
                add_file "$FOUND"
                programs+=("$RESOLVED")
            elif [ -n "$optional" ]; then
                note "optional program $entry not on this host, skipped"
            else
                die "required program '$entry' not found in /usr/sbin /usr/bin /sbin /bin (programs.list)"
            fi
            ;;
    esac
done < "$srcdir/programs.list"

# glibc finds libraries outside its default directories through the cache.
[ -r /etc/ld.so.cache ] && add_file /etc/ld.so.cache

# init and the daemon come from SRCDIR, not from the host's paths.
image_dir /sbin
daemon_dir=$RESOLVED
cp "$srcdir/init" "$root/init"
cp "$srcdir/guestfsd" "$root$daemon_dir/guestfsd"
chmod 0755 "$root/init" "$root$daemon_dir/guestfsd"
for f in init guestfsd programs.list modules.list; do
    inputs+=("$(realpath "$srcdir/$f")")
done
inputs+=("$(realpath "$0")")
[ "$(head -c4 "$srcdir/init" | od -An -c | tr -d ' ')" = '177ELF' ] ||
    die "$srcdir/init: not an ELF executable"

# ---------------------------------------------------------------------------
verbose "phase: shared libraries"

# ldd is a shell script that costs ~60 ms a file; asking the dynamic loader
# directly costs a fifth of that, and two workers use both cores.  Static
# binaries make the loader fail without printing anything, which is right.
# A missing library is an error: the program would not run in the appliance.
rtld=$(ldd /bin/sh 2>/dev/null | sed -n 's/^[[:space:]]*\(\/[^ ]*\) (0x.*$/\1/p' | head -n1)
[ -n "$rtld" ] && [ -x "$rtld" ] || die "cannot find the host's dynamic loader (ldd /bin/sh)"
add_file "$rtld"
list_deps() {
    local f
    for f; do
        echo "$f:"
        "$rtld" --list "$f" || true
    done 2>/dev/null
}
mapfile -t elves < <(printf '%s\n' "${programs[@]}" "$(realpath "$srcdir/guestfsd")" | sort -u)
half=$(( (${#elves[@]} + 1) / 2 ))
list_deps "${elves[@]:0:$half}" > "$tmp/deps1" &
list_deps "${elves[@]:$half}" > "$tmp/deps2"
wait $! || true
lddout=$(cat "$tmp/deps1" "$tmp/deps2")
if grep -q 'not found' <<<"$lddout"; then
    die "missing shared libraries: $(grep -E '^/|not found' <<<"$lddout" | grep -B1 'not found' | tr -s ' \t' ' ' | tr '\n' ' ')"
fi
while read -r lib; do
    add_file "$lib"
done < <(sed -n -e 's/^.* => \(\/[^ ]*\) (0x.*$/\1/p' \
                -e 's/^[[:space:]]*\(\/[^ ]*\) (0x.*$/\1/p' <<<"$lddout" | sort -u)
flush_files

# ---------------------------------------------------------------------------
verbose "phase: busybox"

# A shell for debugging and every basic tool not copied above.  --install
# leaves existing names alone.
bb=
for d in /usr/bin /bin /usr/sbin /sbin; do
    if [ -x "$d/busybox" ] && ! ldd "$d/busybox" >/dev/null 2>&1; then
        bb=$d/busybox
        break
    fi
done
if [ -n "$bb" ]; then
    add_file "$bb"
    bbreal=$RESOLVED
    flush_files
    image_dir /usr/bin
    bbdir=$tmp/bbinst
    mkdir "$bbdir"
    # Install into a scratch dir, then move over only names not taken, so
    # that --install never follows an image symlink to the host.
    "$bbreal" --install -s "$bbdir" 2>/dev/null || true
    taken=(init linuxrc)
    for l in "$bbdir"/*; do
        n=${l##*/}
        if [ -e "$root$RESOLVED/$n" ] || [ -L "$root$RESOLVED/$n" ]; then
            taken+=("$n")
        fi
    done
    (cd "$bbdir" && rm -f -- "${taken[@]}")
    if [ -n "$(ls -A "$bbdir")" ]; then
        mv -- "$bbdir"/* "$root$RESOLVED/"
    fi
    rmdir "$bbdir"
    [ -e "$root$RESOLVED/sh" ] || ln -s "$bbreal" "$root$RESOLVED/sh"
    image_dir /bin
else
    note "static busybox not found (apt-get install busybox-static): no debug shell in the appliance"
fi

# While the kernel boots, builtin code asks for modules by alias
# (crypto-hmac(sha256), crypto-cbc(aes), ...) that it has builtin anyway;
# each request would run kmod, which costs ~100 ms under TCG (most of it
# the dynamic loader relocating libcrypto).  So modprobe is stored as
# /sbin/.modprobe: those requests fail at exec, and init renames it to
# /sbin/modprobe once it has loaded the eager modules.
image_dir /sbin
if [ -L "$root$RESOLVED/modprobe" ] || [ -e "$root$RESOLVED/modprobe" ]; then
    mv "$root$RESOLVED/modprobe" "$root$RESOLVED/.modprobe"
fi
# For the kernel's own requests after boot (mount -> fs-ext4, /dev/fuse,
# dm targets, crypto algorithms) init points kernel.modprobe at busybox's
# static modprobe, which reads the same depmod files and starts in a
# fraction of the time: the first ext4 mount takes 0.13 s instead of 0.32 s.
# Programs in the appliance still get kmod's modprobe on PATH.
if [ -n "$bb" ]; then
    image_dir /usr/lib
    mkdir -p "$root$RESOLVED/guestkit"
    ln -s "$bbreal" "$root$RESOLVED/guestkit/modprobe"
fi

# ---------------------------------------------------------------------------
verbose "phase: kernel modules"

# modules.list with every dependency (and pre-softdep), a depmod-made index
# for the in-image modprobe, and the eager load order for init.

# kmod wants DIR/lib/modules/VERSION; this also makes SUPERMIN_MODULES work
# when it is not under /lib/modules.
kroot=$tmp/kroot
mkdir -p "$kroot/lib/modules"
ln -s "$moddir" "$kroot/lib/modules/$kver"

declare -a mod_all=() mod_eager=()
declare -A mod_optional=() mod_params=()
while read -r entry flag params; do
    case $entry in ''|'#'*) continue ;; esac
    if [ "${entry#\?}" != "$entry" ]; then
        entry=${entry#\?}
        mod_optional[$entry]=1
    fi
    mod_all+=("$entry")
    if [ "$flag" = eager ]; then
        mod_eager+=("$entry")
        [ -z "$params" ] || mod_params[${entry//-/_}]=$params
    fi
done < "$srcdir/modules.list"

# Prints "insmod PATH" for each module and its dependencies, in load order.
show_depends() {
    modprobe -d "$kroot" -S "$kver" -C /dev/null -a --show-depends "$@" 2>"$tmp/modprobe.err" || true
    local m
    while read -r m; do
        if [ -n "${mod_optional[$m]:-}" ]; then
            verbose "optional module $m not in kernel $kver, skipped"
        else
            die "kernel module '$m' not found for kernel $kver in $moddir (modules.list)"
        fi
    done < <(sed -n 's/.*Module \([^ ]*\) not found.*/\1/p' "$tmp/modprobe.err")
}

image_dir /lib/modules
imgmod=$RESOLVED/$kver
mkdir -p "$root$imgmod"

declare -A mod_seen=()
declare -a mod_rel=() eager_order=()
# Paths inside the module tree, relative to it, of every module to copy.
while read -r kind path _; do
    [ "$kind" = insmod ] || continue          # "builtin NAME": nothing to copy
    rel=${path#"$kroot/lib/modules/$kver/"}
    [ -z "${mod_seen[$rel]:-}" ] || continue
    mod_seen[$rel]=1
    mod_rel+=("$rel")
done < <(show_depends "${mod_all[@]}")
[ ${#mod_rel[@]} -gt 0 ] || die "no kernel modules resolved from modules.list"

declare -A eager_seen=()
if [ ${#mod_eager[@]} -gt 0 ]; then
    while read -r kind path _; do
        [ "$kind" = insmod ] || continue
        rel=${path#"$kroot/lib/modules/$kver/"}
        rel=${rel%.xz}; rel=${rel%.zst}; rel=${rel%.gz}
        [ -z "${eager_seen[$rel]:-}" ] || continue
        eager_seen[$rel]=1
        name=${rel##*/}; name=${name%.ko}; name=${name//-/_}
        eager_order+=("$imgmod/$rel${mod_params[$name]:+ ${mod_params[$name]}}")
    done < <(show_depends "${mod_eager[@]}")
fi

# Module files are regular files in Debian's tree; resolve them anyway so
# inputs lists real paths.
declare -a mod_plain=() mod_packed=()
for rel in "${mod_rel[@]}"; do
    case $rel in
        *.ko) mod_plain+=("$rel") ;;
        *) mod_packed+=("$rel") ;;
    esac
done
if [ ${#mod_plain[@]} -gt 0 ]; then
    (cd "$moddir" && printf '%s\0' "${mod_plain[@]}" | xargs -0 cp --parents -t "$root$imgmod") ||
        die "copying kernel modules failed"
    while IFS= read -r -d '' r; do inputs+=("$r"); done \
        < <(cd "$moddir" && printf '%s\0' "${mod_plain[@]}" | xargs -0 realpath -z -e)
fi
# init loads eager modules with finit_module(), which wants them
# uncompressed; the kernel's in-kernel decompression is not always built.
for rel in "${mod_packed[@]}"; do
    r=$(realpath -e "$moddir/$rel") || die "$moddir/$rel: missing"
    inputs+=("$r")
    dest=$root$imgmod/${rel%.*}
    mkdir -p "${dest%/*}"
    case $rel in
        *.xz)  xz -dc "$r" > "$dest" ;;
        *.zst) zstd -qdc "$r" > "$dest" ;;
        *.gz)  gzip -dc "$r" > "$dest" ;;
        *) die "$r: unknown module compression" ;;
    esac || die "$r: cannot decompress"
done

# The kernel checks a module's signature by hashing all of it (~80 ms for
# btrfs.ko under TCG) although nothing here enforces signatures; without
# one it only notes a taint.  Kernels that enforce signatures keep theirs.
if grep -qx 'CONFIG_MODULE_SIG_FORCE=y' "/boot/config-$kver" 2>/dev/null ||
   [ ! -r "/boot/config-$kver" ] || ! command -v perl >/dev/null; then
    verbose "keeping module signatures"
else
    find "$root$imgmod" -name '*.ko' -print0 | xargs -0 -r perl -e '
        my $magic = "~Module signature appended~\n";
        for my $f (@ARGV) {
            open(my $fh, "<:raw", $f) or die "$f: $!\n";
            my $size = -s $fh;
            next if $size < 40;
            seek($fh, $size - 40, 0); read($fh, my $tail, 40); close $fh;
            next unless substr($tail, 12) eq $magic;
            my $siglen = unpack("N", substr($tail, 8, 4));
            next if $siglen + 40 > $size;
            truncate($f, $size - 40 - $siglen) or die "$f: $!\n";
        }' || die "stripping module signatures failed"
fi

for f in modules.order modules.builtin modules.builtin.modinfo; do
    if [ -r "$moddir/$f" ]; then
        cp "$moddir/$f" "$root$imgmod/$f"
        inputs+=("$(realpath "$moddir/$f")")
    fi
done
# depmod -b wants BASE/lib/modules/VERSION; point it at the image's real
# directory rather than through the image's /lib, which may be an absolute
# symlink that would lead back to the host during the build.
mkdir -p "$tmp/dmroot/lib/modules"
ln -s "$root$imgmod" "$tmp/dmroot/lib/modules/$kver"
depmod -b "$tmp/dmroot" "$kver" 2>"$tmp/depmod.err" ||
    die "depmod failed: $(cat "$tmp/depmod.err")"
printf '%s\n' "${eager_order[@]}" > "$root$imgmod/../eager.order"

# ---------------------------------------------------------------------------
verbose "phase: configuration files"

cat > "$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
EOF
cat > "$root/etc/group" <<'EOF'
root:x:0:
EOF
ln -s /proc/mounts "$root/etc/mtab"
: > "$root/etc/fstab"
echo guestkit > "$root/etc/hostname"
# parted and others run `udevadm settle` after changing partitions; with no
# udev there is nothing to wait for.
image_dir /usr/bin
if [ ! -e "$root$RESOLVED/udevadm" ] && [ ! -L "$root$RESOLVED/udevadm" ]; then
    cat > "$root$RESOLVED/udevadm" <<'EOF'
#!/bin/sh
# guestkit appliance: there is no udev; settling has nothing to wait for.
case $1 in
    settle|trigger|control) exit 0 ;;
    *) echo "udevadm: no udev in the guestkit appliance" >&2; exit 1 ;;
esac
EOF
    chmod 0755 "$root$RESOLVED/udevadm"
fi
mkdir -p "$root/etc/lvm"
# No udev in the appliance: libdevmapper and lvm must make their own
# /dev/mapper nodes and /dev/VG links, and must not wait for udev cookies.
cat > "$root/etc/lvm/lvm.conf" <<'EOF'
devices {
    use_devicesfile = 0
    obtain_device_list_from_udev = 0
    external_device_info_source = "none"
}
activation {
    udev_sync = 0
    udev_rules = 0
    monitoring = 0
}
global {
    event_activation = 0
}
backup {
    backup = 0
    archive = 0
}
EOF

# ---------------------------------------------------------------------------
verbose "phase: initrd"

# One newc cpio, owned by root whoever builds it.
(cd "$root" && find . -mindepth 1 | sort | cpio -o -H newc -R 0:0 --quiet) > "$out/initrd.cpio" ||
    die "cpio failed"
case ${GUESTKIT_INITRD_COMPRESS:-none} in
    none) mv "$out/initrd.cpio" "$out/initrd" ;;
    lz4)  lz4 -l -q -c "$out/initrd.cpio" > "$out/initrd" && rm "$out/initrd.cpio" ;;
    gzip) gzip -1 -c "$out/initrd.cpio" > "$out/initrd" && rm "$out/initrd.cpio" ;;
    zstd) zstd -q -c "$out/initrd.cpio" > "$out/initrd" && rm "$out/initrd.cpio" ;;
    xz)   xz --check=crc32 -c "$out/initrd.cpio" > "$out/initrd" && rm "$out/initrd.cpio" ;;
    *) die "GUESTKIT_INITRD_COMPRESS=${GUESTKIT_INITRD_COMPRESS}: unknown" ;;
esac || die "compressing the initrd failed"

# ---------------------------------------------------------------------------
verbose "phase: waiting for the kernel"

wait "$kernel_job" || die "preparing the kernel failed"
[ ! -s "$tmp/kernel.note" ] || note "$(cat "$tmp/kernel.note")"
inputs+=("$kernel")

printf '%s\n' "${inputs[@]}" | sort -u > "$out/inputs"

# ---------------------------------------------------------------------------
verbose "phase: publish"

# The caller holds a lock, so swapping OUTDIR through two renames only has
# to keep readers from ever seeing a half-written directory.
rm -rf "$root" "$kroot" "$tmp/dmroot"
if [ -e "$outdir" ] || [ -L "$outdir" ]; then
    mv -T "$outdir" "$tmp/old" || die "cannot move the old $outdir aside"
fi
mv -T "$out" "$outdir" || die "cannot rename the new appliance to $outdir"
verbose "built $outdir: kernel $(stat -c %s "$outdir/kernel") bytes, initrd $(stat -c %s "$outdir/initrd") bytes"
exit 0
