#!/bin/sh -
# splice-pod.sh FILE.pod MARKER=INSERT.pod...: print FILE.pod with each
# line that is exactly MARKER replaced by INSERT.pod's content.
set -e
src="$1"; shift
awk -v specs="$*" '
BEGIN { n = split (specs, s, " "); for (i = 1; i <= n; i++) { split (s[i], kv, "="); file[kv[1]] = kv[2] } }
($0 in file) { while ((getline line < file[$0]) > 0) print line; close (file[$0]); next }
{ print }
' "$src"
