#!/bin/bash -
# make check's test of one fuzz harness: every seed in corpus/NAME, then
# FUZZ_CHECK_RUNS (default 2000) mutations of them, with a fixed random
# seed.  Fails if the harness crashes, leaks, hangs or runs out of
# memory (the input that did it is kept in fuzz-artifacts/).  Skipped
# without clang's libFuzzer.
set -u
harness="$1"
name="$(basename "$harness")"

if [ "${HAVE_FUZZER:-no}" != yes ]; then
    echo "SKIP: $name: no clang with libFuzzer (Debian: clang, libclang-rt-14-dev)"
    exit 77
fi
seeds="$srcdir/corpus/$name"
if [ ! -d "$seeds" ]; then
    echo "FAIL: $name: no seed corpus $seeds"
    exit 1
fi
# New inputs go to a scratch directory: the committed corpus stays as it is.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p fuzz-artifacts
# shellcheck disable=SC2086 # FUZZ_OPTIONS is a list of options
"$harness" $FUZZ_OPTIONS -seed=1 -runs="${FUZZ_CHECK_RUNS:-2000}" -print_final_stats=1 \
    -artifact_prefix="fuzz-artifacts/$name-" "$work" "$seeds"
