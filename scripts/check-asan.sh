#!/bin/bash -
# make check-asan: build the host side (common/, lib/, fish/, tools/ and the
# tests' C programs) with AddressSanitizer + UndefinedBehaviorSanitizer and
# run the test suite against it.  Leaks are errors (LeakSanitizer).
#
# The daemon and the appliance's init run inside the appliance and stay a
# plain build: the tree is copied to build-asan/ (the source tree is
# configured in place, so a VPATH build is refused), built plain once, and
# then only the host directories are rebuilt with the sanitizer flags;
# daemon/ and appliance/ are never made again with them.
#
# Every sanitizer report goes to a log file (log_path), so a report from a
# program whose failure a test expects still counts.  The script fails if
# any report was written or any test failed.
#
# Usage: scripts/check-asan.sh [SUBDIR...]
#   SUBDIRs of tests/ to check (default: c-api fish tools .); "." is the
#   top-level tests/ (its C and shell tests).  TESTS=... works as usual.
#   (So does TEST_ONLY=call,call for tests/c-api.)
set -u
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${ASAN_BUILDDIR:-$src/build-asan}"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
cflags="-O1 -g -fno-omit-frame-pointer $san"
logs="$out/sanitizer-logs"
jobs="${JOBS:-2}"

dirs=("$@")
[ $# -gt 0 ] || dirs=(c-api fish tools .)

sanmake() { make -j"$jobs" CFLAGS="$cflags" LDFLAGS="$san" "$@"; }

# ASAN_SKIP_BUILD=1 reuses build-asan/ as the last run left it (to rerun
# tests only).
if [ "${ASAN_SKIP_BUILD:-}" != 1 ]; then
# 1. A copy of the tree (sources, generated files, plain objects).
mkdir -p "$out"
tar -C "$src" --exclude=./build-asan --exclude=./.git \
    --exclude='*.log' --exclude='*.trs' -cf - . | tar -C "$out" -xf - || exit 1
cd "$out" || exit 1

# 2. Configure as the source tree was, without -Werror (sanitizer builds
#    at -O1 warn differently), and build everything plain.
eval "conf=($(cd "$src" && ./config.status --config))"
plain=()
for a in "${conf[@]}"; do [ "$a" = --enable-werror ] || plain+=("$a"); done
echo "check-asan: configuring and building $out (plain)"
./configure "${plain[@]}" >configure.out 2>&1 || { tail -20 configure.out; exit 1; }
make -j"$jobs" >build-plain.out 2>&1 || { tail -30 build-plain.out; exit 1; }

# 3. Rebuild the host side with the sanitizers.  Overriding CFLAGS and
#    LDFLAGS on the command line keeps each target's own flags.  The
#    daemon links common/libprotocol.la but is never made again here, so
#    it keeps its plain objects.
echo "check-asan: rebuilding common lib fish tools tests with $san"
for d in common lib fish tools; do make -C $d clean >/dev/null 2>&1; done
for d in tests tests/c-api; do
    make -C $d clean-checkPROGRAMS mostlyclean-compile >/dev/null 2>&1
done
: >build-asan.out
for d in common lib fish tools; do
    sanmake -C $d >>build-asan.out 2>&1 || { tail -30 build-asan.out; exit 1; }
done

fi
cd "$out" || exit 1

# 4. Run the tests (check-am: this directory only, no recursion).  Reports
#    go to $logs/asan.PID and $logs/ubsan.PID.
rm -rf "$logs"; mkdir -p "$logs"
export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/asan:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
fail=0
for t in "${dirs[@]}"; do
    echo "== tests/$t"
    sanmake -C "tests/$t" check-am ${TESTS:+TESTS="$TESTS"} || fail=1
done

# 5. Any report is a failure.  UBSan writes to stderr whatever log_path
#    says when it runs with ASan, so the tests' logs are searched too.
n=$(ls "$logs" | wc -l)
for t in "${dirs[@]}"; do
    grep -l 'runtime error:\|ERROR: AddressSanitizer\|ERROR: LeakSanitizer' \
        tests/"$t"/*.log 2>/dev/null | grep -v test-suite.log
done > "$logs.ub"
u=$(wc -l < "$logs.ub")
echo "check-asan: $n sanitizer report(s) in $logs, $u test log(s) with one"
for f in "$logs"/*; do [ -e "$f" ] && { echo "--- $f"; head -40 "$f"; }; done
while read -r f; do echo "--- $f"; grep -A8 'runtime error:\|Sanitizer' "$f" | head -40; done < "$logs.ub"
[ "$n" -eq 0 ] && [ "$u" -eq 0 ] || fail=1
exit $fail
