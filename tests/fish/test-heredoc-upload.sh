#!/bin/bash -
# FileIn arguments: "-<<END" takes the following script lines up to END,
# "-" reads stdin; FileOut "-" writes to stdout, in order with other output.
. "$(dirname "$0")/functions.sh"

cd "$tmpdir"
make_disk d.img

cat > script <<'EOF_SCRIPT'
run
mount /dev/sda1 /
upload -<<END /heredoc
line one
  "quoted" \t 'kept' as is
# not a comment here

END
echo after-heredoc
read-file /heredoc
upload - /fromstdin
echo before
download /fromstdin -
echo end
EOF_SCRIPT
printf 'data\nfrom stdin\n' | guestfish -a d.img -f script > out
{
    echo after-heredoc
    printf 'line one\n  "quoted" \\t '"'"'kept'"'"' as is\n# not a comment here\n\n'
    echo before
    printf 'data\nfrom stdin\n'
    echo end
} > expected
expect_output expected out

# The here-document must end.
printf 'run\nmount /dev/sda1 /\nupload -<<EOF /x\nno end\n' > bad
expect_failure guestfish -a d.img -f bad
expect_stderr "end of input reached without finding ‘EOF’"

# Here-document temporary files are removed.
[ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -newer script -name 'guestfish??????' 2>/dev/null)" ] ||
    fail "here-document file left behind"
