#!/bin/bash -
# virt-edit: $EDITOR (a script here) and -e EXPR (perl, $lineno, die);
# owner, mode and SELinux label kept; nothing written when nothing
# changed or the editor or expression failed; -b backups; symlinks
# followed inside the guest; Windows paths; -m; old-style arguments;
# errors (missing file, directory, relative path, --ro, unwritable image).

. "$srcdir/copy-lib.sh"
unset VISUAL
mkdir t
export TMPDIR="$tmp/t"

guest debian
guestfish -a debian.img -i <<'EOF'
chown 10 20 /etc/hostname
chmod 0640 /etc/hostname
setxattr security.selinux "system_u:object_r:etc_t:s0" 26 /etc/hostname
EOF

# inode PATH: the guest file's inode number (a rewrite changes it).
inode () { look debian.img lstatns "$1" | sed -n 's/^st_ino: //p'; }
# attrs PATH: owner, group, mode and SELinux label.
attrs ()
{
  look debian.img > attrs <<EOF
lstatns $1 | grep -E '^st_(uid|gid|mode):'
lgetxattr $1 security.selinux
EOF
  cat attrs
}

# $EDITOR, a script editing the file in place.
cat > ed.sh <<'EOF'
#!/bin/sh
sed -i 's/debian-test/edited-host/' "$1"
EOF
chmod +x ed.sh
before="$(attrs /etc/hostname)"
ino="$(inode /etc/hostname)"
EDITOR="$tmp/ed.sh" virt-edit -a debian.img /etc/hostname
[ "$(look debian.img cat /etc/hostname)" = edited-host ] || fail "\$EDITOR"
[ "$(attrs /etc/hostname)" = "$before" ] ||
  fail "attributes changed: $before / $(attrs /etc/hostname)"
[ "$(inode /etc/hostname)" != "$ino" ] || fail "not replaced by rename"
[ -z "$(ls -A t)" ] || fail "local files left: $(ls -A t)"

# An editor that changes nothing, or fails, writes nothing.
ino="$(inode /etc/hostname)"
EDITOR=true virt-edit -a debian.img /etc/hostname > out
[ "$(cat out)" = "File not changed." ] || fail "unchanged: $(cat out)"
[ "$(inode /etc/hostname)" = "$ino" ] || fail "unchanged file rewritten"
cat > ed-fail.sh <<'EOF'
#!/bin/sh
echo garbage > "$1"
exit 3
EOF
chmod +x ed-fail.sh
EDITOR="$tmp/ed-fail.sh" expect_fail virt-edit -a debian.img /etc/hostname
grep -q "^virt-edit: $tmp/ed-fail.sh failed with exit status 3; the file was not changed$" err ||
  fail "failing editor: $(cat err)"
[ "$(look debian.img cat /etc/hostname)" = edited-host ] || fail "failed edit written"
[ "$(inode /etc/hostname)" = "$ino" ] || fail "failed edit written"

# -e: each line in $_, $lineno from 1.
virt-edit -a debian.img /etc/hosts -e 's/localhost/LOCALHOST/'
virt-edit -a debian.img /etc/hosts -e '$_ = "$lineno: $_"'
printf '1: 127.0.0.1 LOCALHOST\n2: 127.0.1.1 debian-test\n\n' > expected
look debian.img cat /etc/hosts > out
diff -u expected out || fail "-e"
virt-edit -a debian.img /etc/hosts -e '$_ = "" if $lineno == 1'
[ "$(look debian.img cat /etc/hosts)" = "2: 127.0.1.1 debian-test" ] ||
  fail "-e deleting a line"
# die, or a syntax error, leaves the file alone.
ino="$(inode /etc/hosts)"
expect_fail virt-edit -a debian.img /etc/hosts -e 's/debian/x/; die "stop\n"'
grep -q "^stop$" err || fail "die: $(cat err)"
expect_fail virt-edit -a debian.img /etc/hosts -e 's/unterminated'
[ "$(look debian.img cat /etc/hosts)" = "2: 127.0.1.1 debian-test" ] ||
  fail "a failed -e changed the file"
[ "$(inode /etc/hosts)" = "$ino" ] || fail "a failed -e rewrote the file"
# Several files, one expression.
virt-edit -a debian.img /etc/hostname /etc/debian_version -e 's/^/>/'
look debian.img > out <<'EOF'
cat /etc/hostname
cat /etc/debian_version
EOF
printf '>edited-host\n\n>12.5\n\n' > expected
diff -u expected out || fail "several files"

# -b: the original is kept under the new name, attributes and all.
before="$(attrs /etc/hostname)"
virt-edit -a debian.img -b .orig /etc/hostname -e 's/>//'
[ "$(look debian.img cat /etc/hostname.orig)" = ">edited-host" ] || fail "-b"
[ "$(look debian.img cat /etc/hostname)" = "edited-host" ] || fail "-b edit"
[ "$(attrs /etc/hostname.orig)" = "$before" ] || fail "-b attributes"
[ "$(attrs /etc/hostname)" = "$before" ] || fail "-b new attributes"

# Symlinks: the file they name is edited and the link stays, also when
# the link points up and out of the guest.
guestfish -a debian.img -i ln-s ../../../../../etc/hostname /etc/up
virt-edit -a debian.img /etc/up -e 's/edited/linked/'
[ "$(look debian.img readlink /etc/up)" = ../../../../../etc/hostname ] ||
  fail "the symlink was replaced"
[ "$(look debian.img cat /etc/hostname)" = linked-host ] || fail "via symlink"

# Old-style arguments: disk images, then one file.
virt-edit debian.img /etc/hostname -e 's/linked/old-style/'
[ "$(look debian.img cat /etc/hostname)" = old-style-host ] || fail "old style"

# -m, on a filesystem without an operating system.
scratch fs.img
printf 'one\ntwo\n' > f
guestfish -a fs.img -m /dev/sda1 upload f /f
virt-edit -a fs.img -m /dev/sda1 /f -e 's/two/three/'
[ "$(look fs.img -m /dev/sda1 cat /f)" = "one
three" ] || fail "-m"

# Windows: drive letters, backslashes, any case; CRLF kept.
guest windows
virt-edit -a windows.img 'c:\windows\WIN.INI' -e 's/16-bit/32-bit/'
virt-cat -a windows.img 'C:\Windows\win.ini' > out
printf '; for 32-bit app support\r\n' > expected
cmp expected out || fail "Windows path"

# Errors.
expect_fail virt-edit -a debian.img /etc/nonexistent -e 's/a/b/'
expect_err "virt-edit: /etc/nonexistent: No such file or directory (virt-edit cannot create files)"
expect_fail virt-edit -a debian.img /etc -e 's/a/b/'
expect_err "virt-edit: /etc: not a regular file"
expect_fail virt-edit -a debian.img etc/hostname -e 's/a/b/'
expect_err "virt-edit: etc/hostname: the file name must be an absolute path in the guest (starting with /)"
expect_fail virt-edit -a debian.img -b '' /etc/hostname -e 's/a/b/'
expect_err "virt-edit: -b: ‘’ is not a file name extension"
expect_fail virt-edit -a debian.img -e 's/a/b/' -e 's/b/c/' /etc/hostname
expect_err "virt-edit: -e option given multiple times"
expect_fail virt-edit -a debian.img
expect_err "Try ‘virt-edit --help’ for more information."
expect_fail virt-edit --ro -a debian.img /etc/hostname
grep -q "unrecognized option '--ro'" err || fail "--ro: $(cat err)"
expect_fail virt-edit -a "$d/inspect-nos.img" /etc/hostname -e 's/a/b/'
grep -q "^virt-edit: no operating system was found on this disk" err ||
  fail "no OS: $(cat err)"
cp --sparse=always fs.img locked.img
if make_immutable locked.img; then
  expect_fail virt-edit -a locked.img -m /dev/sda1 /f -e 's/a/b/'
  grep -q "^virt-edit: locked.img: cannot write to this disk image: " err ||
    fail "unwritable image: $(cat err)"
fi
[ -z "$(ls -A t)" ] || fail "local files left: $(ls -A t)"

virt-edit --help | grep -q "^  virt-edit \[--options\] -a disk.img" ||
  fail "--help"
virt-edit --long-options | grep -qx -- --expr || fail "--long-options"
echo PASS
