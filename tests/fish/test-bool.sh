#!/bin/bash -
# Boolean arguments: true/t/yes/y/on/1 and false/f/no/n/off/0, any case.
. "$(dirname "$0")/functions.sh"

for v in true TRUE t yes Y on 1; do
    [ "$(guestfish set-autosync false : set-autosync "$v" : get-autosync)" = true ] ||
        fail "'$v' is not true"
done
for v in false False f no N off OFF 0; do
    [ "$(guestfish set-autosync true : set-autosync "$v" : get-autosync)" = false ] ||
        fail "'$v' is not false"
done
for v in 2 yess "" enable; do
    expect_failure guestfish set-autosync "$v"
    expect_stderr "^guestfish: '$v': invalid boolean value, use 'true' or 'false'$"
done
