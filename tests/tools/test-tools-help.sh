#!/bin/bash -
# --help tells the truth: every option a tool's --help lists is one it
# takes (--long-options, libguestfs's list for bash completion), every
# option it takes is listed (a libguestfs alias, a plural "s" more or
# less or virt-diff's --dir-nlink(s), excepted), each once, in
# alphabetical order; --ro is listed by the tools that write only.  No
# appliance is needed.
set -e
export LANG=C.UTF-8
fail () { echo "FAIL: $*" >&2; exit 1; }

for t in cat copy-in copy-out df diff edit filesystems inspector log ls \
         tail tar-in tar-out make-fs win-reg; do
  tool=virt-$t
  help=$($tool --help)
  takes=$($tool --long-options)
  # The options of the help: the names on the lines starting an entry.
  listed=$(sed -n 's/^  \(-[^ ]*\).*/\1/p' <<<"$help" | tr '|' '\n' |
           sed -n 's/^--\([a-z0-9-]*\).*/--\1/p')
  [ -n "$listed" ] || fail "$tool --help lists no option"
  for o in $listed; do
    grep -qx -- "$o" <<<"$takes" || fail "$tool --help lists $o, which it does not take"
  done
  dups=$(sort <<<"$listed" | uniq -d)
  [ -z "$dups" ] || fail "$tool --help lists twice: $dups"
  for o in $takes; do
    case "$o" in --dir-nlink|--dir-nlinks) continue ;; esac
    grep -qx -e "$o" -e "${o}s" -e "${o%s}" <<<"$listed" ||
      fail "$tool takes $o, which --help does not list"
  done
  # Entries in alphabetical order of their first name, case aside
  # (--no-progress-bars goes with --progress-bars).
  keys=$(sed -n 's/^  -\{1,2\}\([A-Za-z0-9-]*\).*/\1/p' <<<"$help" |
         grep -vx no-progress-bars || true)
  [ "$keys" = "$(LC_ALL=C sort -f -s <<<"$keys")" ] ||
    fail "$tool --help is not in alphabetical order: $(echo $keys)"
  case $t in
    copy-in|tar-in) grep -q -- '^  --ro ' <<<"$help" || fail "$tool --help lacks --ro" ;;
    *) ! grep -q -- '^  --ro ' <<<"$help" || fail "$tool --help lists --ro" ;;
  esac
done
echo PASS
