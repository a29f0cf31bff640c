#!/bin/bash -
# --progress-bars on the tools that copy data: on a terminal (a pty,
# tests/fish/ptyrun.py) a bar is drawn; without the option, or with
# stdout and stderr redirected, none is; when stdout carries the data
# (virt-cat) the bar goes to stderr and the data stay intact.  The
# daemon reports progress only for calls longer than 2 s, so the data
# are 300 MB of random bytes.

. "$srcdir/copy-lib.sh"
export LC_ALL=C                     # an ASCII bar: "[####----] 00:00"
pty="$srcdir/../fish/ptyrun.py"

truncate -s 700M big.img
guestfish -a big.img run : part-disk /dev/sda mbr : mkfs ext4 /dev/sda1
mkdir dir
head -c 300M /dev/urandom > dir/data.bin
tar -C dir -cf data.tar data.bin

# run_pty NAME CMD...: CMD on a terminal; what it showed is in NAME.out,
# its exit status must be 0.
run_pty ()
{
  local name="$1"; shift
  python3 "$pty" 600 "" bash -c '"$@"; echo $? > rc' bash "$@" > "$name.out"
  [ "$(cat rc)" = 0 ] || { cat "$name.out" >&2; fail "$*: exit status $(cat rc)"; }
  rm rc
}
has_bar () { grep -Eq '100% \[#+\] 00:00' "$1"; }

run_pty tarin virt-tar-in --progress-bars -m /dev/sda1 -a big.img data.tar /
has_bar tarin.out || fail "virt-tar-in: no progress bar: $(tail -c 300 tarin.out | cat -v)"

# The default: no bar, as libguestfs.
run_pty tarin-default virt-tar-in -m /dev/sda1 -a big.img data.tar /
! grep -q '%' tarin-default.out || fail "a bar without --progress-bars"
run_pty tarin-no virt-tar-in --progress-bars --no-progress-bars \
  -m /dev/sda1 -a big.img data.tar /
! grep -q '%' tarin-no.out || fail "a bar with --no-progress-bars"

# Redirected: nothing drawn anywhere.
run_pty piped sh -c 'virt-tar-in --progress-bars -m /dev/sda1 -a big.img data.tar / > o 2> e'
[ ! -s o ] && [ ! -s e ] && [ ! -s piped.out ] ||
  fail "output when redirected: $(cat -v o e piped.out)"

# virt-copy-in of a directory: the library estimates the archive's size.
run_pty copyin virt-copy-in --progress-bars -m /dev/sda1 -a big.img dir /
has_bar copyin.out || fail "virt-copy-in: no progress bar: $(tail -c 300 copyin.out | cat -v)"

# virt-cat: the data on stdout (a file), the bar on stderr (the terminal).
run_pty cat sh -c 'virt-cat --progress-bars -m /dev/sda1 -a big.img /data.bin > got'
cmp dir/data.bin got || fail "virt-cat: the data were changed"
has_bar cat.out || fail "virt-cat: no progress bar on stderr: $(tail -c 300 cat.out | cat -v)"

# virt-copy-out of a file, stdout piped: the bar on stderr only.
mkdir out
run_pty copyout sh -c 'virt-copy-out --progress-bars -m /dev/sda1 -a big.img /data.bin out | cat > o'
cmp dir/data.bin out/data.bin || fail "virt-copy-out: wrong data"
[ ! -s o ] || fail "virt-copy-out: a bar on a pipe"
has_bar copyout.out || fail "virt-copy-out: no progress bar: $(tail -c 300 copyout.out | cat -v)"
exit 0
