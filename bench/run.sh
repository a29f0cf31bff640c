#!/bin/bash -
# Benchmark table, guestkit (this build tree) against libguestfs 1.x
# (/usr/bin, direct backend, TCG), both sides run alternately in one run,
# one stdout line per row: "NAME ours=VALUE ref=VALUE ratio=OURS/REF".
#   usage: bench/run.sh [ROW[,ROW...]]   (default: all rows)
#   rows:  cold warm calls upload download inspector df20 memory
#   RUNS=N overrides the repetitions of the median rows (cold, warm,
#   calls, inspector, transfer baselines), CALLS=N the calls of "calls";
#   diagnostics (and the raw times) go to stderr; MB = 10^6 bytes.  Exit
#   status 1 if a benchmarked command failed (its value is then "-").
set -u
export LC_ALL=C

top="$(cd "$(dirname "$0")/.." && pwd)"
all_rows="cold warm calls upload download inspector df20 memory"
debian="$top/tests/data/inspect-debian.img"
ncalls="${CALLS:-20000}"

note () { echo "bench/run.sh: $*" >&2; }

sel="${1:-all}"
[ "$sel" = all ] && sel="${all_rows// /,}"
for r in ${sel//,/ }; do
    case " $all_rows " in
        *" $r "*) ;;
        *) note "unknown row '$r' (rows: $all_rows)"; exit 2 ;;
    esac
done
want () { case ",$sel," in *",$1,"*) return 0 ;; esac; return 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Ours: the build tree, default settings.  Ours cold: no saved appliance
# state.  Ref: the installed libguestfs.
OURS=(env -u LIBGUESTFS_BACKEND_SETTINGS "$top/run")
OURS_COLD=(env LIBGUESTFS_BACKEND_SETTINGS=no_snapshot "$top/run")
REF=(env -u LIBGUESTFS_PATH LIBGUESTFS_BACKEND=direct LIBGUESTFS_BACKEND_SETTINGS=force_tcg)

have_ref=false
if [ -x /usr/bin/guestfish ] && /usr/bin/guestfish --version 2>/dev/null | grep -q '^guestfish 1\.'; then
    have_ref=true
else
    note "libguestfs 1.x not installed: ref=- for every row"
fi

# elapsed CMD...: run CMD (stdout to $tmp/stdout), print its wall time in
# seconds; on failure say so on stderr and return 1.
elapsed () {
    local t0 t1
    t0=$EPOCHREALTIME
    if ! "$@" >"$tmp/stdout" 2>"$tmp/stderr"; then
        note "failed: $*"
        : > "$tmp/failed"
        tail -n 5 "$tmp/stderr" | sed 's/^/    /' >&2
        return 1
    fi
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
}

median () {
    sort -n | awk '{ a[NR] = $1 } END {
        if (NR == 0) exit 1
        printf "%.6f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# pair N OURS-FN REF-FN: run the two functions alternately N times each
# (ours first); set O and R to the median times ("" if a run failed or
# the side is not measured).
pair () {
    local n="$1" of="$2" rf="$3" i v os="" rs="" ofail=false rfail=false
    for ((i = 0; i < n; i++)); do
        if ! $ofail; then
            if v=$(elapsed "$of"); then os+="$v"$'\n'; else ofail=true; fi
        fi
        if $have_ref && ! $rfail; then
            if v=$(elapsed "$rf"); then rs+="$v"$'\n'; else rfail=true; fi
        fi
    done
    note "  ours: $(echo $os)  ref: $(echo $rs)"
    O=""; R=""
    $ofail || O=$(printf '%s' "$os" | median)
    $have_ref && ! $rfail && R=$(printf '%s' "$rs" | median)
    return 0
}

fmt () {
    case "$1" in
        s)   printf '%.2fs' "$2" ;;
        ms)  printf '%.3fms' "$2" ;;
        mbs) printf '%.0fMB/s' "$2" ;;
        mb)  printf '%.0fMB' "$2" ;;
    esac
}

# row NAME UNIT OURS REF: the one stdout line of a row ("" = not measured).
row () {
    local o=- r=- ratio=-
    [ -n "$3" ] && o=$(fmt "$2" "$3")
    [ -n "$4" ] && r=$(fmt "$2" "$4")
    if [ -n "$3" ] && [ -n "$4" ]; then
        ratio=$(awk -v a="$3" -v b="$4" 'BEGIN { if (b == 0) print "-"; else printf "%.3f", a / b }')
    fi
    echo "$1 ours=$o ref=$r ratio=$ratio"
}

# Warm both appliances first: building libguestfs's supermin appliance
# (or anything of ours) is not a launch.
note "warming up the appliances"
"${OURS[@]}" guestfish -a /dev/null run >/dev/null 2>&1 ||
    note "warning: our warm-up launch failed"
if $have_ref; then
    "${REF[@]}" /usr/bin/guestfish -a /dev/null run >/dev/null 2>&1 ||
        note "warning: libguestfs warm-up launch failed"
fi

# The 100 MiB ext4 image of cold, warm, calls (and memory's fallback).
small="$tmp/small.img"
make_small () {
    [ -f "$small" ] && return 0
    truncate -s 100M "$small" &&
        "${OURS[@]}" guestfish --format=raw -a "$small" run : mkfs ext4 /dev/sda >/dev/null 2>"$tmp/stderr" ||
        { note "could not make the ext4 image"; cat "$tmp/stderr" >&2; rm -f "$small"; return 1; }
}

# --- 1, 2. cold, warm --------------------------------------------------
# launch_row NAME OURS-FN: `guestfish -a IMG run`, ours against the same
# libguestfs launch (it has no warm path), median of RUNS (5).
r_launch () { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$small" run; }
o_cold () { "${OURS_COLD[@]}" guestfish --format=raw -a "$small" run; }
o_warm () { "${OURS[@]}" guestfish --format=raw -a "$small" run; }
launch_row () {
    O=""; R=""
    if make_small; then
        "$2" >/dev/null 2>&1 || note "warning: untimed warm-up run failed"
        pair "${RUNS:-5}" "$2" r_launch
    fi
    row "$1" s "$O" "$R"
}
if want cold; then
    note "cold: guestfish -a IMG run without a saved state, median of ${RUNS:-5}"
    launch_row cold o_cold
fi
if want warm; then
    note "warm: guestfish -a IMG run with the saved state, median of ${RUNS:-5}"
    launch_row warm o_warm
fi

# --- 3. calls ----------------------------------------------------------
# Time per call = (session with the calls - session without) / N, medians
# of RUNS sessions each.  A launch of libguestfs varies by a second or
# more from one to the next, so N is 20000, not 2000 (CALLS=N overrides).
# Both sessions also print the time before and after the calls (guestfish
# "!date"): the per-call time from those, free of launch noise, is given
# on stderr as a cross-check.
if want calls; then
    note "calls: $ncalls exists calls in one session, medians of ${RUNS:-3} sessions with and without"
    O=""; R=""
    if make_small; then
        printf 'run\nmount /dev/sda /\n!date +%%s.%%N\n' > "$tmp/base.gf"
        { cat "$tmp/base.gf"; for ((i = 0; i < ncalls; i++)); do echo "exists /"; done; echo '!date +%s.%N'; } > "$tmp/calls.gf"
        echo '!date +%s.%N' >> "$tmp/base.gf"
        o_base ()  { "${OURS[@]}" guestfish --format=raw -a "$small" -f "$tmp/base.gf"; }
        o_calls () { "${OURS[@]}" guestfish --format=raw -a "$small" -f "$tmp/calls.gf"; }
        r_base ()  { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$small" -f "$tmp/base.gf"; }
        r_calls () { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$small" -f "$tmp/calls.gf"; }
        # per-call time in ms from the two stamps in $tmp/stdout
        inside () {
            awk -v n="$ncalls" '/^[0-9]+\.[0-9]+$/ { t[++k] = $1 }
                END { if (k == 2) printf "%.3f\n", (t[2] - t[1]) * 1000 / n; else print "?" }' "$tmp/stdout"
        }
        # Alternate sessions without and with the calls, ours and ref.
        ob=""; oc=""; rb=""; rc=""; oi=""; ri=""; of=false; rf=false
        for ((k = 0; k < ${RUNS:-3}; k++)); do
            $of || { v=$(elapsed o_base)  && ob+="$v"$'\n'; } || of=true
            if $have_ref && ! $rf; then { v=$(elapsed r_base) && rb+="$v"$'\n'; } || rf=true; fi
            $of || { v=$(elapsed o_calls) && oc+="$v"$'\n' && oi+="$(inside) "; } || of=true
            if $have_ref && ! $rf; then { v=$(elapsed r_calls) && rc+="$v"$'\n' && ri+="$(inside) "; } || rf=true; fi
        done
        note "  ours without: $(echo $ob) with: $(echo $oc); in-session ms/call: $oi"
        note "  ref without: $(echo $rb) with: $(echo $rc); in-session ms/call: $ri"
        per_call () {
            awk -v a="$(printf '%s' "$1" | median)" -v b="$(printf '%s' "$2" | median)" -v n="$ncalls" \
                'BEGIN { printf "%.6f\n", (a - b) * 1000 / n }'
        }
        $of || O=$(per_call "$oc" "$ob")
        $have_ref && ! $rf && R=$(per_call "$rc" "$rb")
    fi
    row calls ms "$O" "$R"
fi

# --- 4, 5. upload, download --------------------------------------------
if want upload || want download; then
    bytes=$((1024 * 1024 * 1024))
    note "upload/download: 1 GiB of random data, baselines median of ${RUNS:-3}"
    Ou=""; Ru=""; Od=""; Rd=""
    ok=true
    head -c "$bytes" /dev/urandom > "$tmp/in" || ok=false
    # One image per side, so each side downloads what it uploaded.
    for s in o r; do
        $ok || break
        truncate -s 2355M "$tmp/t$s.img" &&
            "${OURS[@]}" guestfish --format=raw -a "$tmp/t$s.img" run : mkfs ext4 /dev/sda >/dev/null 2>"$tmp/stderr" ||
            { note "could not make the transfer image"; cat "$tmp/stderr" >&2; ok=false; }
    done
    if $ok; then
        o_tbase () { "${OURS[@]}" guestfish --format=raw -a "$tmp/to.img" run : mount /dev/sda /; }
        r_tbase () { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$tmp/tr.img" run : mount /dev/sda /; }
        o_up () { "${OURS[@]}" guestfish --format=raw -a "$tmp/to.img" run : mount /dev/sda / : upload "$tmp/in" /f; }
        r_up () { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$tmp/tr.img" run : mount /dev/sda / : upload "$tmp/in" /f; }
        o_down () { "${OURS[@]}" guestfish --format=raw -a "$tmp/to.img" run : mount /dev/sda / : download /f "$tmp/out"; }
        r_down () { "${REF[@]}" /usr/bin/guestfish --format=raw -a "$tmp/tr.img" run : mount /dev/sda / : download /f "$tmp/out"; }
        pair "${RUNS:-3}" o_tbase r_tbase
        ob="$O"; rb="$R"
        rate () { awk -v t="$1" -v b="$2" -v n="$bytes" 'BEGIN { printf "%.6f\n", n / 1e6 / (t - b) }'; }
        # Interleaved: upload ours, upload ref, download ours, download ref.
        ot=""; rt=""
        if [ -n "$ob" ]; then
            ot=$(elapsed o_up) && Ou=$(rate "$ot" "$ob") && note "  ours upload: $ot"
        fi
        if $have_ref && [ -n "$rb" ]; then
            rt=$(elapsed r_up) && Ru=$(rate "$rt" "$rb") && note "  ref upload: $rt"
        fi
        for s in o r; do
            [ "$s" = r ] && ! $have_ref && continue
            if [ "$s" = o ]; then up="$Ou"; base="$ob"; else up="$Ru"; base="$rb"; fi
            [ -n "$up" ] || continue
            rm -f "$tmp/out"
            if t=$(elapsed "${s}_down"); then
                note "  $s download: $t"
                if cmp -s "$tmp/in" "$tmp/out"; then
                    if [ "$s" = o ]; then Od=$(rate "$t" "$base"); else Rd=$(rate "$t" "$base"); fi
                else
                    note "$s: the downloaded file differs from the uploaded one"
                fi
            fi
            rm -f "$tmp/out"
        done
    fi
    rm -f "$tmp/in" "$tmp/to.img" "$tmp/tr.img"
    want upload && row upload mbs "$Ou" "$Ru"
    want download && row download mbs "$Od" "$Rd"
fi

# --- 6. inspector ------------------------------------------------------
if want inspector; then
    O=""; R=""
    if [ ! -f "$debian" ]; then
        note "inspector: $debian is missing: run 'make -C tests/data' (or the check suite) first; row skipped"
    else
        note "inspector: virt-inspector -a inspect-debian.img, median of ${RUNS:-3}"
        o_insp () { "${OURS[@]}" virt-inspector -a "$debian"; }
        r_insp () { "${REF[@]}" /usr/bin/virt-inspector -a "$debian"; }
        saved=$have_ref
        [ -x /usr/bin/virt-inspector ] || have_ref=false
        pair "${RUNS:-3}" o_insp r_insp
        have_ref=$saved
    fi
    row inspector s "$O" "$R"
fi

# --- 7. df20 -----------------------------------------------------------
if want df20; then
    note "df20: virt-df over 20 guest images (ours: one --one-per-guest run; ref: 20 runs)"
    O=""; R=""
    g="$tmp/guest.img"
    if truncate -s 64M "$g" &&
        "${OURS[@]}" guestfish --format=raw -a "$g" run : part-disk /dev/sda mbr : \
            mkfs ext4 /dev/sda1 : mount /dev/sda1 / : mkdir-p /etc : \
            write /etc/hostname "guest" : mkdir-p /home/user : \
            write /home/user/notes.txt "some notes" : fallocate64 /home/user/blob 4194304 : \
            upload /etc/services /etc/services >/dev/null 2>"$tmp/stderr"; then
        dfargs=()
        for i in $(seq 20); do
            cp --sparse=always "$g" "$tmp/guest$i.img"
            dfargs+=(-a "$tmp/guest$i.img")
        done
        o_df () { "${OURS[@]}" virt-df --format=raw --one-per-guest "${dfargs[@]}"; }
        r_df () {
            local i
            for i in $(seq 20); do
                "${REF[@]}" /usr/bin/virt-df --format=raw -a "$tmp/guest$i.img" || return 1
            done
        }
        saved=$have_ref
        [ -x /usr/bin/virt-df ] || have_ref=false
        # df_once SIDE FN: its wall time, checking it printed 20 guests.
        df_once () {
            local t n
            t=$(elapsed "$2") || return 1
            note "  $1: $t"
            n=$(grep -c 'sda1' "$tmp/stdout")
            [ "$n" = 20 ] || note "df20: $1 printed $n sda1 lines, not 20"
            echo "$t"
        }
        O=$(df_once ours o_df) || O=""
        if $have_ref; then R=$(df_once ref r_df) || R=""; fi
        have_ref=$saved
        rm -f "$tmp"/guest*.img
    else
        note "df20: could not make the guest image"; cat "$tmp/stderr" >&2
    fi
    row df20 s "$O" "$R"
fi

# --- 8. memory ---------------------------------------------------------
if want memory; then
    O=""; R=""
    img="$debian"
    if [ ! -x /usr/bin/time ]; then
        note "memory: /usr/bin/time is missing; row skipped"
    elif [ -f "$img" ] || { note "memory: $debian missing, using an empty ext4 image"; make_small && img="$small"; }; then
        note "memory: peak RSS of qemu during guestfish --ro -a IMG run : inspect-os"
        rss="$tmp/rss"
        hv="$tmp/qemu-rss"
        # qemu under /usr/bin/time; the libraries signal the pid they
        # started (this script), so pass signals on to qemu itself.
        cat > "$hv" <<EOF
#!/bin/bash
/usr/bin/time -f %M -a -o '$rss' /usr/bin/qemu-system-x86_64 "\$@" <&0 &
t=\$!
pass () { local q; q=\$(ps -o pid= --ppid "\$t"); [ -n "\$q" ] && kill -"\$1" \$q; }
trap 'sig=1; pass TERM' TERM
trap 'sig=1; pass INT' INT
trap 'sig=1; pass HUP' HUP
while :; do sig=; wait "\$t"; rc=\$?; [ -z "\$sig" ] && break; done
exit "\$rc"
EOF
        chmod +x "$hv"
        o_mem () { env LIBGUESTFS_HV="$hv" "${OURS[@]}" guestfish --ro --format=raw -a "$img" run : inspect-os; }
        o_mem_cold () { env LIBGUESTFS_HV="$hv" "${OURS_COLD[@]}" guestfish --ro --format=raw -a "$img" run : inspect-os; }
        r_mem () { "${REF[@]}" LIBGUESTFS_HV="$hv" /usr/bin/guestfish --ro --format=raw -a "$img" run : inspect-os; }
        # max of the numbers in the file (time adds "Command exited..." lines)
        peak () { awk '/^[0-9]+$/ { if ($1 > m) m = $1 } END { if (m > 0) printf "%.6f\n", m * 1024 / 1e6; else exit 1 }' "$rss"; }
        # Untimed warm-up of each side with this hypervisor, then one run each.
        o_mem >/dev/null 2>&1; $have_ref && r_mem >/dev/null 2>&1
        : > "$rss"
        if elapsed o_mem >/dev/null; then O=$(peak) || note "memory: no RSS recorded for ours"; fi
        : > "$rss"
        if elapsed o_mem_cold >/dev/null && v=$(peak); then
            note "  ours with no_snapshot (not the row's value): $(fmt mb "$v")"
        fi
        if $have_ref; then
            : > "$rss"
            if elapsed r_mem >/dev/null; then R=$(peak) || note "memory: no RSS recorded for ref"; fi
        fi
    fi
    row memory mb "$O" "$R"
fi
[ ! -e "$tmp/failed" ]
