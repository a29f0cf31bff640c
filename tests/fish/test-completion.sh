#!/bin/bash -
# Tab completion at the prompt (driven through a pseudo-terminal):
# command names, local files for host-file arguments, "name:" for
# optional arguments, the command after time/help.
. "$(dirname "$0")/functions.sh"
here="$(cd "$(dirname "$0")" && pwd)"

cd "$tmpdir"
export HOME="$tmpdir"
touch localfile-abc.txt
python3 "$here/ptyrun.py" 20 \
  'mount-r\t\p\x15upload ./localfile-a\t\p\x15add-drive x form\t\p\x15time mount-r\t\p\x15help list-ev\t\p\x15-mount-r\t\p\x15echo x | cat ./localfile-a\t\p\x15quit\n' \
  guestfish > "$tmpdir/out"
tr -d '\r' < "$tmpdir/out" | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' > "$tmpdir/clean"
for want in '> mount-ro ' 'upload ./localfile-abc.txt ' 'add-drive x format:' \
            'time mount-ro ' 'help list-events ' '-mount-ro ' \
            'echo x | cat ./localfile-abc.txt '; do
    grep -qF -- "$want" "$tmpdir/clean" || {
        cat -v "$tmpdir/out" >&2
        fail "completion did not give '$want'"
    }
done
