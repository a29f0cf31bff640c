#!/bin/bash -
# Keys: --key selectors are checked; Key parameters are read from stdin
# with --keys-from-stdin, and at a terminal asked for with echo off (on
# with --echo-keys); -i opens LUKS devices with --key.
. "$(dirname "$0")/functions.sh"
here="$(cd "$(dirname "$0")" && pwd)"

expect_failure guestfish --key foo echo
expect_stderr "^guestfish: selector 'foo': missing TYPE$"
expect_failure guestfish --key /dev/sda1:key echo
expect_stderr "^guestfish: selector '/dev/sda1:key': missing KEY_STRING, or too many fields$"
expect_failure guestfish --key /dev/sda1:key:a:b echo
expect_stderr "missing KEY_STRING, or too many fields$"
expect_failure guestfish --key /dev/sda1:file echo
expect_stderr "^guestfish: selector '/dev/sda1:file': missing FILENAME, or too many fields$"
expect_failure guestfish --key /dev/sda1:bad:x echo
expect_stderr "^guestfish: selector '/dev/sda1:bad:x': invalid TYPE$"
expect_failure guestfish --key /dev/sda1:clevis:x echo
expect_stderr "^guestfish: selector '/dev/sda1:clevis:x': too many fields$"
guestfish --key /dev/sda1:key:x --key /dev/sda2:file:/nonexistent echo ok > "$tmpdir/out"
[ "$(cat "$tmpdir/out")" = ok ] || fail "good selectors refused"

guestfish -h cryptsetup-open >/dev/null 2>&1 && guestfish -h luks-format >/dev/null 2>&1 || {
    echo "$0: skipped the LUKS part: the library has no LUKS calls"
    exit 0
}
cd "$tmpdir"
export HOME="$tmpdir"
guestfish --keys-from-stdin -N disk:64M > out <<'EOF_S'
part-disk /dev/sda mbr
luks-format /dev/sda1 0
secret phrase
cryptsetup-open /dev/sda1 lk
secret phrase
mkfs ext4 /dev/mapper/lk
mount /dev/mapper/lk /
write /hello "encrypted hello"
cat /hello
mkdir /etc
mkdir /bin
write /etc/os-release "ID=debian\nVERSION_ID=12\n"
write /etc/hostname "cryptohost\n"
write /etc/fstab "/dev/mapper/cryptsda1 / ext4 defaults 0 1\n"
umount /
cryptsetup-close /dev/mapper/lk
not cryptsetup-open /dev/sda1 lk2
wrong phrase
luks-uuid /dev/sda1
EOF_S
[ "$(head -1 out)" = "encrypted hello" ] || fail "LUKS round trip"
uuid="$(tail -1 out)"

# -i opens it: each --key for the device (by name or UUID) is tried in
# turn; without one the key is asked for; with only wrong ones, an error.
echo "secret phrase" > keyfile
guestfish --key /dev/sda1:key:wrong --key "$uuid:file:keyfile" -a test1.img -i \
    cat /etc/hostname > out
[ "$(cat out)" = cryptohost ] || fail "-i with --key"
echo "secret phrase" | guestfish --keys-from-stdin -a test1.img -i \
    cat /etc/hostname > out
[ "$(cat out)" = cryptohost ] || fail "-i with a key from stdin"
expect_failure guestfish --key /dev/sda1:key:wrong -a test1.img -i
expect_stderr '^guestfish: could not find key to open LUKS encrypted /dev/sda1.$'
expect_stderr '^Try using --key on the command line.$'

# At a terminal: prompted, not echoed (unless --echo-keys).
for echo in no yes; do
    opt=; [ $echo = yes ] && opt=--echo-keys
    python3 "$here/ptyrun.py" 120 \
      'run\n\p\?><fs> \?cryptsetup-open /dev/sda1 lk\n\p\?passphrase\?secret phrase\n\p\?><fs> \?mount /dev/mapper/lk /\ncat /hello\nquit\n' \
      guestfish $opt -a test1.img > out
    grep -q 'Enter key or passphrase ("key"): ' out || { cat -v out; fail "no prompt"; }
    grep -q 'encrypted hello' out || { cat -v out; fail "not opened at a terminal"; }
    n="$(grep -c 'secret phrase' out || :)"
    if [ $echo = no ] && [ "$n" != 0 ]; then fail "key echoed"; fi
    if [ $echo = yes ] && [ "$n" = 0 ]; then fail "key not echoed with --echo-keys"; fi
done
