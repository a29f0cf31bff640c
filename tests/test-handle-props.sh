#!/bin/bash -
# The library-side handle properties, without launching: program name,
# identifier (and the trace prefix it adds), hypervisor, socket
# directory, single backend settings (libguestfs's own sequence of
# results), parse-environment-list, config, the flags, max-disks, and
# the calls that need a launched handle refusing politely.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*"; exit 1; }

check () {
    local name=$1 expected=$2 got=$3
    [ "$got" = "$expected" ] || fail "$name: expected [$expected], got [$got]"
}

unset LIBGUESTFS_BACKEND_SETTINGS LIBGUESTFS_HV XDG_RUNTIME_DIR

got=$(guestfish <<'GF'
get-program
program myprog
get-program
get-identifier
identifier abc-1_X
get-identifier
get-hv
hv /opt/qemu
get-hv
get-qemu
qemu ""
get-recovery-proc
recovery-proc false
get-recovery-proc
get-network
network true
get-network
get-direct
direct true
get-direct
attach-method direct
get-attach-method
max-disks
get-sockdir
GF
)
check props "guestfish
myprog

abc-1_X
$(command -v qemu-system-x86_64)
/opt/qemu
/opt/qemu
true
false
false
true
false
true
direct
255
/tmp" "$got"

check sockdir "/run/user/4242" "$(XDG_RUNTIME_DIR=/run/user/4242 guestfish get-sockdir)"
check hv-env "/x/qemu" "$(LIBGUESTFS_HV=/x/qemu guestfish get-hv)"
[[ $(guestfish c-pointer) =~ ^0x[0-9a-f]+$ ]] || fail "c-pointer is not hexadecimal"

# The same results as libguestfs 1.48 for this sequence.
got=$(guestfish 2>&1 <<'GF'
-get-backend-setting foo
set-backend-setting foo bar
set-backend-setting baz ""
get-backend-settings
get-backend-setting foo
get-backend-setting baz
set-backend-setting foo bar2
get-backend-settings
clear-backend-setting foo
clear-backend-setting foo
get-backend-settings
set-backend-settings "a a=1 a=2 b"
get-backend-setting a
clear-backend-setting a
get-backend-settings
GF
)
check backend-settings "*stdin*:1: libguestfs: error: setting not found
foo=bar
baz=
bar

baz=
foo=bar2
1
0
baz=
1
3
b" "$got"

# The identifier prefixes trace messages.
trace=$(guestfish -x identifier myid : get-tmpdir 2>&1 >/dev/null)
grep -qx 'libguestfs: trace: myid: get_tmpdir' <<< "$trace" ||
    fail "no identifier in the trace: $trace"
grep -qx 'libguestfs: trace: set_identifier "myid"' <<< "$trace" ||
    fail "trace before the identifier was set: $trace"

got=$(guestfish 2>&1 <<'GF'
parse-environment-list "LIBGUESTFS_MEMSIZE=512 LIBGUESTFS_TRACE=0 OTHER=1"
get-memsize
get-trace
-parse-environment-list "LIBGUESTFS_DEBUG=maybe"
-parse-environment-list "LIBGUESTFS_MEMSIZE=12"
-identifier "a b"
config -name guestkit-test
-config name x
-config -kernel x
-available lvm2
-feature-available lvm2
-debug help ""
available ""
GF
)
check environment-and-errors "512
false
*stdin*:4: libguestfs: error: LIBGUESTFS_DEBUG=maybe: the value must be 1 or 0 (true or false)
*stdin*:5: libguestfs: error: non-numeric or too small value for LIBGUESTFS_MEMSIZE
*stdin*:6: libguestfs: error: identifier must contain only alphanumeric characters, underscore or minus sign
*stdin*:8: libguestfs: error: parameter must begin with '-' character
*stdin*:9: libguestfs: error: parameter '-kernel' isn't allowed
*stdin*:10: libguestfs: error: available: call launch before using this function
(in guestfish, don't forget to use the 'run' command)
*stdin*:11: libguestfs: error: feature_available: call launch before using this function
(in guestfish, don't forget to use the 'run' command)
*stdin*:12: libguestfs: error: debug: call launch before using this function
(in guestfish, don't forget to use the 'run' command)" "$got"
echo "handle properties OK"
