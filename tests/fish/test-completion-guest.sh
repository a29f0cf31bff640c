#!/bin/bash -
# Tab completion of guest paths and devices once the appliance runs, and
# not with --no-dest-paths.  Each line is typed once the prompt is back,
# as a user would.
. "$(dirname "$0")/functions.sh"
here="$(cd "$(dirname "$0")" && pwd)"

cd "$tmpdir"
export HOME="$tmpdir"
guestfish -N fs:ext2:16M -m /dev/sda1 mkdir /somedir : touch /somedir/file-xyz
python3 "$here/ptyrun.py" 120 \
  'run\n\p\?><fs> \?mount /dev/sda1 /\n\p\?><fs> \?ls /som\t\pfi\t\p\x15vfs-type /dev/sda\t\t\p\x15quit\n' \
  guestfish -a test1.img > out
tr -d '\r' < out | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' > clean
for want in 'ls /somedir/file-xyz ' '/dev/sda1'; do
    grep -qF -- "$want" clean || { cat -v out >&2; fail "no completion '$want'"; }
done

python3 "$here/ptyrun.py" 120 \
  'run\n\p\?><fs> \?mount /dev/sda1 /\n\p\?><fs> \?ls /som\t\p\x15quit\n' \
  guestfish --no-dest-paths -a test1.img > out
tr -d '\r' < out | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' > clean
if grep -qF 'ls /somedir/' clean; then fail "--no-dest-paths still completes"; fi
exit 0
