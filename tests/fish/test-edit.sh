#!/bin/bash -
# edit/vi/emacs: the file is changed through $EDITOR (a shell fragment
# gets the file name appended), keeps its mode and owner, is not
# uploaded when unchanged, and a failing editor changes nothing.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
mkdir bin
cat > bin/vi <<'EOF_VI'
#!/bin/sh
sed -i 's/first/VI/' "$1"
EOF_VI
cat > bin/emacs <<'EOF_EM'
#!/bin/sh
[ "$1" = -nw ] || exit 9
sed -i 's/VI/EMACS/' "$2"
EOF_EM
chmod +x bin/vi bin/emacs

PATH="$tmpdir/bin:$PATH" EDITOR="echo second line >>" \
guestfish -N t.img=fs:ext4:32M -m /dev/sda1 > out <<'EOF_S'
write /f "first line\n"
chmod 0640 /f
chown 10 20 /f
edit /f
cat /f
statns /f | grep -E '^st_(mode|uid|gid):'
vi /f
emacs /f
cat /f
ls /
EOF_S
cat > expected <<'EOF_E'
first line
second line

st_mode: 33184
st_uid: 10
st_gid: 20
EMACS line
second line

f
lost+found
EOF_E
expect_output expected out

# Unchanged: not uploaded (same inode).  Failing editor: an error, and
# the file is as it was.
EDITOR=true guestfish -a t.img -m /dev/sda1 > out 2> err <<'EOF_S'
statns /f | grep '^st_ino:'
edit /f
statns /f | grep '^st_ino:'
-edit /f
EOF_S
[ "$(sed -n 1p out)" = "$(sed -n 2p out)" ] || fail "unchanged file was replaced"

r=0
EDITOR=false guestfish -a t.img -m /dev/sda1 edit /f > out 2> err || r=$?
[ $r = 1 ] || fail "failing editor: exit status $r"
grep -q "^edit: ‘false '.*’ failed with exit status 1$" err || { cat err; fail "message"; }
[ "$(guestfish -a t.img -m /dev/sda1 cat /f | head -1)" = "EMACS line" ] || fail "file changed"

expect_failure guestfish -a t.img -m /dev/sda1 edit /nonexistent
expect_stderr 'download: /nonexistent: No such file or directory'
expect_failure guestfish edit
expect_stderr "^use 'edit filename' to edit a file$"
expect_failure guestfish vi a b
expect_stderr "^use 'vi filename' to edit a file$"
