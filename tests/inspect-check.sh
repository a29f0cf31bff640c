# Sourced by the test-inspect-*.sh scripts.  check_inspect IMG... compares
# what inspect-dump prints for the images (added in order, read-only)
# with the expected text on stdin, and checks the images were not
# modified.
check_inspect ()
{
    local expected actual before after
    expected=$(cat)
    before=$(cat "$@" | sha256sum)
    actual=$(./inspect-dump "$@")
    after=$(cat "$@" | sha256sum)
    if [ "$actual" != "$expected" ]; then
        echo "FAIL: inspection of $* differs from what is expected:"
        diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") || :
        exit 1
    fi
    if [ "$before" != "$after" ]; then
        echo "FAIL: inspecting $* modified the images"
        exit 1
    fi
    echo "ok: inspection of $*"
}
