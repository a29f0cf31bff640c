#!/bin/bash -
# hexedit: $HEXEDITOR edits the whole file or a range, which is written
# back in place; large files need a range; bad ranges are refused.
. "$(dirname "$0")/functions.sh"

guestfish -h hexedit >/dev/null 2>&1 || {
    echo "$0: skipped: hexedit needs download-offset/upload-offset"
    exit 77
}
cd "$tmpdir"
HEXEDITOR="sed -i s/world/WORLD/" guestfish -N fs:ext2:32M -m /dev/sda1 > out 2> err <<'EOF_S'
write /f "hello world, world\n"
hexedit /f
cat /f
setenv HEXEDITOR "sed -i s/world/there/"
hexedit /f 13 5
cat /f
fallocate64 /big 17M
-hexedit /big
setenv HEXEDITOR true
hexedit /big 1M
hexedit /dev/sda 512
-hexedit /f 100 5
-hexedit /f 1 x
EOF_S
printf 'hello WORLD, world\n\nhello WORLD, there\n\n' > expected
expect_output expected out
grep -q '^hexedit: /big is larger than 16MB. You must supply a limit using$' err ||
    fail "no size limit message"
grep -q '^hexedit: invalid range$' err || fail "no invalid range message"
grep -q '^parse_size: invalid integer parameter' err || fail "no parse_size message"
expect_failure guestfish hexedit
expect_stderr '^hexedit \(device\|filename\) \[max \| start max\]$'
