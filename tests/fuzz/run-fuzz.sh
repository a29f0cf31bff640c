#!/bin/bash -
# make fuzz: run each harness named for FUZZ_TIME seconds, one after the
# other, starting from its seed corpus (corpus/NAME) and the inputs it
# found in earlier runs (fuzz-work/NAME).  Inputs that crash go to
# fuzz-artifacts/.  Prints executions per harness; fails if any crashed.
set -u
time="${FUZZ_TIME:-60}"
status=0
summary=""

if [ "${HAVE_FUZZER:-no}" != yes ]; then
    echo "make fuzz: no clang with libFuzzer (Debian: clang, libclang-rt-14-dev)" >&2
    exit 1
fi
mkdir -p fuzz-work fuzz-artifacts
for name in "$@"; do
    mkdir -p "fuzz-work/$name"
    echo "== $name: $time s"
    # shellcheck disable=SC2086 # FUZZ_OPTIONS is a list of options
    "./$name" $FUZZ_OPTIONS -max_total_time="$time" -print_final_stats=1 \
        -artifact_prefix="fuzz-artifacts/$name-" \
        "fuzz-work/$name" "$srcdir/corpus/$name" >"fuzz-work/$name.log" 2>&1
    r=$?
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz-work/$name.log")"
    if [ $r -ne 0 ]; then
        status=1
        tail -40 "fuzz-work/$name.log"
        summary+="$name: FAILED after ${execs:-?} executions (fuzz-work/$name.log)"$'\n'
    else
        summary+="$name: ${execs:-?} executions, corpus $(ls "fuzz-work/$name" | wc -l) inputs"$'\n'
    fi
done
echo
printf '%s' "$summary"
exit $status
