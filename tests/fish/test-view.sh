#!/bin/bash -
# more/less ($PAGER or less) and display ($GUESTFISH_DISPLAY_IMAGE) get
# a local copy of the guest file, removed afterwards.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
mkdir bin
printf '#!/bin/sh\necho "less: $(cat "$1")"\n' > bin/less
printf '#!/bin/sh\necho "$1" > %s/shown\ncat "$1"\n' "$tmpdir" > bin/show
chmod +x bin/less bin/show

PATH="$tmpdir/bin:$PATH" PAGER=cat GUESTFISH_DISPLAY_IMAGE=show \
guestfish -N fs:ext2:16M -m /dev/sda1 > out <<'EOF_S'
write /f "some text\n"
more /f
less /f
display /f
EOF_S
printf 'some text\nless: some text\nsome text\n' > expected
expect_output expected out
[ -s shown ] || fail "display did not run the viewer"
[ ! -e "$(cat shown)" ] || fail "temporary file left behind"

expect_failure guestfish -a test1.img -m /dev/sda1 more /nonexistent
expect_stderr 'download: /nonexistent: No such file or directory'
expect_failure guestfish more
expect_stderr "^use 'more filename' to page a file$"
expect_failure guestfish less
expect_stderr "^use 'less filename' to page a file$"
expect_failure guestfish display
expect_stderr "^display filename$"
