#!/bin/bash -
# guestfish quoting: '...' is literal, "..." understands the escapes
# \a \b \f \n \r \t \v \" \' \? \\ \ooo \xhh, and bad quoting is an error
# that stops the script.
. "$(dirname "$0")/functions.sh"

guestfish > "$tmpdir/out" <<'EOF_SCRIPT'
echo "tab\there" "nl\nx" "\a\b\f\r\v" "q\"q" "back\\slash" "\101\x42\x7e" "\'\?"
echo 'single "quoted" \t stays' plain"quote mid'dle
echo "" '' "a  b" end
echo "\xff\377"
EOF_SCRIPT
{
    printf 'tab\there nl\nx \a\b\f\r\v q"q back\\slash AB~ '"'"'?\n'
    printf 'single "quoted" \\t stays plain"quote mid'"'"'dle\n'
    printf '  a  b end\n'
    printf '\377\377\n'
} > "$tmpdir/expected"
expect_output "$tmpdir/expected" "$tmpdir/out"

# Each bad line fails the script before the following line runs.
check_bad ()
{
    printf '%s\necho NOT-REACHED\n' "$1" > "$tmpdir/script"
    expect_failure guestfish -f "$tmpdir/script"
    expect_stderr "$2"
    if grep -q NOT-REACHED "$tmpdir/stdout"; then
        fail "script went on after: $1"
    fi
}
check_bad 'echo "\000"' 'guestfish: invalid escape sequence in string \(starting at offset 0\)'
check_bad 'echo "ab\x00"' 'invalid escape sequence in string \(starting at offset 2\)'
check_bad 'echo "\q"' 'invalid escape sequence'
check_bad 'echo "\12"' 'invalid escape sequence'
check_bad 'echo "\xg0"' 'invalid escape sequence'
check_bad 'echo "abc' '^guestfish: unterminated double quote$'
check_bad "echo 'abc" '^guestfish: unterminated single quote$'
check_bad 'echo "a"b' '^guestfish: command arguments not separated by whitespace$'
check_bad "echo 'a'b" '^guestfish: command arguments not separated by whitespace$'
