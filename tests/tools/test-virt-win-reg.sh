#!/bin/bash -
# virt-win-reg on the phony Windows guest (tests/data/make-inspect-files.py
# made its hives): export of keys (exact regedit text, names in any
# case, the hive's root), single values, --unsafe-printable-strings,
# --merge into a copy (new key, every value type, deleting values and
# keys, read back by export), and the errors.  The expected exports
# were checked against libguestfs 1.48's virt-win-reg on the same image.

set -e
export LANG=C.UTF-8
tmp="$(mktemp -d "${TMPDIR:-/tmp}/virtwinreg.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail () { echo "FAIL: $*" >&2; exit 1; }
exp="$srcdir/expected"
d="$datadir"
win="$d/inspect-windows.img"
cv='HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'

# Export a key: values sorted, strings as hex(1), DWORDs.
virt-win-reg "$win" "$cv" > "$tmp/out"
diff -u "$exp/win-reg-currentversion.txt" "$tmp/out"
# Any case, the long root name, a leading backslash: the same.
virt-win-reg --format=raw "$win" \
  '\HKEY_LOCAL_MACHINE\software\MICROSOFT\windows nt\currentversion' > "$tmp/out"
diff -u "$exp/win-reg-currentversion.txt" "$tmp/out"
# Recursively, subkeys sorted.
virt-win-reg "$win" 'HKLM\SOFTWARE\Microsoft\Windows' > "$tmp/out"
diff -u "$exp/win-reg-windows.txt" "$tmp/out"
# Binary values (SYSTEM's MountedDevices).
virt-win-reg "$win" 'HKLM\SYSTEM\MountedDevices' > "$tmp/out"
diff -u "$exp/win-reg-mounteddevices.txt" "$tmp/out"
# The root of a hive.
virt-win-reg "$win" 'HKLM\SOFTWARE' | head -2 > "$tmp/out"
diff -u - "$tmp/out" <<'EOF'
[HKEY_LOCAL_MACHINE\SOFTWARE\]

EOF
# --unsafe-printable-strings.
virt-win-reg --unsafe-printable-strings "$win" "$cv" > "$tmp/out"
diff -u "$exp/win-reg-currentversion-strings.txt" "$tmp/out"

# Single values, as hivexget prints them.
[ "$(virt-win-reg "$win" "$cv" ProductName)" = "Windows Server 2022 Standard" ] ||
  fail "ProductName"
[ "$(virt-win-reg "$win" "$cv" currentmajorversionnumber)" = 10 ] ||
  fail "CurrentMajorVersionNumber"

# --merge into a copy.  hivex cannot add or delete keys in the phony
# SOFTWARE hive (its cells are too simple), so the copy gets
# tests/data/minimal.hive as its HKU\.DEFAULT hive for those.
cp --sparse=always "$win" "$tmp/win.img"
guestfish -a "$tmp/win.img" -i upload "$d/minimal.hive" /Windows/System32/config/DEFAULT
cp --sparse=always "$tmp/win.img" "$tmp/win2.img"
cat > "$tmp/in.reg" <<'EOF'
Windows Registry Editor Version 5.00

; a new key, every kind of value
[HKEY_USERS\.DEFAULT\Software\New]
"String"="hello \"quoted\" \\ world"
@="the default"
"Number"=dword:0000002a
"Binary"=hex:01,02,ff
"Multi"=hex(7):61,00,00,00,62,00,00,00,00,00
"Quad"=hex(b):01,00,00,00,00,00,00,00
"Expand"=str(2):"%SystemRoot%\\x"
"Long"=hex:00,01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,\
  10,11,12

[HKU\.DEFAULT\Software\New\Sub]
"Gone"="soon"

[HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion]
"EditionID"=-
"ProductName"="Windows Server 2022 Guestkit Edition"

[-HKU\.DEFAULT\Software\Guestkit]
EOF
virt-win-reg --merge "$tmp/win.img" "$tmp/in.reg"
printf '[HKU\\.DEFAULT\\Software\\New\\Sub]\n"Gone"=-\n"Ascii"="plain"\n' |
  virt-win-reg --merge --encoding=ASCII "$tmp/win.img"
virt-win-reg "$tmp/win.img" 'HKU\.DEFAULT\Software' > "$tmp/out"
diff -u "$exp/win-reg-merged.txt" "$tmp/out"
[ "$(virt-win-reg "$tmp/win.img" "$cv" ProductName)" = \
  "Windows Server 2022 Guestkit Edition" ] || fail "merged ProductName"
virt-win-reg "$tmp/win.img" "$cv" > "$tmp/out"
grep -q EditionID "$tmp/out" && fail "EditionID not deleted"
new='HKU\.DEFAULT\Software\New'
[ "$(virt-win-reg "$tmp/win.img" "$new" Multi)" = "$(printf 'a\nb')" ] ||
  fail "Multi"
[ "$(virt-win-reg "$tmp/win.img" "$new" Quad)" = 1 ] || fail "Quad"
[ "$(virt-win-reg "$tmp/win.img" "$new" @)" = "the default" ] || fail "@"
# The original image was not touched.
virt-win-reg "$win" "$cv" | cmp -s - "$exp/win-reg-currentversion.txt" ||
  fail "original changed"

# Errors.
expect_fail () {
  local r=0
  "$@" > "$tmp/out" 2> "$tmp/err" || r=$?
  [ $r = 1 ] || fail "$*: exit status $r"
  [ ! -s "$tmp/out" ] || fail "$*: output on stdout"
}
expect_fail virt-win-reg
diff -u - "$tmp/err" <<<"virt-win-reg: no libvirt domain name or disk image given"
expect_fail virt-win-reg "$win"
grep -q "expecting 1 or 2 more parameters" "$tmp/err" || fail "no key"
expect_fail virt-win-reg "$win" 'HKLM\SOFTWARE\NoSuch\Key'
diff -u - "$tmp/err" <<<'virt-win-reg: \NoSuch\Key: path not found in this hive'
expect_fail virt-win-reg "$win" "$cv" NoSuchValue
grep -q "NoSuchValue: value not found" "$tmp/err" || fail "no value"
expect_fail virt-win-reg "$win" 'HKCU\Software'
diff -u - "$tmp/err" <<<'virt-win-reg: HKCU\Software: not a supported Windows Registry path'
expect_fail virt-win-reg "$win" 'HKU\nobody\Software'
diff -u - "$tmp/err" <<<'virt-win-reg: nobody: cannot find user directory'
expect_fail virt-win-reg "$win" 'HKLM\SAM'
grep -q "could not download registry file\|case_sensitive_path" "$tmp/err" ||
  fail "SAM: $(cat "$tmp/err")"
expect_fail virt-win-reg "$tmp/nosuch.img" "$cv"
grep -q "nosuch.img: no such disk image" "$tmp/err" || fail "no image"
expect_fail virt-win-reg "$d/inspect-nos.img" "$cv"
grep -q "No operating system could be detected" "$tmp/err" || fail "nos"
printf '[-HKU\\.DEFAULT\\Software\\Guestkit]\n\n[HKU\\.DEFAULT\\Software]\nbogus line\n' \
  > "$tmp/bad.reg"
expect_fail virt-win-reg --merge "$tmp/win2.img" "$tmp/bad.reg"
grep -q "parse error: unexpected text found at line 4" "$tmp/err" ||
  fail "bad.reg: $(cat "$tmp/err")"
printf '[HKU\\.DEFAULT\\No\\Parent]\n"a"="b"\n' > "$tmp/bad.reg"
expect_fail virt-win-reg --merge "$tmp/win2.img" "$tmp/bad.reg"
grep -q "parent .* does not exist" "$tmp/err" || fail "no parent: $(cat "$tmp/err")"
# A failed merge wrote nothing (the deletion before the error neither).
virt-win-reg "$tmp/win2.img" 'HKU\.DEFAULT\Software\Guestkit' > "$tmp/out" ||
  fail "a failed merge deleted a key"

virt-win-reg --help | grep -q -- "--unsafe-printable-strings" || fail "--help"
virt-win-reg --version | grep -Eq '^virt-win-reg 1\.[0-9]+\.[0-9]+' || fail "--version"
echo PASS
